import type { AbsenceTotals } from './sums.js';

/** The unit's follow-up thresholds (unit_absence_setting). */
export interface AbsenceThreshold {
  /** Highlight when the absence is MORE than this share of the lesson minutes (percent). */
  thresholdPercent: number;
  /** Highlight when the pupil has AT LEAST this many late arrivals / early leavings in the period. */
  shortAbsenceCount: number;
}

export type HighlightReason = 'share' | 'short_absences';

/**
 * The threshold rule: a pupil is highlighted for follow-up when their absence (valid and invalid, in
 * minutes) exceeds `thresholdPercent` of the period's scheduled lesson minutes, or when they arrived late
 * or left early at least `shortAbsenceCount` times in the period. Both reasons are given when both hold.
 */
export function highlightReasons(totals: AbsenceTotals, lessonMinutes: number, t: AbsenceThreshold): HighlightReason[] {
  const reasons: HighlightReason[] = [];
  if (lessonMinutes > 0 && totals.absentMinutes * 100 > t.thresholdPercent * lessonMinutes) reasons.push('share');
  if (totals.shortCount >= t.shortAbsenceCount) reasons.push('short_absences');
  return reasons;
}
