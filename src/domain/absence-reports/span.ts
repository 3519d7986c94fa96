/**
 * The span of a guardian's absence report (frånvaroanmälan): whole days (no times) from one date to another,
 * or part of one day (from–to time on a single date). Dates YYYY-MM-DD, times 'HH:MM'.
 */
export interface ReportSpan {
  fromDate: string;
  toDate: string;
  fromTime: string | null;
  toTime: string | null;
}

export type SpanProblem = 'dates_reversed' | 'times_incomplete' | 'times_reversed' | 'part_day_spans_days';

/** A span is well formed: dates in order; times both given or both absent; a part-day span on one date,
 *  its start before its end. Returns the first problem, or null. */
export function spanProblem(s: ReportSpan): SpanProblem | null {
  if (s.toDate < s.fromDate) return 'dates_reversed';
  if ((s.fromTime === null) !== (s.toTime === null)) return 'times_incomplete';
  if (s.fromTime !== null && s.toTime !== null) {
    if (s.fromDate !== s.toDate) return 'part_day_spans_days';
    if (hm(s.toTime) <= hm(s.fromTime)) return 'times_reversed';
  }
  return null;
}

export const isWholeDay = (s: ReportSpan) => s.fromTime === null;

/** 'HH:MM' of a time given as 'HH:MM' or 'HH:MM:SS'. */
export const hm = (t: string) => t.slice(0, 5);

/** The calendar day `n` days after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
