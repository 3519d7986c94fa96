// /attendances (GET, lookup, by id): one Attendance per pupil and lesson whose roll call is taken — present
// the whole lesson, or absent with the deviation's minutes, valid or invalid. Ids are name-based on lesson
// and pupil: 60-bit hashes of each, so that an id finds them again (migration 0019); meta is kept per lesson
// in ss12000_attendance_lesson by triggers. The lesson is the calendarEvent (same id), its group the
// activity. A client sees the attendances of its units' lessons.
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import { absenceReasonOf, attendanceMinutes, type DeviationKind } from '../../../domain/ss12000/attendance.js';
import { rows, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { metaOf, metaWhere, ref } from '../http/meta.js';
import { qUuid, type MetaFilters } from '../http/query.js';
import { byIdRoute, listRoute, lookupRoute, pageOf, type Page } from '../http/routes.js';
import { registerAttendanceWrites } from './attendance-writes.js';

export interface AttendanceRow {
  id: string; lesson_id: string; pupil_id: string; minutes: number;
  kind: DeviationKind | null; dev_minutes: number | null; valid: boolean | null; covered: 'report' | 'leave' | null;
  reporter_id: string; reported_at: string; created_at: string | null; modified_at: string | null;
  pupil_name: string | null; reporter_name: string | null; lesson_name: string | null;
}

const unitLimit = (ctx: Ss12000Context): SQL =>
  ctx.client.unitIds ? sql`and l.school_unit_id = any(${sql.param(ctx.client.unitIds)}::uuid[])` : sql``;

/** The attendances `k` the client sees — every member `k` of the group on the day of a lesson `l` whose roll
 *  call `rc` is taken, with the deviation `d` and the lesson's meta `m` — narrowed by `where` (on l and k). */
export function attendancesOf(ctx: Ss12000Context, where: SQL = sql`true`): SQL {
  const names = ctx.withNames
    ? sql`(select p.given_name || ' ' || p.family_name from person p where p.organiser_id = l.organiser_id and p.id = k.pupil_id) as pupil_name,
      (select p.given_name || ' ' || p.family_name from person p where p.organiser_id = l.organiser_id and p.id = coalesce(d.recorded_by, rc.reported_by)) as reporter_name,
      (select g.name || ' ' || l.lesson_date::text || ' ' || to_char(l.start_time, 'HH24:MI') from student_group g where g.organiser_id = l.organiser_id and g.id = l.group_id) as lesson_name`
    : sql`null as pupil_name, null as reporter_name, null as lesson_name`;
  return sql`select ss12000_attendance_id(l.id, k.pupil_id) as id, l.id as lesson_id, k.pupil_id, l.minutes, d.kind, d.minutes as dev_minutes, d.valid,
      case when d.leave_id is not null then 'leave' when d.absence_report_id is not null then 'report' end as covered,
      coalesce(d.recorded_by, rc.reported_by) as reporter_id, coalesce(d.recorded_at, rc.reported_at) as reported_at,
      m.created_at, m.modified_at, ${names}
    from ss12000_attendance_lesson m
    join lesson l on l.organiser_id = m.organiser_id and l.id = m.lesson_id and l.cancelled_at is null
    join roll_call rc on rc.organiser_id = l.organiser_id and rc.lesson_id = l.id
    cross join lateral (select distinct gm.person_id as pupil_id from group_membership gm where gm.organiser_id = l.organiser_id and gm.group_id = l.group_id
      and gm.start_date <= l.lesson_date and (gm.end_date is null or gm.end_date >= l.lesson_date)) k
    left join attendance_deviation d on d.organiser_id = l.organiser_id and d.lesson_id = l.id and d.pupil_id = k.pupil_id
    where m.organiser_id = ${ctx.organiserId} ${unitLimit(ctx)} and ${where}`;
}

export function toAttendance(r: AttendanceRow, ctx: Ss12000Context) {
  const d = r.kind ? { kind: r.kind, minutes: r.dev_minutes!, valid: r.valid!, covered: r.covered } : null;
  const reason = absenceReasonOf(d);
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    calendarEvent: ref(r.lesson_id, r.lesson_name, ctx.withNames),
    student: ref(r.pupil_id, r.pupil_name, ctx.withNames),
    reporter: ref(r.reporter_id, r.reporter_name, ctx.withNames),
    isReported: true,
    ...attendanceMinutes(r.minutes, d),
    ...(reason ? { absenceReason: reason } : {}),
    reportedTimestamp: new Date(r.reported_at).toISOString(),
  };
}

