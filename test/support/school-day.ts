import { sql } from 'drizzle-orm';
import type { Clock } from '../../src/domain/common/dates.js';
import { one, type Database } from '../../src/server/platform/db/database.js';

/**
 * A clock fixed on a school weekday inside the demo data's current term (the real date may be a Sunday, a
 * holiday or summer): the first Wednesday three weeks or more after the start of the term running today,
 * or of the last term begun. Set it after the app is started, before the first login.
 */
export function settableClock(): Clock & { set(day: string): void; today: string } {
  let day = '2026-01-01';
  return {
    now: () => new Date(`${day}T10:00:00+01:00`),
    set(d: string) { day = d; },
    get today() { return day; },
  };
}

export async function schoolWeekday(database: Database): Promise<string> {
  const term = (await one<{ start: string }>(database.db, sql`select to_char(start_date, 'YYYY-MM-DD') as start from term
    where start_date <= current_date order by start_date desc limit 1`))!;
  const d = new Date(`${term.start}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 21);
  while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
import { swedishDate } from '../../src/domain/common/dates.js';
import { addDays, isSchoolDay } from '../../src/domain/timetable/calendar.js';
import { termsFor } from '../../src/server/org/demo/terms.js';

/**
 * A school day of the seeded demo data for tests: a weekday (not a holiday; the demo has none) within the
 * current term of the demo's terms, near the real date — today when it is one, else the next school day of
 * the term, else the term's last. Tests fix their clock on it, so they do not depend on the weekday or the
 * season they run in. The demo generates lessons for every school day of the current school year's terms.
 */
export function schoolDayNear(today: string = swedishDate(new Date())): string {
  const terms = termsFor(today, 0);
  const term = terms.find((t) => t.startDate <= today && today <= t.endDate)
    ?? [...terms].reverse().find((t) => t.endDate < today) ?? terms[0];
  const from = today < term.startDate ? term.startDate : today > term.endDate ? term.endDate : today;
  for (let d = from; d <= term.endDate; d = addDays(d, 1)) if (isSchoolDay(d, term, [])) return d;
  for (let d = from; d >= term.startDate; d = addDays(d, -1)) if (isSchoolDay(d, term, [])) return d;
  throw new Error(`no school day in ${term.schoolYear} ${term.kind}`);
}

/** The instant of a time of day (Europe/Stockholm) on a day, as ISO (for LARKA_NOW). */
export function stockholmInstant(day: string, time = '09:30'): string {
  // Sweden is UTC+1 in winter and UTC+2 in summer: try both and keep the one that is that local time
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(`${day}T${time}:00${offset}`);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(at);
    if (local === time) return at.toISOString();
  }
  return new Date(`${day}T${time}:00+01:00`).toISOString();
}

/** A fixed clock at a time of day on a school day (default the one near today). */
export const schoolDayClock = (day = schoolDayNear(), time = '09:30'): Clock => {
  const at = new Date(stockholmInstant(day, time));
  return { now: () => at };
};
