/**
 * A constructed week of lessons and deviations for the absence tests, written through the tables (the
 * timetable and roll-call have their own pages): the week's lessons and deviations are cleared first so
 * the sums depend on this week alone.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../src/server/platform/db/database.js';

export const WEEK = { monday: '2026-11-16', friday: '2026-11-20', wednesday: '2026-11-18' };
/** A fixed clock on the Wednesday of that week (inside the autumn term of the demo data). */
export const WEEK_CLOCK = { now: () => new Date('2026-11-18T10:00:00Z') };

export interface Week {
  pupilId: string; classId: string; maGroupId: string; svGroupId: string; unitId: string;
  lessons: { maMon: string; svTue: string; maWed: string; svThu: string };
}

export async function constructWeek(db: Db, organiserId: string, username = 'elev'): Promise<Week> {
  const pupilId = (await one<{ id: string }>(db, sql`select person_id as id from account where username = ${username}`))!.id;
  const groups = await rows<{ id: string; type: string; subject: string | null; unit: string }>(db, sql`select g.id, g.group_type as type,
      g.subject_code as subject, g.school_unit_id as unit from group_membership m join student_group g on g.organiser_id = m.organiser_id
      and g.id = m.group_id where m.organiser_id = ${organiserId} and m.person_id = ${pupilId} and m.end_date is null order by g.name`);
  const cls = groups.find((g) => g.type === 'class')!;
  const ma = groups.find((g) => g.subject === 'MA')!;
  const sv = groups.find((g) => g.subject === 'SV')!;
  await db.execute(sql`delete from attendance_deviation where organiser_id = ${organiserId} and occurred_on between ${WEEK.monday} and ${WEEK.friday}`);
  await db.execute(sql`delete from roll_call where organiser_id = ${organiserId} and lesson_id in (select id from lesson
    where lesson_date between ${WEEK.monday} and ${WEEK.friday})`);
  await db.execute(sql`delete from lesson where organiser_id = ${organiserId} and lesson_date between ${WEEK.monday} and ${WEEK.friday}`);
  const lesson = async (groupId: string, date: string, cancelled = false) => {
    const id = randomUUID();
    await db.execute(sql`insert into lesson (organiser_id, id, group_id, school_unit_id, lesson_date, start_time, end_time, minutes, cancelled_at)
      values (${organiserId}, ${id}, ${groupId}, ${cls.unit}, ${date}, '09:00', '10:00', 60, ${cancelled ? sql`now()` : sql`null`})`);
    return id;
  };
  const lessons = {
    maMon: await lesson(ma.id, '2026-11-16'), svTue: await lesson(sv.id, '2026-11-17'),
    maWed: await lesson(ma.id, '2026-11-18'), svThu: await lesson(sv.id, '2026-11-19', true),
  };
  return { pupilId, classId: cls.id, maGroupId: ma.id, svGroupId: sv.id, unitId: cls.unit, lessons };
}

/** A deviation on a lesson of the week; a valid absence is covered by a guardian's report made here. */
export async function deviate(db: Db, organiserId: string, w: Week, lessonId: string, kind: 'absent' | 'late' | 'left_early', minutes: number, reported = false) {
  const l = (await one<{ date: string; group_id: string; subject: string }>(db, sql`select to_char(l.lesson_date, 'YYYY-MM-DD') as date, l.group_id,
      g.subject_code as subject from lesson l join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id where l.id = ${lessonId}`))!;
  let reportId: string | null = null;
  if (reported) {
    reportId = randomUUID();
    const guardian = (await one<{ id: string }>(db, sql`select guardian_id as id from guardianship where child_id = ${w.pupilId} limit 1`))!.id;
    await db.execute(sql`insert into absence_report (organiser_id, id, pupil_id, reported_by, reporter_role, from_date, to_date)
      values (${organiserId}, ${reportId}, ${w.pupilId}, ${guardian}, 'guardian', ${l.date}, ${l.date})`);
  }
  await db.execute(sql`insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid, subject_code, group_id, lesson_id, absence_report_id)
    values (${organiserId}, ${randomUUID()}, ${w.pupilId}, ${l.date}, ${kind}, ${minutes}, ${reported}, ${l.subject}, ${l.group_id}, ${lessonId}, ${reportId})`);
}

