/**
 * Ledighetsansökan: a guardian applies for leave for their child, in their own words (e.g. "Familjeresa";
 * never a medical reason). It is pending until the principal of the pupil's unit, or a staff member the
 * principal delegated 'decide_leave' to, grants or refuses it (a refusal says why); a guardian may withdraw
 * it while it is pending. Granted, refused and withdrawn are final.
 */
export const LEAVE_STATUSES = ['pending', 'granted', 'refused', 'withdrawn'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export type LeaveDecision = 'granted' | 'refused';

export interface LeaveRequest { fromDate: string; toDate: string; reason: string }

export type ApplicationProblem = 'dates_reversed' | 'starts_in_past' | 'reason_required';

/** An application is for today or later, its dates in order, with a reason. */
export function applicationProblem(a: LeaveRequest, today: string): ApplicationProblem | null {
  if (a.toDate < a.fromDate) return 'dates_reversed';
  if (a.fromDate < today) return 'starts_in_past';
  if (a.reason.trim() === '') return 'reason_required';
  return null;
}

/** Only a pending application can be decided or withdrawn. */
export const isOpen = (status: LeaveStatus) => status === 'pending';

export type DecisionProblem = 'not_pending' | 'reason_required';

/** A decision is taken on a pending application; a refusal needs a reason. */
export function decisionProblem(status: LeaveStatus, decision: LeaveDecision, reason: string | null | undefined): DecisionProblem | null {
  if (!isOpen(status)) return 'not_pending';
  if (decision === 'refused' && (reason ?? '').trim() === '') return 'reason_required';
  return null;
}

/** A guardian withdraws an application while it is pending. */
export function withdrawProblem(status: LeaveStatus): 'not_pending' | null {
  return isOpen(status) ? null : 'not_pending';
}

/** Granted leave makes absence valid; every other state does not. */
export const makesAbsenceValid = (status: LeaveStatus) => status === 'granted';
