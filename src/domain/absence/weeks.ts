/**
 * ISO weeks (Monday-based; week 1 holds the year's first Thursday) for the per-week heat map. Dates are
 * calendar days 'YYYY-MM-DD' and are computed in UTC so that no time zone shifts a day.
 */
const DAY = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday of the date's ISO week. */
export function mondayOf(date: string): string {
  const ms = toDay(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return fromDay(ms - weekday * DAY);
}

/** The ISO week of a date: its week-numbering year and number, e.g. 2026-12-31 → 2026-W53, 2027-01-01 → 2026-W53. */
export function isoWeek(date: string): { year: number; week: number; key: string } {
  const thursday = toDay(mondayOf(date)) + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { year, week, key: `${year}-W${String(week).padStart(2, '0')}` };
}

/** The Mondays of every ISO week that has a day in the period (inclusive), in order. */
export function weeksOfPeriod(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toDay(mondayOf(from)); ms <= toDay(to); ms += 7 * DAY) out.push(fromDay(ms));
  return out;
}

export interface WeekBucket { monday: string; week: number; key: string; lessonMinutes: number; absentMinutes: number; share: number | null }

/** Per-week buckets of a period: the lesson and absent minutes of each week (given per Monday), with the
 *  share in percent (one decimal; null in a week without lessons). Every week of the period is present. */
export function weekBuckets(from: string, to: string, lessonMinutes: ReadonlyMap<string, number>, absentMinutes: ReadonlyMap<string, number>): WeekBucket[] {
  return weeksOfPeriod(from, to).map((monday) => {
    const lessons = lessonMinutes.get(monday) ?? 0;
    const absent = absentMinutes.get(monday) ?? 0;
    const { week, key } = isoWeek(monday);
    return { monday, week, key, lessonMinutes: lessons, absentMinutes: absent, share: lessons > 0 ? Math.round((absent / lessons) * 1000) / 10 : null };
  });
}
