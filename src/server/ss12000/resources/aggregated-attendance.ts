// /aggregatedAttendance: per pupil and activity (the teaching group of the lessons) over startDate–endDate,
// summed from the lessons the pupil was a member for (expand embeds the Activity and the Person): offeredSum = minutes of the lessons held (not
// cancelled), reportedSum = minutes of those whose roll call is taken, and of these attendanceSum (present
// minutes), validAbsenceSum and invalidAbsenceSum (the deviations' minutes). Lärka keeps no other
// attendance: otherAttendanceSum is 0. A client sees the lessons of its units. One query per page.
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import { rows, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { ssBadRequest } from '../http/errors.js';
import { ref } from '../http/meta.js';
import { qArray } from '../http/query.js';
import { listRoute, pageOf, type Page } from '../http/routes.js';
import { activitiesWhere } from './activities.js';
import { personsByIds } from './people/persons.js';

interface AggregateRow {
  pupil_id: string; group_id: string; offered: number; reported: number; attended: number; valid: number; invalid: number;
  pupil_name: string | null; group_name: string | null;
}

const listQuery = {
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  organisation: z.uuid().optional(),
  schoolType: qArray(z.string()),
  student: qArray(z.uuid()),
  expand: qArray(z.enum(['activity', 'student'])),
};
type ListQuery = { startDate: string; endDate: string; organisation?: string; schoolType?: string[]; student?: string[]; expand?: ('activity' | 'student')[] };

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  if (q.endDate < q.startDate) throw ssBadRequest('endDate comes before startDate');
  const where: SQL[] = [sql`l.organiser_id = ${ctx.organiserId}`, sql`l.lesson_date between ${q.startDate}::date and ${q.endDate}::date`, sql`l.cancelled_at is null`];
  if (ctx.client.unitIds) where.push(sql`l.school_unit_id = any(${sql.param(ctx.client.unitIds)}::uuid[])`);
  if (q.organisation && q.organisation !== ctx.organiserId) where.push(sql`l.school_unit_id = ${q.organisation}::uuid`);
  const members: SQL[] = [];
  if (q.student) members.push(sql`and m.person_id = any(${sql.param(q.student)}::uuid[])`);
  if (q.schoolType) {
    members.push(sql`and exists (select 1 from enrolment e where e.organiser_id = m.organiser_id and e.person_id = m.person_id and e.school_unit_id = l.school_unit_id
      and e.school_form = any(${sql.param(q.schoolType)}::text[]) and e.start_date <= l.lesson_date and (e.end_date is null or e.end_date >= l.lesson_date))`);
  }
  const a = page.after;
  const having = a ? sql`where (s.pupil_id, s.group_id) > (${a[0]}::uuid, ${a[1]}::uuid)` : sql``;
  const names = ctx.withNames
    ? sql`(select p.given_name || ' ' || p.family_name from person p where p.organiser_id = ${ctx.organiserId} and p.id = s.pupil_id) as pupil_name,
      (select g.name from student_group g where g.organiser_id = ${ctx.organiserId} and g.id = s.group_id) as group_name`
    : sql`null as pupil_name, null as group_name`;
  const found = await rows<AggregateRow>(ctx.db, sql`select s.*, ${names} from (
      select x.pupil_id, x.group_id, sum(x.minutes)::int as offered,
        coalesce(sum(x.minutes) filter (where x.reported), 0)::int as reported,
        coalesce(sum(x.minutes - least(coalesce(x.dev, 0), x.minutes)) filter (where x.reported), 0)::int as attended,
        coalesce(sum(least(x.dev, x.minutes)) filter (where x.reported and x.valid), 0)::int as valid,
        coalesce(sum(least(x.dev, x.minutes)) filter (where x.reported and not x.valid), 0)::int as invalid
      from (
        select m.person_id as pupil_id, l.group_id, l.minutes, rc.lesson_id is not null as reported, d.minutes as dev, d.valid
        from lesson l
        cross join lateral (select distinct m.organiser_id, m.person_id from group_membership m where m.organiser_id = l.organiser_id and m.group_id = l.group_id
          and m.start_date <= l.lesson_date and (m.end_date is null or m.end_date >= l.lesson_date) ${sql.join(members, sql` `)}) m
        left join roll_call rc on rc.organiser_id = l.organiser_id and rc.lesson_id = l.id
        left join attendance_deviation d on d.organiser_id = l.organiser_id and d.lesson_id = l.id and d.pupil_id = m.person_id
        where ${sql.join(where, sql` and `)}
      ) x group by x.pupil_id, x.group_id
    ) s ${having} order by s.pupil_id, s.group_id limit ${page.limit + 1}`);
  const p = pageOf(found, page.limit, (r) => [r.pupil_id, r.group_id]);
  const unique = (xs: string[]) => [...new Set(xs)];
  const activities = q.expand?.includes('activity') && p.rows.length
    ? new Map((await activitiesWhere(ctx, { ids: unique(p.rows.map((r) => r.group_id)) })).map((a) => [a.id, a])) : null;
  const students = q.expand?.includes('student') && p.rows.length
    ? new Map((await personsByIds(ctx, unique(p.rows.map((r) => r.pupil_id)))).map((s) => [s.id, s])) : null;
  const embedded = (r: AggregateRow) => {
    const e = { ...(activities?.has(r.group_id) ? { activity: activities.get(r.group_id)! } : {}), ...(students?.has(r.pupil_id) ? { student: students.get(r.pupil_id)! } : {}) };
    return Object.keys(e).length ? { _embedded: e } : {};
  };
  return {
    data: p.rows.map((r) => ({
      activity: ref(r.group_id, r.group_name, ctx.withNames),
      student: ref(r.pupil_id, r.pupil_name, ctx.withNames),
      startDate: q.startDate, endDate: q.endDate,
      attendanceSum: r.attended, validAbsenceSum: r.valid, invalidAbsenceSum: r.invalid, otherAttendanceSum: 0,
      reportedSum: r.reported, offeredSum: r.offered,
      ...embedded(r),
    })),
    after: p.after,
  };
}

export function aggregatedAttendanceResource(v2: Ss12000App, deps: Ss12000Deps) {
  listRoute(v2, deps, { path: '/aggregatedAttendance', access: { resource: 'aggregatedAttendance' }, query: listQuery, fetch: list });
}
