// Which local entity a source entity is: the link an earlier run left, else the same id already ours, else
// the natural key (personnummer, school unit code). New entities keep the source's id when it is a uuid, so
// that a second source speaking of the same ids (or this server itself) is matched at once.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/database.js';
import { arr, TABLE_OF, UUID_RE, type ImportContext, type LinkType, type Tx } from './context.js';

const asUuid = (ext: string) => (UUID_RE.test(ext) ? ext : null);

/** Our id of each source id that already has one (the natural key `column` = `keys[i]` as a last resort). */
export async function resolveIds(q: Tx, ctx: ImportContext, type: LinkType, ext: string[], natural?: { column: string; keys: (string | null)[] }): Promise<Map<string, string>> {
  if (!ext.length) return new Map();
  const table = sql.raw(TABLE_OF[type]);
  const found = await rows<{ ext: string; local_id: string | null }>(q, sql`
    select x.ext, coalesce(tl.id, t.id${natural ? sql`, n.id` : sql``}) as local_id
    from unnest(${arr(ext, 'text')}, ${arr(ext.map(asUuid), 'uuid')}, ${arr(natural?.keys ?? ext.map(() => null), 'text')}) as x(ext, ext_uuid, natural_key)
    left join ss12000_import_link l on l.organiser_id = ${ctx.organiserId} and l.source_url = ${ctx.sourceUrl} and l.entity_type = ${type} and l.external_id = x.ext
    left join ${table} tl on tl.organiser_id = ${ctx.organiserId} and tl.id = l.local_id
    left join ${table} t on t.organiser_id = ${ctx.organiserId} and t.id = x.ext_uuid
    ${natural ? sql`left join ${table} n on n.organiser_id = ${ctx.organiserId} and n.${sql.raw(natural.column)} = x.natural_key` : sql``}`);
  return new Map(found.filter((r) => r.local_id).map((r) => [r.ext, r.local_id!]));
}

/** The id a new entity gets: the source's when it is a uuid not used by us, else a new one. */
export const newIdFor = (ext: string, taken: Set<string>) => (UUID_RE.test(ext) && !taken.has(ext.toLowerCase()) ? ext.toLowerCase() : randomUUID());

/** Remembers source id → our id for this run and the next ones. */
export async function saveLinks(q: Tx, ctx: ImportContext, type: LinkType, pairs: [string, string][]) {
  for (const [e, l] of pairs) ctx.ids[type].set(e, l);
  if (!pairs.length) return;
  await q.execute(sql`
    insert into ss12000_import_link (organiser_id, source_url, entity_type, external_id, local_id, updated_at)
    select ${ctx.organiserId}, ${ctx.sourceUrl}, ${type}, e, l, now() from unnest(${arr(pairs.map((p) => p[0]), 'text')}, ${arr(pairs.map((p) => p[1]), 'uuid')}) as x(e, l)
    on conflict (organiser_id, source_url, entity_type, external_id) do update set local_id = excluded.local_id, updated_at = now()
      where ss12000_import_link.local_id <> excluded.local_id`);
}

/** Our ids of source ids referred to (members, guardians, duties of activities): those met in this run, else
 *  from links and same ids. Unknown ones are left out. */
export async function known(q: Tx, ctx: ImportContext, type: LinkType, ext: string[]): Promise<Map<string, string>> {
  const map = ctx.ids[type];
  const missing = [...new Set(ext.filter((e) => !map.has(e)))];
  if (missing.length) for (const [e, l] of await resolveIds(q, ctx, type, missing)) map.set(e, l);
  return map;
}
