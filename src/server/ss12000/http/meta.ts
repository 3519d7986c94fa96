// meta.created / meta.modified of SS 12000 entities, from ss12000_entity (kept by triggers, migration
// 0017_ss12000_meta), and the references with their optional displayName.
import { sql, type SQL } from 'drizzle-orm';
import type { MetaFilters } from './query.js';

/** `left join ss12000_entity <alias>` for the entity of this type whose id is `id` (an SQL expression). */
export function metaJoin(entityType: string, organiserId: string, id: SQL, alias = 'm'): SQL {
  const m = sql.raw(alias);
  return sql`left join ss12000_entity ${m} on ${m}.organiser_id = ${organiserId} and ${m}.entity_type = ${entityType} and ${m}.entity_id = ${id}`;
}

/** The meta filters as conditions on the joined meta row (true when none is given). */
export function metaWhere(f: MetaFilters, alias = 'm'): SQL {
  const m = sql.raw(alias);
  const parts: SQL[] = [sql`true`];
  if (f['meta.created.before']) parts.push(sql`${m}.created_at <= ${f['meta.created.before'].toISOString()}::timestamptz`);
  if (f['meta.created.after']) parts.push(sql`${m}.created_at > ${f['meta.created.after'].toISOString()}::timestamptz`);
  if (f['meta.modified.before']) parts.push(sql`${m}.modified_at <= ${f['meta.modified.before'].toISOString()}::timestamptz`);
  if (f['meta.modified.after']) parts.push(sql`${m}.modified_at > ${f['meta.modified.after'].toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

const iso = (v: Date | string | null | undefined, fallback: Date): string => (v ? new Date(v) : fallback).toISOString();

/** The Meta object of an entity from the joined row's created_at / modified_at. */
export function metaOf(created: Date | string | null | undefined, modified: Date | string | null | undefined, now = new Date()) {
  return { created: iso(created, now), modified: iso(modified ?? created, now) };
}

/** An ObjectReference: `{id}`, with `displayName` only when expandReferenceNames was asked. */
export function ref(id: string, displayName: string | null | undefined, withNames: boolean): { id: string; displayName?: string } {
  return withNames && displayName ? { id, displayName } : { id };
}
