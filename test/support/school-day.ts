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