/**
 * Lessons and deviations for a whole unit over a period, set-based: every teaching group of the unit gets
 * 50-minute lessons on `daysPerGroup` weekdays a week (chosen per group), a class taught as a class six a day, and each pupil's lesson is an
 * absence with `absentPerMille`/1000 chance (unreported, so invalid: a valid one needs a report, see `deviate`) or a
 * 10-minute late arrival with `latePerMille`/1000 chance — deterministic (hashes of the ids). For the browser journey
 * and the benchmark, while the demo data has no timetable of its own.
 */
export async function generateUnitAbsence(db: Db, organiserId: string, o: {
  unitId: string; from: string; to: string; daysPerGroup?: number; absentPerMille?: number; latePerMille?: number;
}): Promise<{ lessons: number; deviations: number }> {
  const days = o.daysPerGroup ?? 3;
  // teaching groups: one lesson on `days` weekdays; a class of a school year without teaching groups (taught as
  // a class, e.g. F–6): six lessons every weekday
  const [lessons] = await rows<{ n: number }>(db, sql`with taught as (
      select g.*, case when g.group_type = 'class' then 6 else 1 end as per_day from student_group g
       where g.organiser_id = ${organiserId} and g.school_unit_id = ${o.unitId}
         and (g.group_type = 'teaching' or (g.group_type = 'class' and not exists (select 1 from student_group t where t.organiser_id = g.organiser_id
              and t.school_unit_id = g.school_unit_id and t.group_type = 'teaching' and t.school_year = g.school_year)))),
    made as (
      insert into lesson (organiser_id, id, group_id, school_unit_id, lesson_date, start_time, end_time, minutes)
      select g.organiser_id, gen_random_uuid(), g.id, g.school_unit_id, d::date,
             make_time(8 + (abs(hashtext(g.id::text)) + slot) % 7, 0, 0), make_time(9 + (abs(hashtext(g.id::text)) + slot) % 7, 0, 0), 50
        from taught g cross join generate_series(${o.from}::date, ${o.to}::date, interval '1 day') d cross join generate_series(0, 5) slot
       where slot < g.per_day and extract(isodow from d) <= 5
         and (g.per_day > 1 or (abs(hashtext(g.id::text)) + extract(isodow from d)::int) % 5 < ${days})
         and not exists (select 1 from holiday h where h.organiser_id = g.organiser_id and (h.school_unit_id is null or h.school_unit_id = g.school_unit_id)
                          and d::date between h.start_date and h.end_date)
      returning 1)
    select count(*)::int as n from made`);
  const [deviations] = await rows<{ n: number }>(db, sql`with pick as (
      select distinct on (m.person_id, l.id) m.person_id, l.id as lesson_id, l.lesson_date, l.group_id, g.subject_code, l.minutes,
             abs(hashtext(m.person_id::text || l.id::text)) % 1000 as roll
        from lesson l
        join group_membership m on m.organiser_id = l.organiser_id and m.group_id = l.group_id
         and m.start_date <= l.lesson_date and (m.end_date is null or m.end_date >= l.lesson_date)
        join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id
       where l.organiser_id = ${organiserId} and l.school_unit_id = ${o.unitId} and l.lesson_date between ${o.from}::date and ${o.to}::date
         and l.cancelled_at is null),
    made as (
      insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid, subject_code, group_id, lesson_id)
      select ${organiserId}, gen_random_uuid(), person_id, lesson_date, case when roll < ${o.absentPerMille ?? 50} then 'absent' else 'late' end,
             case when roll < ${o.absentPerMille ?? 50} then minutes else 10 end, false, subject_code, group_id, lesson_id
        from pick where roll < ${(o.absentPerMille ?? 50) + (o.latePerMille ?? 15)}
      on conflict do nothing
      returning 1)
    select count(*)::int as n from made`);
  return { lessons: lessons.n, deviations: deviations.n };
}
