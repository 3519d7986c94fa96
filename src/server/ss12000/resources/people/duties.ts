// /duties: our duties (tjänstgöringar) at the units, and the organiser-level ones (dutyAt = the organiser,
// seen only by a client of all units). dutyRole from our role (mapping.ts), assignmentRole from mentorships.
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../../http/context.js';
import { metaWhere } from '../../http/meta.js';
import { qArray, qDate, type MetaFilters } from '../../http/query.js';
import { byIdRoute, idsBody, listRoute, lookupRoute, pageOf, type Page } from '../../http/routes.js';
import { dutyBase, dutyFrom, dutyRows, toDuty, type DutyRow } from './duty-query.js';
import { keyOf, pageIds, sorting, type Sorting } from './keyset.js';
import { rolesOfDutyRole } from './mapping.js';
import { toPerson } from './person-json.js';
import { personRows } from './persons-query.js';
import { datesWhere } from './scope.js';

const DUTY_ROLE_VALUES = ['Rektor', 'Lärare', 'Förskollärare', 'Barnskötare', 'Bibliotekarie', 'Lärarassistent', 'Fritidspedagog', 'Annan personal',
  'Studie- och yrkesvägledare', 'Förstelärare', 'Kurator', 'Skolsköterska', 'Skolläkare', 'Skolpsykolog', 'Speciallärare/specialpedagog',
  'Skoladministratör', 'Övrig arbetsledning', 'Övrig pedagogisk personal', 'Förskolechef'] as const;

const expandQuery = { expand: qArray(z.enum(['person'])) };

const listQuery = {
  organisation: z.uuid().optional(),
  dutyRole: z.enum(DUTY_ROLE_VALUES).optional(),
  person: z.uuid().optional(),
  'startDate.onOrBefore': qDate, 'startDate.onOrAfter': qDate, 'endDate.onOrBefore': qDate, 'endDate.onOrAfter': qDate,
  sortkey: z.enum(['StartDateDesc', 'StartDateAsc', 'ModifiedDesc']).optional(),
  ...expandQuery,
};
type ListQuery = { [K in keyof typeof listQuery]?: z.infer<(typeof listQuery)[K]> } & MetaFilters;

function sortingOf(key: ListQuery['sortkey']): Sorting {
  if (key === 'StartDateAsc') return sorting(false, [sql`d.start_date`, 'date'], [sql`d.id`, 'uuid']);
  if (key === 'StartDateDesc') return sorting(true, [sql`d.start_date`, 'date'], [sql`d.id`, 'uuid']);
  if (key === 'ModifiedDesc') return sorting(true, [sql`coalesce(m.modified_at, '-infinity'::timestamptz)`, 'timestamptz'], [sql`d.id`, 'uuid']);
  return sorting(false, [sql`d.id`, 'uuid']);
}

/** Duties rendered, with the person embedded when `expand=person` (one more statement for the page). */
export async function renderDuties(ctx: Ss12000Context, found: DutyRow[], expand: string[] | undefined) {
  const duties = found.map((r) => toDuty(r, ctx));
  if (!expand?.includes('person') || !found.length) return duties;
  const personIds = [...new Set(found.map((r) => r.person_id))];
  const persons = new Map((await personRows(ctx, sql`select x.id, row_number() over () as _n from unnest(${sql.param(personIds)}::uuid[]) x(id)`))
    .map((p) => [p.id, toPerson(p, ctx)]));
  return duties.map((d, i) => {
    const person = persons.get(found[i].person_id);
    return person ? { ...d, _embedded: { person } } : d;
  });
}

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const where: SQL[] = [...dutyBase(ctx), metaWhere(q), datesWhere(q, sql`d.start_date`, sql`d.end_date`)];
  // an organisation and what lies under it: the organiser holds every duty, a unit its own
  if (q.organisation) where.push(sql`(d.school_unit_id = ${q.organisation}::uuid or d.organiser_id = ${q.organisation}::uuid)`);
  if (q.dutyRole) where.push(sql`d.role = any(${sql.param(rolesOfDutyRole(q.dutyRole))}::text[])`);
  if (q.person) where.push(sql`d.person_id = ${q.person}::uuid`);
  const s = sortingOf(q.sortkey);
  const found = await dutyRows(ctx, pageIds({ id: sql`d.id`, from: dutyFrom(ctx), where, sorting: s, after: page.after, limit: page.limit }));
  const p = pageOf(found, page.limit, keyOf(s));
  return { data: await renderDuties(ctx, p.rows, q.expand), after: p.after };
}

export async function dutiesByIds(ctx: Ss12000Context, ids: string[]): Promise<DutyRow[]> {
  if (!ids.length) return [];
  return dutyRows(ctx, sql`select d.id, row_number() over (order by d.id) as _n from duty d
    where ${sql.join(dutyBase(ctx), sql` and `)} and d.id = any(${sql.param(ids)}::uuid[])`);
}

export function dutyResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'duties' } as const;
  listRoute(v2, deps, { path: '/duties', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/duties/lookup', access, body: idsBody.partial(), query: expandQuery,
    fetch: async (ctx, body, q) => renderDuties(ctx, await dutiesByIds(ctx, body.ids ?? []), q.expand) });
  byIdRoute(v2, deps, { path: '/duties/:id', access, query: expandQuery,
    fetch: async (ctx, id, q) => (await renderDuties(ctx, await dutiesByIds(ctx, [id]), q.expand))[0] ?? null });
}

