// /activities: one activity per teaching group (student_group.group_type = 'teaching'), id = the group's
// id. Its group is that group, its teachers the group's teachers as their duty at the group's unit, its
// syllabus the subject's syllabus, its organisation the unit. expand embeds the Syllabus, the Groups and the
// teachers' Duties.
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import { rows, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { metaOf, metaWhere, ref } from '../http/meta.js';
import { qArray, qDate, qUuid, type MetaFilters } from '../http/query.js';
import { byIdRoute, listRoute, lookupRoute, pageOf, type Page } from '../http/routes.js';
import { keyset, organisationFilter, pageQuery, personName, syllabusIdOf, unitScope, type SortColumn } from './study-sql.js';
import { syllabusesByIds } from './syllabuses.js';
import { dutiesByIds, renderDuties } from './people/duties.js';
import { groupsByIds } from './people/groups.js';

interface TeacherJson { duty_id: string; name: string; start: string; end: string | null; grader: boolean }
interface ActivityRow {
  id: string; name: string; unit_id: string; unit_name: string; start_date: string; end_date: string | null;
  syllabus_id: string | null; subject_name: string; teachers: TeacherJson[];
  created_at: string | null; modified_at: string | null; modified_key: string | null;
}

/** The teaching groups the client may see, as `g` with unit `u`, subject `s` and meta `m`. */
function activitiesOf(ctx: Ss12000Context): SQL {
  return sql`student_group g
    join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id
    join subject s on s.code = g.subject_code
    left join ss12000_entity m on m.organiser_id = g.organiser_id and m.entity_type = 'activities' and m.entity_id = g.id
    where g.organiser_id = ${ctx.organiserId} and g.group_type = 'teaching' and ${unitScope(ctx, sql`g.school_unit_id`)}`;
}

/** The duty a group's teacher holds at the group's unit (the teaching duty in force at the assignment's start, else the latest). */
const teacherDuty = sql`(select d.id from duty d where d.organiser_id = gs.organiser_id and d.person_id = gs.person_id
    and d.school_unit_id = g.school_unit_id and d.role = 'teacher'
  order by (d.start_date <= gs.start_date and (d.end_date is null or d.end_date >= gs.start_date)) desc, d.start_date desc limit 1)`;

const SELECT = sql`select g.id, g.name, g.school_unit_id as unit_id, u.name as unit_name, g.start_date::text as start_date,
  g.end_date::text as end_date, ${syllabusIdOf(sql`s.syllabus_code`, sql`g.start_date`)} as syllabus_id, s.name as subject_name,
  (select coalesce(json_agg(json_build_object('duty_id', t.duty_id, 'name', t.name, 'start', t.start_date, 'end', t.end_date, 'grader', t.grader)
      order by t.start_date, t.duty_id), '[]'::json)
    from (select ${teacherDuty} as duty_id, ${personName('p')} as name, gs.start_date::text as start_date, gs.end_date::text as end_date, gs.grader
      from group_staff gs join person p on p.organiser_id = gs.organiser_id and p.id = gs.person_id
      where gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'teacher') t
    where t.duty_id is not null) as teachers,
  m.created_at, m.modified_at, m.modified_at::text as modified_key`;

/** A teaching group taught by this duty (the duty's person is a teacher of the group, at the duty's unit). */
const taughtBy = (dutyIds: string[]) => sql`exists (select 1 from group_staff gs join duty d on d.organiser_id = gs.organiser_id
  and d.person_id = gs.person_id and d.school_unit_id = g.school_unit_id
  where gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'teacher' and d.id = any(${sql.param(dutyIds)}::uuid[]))`;
const withMembers = (personIds: string[]) => sql`exists (select 1 from group_membership gm
  where gm.organiser_id = g.organiser_id and gm.group_id = g.id and gm.person_id = any(${sql.param(personIds)}::uuid[]))`;

type Expand = 'groups' | 'teachers' | 'syllabus';

export function toActivity(r: ActivityRow, ctx: Ss12000Context) {
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    displayName: r.name,
    calendarEventsRequired: true,
    startDate: r.start_date,
    ...(r.end_date ? { endDate: r.end_date } : {}),
    activityType: 'Undervisning' as const,
    groups: [ref(r.id, r.name, ctx.withNames)],
    teachers: r.teachers.map((t) => ({
      duty: ref(t.duty_id, t.name, ctx.withNames), startDate: t.start, ...(t.end ? { endDate: t.end } : {}), grader: t.grader,
    })),
    ...(r.syllabus_id ? { syllabus: ref(r.syllabus_id, r.subject_name, ctx.withNames) } : {}),
    organisation: ref(r.unit_id, r.unit_name, ctx.withNames),
  };
}

/** The activities of the rows, with the asked expansions embedded as the standard's ActivityExpanded: the
 *  syllabus, the groups (Group) and the teachers' duties (Duty), one statement per expansion for the page. */
