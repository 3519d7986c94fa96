// /calendarEvents: our lessons. The activity is the lesson's teaching group; start and end are the lesson's
// day and times in Europe/Stockholm written with their offset (RFC 3339); a cancelled lesson is served as
// cancelled with its reason as comment; the room it names is a /rooms entity. expand=activity embeds it.
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import { rfc3339At } from '../../../domain/ss12000/study.js';
import { rows, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { clientMay } from '../../platform/access/ss12000-clients.js';
import { Ss12000Error, ssForbidden } from '../http/errors.js';
import { metaOf, metaWhere, ref } from '../http/meta.js';
import { qArray, qDateTime, qUuid, type MetaFilters } from '../http/query.js';
import { byIdRoute, listRoute, lookupRoute, pageOf, type Page } from '../http/routes.js';
import { activitiesWhere } from './activities.js';
import { attendancesWhere } from './attendances.js';
import { roomIdOf } from './rooms.js';
import { keyset, organisationFilter, pageQuery, unitScope, type SortColumn } from './study-sql.js';

interface EventRow {
  id: string; group_id: string; group_name: string; start_local: string; end_local: string; start_offset: number; end_offset: number;
  minutes: number; cancelled: boolean; cancel_reason: string | null; room_id: string | null; room: string | null;
  created_at: string | null; modified_at: string | null; modified_key: string | null; start_key: string;
}

const local = (time: string) => sql.raw(`(l.lesson_date + l.${time})`);
const instant = (time: string) => sql`(${local(time)} at time zone 'Europe/Stockholm')`;
/** The UTC offset in minutes of a Stockholm local time. */
const offsetOf = (time: string) => sql`(extract(epoch from ${local(time)} - (${instant(time)} at time zone 'UTC')) / 60)::int`;
const startsAt = instant('start_time');

/** The lessons of teaching groups the client may see, as `l` with group `g` and meta `m`. */
function eventsOf(ctx: Ss12000Context): SQL {
  return sql`lesson l
    join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id and g.group_type = 'teaching'
    left join ss12000_entity m on m.organiser_id = l.organiser_id and m.entity_type = 'calendarEvents' and m.entity_id = l.id
    where l.organiser_id = ${ctx.organiserId} and ${unitScope(ctx, sql`l.school_unit_id`)}`;
}

const SELECT = sql`select l.id, g.id as group_id, g.name as group_name,
  to_char(${local('start_time')}, 'YYYY-MM-DD"T"HH24:MI:SS') as start_local, to_char(${local('end_time')}, 'YYYY-MM-DD"T"HH24:MI:SS') as end_local,
  ${offsetOf('start_time')} as start_offset, ${offsetOf('end_time')} as end_offset, l.minutes::int as minutes,
  l.cancelled_at is not null as cancelled, l.cancel_reason, case when l.room is not null then ${roomIdOf('l')} end as room_id, l.room,
  m.created_at, m.modified_at, m.modified_at::text as modified_key, ${startsAt}::text as start_key`;

function toEvent(r: EventRow, ctx: Ss12000Context) {
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    activity: ref(r.group_id, r.group_name, ctx.withNames),
    startTime: rfc3339At(r.start_local, r.start_offset),
    endTime: rfc3339At(r.end_local, r.end_offset),
    cancelled: r.cancelled,
    teachingLengthTeacher: r.minutes,
    teachingLengthStudent: r.minutes,
    ...(r.cancelled && r.cancel_reason ? { comment: r.cancel_reason } : {}),
    ...(r.room_id ? { rooms: [ref(r.room_id, r.room, ctx.withNames)] } : {}),
  };
}

type Expand = 'activity' | 'attendance';

/** The events of the rows, with the activity embedded when asked (attendance is served by /attendances). */
function byEvent<A extends { calendarEvent: { id: string } }>(attendances: A[]): Map<string, A[]> {
  const m = new Map<string, A[]>();
  for (const a of attendances) m.set(a.calendarEvent.id, [...(m.get(a.calendarEvent.id) ?? []), a]);
  return m;
}

/** The events of the rows, with the asked expansions embedded: the activity, and the attendance registered
 *  on each (when the client is also granted attendances; otherwise the expansion is left out). */
async function eventsOfRows(ctx: Ss12000Context, found: EventRow[], expand: Expand[] = []) {
  const events = found.map((r) => toEvent(r, ctx));
  if (!expand.length || !events.length) return events;
  const activities = expand.includes('activity')
    ? new Map((await activitiesWhere(ctx, { ids: [...new Set(found.map((r) => r.group_id))] })).map((a) => [a.id, a])) : null;
  const attendance = expand.includes('attendance') && clientMay(ctx.client, { resource: 'attendances' })
    ? byEvent(await attendancesWhere(ctx, { calendareEvents: events.map((e) => e.id) })) : null;
  return events.map((e) => {
    const embedded = {
      ...(activities?.has(e.activity.id) ? { activity: activities.get(e.activity.id)! } : {}),
      ...(attendance ? { attendance: attendance.get(e.id) ?? [] } : {}),
    };
    return Object.keys(embedded).length ? { ...e, _embedded: embedded } : e;
  });
}

const requiredDateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const expandQuery = { expand: qArray(z.enum(['activity', 'attendance'])) };
const listQuery = {
  'startTime.onOrAfter': requiredDateTime, 'startTime.onOrBefore': requiredDateTime,
  'endTime.onOrBefore': qDateTime, 'endTime.onOrAfter': qDateTime,
  activity: qUuid, student: qUuid, teacher: qUuid, organisation: qUuid, group: qUuid,
  ...expandQuery,
  sortkey: z.enum(['ModifiedDesc', 'StartTimeAsc', 'StartTimeDesc']).optional(),
};
type ListQuery = z.infer<z.ZodObject<typeof listQuery>> & MetaFilters;

