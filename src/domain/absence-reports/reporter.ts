/**
 * Who may report a pupil's absence: a guardian with custody today (the guardian's pupil scope), the pupil
 * themself only when their unit lets pupils report, and staff of the unit on the family's behalf (the staff
 * member's pupil scope). Whether the pupil is in the actor's scope is the access module's question; this rule
 * answers the rest.
 */
export type ReporterRole = 'guardian' | 'pupil' | 'staff';

export type ReporterProblem = 'pupil_may_not_report' | 'role_may_not_report';

export function reporterRole(role: string): ReporterRole | null {
  if (role === 'guardian') return 'guardian';
  if (role === 'pupil') return 'pupil';
  if (role === 'teacher' || role === 'administrator' || role === 'principal') return 'staff';
  return null;
}

export function reporterProblem(role: string, unitLetsPupilsReport: boolean): ReporterProblem | null {
  const as = reporterRole(role);
  if (as === null) return 'role_may_not_report';
  if (as === 'pupil' && !unitLetsPupilsReport) return 'pupil_may_not_report';
  return null;
}
