// /persons: pupils, guardians and staff the client may see (scope.ts), with enrolments and responsibles,
// every filter and sortkey of the standard, keyset paging, and expand (person-expand.ts).
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../../http/context.js';
import { metaWhere } from '../../http/meta.js';
import { qArray, qDate, type MetaFilters } from '../../http/query.js';
import { byIdRoute, listRoute, lookupRoute, pageOf, type Page } from '../../http/routes.js';
import { keyOf, pageIds, sorting, type Sorting } from './keyset.js';
import { PERSON_EXPANDS, personEmbeds, type PersonExpand } from './person-expand.js';
import { personFiltersWhere, RELATION_TYPES, type PersonFilters } from './person-filters.js';
import { toPerson, type PersonRow } from './person-json.js';
import { personBase, personFrom, personRows } from './persons-query.js';

const expandQuery = { expand: qArray(z.enum(PERSON_EXPANDS)) };

const listQuery = {
  nameContains: qArray(z.string()),
  civicNo: z.string().optional(),
  eduPersonPrincipalName: z.string().optional(),
  'identifier.value': z.string().optional(),
  'identifier.context': z.string().optional(),
  'relationship.entity.type': z.enum(RELATION_TYPES).optional(),
  'relationship.organisation': z.uuid().optional(),
  'relationship.startDate.onOrBefore': qDate, 'relationship.startDate.onOrAfter': qDate,
  'relationship.endDate.onOrBefore': qDate, 'relationship.endDate.onOrAfter': qDate,
  sortkey: z.enum(['DisplayNameAsc', 'GivenNameDesc', 'GivenNameAsc', 'FamilyNameDesc', 'FamilyNameAsc', 'CivicNoAsc', 'CivicNoDesc', 'ModifiedDesc']).optional(),
  ...expandQuery,
};
type ListQuery = PersonFilters & MetaFilters & { sortkey?: z.infer<typeof listQuery.sortkey>; expand?: PersonExpand[] };

const ID = [sql`p.id`, 'uuid'] as [SQL, 'uuid'];
function sortingOf(key: ListQuery['sortkey']): Sorting {
  switch (key) {
    case 'DisplayNameAsc': return sorting(false, [sql`p.given_name || ' ' || p.family_name`, 'text'], ID);
    case 'GivenNameAsc': return sorting(false, [sql`p.given_name`, 'text'], [sql`p.family_name`, 'text'], ID);
    case 'GivenNameDesc': return sorting(true, [sql`p.given_name`, 'text'], [sql`p.family_name`, 'text'], ID);
    case 'FamilyNameAsc': return sorting(false, [sql`p.family_name`, 'text'], [sql`p.given_name`, 'text'], ID);
    case 'FamilyNameDesc': return sorting(true, [sql`p.family_name`, 'text'], [sql`p.given_name`, 'text'], ID);
    case 'CivicNoAsc': return sorting(false, [sql`coalesce(p.civic_no, '')`, 'text'], ID);
    case 'CivicNoDesc': return sorting(true, [sql`coalesce(p.civic_no, '')`, 'text'], ID);
    case 'ModifiedDesc': return sorting(true, [sql`coalesce(m.modified_at, '-infinity'::timestamptz)`, 'timestamptz'], ID);
    default: return sorting(false, ID);
  }
}

async function render(ctx: Ss12000Context, found: PersonRow[], expand: PersonExpand[] | undefined) {
  const embeds = await personEmbeds(ctx, found.map((r) => r.id), expand);
  return found.map((r) => {
    const _embedded = embeds(r.id);
    return _embedded ? { ...toPerson(r, ctx), _embedded } : toPerson(r, ctx);
  });
}

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const where: SQL[] = [...personBase(ctx), metaWhere(q), ...personFiltersWhere(ctx, q)];
  const s = sortingOf(q.sortkey);
  const found = await personRows(ctx, pageIds({ id: sql`p.id`, from: personFrom(ctx), where, sorting: s, after: page.after, limit: page.limit }));
  const p = pageOf(found, page.limit, keyOf(s));
  return { data: await render(ctx, p.rows, q.expand), after: p.after };
}

const lookupBody = z.object({ ids: z.array(z.uuid()).max(10_000).optional(), civicNos: z.array(z.string()).max(10_000).optional() });

/** Persons by id or civic number as the client may see them. */
export async function personsByIds(ctx: Ss12000Context, ids: string[], civicNos: string[] = [], expand?: PersonExpand[]) {
  if (!ids.length && !civicNos.length) return [];
  const found = await personRows(ctx, sql`select p.id, row_number() over (order by p.id) as _n from person p
    where ${sql.join(personBase(ctx), sql` and `)} and (p.id = any(${sql.param(ids)}::uuid[]) or p.civic_no = any(${sql.param(civicNos)}::text[]))`);
  return render(ctx, found, expand);
}

export function personResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'persons' } as const;
  listRoute(v2, deps, { path: '/persons', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/persons/lookup', access, body: lookupBody, query: expandQuery,
    fetch: (ctx, body, q) => personsByIds(ctx, body.ids ?? [], body.civicNos ?? [], q.expand) });
  byIdRoute(v2, deps, { path: '/persons/:id', access, query: expandQuery,
    fetch: async (ctx, id, q) => (await personsByIds(ctx, [id], [], q.expand))[0] ?? null });
}
