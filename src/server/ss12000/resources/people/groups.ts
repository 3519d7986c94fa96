// /groups: our classes, teaching groups and mentor groups (student_group) of the client's units, with
// their memberships; assignment roles (mentors, by their duty) when expand=assignmentRoles.
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../../http/context.js';
import { metaWhere } from '../../http/meta.js';
import { qArray, qDate, type MetaFilters } from '../../http/query.js';
import { byIdRoute, idsBody, listRoute, lookupRoute, pageOf, type Page } from '../../http/routes.js';
import { groupFrom, groupRows, toGroup } from './group-query.js';
import { keyOf, pageIds, sorting, type Sorting } from './keyset.js';
import { groupTypesFrom, SCHOOL_TYPES } from './mapping.js';
import { datesWhere } from './scope.js';

const GROUP_TYPES = ['Undervisning', 'Klass', 'Mentor', 'Provgrupp', 'Schema', 'Avdelning', 'Personalgrupp', 'Övrigt'] as const;

const expandQuery = { expand: qArray(z.enum(['assignmentRoles'])) };

const listQuery = {
  groupType: qArray(z.enum(GROUP_TYPES)),
  schoolTypes: qArray(z.enum(SCHOOL_TYPES)),
  organisation: qArray(z.uuid()),
  'startDate.onOrBefore': qDate, 'startDate.onOrAfter': qDate, 'endDate.onOrBefore': qDate, 'endDate.onOrAfter': qDate,
  sortkey: z.enum(['ModifiedDesc', 'DisplayNameAsc', 'StartDateAsc', 'StartDateDesc', 'EndDateAsc', 'EndDateDesc']).optional(),
  ...expandQuery,
};
type ListQuery = { [K in keyof typeof listQuery]?: z.infer<(typeof listQuery)[K]> } & MetaFilters;

const END = sql`coalesce(g.end_date, 'infinity'::date)`;
function sortingOf(key: ListQuery['sortkey']): Sorting {
  switch (key) {
    case 'DisplayNameAsc': return sorting(false, [sql`g.name`, 'text'], [sql`g.id`, 'uuid']);
    case 'StartDateAsc': return sorting(false, [sql`g.start_date`, 'date'], [sql`g.id`, 'uuid']);
    case 'StartDateDesc': return sorting(true, [sql`g.start_date`, 'date'], [sql`g.id`, 'uuid']);
    case 'EndDateAsc': return sorting(false, [END, 'date'], [sql`g.id`, 'uuid']);
    case 'EndDateDesc': return sorting(true, [END, 'date'], [sql`g.id`, 'uuid']);
    case 'ModifiedDesc': return sorting(true, [sql`coalesce(m.modified_at, '-infinity'::timestamptz)`, 'timestamptz'], [sql`g.id`, 'uuid']);
    default: return sorting(false, [sql`g.id`, 'uuid']);
  }
}

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const where: SQL[] = [metaWhere(q), datesWhere(q, sql`g.start_date`, sql`g.end_date`)];
  if (q.groupType) where.push(sql`g.group_type = any(${sql.param(groupTypesFrom(q.groupType))}::text[])`);
  if (q.schoolTypes) where.push(sql`g.school_form = any(${sql.param(q.schoolTypes)}::text[])`);
  if (q.organisation) where.push(sql`g.school_unit_id = any(${sql.param(q.organisation)}::uuid[])`);
  const s = sortingOf(q.sortkey);
  const found = await groupRows(ctx, pageIds({ id: sql`g.id`, from: groupFrom(ctx), where, sorting: s, after: page.after, limit: page.limit }),
    { members: true, assignments: q.expand?.includes('assignmentRoles') ?? false });
  const p = pageOf(found, page.limit, keyOf(s));
  return { data: p.rows.map((r) => toGroup(r, ctx)), after: p.after };
}

/** Groups by id as the client may see them (with members; assignment roles when expanded). */
export async function groupsByIds(ctx: Ss12000Context, ids: string[], expand?: string[]) {
  if (!ids.length) return [];
  const found = await groupRows(ctx, sql`select g.id, row_number() over (order by g.id) as _n from ${groupFrom(ctx)}
    where g.id = any(${sql.param(ids)}::uuid[])`, { members: true, assignments: expand?.includes('assignmentRoles') ?? false });
  return found.map((r) => toGroup(r, ctx));
}

export function groupResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'groups' } as const;
  listRoute(v2, deps, { path: '/groups', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/groups/lookup', access, body: idsBody.partial(), query: expandQuery, fetch: (ctx, body, q) => groupsByIds(ctx, body.ids ?? [], q.expand) });
  byIdRoute(v2, deps, { path: '/groups/:id', access, query: expandQuery, fetch: async (ctx, id, q) => (await groupsByIds(ctx, [id], q.expand))[0] ?? null });
}
