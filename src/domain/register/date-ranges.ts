/**
 * Date ranges of relations (enrolment, membership, duty, guardianship): a first day and an optional last
 * day, both inclusive, as YYYY-MM-DD. An open end (null) runs until further notice. ISO dates compare as
 * strings, so no date library is needed here.
 */
export interface DateRange { startDate: string; endDate: string | null }

/** The last day is on or after the first (an open end always is). */
export const isValidRange = (r: DateRange): boolean => r.endDate === null || r.startDate <= r.endDate;

/** Two ranges share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  const aEndsBeforeB = a.endDate !== null && a.endDate < b.startDate;
  const bEndsBeforeA = b.endDate !== null && b.endDate < a.startDate;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The range is in force on the day. */
export const inForceOn = (r: DateRange, day: string): boolean => r.startDate <= day && (r.endDate === null || r.endDate >= day);

/** The day before an ISO date (the last day of a relation that a new one replaces from `day`). */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
