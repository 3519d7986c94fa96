// GET /api/unit/staff, POST /api/delegations, POST /api/delegations/:id/end.
import type { PrincipalStart } from '../start/types';

export type Delegation = PrincipalStart['delegations'][number];
export type DelegableKind = Delegation['decisionKind'];

/** The kinds a principal may delegate; sign_final_grades is never offered (the principal signs slutbetyg). */
export const DELEGABLE_KINDS: readonly DelegableKind[] = ['sign_term_grades', 'decide_leave', 'decide_action_programme'];

export interface StaffMember {
  id: string;
  name: string;
  roles: string[];
  licensed: boolean;
}

export interface NewDelegation {
  delegateId: string;
  decisionKind: DelegableKind;
  startDate: string;
  endDate: string | null;
}

/** What the list shows: in force, withdrawn, over, or not yet begun. */
export type DelegationStatus = 'active' | 'revoked' | 'ended' | 'coming';

export function delegationStatus(d: Delegation, today: string): DelegationStatus {
  if (d.revoked) return 'revoked';
  if (d.active) return 'active';
  return d.from > today ? 'coming' : 'ended';
}

/** Error codes of POST /api/delegations that the form explains in words. */
export const KNOWN_PROBLEMS = ['not_delegable', 'self', 'end_before_start', 'ends_in_past', 'delegate_not_staff', 'invalid_input'] as const;
export type KnownProblem = (typeof KNOWN_PROBLEMS)[number];

/** A real calendar date written YYYY-MM-DD (the format is the same in every UI language). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