async function activitiesOfRows(ctx: Ss12000Context, found: ActivityRow[], expand: Expand[] = []) {
  const activities = found.map((r) => toActivity(r, ctx));
  if (!expand.length || !found.length) return activities;
  const unique = (xs: string[]) => [...new Set(xs)];
  const syllabuses = expand.includes('syllabus')
    ? new Map((await syllabusesByIds(ctx, unique(found.flatMap((r) => (r.syllabus_id ? [r.syllabus_id] : []))))).map((s) => [s.id, s])) : null;
  const groups = expand.includes('groups')
    ? new Map((await groupsByIds(ctx, unique(activities.flatMap((a) => a.groups.map((g) => g.id))))).map((g) => [g.id, g])) : null;
  const duties = expand.includes('teachers')
    ? new Map((await renderDuties(ctx, await dutiesByIds(ctx, unique(activities.flatMap((a) => a.teachers.map((t) => t.duty.id)))), undefined)).map((d) => [d.id, d])) : null;
  return activities.map((a) => {
    const embedded = {
      ...(syllabuses && a.syllabus && syllabuses.has(a.syllabus.id) ? { syllabus: syllabuses.get(a.syllabus.id)! } : {}),
      ...(groups ? { groups: a.groups.flatMap((g) => (groups.has(g.id) ? [groups.get(g.id)!] : [])) } : {}),
      ...(duties ? { teachers: a.teachers.flatMap((t) => (duties.has(t.duty.id) ? [duties.get(t.duty.id)!] : [])) } : {}),
    };
    return Object.keys(embedded).length ? { ...a, _embedded: embedded } : a;
  });
}

const expandQuery = { expand: qArray(z.enum(['groups', 'teachers', 'syllabus'])) };
const listQuery = {
  member: qUuid, teacher: qUuid, organisation: qUuid, group: qUuid,
  'startDate.onOrBefore': qDate, 'startDate.onOrAfter': qDate, 'endDate.onOrBefore': qDate, 'endDate.onOrAfter': qDate,
  ...expandQuery,
  sortkey: z.enum(['ModifiedDesc', 'DisplayNameAsc']).optional(),
};
type ListQuery = { [K in keyof typeof listQuery]?: z.infer<(typeof listQuery)[K]> } & MetaFilters;

const byId: SortColumn<ActivityRow> = { expr: sql`g.id`, cast: 'uuid', key: (r) => r.id };

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const order = q.sortkey === 'DisplayNameAsc'
    ? keyset([{ expr: sql`g.name`, cast: 'text', key: (r: ActivityRow) => r.name }, byId], false, page.after)
    : q.sortkey === 'ModifiedDesc'
      ? keyset([{ expr: sql`m.modified_at`, cast: 'timestamptz', key: (r: ActivityRow) => r.modified_key }, byId], true, page.after)
      : keyset([byId], false, page.after);
  const where: SQL[] = [metaWhere(q), order.where];
  if (q.member) where.push(withMembers([q.member]));
  if (q.teacher) where.push(taughtBy([q.teacher]));
  if (q.organisation) where.push(organisationFilter(ctx, q.organisation, sql`g.school_unit_id`));
  if (q.group) where.push(sql`g.id = ${q.group}::uuid`);
  if (q['startDate.onOrBefore']) where.push(sql`g.start_date <= ${q['startDate.onOrBefore']}::date`);
  if (q['startDate.onOrAfter']) where.push(sql`g.start_date >= ${q['startDate.onOrAfter']}::date`);
  if (q['endDate.onOrBefore']) where.push(sql`(g.end_date is null or g.end_date <= ${q['endDate.onOrBefore']}::date)`);
  if (q['endDate.onOrAfter']) where.push(sql`(g.end_date is null or g.end_date >= ${q['endDate.onOrAfter']}::date)`);
  const found = await rows<ActivityRow>(ctx.db, pageQuery(SELECT, activitiesOf(ctx), sql`g.id`, sql.join(where, sql` and `), order.order, page.limit + 1));
  const p = pageOf(found, page.limit, order.keyOf);
  return { data: await activitiesOfRows(ctx, p.rows, q.expand), after: p.after };
}

const lookupBody = z.object({
  ids: z.array(z.uuid()).max(10_000).optional(),
  teachers: z.array(z.uuid()).max(10_000).optional(),
  members: z.array(z.uuid()).max(10_000).optional(),
});

/** Activities by id, or taught by these duties, or whose group has these members (any of them). */
export async function activitiesWhere(ctx: Ss12000Context, body: z.infer<typeof lookupBody>, expand?: Expand[]) {
  const any: SQL[] = [];
  if (body.ids?.length) any.push(sql`g.id = any(${sql.param(body.ids)}::uuid[])`);
  if (body.teachers?.length) any.push(taughtBy(body.teachers));
  if (body.members?.length) any.push(withMembers(body.members));
  if (!any.length) return [];
  const found = await rows<ActivityRow>(ctx.db, sql`${SELECT} from ${activitiesOf(ctx)} and (${sql.join(any, sql` or `)}) order by g.id`);
  return activitiesOfRows(ctx, found, expand);
}

export function activityResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'activities' } as const;
  listRoute(v2, deps, { path: '/activities', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/activities/lookup', access, body: lookupBody, query: expandQuery, fetch: (ctx, body, q) => activitiesWhere(ctx, body, q.expand) });
  byIdRoute(v2, deps, { path: '/activities/:id', access, query: expandQuery,
    fetch: async (ctx, id, q) => (await activitiesWhere(ctx, { ids: [id] }, q.expand))[0] ?? null });
}