const byId: SortColumn<EventRow> = { expr: sql`l.id`, cast: 'uuid', key: (r) => r.id };
const byStart: SortColumn<EventRow> = { expr: startsAt, cast: 'timestamptz', key: (r) => r.start_key };

const withStudents = (ids: string[]) => sql`exists (select 1 from group_membership gm where gm.organiser_id = g.organiser_id and gm.group_id = g.id
  and gm.person_id = any(${sql.param(ids)}::uuid[]))`;
const withTeachers = (dutyIds: string[]) => sql`exists (select 1 from group_staff gs join duty d on d.organiser_id = gs.organiser_id
  and d.person_id = gs.person_id and d.school_unit_id = g.school_unit_id
  where gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'teacher' and d.id = any(${sql.param(dutyIds)}::uuid[]))`;
/** The Stockholm day of an instant, to let the lesson-day index narrow the search. */
const dayOf = (at: Date) => sql`(${at.toISOString()}::timestamptz at time zone 'Europe/Stockholm')::date`;

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const order = q.sortkey === 'StartTimeAsc' || q.sortkey === 'StartTimeDesc'
    ? keyset([byStart, byId], q.sortkey === 'StartTimeDesc', page.after)
    : q.sortkey === 'ModifiedDesc'
      ? keyset([{ expr: sql`m.modified_at`, cast: 'timestamptz', key: (r: EventRow) => r.modified_key }, byId], true, page.after)
      : keyset([byId], false, page.after);
  const from = q['startTime.onOrAfter'];
  const to = q['startTime.onOrBefore'];
  const where: SQL[] = [metaWhere(q), order.where,
    sql`l.lesson_date between ${dayOf(from)} - 1 and ${dayOf(to)} + 1`,
    sql`${startsAt} >= ${from.toISOString()}::timestamptz`, sql`${startsAt} <= ${to.toISOString()}::timestamptz`];
  if (q['endTime.onOrAfter']) where.push(sql`${instant('end_time')} >= ${q['endTime.onOrAfter'].toISOString()}::timestamptz`);
  if (q['endTime.onOrBefore']) where.push(sql`${instant('end_time')} <= ${q['endTime.onOrBefore'].toISOString()}::timestamptz`);
  if (q.activity) where.push(sql`g.id = ${q.activity}::uuid`);
  if (q.group) where.push(sql`g.id = ${q.group}::uuid`);
  if (q.organisation) where.push(organisationFilter(ctx, q.organisation, sql`l.school_unit_id`));
  if (q.student) where.push(withStudents([q.student]));
  if (q.teacher) where.push(withTeachers([q.teacher]));
  const found = await rows<EventRow>(ctx.db, pageQuery(SELECT, eventsOf(ctx), sql`l.id`, sql.join(where, sql` and `), order.order, page.limit + 1));
  const p = pageOf(found, page.limit, order.keyOf);
  return { data: await eventsOfRows(ctx, p.rows, q.expand), after: p.after };
}

const LOOKUP_MAX = 10_000;
const ids = z.array(z.uuid()).max(10_000).optional();
const lookupBody = z.object({ ids, activities: ids, student: ids, teacher: ids });

async function eventsWhere(ctx: Ss12000Context, body: z.infer<typeof lookupBody>, expand?: Expand[]) {
  const any: SQL[] = [];
  if (body.ids?.length) any.push(sql`l.id = any(${sql.param(body.ids)}::uuid[])`);
  if (body.activities?.length) any.push(sql`g.id = any(${sql.param(body.activities)}::uuid[])`);
  if (body.student?.length) any.push(withStudents(body.student));
  if (body.teacher?.length) any.push(withTeachers(body.teacher));
  if (!any.length) return [];
  const found = await rows<EventRow>(ctx.db, sql`${SELECT} from ${eventsOf(ctx)} and (${sql.join(any, sql` or `)})
    order by ${startsAt}, l.id limit ${LOOKUP_MAX + 1}`);
  // the standard's answer when a lookup is too large for one response
  if (found.length > LOOKUP_MAX) throw new Ss12000Error(503, 'too_large', `More than ${LOOKUP_MAX} calendar events: ask for fewer activities or persons`);
  return eventsOfRows(ctx, found, expand);
}

export function calendarEventResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'calendarEvents' } as const;
  listRoute(v2, deps, { path: '/calendarEvents', access, query: listQuery, fetch: list });
  // The standard documents this lookup as answering AttendancesArray (its summary speaks of calendar events):
  // we follow the schema that clients are generated from and answer the attendances of the matching calendar
  // events, which needs the attendances grant too (docs/SS12000.md, "Kända fel i specifikationen").
  lookupRoute(v2, deps, { path: '/calendarEvents/lookup', access, body: lookupBody, query: {}, fetch: async (ctx, body) => {
    if (!clientMay(ctx.client, { resource: 'attendances' })) throw ssForbidden('This lookup answers attendances (AttendancesArray): the client needs the attendances grant');
    const events = await eventsWhere(ctx, body);
    return events.length ? attendancesWhere(ctx, { calendareEvents: events.map((e) => e.id) }) : [];
  } });
  byIdRoute(v2, deps, { path: '/calendarEvents/:id', access, query: expandQuery,
    fetch: async (ctx, id, q) => (await eventsWhere(ctx, { ids: [id] }, q.expand))[0] ?? null });
}
