// /rooms: the rooms our lessons name (lesson.room, a text per unit). A room is that name at that unit, its
// id a stable UUID of the two, its owner the unit. Its meta is the first lesson that named it: a room with
// another name is another room, so a room is never modified. We keep no seats.
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import { rows, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { metaOf, metaWhere, ref } from '../http/meta.js';
import { qUuid, type MetaFilters } from '../http/query.js';
import { byIdRoute, idsBody, listRoute, lookupRoute, pageOf, type Page } from '../http/routes.js';
import { keyset, nameUuidSql, organisationFilter, unitScope, type SortColumn } from './study-sql.js';

interface RoomRow { id: string; name: string; unit_id: string; unit_name: string; created_at: string | null; created_key: string | null }

/** The room of a lesson `l` (null when it names none). */
export const roomIdOf = (lesson: string) => nameUuidSql(sql.raw(`'room:' || ${lesson}.school_unit_id || ':' || ${lesson}.room`));

/** The rooms the client may see, as `m` (id, name, unit, created_at = modified_at). */
function roomsOf(ctx: Ss12000Context): SQL {
  return sql`(select r.id, r.name, r.unit_id, u.name as unit_name, r.created_at, r.created_at as modified_at, r.created_at::text as created_key
    from (select ${roomIdOf('l')} as id, l.room as name, l.school_unit_id as unit_id, min(e.created_at) as created_at
      from lesson l left join ss12000_entity e on e.organiser_id = l.organiser_id and e.entity_type = 'calendarEvents' and e.entity_id = l.id
      where l.organiser_id = ${ctx.organiserId} and l.room is not null and ${unitScope(ctx, sql`l.school_unit_id`)}
      group by l.school_unit_id, l.room) r
    join school_unit u on u.organiser_id = ${ctx.organiserId} and u.id = r.unit_id) m`;
}

const toRoom = (r: RoomRow, ctx: Ss12000Context) => ({
  id: r.id, meta: metaOf(r.created_at, r.created_at, ctx.now), displayName: r.name, owner: ref(r.unit_id, r.unit_name, ctx.withNames),
});

const listQuery = { organisation: qUuid, sortkey: z.enum(['ModifiedDesc', 'DisplayNameAsc']).optional() };
type ListQuery = { [K in keyof typeof listQuery]?: z.infer<(typeof listQuery)[K]> } & MetaFilters;
const byId: SortColumn<RoomRow> = { expr: sql`m.id`, cast: 'uuid', key: (r) => r.id };

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const order = q.sortkey === 'DisplayNameAsc'
    ? keyset([{ expr: sql`m.name`, cast: 'text', key: (r: RoomRow) => r.name }, byId], false, page.after)
    : q.sortkey === 'ModifiedDesc'
      ? keyset([{ expr: sql`m.modified_at`, cast: 'timestamptz', key: (r: RoomRow) => r.created_key }, byId], true, page.after)
      : keyset([byId], false, page.after);
  const where: SQL[] = [metaWhere(q), order.where];
  if (q.organisation) where.push(organisationFilter(ctx, q.organisation, sql`m.unit_id`));
  const found = await rows<RoomRow>(ctx.db, sql`select m.* from ${roomsOf(ctx)} where ${sql.join(where, sql` and `)} order by ${order.order} limit ${page.limit + 1}`);
  const p = pageOf(found, page.limit, order.keyOf);
  return { data: p.rows.map((r) => toRoom(r, ctx)), after: p.after };
}

async function byIds(ctx: Ss12000Context, ids: string[]) {
  if (!ids.length) return [];
  const found = await rows<RoomRow>(ctx.db, sql`select m.* from ${roomsOf(ctx)} where m.id = any(${sql.param(ids)}::uuid[]) order by m.id`);
  return found.map((r) => toRoom(r, ctx));
}

export function roomResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'rooms' } as const;
  listRoute(v2, deps, { path: '/rooms', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/rooms/lookup', access, body: idsBody.partial(), query: {}, fetch: (ctx, body) => byIds(ctx, body.ids ?? []) });
  byIdRoute(v2, deps, { path: '/rooms/:id', access, query: {}, fetch: async (ctx, id) => (await byIds(ctx, [id]))[0] ?? null });
}
