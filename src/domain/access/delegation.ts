/** Kinds of decision a principal may delegate (skollagen 2 kap. 10 §), and those never delegable. */
export const DECISION_KINDS = ['sign_term_grades', 'decide_leave', 'decide_action_programme', 'sign_final_grades'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Final grade documents are signed by the principal only (DOMAIN.md §3 step 8). */
export const NON_DELEGABLE: readonly DecisionKind[] = ['sign_final_grades'];
export const isDelegable = (kind: DecisionKind) => !NON_DELEGABLE.includes(kind);

export interface Delegation {
  schoolUnitId: string;
  delegateId: string;
  decisionKind: DecisionKind;
  startDate: string; // YYYY-MM-DD
  endDate: string | null; // inclusive; null = until further notice
}

/** A delegation is in force from its first day to its last day inclusive. Dates are YYYY-MM-DD. */
export function isDelegationActive(d: Pick<Delegation, 'startDate' | 'endDate'>, today: string): boolean {
  return d.startDate <= today && (d.endDate === null || today <= d.endDate);
}

/** May this staff member take this decision at this unit today? The principal always may;
 *  a delegate only through a delegation in force, and never for a non-delegable kind. */
export function mayDecide(
  who: { personId: string; isPrincipalOfUnit: boolean },
  kind: DecisionKind,
  unitId: string,
  delegations: Delegation[],
  today: string,
): boolean {
  if (who.isPrincipalOfUnit) return true;
  if (!isDelegable(kind)) return false;
  return delegations.some((d) => d.delegateId === who.personId && d.schoolUnitId === unitId
    && d.decisionKind === kind && isDelegationActive(d, today));
}
