import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../src/domain/common/dates.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one } from '../../src/server/platform/db/database.js';
import { Client, type TestApp } from '../support/api.js';

/** A Wednesday of the autumn term, 10:00 in Stockholm: a school day whatever the real date is. */
export const TODAY = '2026-11-18';
export const fixedClock: Clock = { now: () => new Date(`${TODAY}T09:00:00Z`) };

export async function loggedIn(t: TestApp, username: string): Promise<Client> {
  const c = new Client(t.app, `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
  const res = await c.login(username);
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return c;
}

/** The child of a demo guardian at a unit (by name). */
export async function childOf(t: TestApp, username: string, unitName: string): Promise<{ id: string; givenName: string }> {
  return (await one<{ id: string; givenName: string }>(t.database.db, sql`select c.id, c.given_name as "givenName" from account a
    join guardianship gu on gu.guardian_id = a.person_id join person c on c.id = gu.child_id
    join enrolment e on e.person_id = c.id and e.end_date is null join school_unit u on u.id = e.school_unit_id and u.name = ${unitName}
   where a.username = ${username} limit 1`))!;
}

/** Another guardian of the child, given an account to log in with. */
export async function otherGuardianOf(t: TestApp, childId: string, notPersonOf: string, username: string): Promise<string> {
  const g = (await one<{ id: string }>(t.database.db, sql`select gu.guardian_id as id from guardianship gu
    where gu.child_id = ${childId} and gu.guardian_id <> (select person_id from account where username = ${notPersonOf}) limit 1`))!.id;
  await t.database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${randomUUID()}, ${g}, ${username}, ${await hashPassword('demo')})`);
  return g;
}

/** A guardian of another family (custody of none of `childId`'s family), given an account. */
export async function strangerGuardian(t: TestApp, childId: string, username: string): Promise<{ personId: string; childId: string }> {
  const g = (await one<{ guardian_id: string; child_id: string }>(t.database.db, sql`select gu.guardian_id, gu.child_id from guardianship gu
    where gu.end_date is null and gu.guardian_id not in (select guardian_id from guardianship where child_id = ${childId})
      and not exists (select 1 from account a where a.person_id = gu.guardian_id) order by gu.guardian_id limit 1`))!;
  await t.database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${randomUUID()}, ${g.guardian_id}, ${username}, ${await hashPassword('demo')})`);
  return { personId: g.guardian_id, childId: g.child_id };
}

/** A lesson of one of the pupil's teaching groups on a day, with the pupil registered absent (invalid), as the
 *  roll-call would store it. Returns the deviation's id. */
export async function registeredAbsence(t: TestApp, pupilId: string, day: string, start: string, end: string): Promise<string> {
  const db = t.database.db;
  const g = (await one<{ id: string; unit: string }>(db, sql`select g.id, g.school_unit_id as unit from group_membership m
    join student_group g on g.id = m.group_id where m.person_id = ${pupilId} and m.end_date is null
    order by g.group_type = 'teaching' desc, g.subject_code limit 1`))!;
  const lessonId = randomUUID();
  const minutes = (Number(end.slice(0, 2)) * 60 + Number(end.slice(3))) - (Number(start.slice(0, 2)) * 60 + Number(start.slice(3)));
  await db.execute(sql`insert into lesson (organiser_id, id, group_id, school_unit_id, lesson_date, start_time, end_time, minutes)
    values (${t.organiserId}, ${lessonId}, ${g.id}, ${g.unit}, ${day}, ${start}, ${end}, ${minutes})`);
  const id = randomUUID();
  await db.execute(sql`insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid, group_id, lesson_id)
    values (${t.organiserId}, ${id}, ${pupilId}, ${day}, 'absent', ${minutes}, false, ${g.id}, ${lessonId})`);
  return id;
}

export async function deviation(t: TestApp, id: string) {
  return (await one<{ valid: boolean; absence_report_id: string | null; leave_id: string | null }>(t.database.db,
    sql`select valid, absence_report_id, leave_id from attendance_deviation where id = ${id}`))!;
}

export async function count(t: TestApp, table: string, where: ReturnType<typeof sql>): Promise<number> {
  return (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))!.n;
}

/** A clean slate for the pupil: the demo's absence history (roll-call deviations and the guardians' reports
 *  behind them) removed, so a test sees only what it does itself. */
export async function withoutAbsenceHistory(t: TestApp, pupilId: string): Promise<void> {
  await t.database.db.execute(sql`delete from attendance_deviation where pupil_id = ${pupilId}`);
  await t.database.db.execute(sql`delete from absence_report where pupil_id = ${pupilId}`);
}