const listQuery = { student: qUuid, organisation: qUuid, calendarEvent: qUuid };
type ListQuery = { student?: string; organisation?: string; calendarEvent?: string } & MetaFilters;

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const where: SQL[] = [metaWhere(q, 'a')];
  if (q.student) where.push(sql`a.pupil_id = ${q.student}::uuid`);
  // an organisation is the organiser (everything) or one of its units
  if (q.organisation && q.organisation !== ctx.organiserId) {
    where.push(sql`exists (select 1 from lesson l where l.organiser_id = ${ctx.organiserId} and l.id = a.lesson_id and l.school_unit_id = ${q.organisation}::uuid)`);
  }
  const inner: SQL[] = [];
  // the lesson bound alone lets the scan start at the page's first lesson (the pair cannot use the index)
  if (page.after) inner.push(sql`m.lesson_id >= ${page.after[0]}::uuid and (m.lesson_id, k.pupil_id) > (${page.after[0]}::uuid, ${page.after[1]}::uuid)`);
  if (q.calendarEvent) inner.push(sql`l.id = ${q.calendarEvent}::uuid`);
  const found = await rows<AttendanceRow>(ctx.db, sql`select a.* from (${attendancesOf(ctx, inner.length ? sql.join(inner, sql` and `) : sql`true`)}
) a where ${sql.join(where, sql` and `)} order by a.lesson_id, a.pupil_id limit ${page.limit + 1}`);
  const p = pageOf(found, page.limit, (r) => [r.lesson_id, r.pupil_id]);
  return { data: p.rows.map((r) => toAttendance(r, ctx)), after: p.after };
}

const lookupBody = z.object({
  ids: z.array(z.uuid()).max(10_000).optional(),
  activities: z.array(z.uuid()).max(10_000).optional(),
  students: z.array(z.uuid()).max(10_000).optional(),
  // the standard's own spelling
  calendareEvents: z.array(z.uuid()).max(10_000).optional(),
});

/** Attendances by id, by activity (the lesson's group), by student or by calendar event (the lesson). */
export async function attendancesWhere(ctx: Ss12000Context, by: z.infer<typeof lookupBody>) {
  const any: SQL[] = [];
  if (by.ids?.length) {
    // an id names its lesson and pupil by their hashes (migration 0019): find them by the expression indexes
    any.push(sql`(l.id in (select x.id from lesson x where x.organiser_id = ${ctx.organiserId}
        and ss12000_hash60(x.id) = any(select ss12000_attendance_lesson_hash(i) from unnest(${sql.param(by.ids)}::uuid[]) i))
      and ss12000_attendance_id(l.id, k.pupil_id) = any(${sql.param(by.ids)}::uuid[]))`);
  }
  if (by.students?.length) any.push(sql`k.pupil_id = any(${sql.param(by.students)}::uuid[])`);
  if (by.calendareEvents?.length) any.push(sql`l.id = any(${sql.param(by.calendareEvents)}::uuid[])`);
  if (by.activities?.length) any.push(sql`l.group_id = any(${sql.param(by.activities)}::uuid[])`);
  if (!any.length) return [];
  const found = await rows<AttendanceRow>(ctx.db, sql`${attendancesOf(ctx, sql`(${sql.join(any, sql` or `)})`)} order by 1`);
  return found.map((r) => toAttendance(r, ctx));
}

export function attendanceResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'attendances' } as const;
  listRoute(v2, deps, { path: '/attendances', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/attendances/lookup', access, body: lookupBody, query: {}, fetch: attendancesWhere });
  byIdRoute(v2, deps, { path: '/attendances/:id', access, query: {}, fetch: async (ctx, id) => (await attendancesWhere(ctx, { ids: [id] }))[0] ?? null });
  registerAttendanceWrites(v2, deps);
}
