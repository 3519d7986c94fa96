// /organisations: the organiser (Huvudman) and its school units (Skolenhet, parent = the organiser).
// A client limited to some units sees those and the organiser.
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import { rows, sql } from '../../platform/db/database.js';
import type { Ss12000Context, Ss12000Deps, Ss12000App } from '../http/context.js';
import { metaOf, metaWhere, ref } from '../http/meta.js';
import { qArray, qDate, type MetaFilters } from '../http/query.js';
import { byIdRoute, idsBody, listRoute, lookupRoute, pageOf, type Page } from '../http/routes.js';

const ORG_TYPES = ['Huvudman', 'Verksamhetsområde', 'Förvaltning', 'Rektorsområde', 'Skola', 'Skolenhet', 'Varumärke', 'Bolag', 'Övrigt'] as const;

interface OrgRow {
  id: string; kind: 'organiser' | 'unit'; name: string; school_unit_code: string | null; organisation_number: string | null;
  school_forms: string[] | null; municipality_code: string | null; street_address: string | null; postal_code: string | null;
  city: string | null; email: string | null; phone: string | null; parent_id: string | null; parent_name: string | null;
  created_at: string | null; modified_at: string | null; modified_key: string | null;
}

/** The organiser and its units as one relation `o`, with meta `m`, seen by the client. */
function organisationsOf(ctx: Ss12000Context): SQL {
  const units = ctx.client.unitIds;
  return sql`(
    select g.id, 'organiser' as kind, g.name, null::text as school_unit_code, g.organisation_number, null::text[] as school_forms,
      null::text as municipality_code, null::text as street_address, null::text as postal_code, null::text as city, null::text as email,
      null::text as phone, null::uuid as parent_id, null::text as parent_name
    from organiser g where g.id = ${ctx.organiserId}
    union all
    select u.id, 'unit', u.name, u.school_unit_code, null, u.school_forms, u.municipality_code, u.street_address, u.postal_code, u.city,
      u.email, u.phone, g.id, g.name
    from school_unit u join organiser g on g.id = u.organiser_id
    where u.organiser_id = ${ctx.organiserId} ${units ? sql`and u.id = any(${sql.param(units)}::uuid[])` : sql``}
  ) o left join ss12000_entity m on m.organiser_id = ${ctx.organiserId} and m.entity_type = 'organisations' and m.entity_id = o.id`;
}

const SCHOOL_TYPES = new Set(['FS', 'FKLASS', 'FTH', 'OPPFTH', 'GR', 'GRS', 'TR', 'SP', 'SAM', 'GY', 'GYS', 'VUX', 'AU']);

function toOrganisation(r: OrgRow, ctx: Ss12000Context) {
  const address = r.street_address || r.postal_code || r.city
    ? { ...(r.street_address ? { streetAddress: r.street_address } : {}), ...(r.postal_code ? { postalCode: r.postal_code } : {}),
      ...(r.city ? { locality: r.city } : {}), country: 'Sverige' }
    : undefined;
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    displayName: r.name,
    organisationType: r.kind === 'organiser' ? 'Huvudman' : 'Skolenhet',
    ...(r.organisation_number ? { organisationNumber: r.organisation_number } : {}),
    ...(r.parent_id ? { parentOrganisation: ref(r.parent_id, r.parent_name, ctx.withNames) } : {}),
    ...(r.school_unit_code ? { schoolUnitCode: r.school_unit_code } : {}),
    ...(r.school_forms ? { schoolTypes: r.school_forms.filter((f) => SCHOOL_TYPES.has(f)) } : {}),
    ...(address ? { address } : {}),
    ...(r.municipality_code ? { municipalityCode: r.municipality_code } : {}),
    ...(r.email ? { email: r.email } : {}),
    ...(r.phone ? { phoneNumber: r.phone } : {}),
  };
}

const SELECT = sql`select o.*, m.created_at, m.modified_at, m.modified_at::text as modified_key`;

