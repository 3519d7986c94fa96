/**
 * The term grade document shows the pupil's invalid absence (ogiltig frånvaro) for the term in whole
 * hours, while absence is kept in minutes. Rule used by Lärka: the term's minutes are summed first and
 * then rounded to the nearest whole hour, half an hour rounding up (29 min → 0 h, 30 min → 1 h,
 * 89 min → 1 h, 90 min → 2 h). Rounding once, on the sum, never per lesson.
 */
export function wholeHours(totalMinutes: number): number {
  if (!Number.isFinite(totalMinutes) || totalMinutes <= 0) return 0;
  return Math.floor(totalMinutes / 60 + 0.5);
}
