/**
 * School days of a term (pure): weekdays Monday–Friday within the term, outside its holidays (organiser-wide
 * and the unit's; the caller passes those that apply). Dates are YYYY-MM-DD, handled in UTC so no clock or
 * time zone is involved.
 */
export interface Span { startDate: string; endDate: string }

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => fromMs(toMs(day) + n * DAY_MS);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const d = new Date(toMs(day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the day's week. */
export const mondayOf = (day: string): string => addDays(day, 1 - isoWeekday(day));

export const inSpan = (day: string, s: Span): boolean => s.startDate <= day && day <= s.endDate;

/** A school day: a weekday within the term and not in one of its holidays. */
export function isSchoolDay(day: string, term: Span, holidays: readonly Span[]): boolean {
  return inSpan(day, term) && isoWeekday(day) <= 5 && !holidays.some((h) => inSpan(day, h));
}

/** The school day before or after `day` within the term (null when there is none). */
export function adjacentSchoolDay(day: string, direction: -1 | 1, term: Span, holidays: readonly Span[]): string | null {
  for (let d = addDays(day, direction); inSpan(d, term); d = addDays(d, direction)) {
    if (isSchoolDay(d, term, holidays)) return d;
  }
  return null;
}

/** Every day of the term with this weekday that is a school day, from `from` (inclusive) when given. */
export function weekdayDates(weekday: number, term: Span, holidays: readonly Span[], from?: string): string[] {
  const out: string[] = [];
  const first = from && from > term.startDate ? from : term.startDate;
  let d = addDays(first, (weekday - isoWeekday(first) + 7) % 7);
  for (; d <= term.endDate; d = addDays(d, 7)) if (isSchoolDay(d, term, holidays)) out.push(d);
  return out;
}
