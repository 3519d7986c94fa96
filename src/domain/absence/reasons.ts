import type { DeviationKind } from './validity.js';

/** Why a deviation is valid or invalid, as shown to staff, guardians and pupils. */
export type DeviationReason = 'reported_guardian' | 'reported_pupil' | 'reported_staff' | 'leave' | 'unreported' | 'late' | 'left_early';

/** The reason follows from the same facts as the validity: granted leave, a report (by whom), or none. */
export function deviationReason(d: { kind: DeviationKind; leaveId: string | null; absenceReportId: string | null; reporterRole?: string | null }): DeviationReason {
  if (d.kind === 'late') return 'late';
  if (d.kind === 'left_early') return 'left_early';
  if (d.leaveId) return 'leave';
  if (d.absenceReportId) return d.reporterRole === 'pupil' ? 'reported_pupil' : d.reporterRole === 'staff' ? 'reported_staff' : 'reported_guardian';
  return 'unreported';
}
