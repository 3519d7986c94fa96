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
  revoked?: boolean; // withdrawn by the principal
}

/** A delegation is in force from its first day to its last day inclusive, unless withdrawn. Dates are YYYY-MM-DD. */
export function isDelegationActive(d: Pick<Delegation, 'startDate' | 'endDate' | 'revoked'>, today: string): boolean {
  return !d.revoked && d.startDate <= today && (d.endDate === null || today <= d.endDate);
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

export type DelegationProblem = 'not_delegable' | 'self' | 'end_before_start' | 'ends_in_past';

/** The rules for a new delegation: a delegable kind, to someone else, a period that ends on or after
 *  its first day and not already over. Returns the first problem, or null when it may be recorded. */
export function delegationProblem(
  d: { principalId: string; delegateId: string; decisionKind: DecisionKind; startDate: string; endDate: string | null },
  today: string,
): DelegationProblem | null {
  if (!isDelegable(d.decisionKind)) return 'not_delegable';
  if (d.principalId === d.delegateId) return 'self';
  if (d.endDate !== null && d.endDate < d.startDate) return 'end_before_start';
  if (d.endDate !== null && d.endDate < today) return 'ends_in_past';
  return null;
}