const listQuery = {
  parent: qArray(z.uuid()),
  schoolUnitCode: qArray(z.string()),
  organisationCode: qArray(z.string()),
  municipalityCode: z.string().optional(),
  type: qArray(z.enum(ORG_TYPES)),
  schoolTypes: qArray(z.string()),
  'startDate.onOrBefore': qDate, 'startDate.onOrAfter': qDate, 'endDate.onOrBefore': qDate, 'endDate.onOrAfter': qDate,
  sortkey: z.enum(['ModifiedDesc', 'DisplayNameAsc']).optional(),
};

type ListQuery = { [K in keyof typeof listQuery]?: z.infer<(typeof listQuery)[K]> } & MetaFilters;

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const where: SQL[] = [metaWhere(q)];
  if (q.parent) where.push(sql`o.parent_id = any(${sql.param(q.parent)}::uuid[])`);
  if (q.schoolUnitCode) where.push(sql`o.school_unit_code = any(${sql.param(q.schoolUnitCode)}::text[])`);
  if (q.organisationCode) where.push(sql`false`); // we keep no organisation codes
  if (q.municipalityCode) where.push(sql`o.municipality_code = ${q.municipalityCode}`);
  if (q.type) where.push(sql`(case o.kind when 'organiser' then 'Huvudman' else 'Skolenhet' end) = any(${sql.param(q.type)}::text[])`);
  if (q.schoolTypes) where.push(sql`o.school_forms && ${sql.param(q.schoolTypes)}::text[]`);
  // we keep no start or end dates of organisations: "not set" is always included, as the standard says
  const a = page.after;
  let order: SQL;
  let keyOf: (r: OrgRow) => unknown[];
  if (q.sortkey === 'DisplayNameAsc') {
    if (a) where.push(sql`(o.name, o.id) > (${a[0]}, ${a[1]}::uuid)`);
    order = sql`o.name, o.id`; keyOf = (r) => [r.name, r.id];
  } else if (q.sortkey === 'ModifiedDesc') {
    if (a) where.push(sql`(m.modified_at, o.id) < (${a[0]}::timestamptz, ${a[1]}::uuid)`);
    order = sql`m.modified_at desc, o.id desc`; keyOf = (r) => [r.modified_key, r.id];
  } else {
    if (a) where.push(sql`o.id > ${a[0]}::uuid`);
    order = sql`o.id`; keyOf = (r) => [r.id];
  }
  const found = await rows<OrgRow>(ctx.db, sql`${SELECT} from ${organisationsOf(ctx)} where ${sql.join(where, sql` and `)} order by ${order} limit ${page.limit + 1}`);
  const p = pageOf(found, page.limit, keyOf);
  return { data: p.rows.map((r) => toOrganisation(r, ctx)), after: p.after };
}

const lookupBody = idsBody.partial().extend({ schoolUnitCodes: z.array(z.string()).max(10_000).optional(), organisationCodes: z.array(z.string()).max(10_000).optional() });

async function byIds(ctx: Ss12000Context, ids: string[], schoolUnitCodes: string[] = []) {
  if (!ids.length && !schoolUnitCodes.length) return [];
  const found = await rows<OrgRow>(ctx.db, sql`${SELECT} from ${organisationsOf(ctx)}
    where o.id = any(${sql.param(ids)}::uuid[]) or o.school_unit_code = any(${sql.param(schoolUnitCodes)}::text[]) order by o.id`);
  return found.map((r) => toOrganisation(r, ctx));
}

export function organisationResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'organisations' } as const;
  listRoute(v2, deps, { path: '/organisations', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/organisations/lookup', access, body: lookupBody, query: {}, fetch: (ctx, body) => byIds(ctx, body.ids ?? [], body.schoolUnitCodes) });
  byIdRoute(v2, deps, { path: '/organisations/:id', access, query: {}, fetch: async (ctx, id) => (await byIds(ctx, [id]))[0] ?? null });
}
