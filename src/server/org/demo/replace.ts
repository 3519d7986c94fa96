import { sql } from 'drizzle-orm';
import { one, rows, type Queryable } from '../../platform/db/database.js';

/** Tables whose rows are never deleted (append-only by trigger). */
const KEEP = new Set(['audit_event']);

/** Whether the organiser already has people or school units. */
export async function organiserHasData(q: Pick<Queryable, 'execute'>, organiserId: string): Promise<boolean> {
  const r = await one<{ has: boolean }>(q, sql`select exists(select 1 from school_unit where organiser_id = ${organiserId})
    or exists(select 1 from person where organiser_id = ${organiserId}) as has`);
  return !!r?.has;
}

/**
 * Deletes every row of the organiser from every tenant table (any table with an organiser_id column,
 * whichever capability owns it), children before parents along the foreign keys. The audit trail and
 * the organiser row itself stay. Returns the tables emptied, in order.
 */
export async function deleteOrganiserData(q: Pick<Queryable, 'execute'>, organiserId: string): Promise<string[]> {
  const tables = (await rows<{ table_name: string }>(q, sql`select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and c.column_name = 'organiser_id' and t.table_type = 'BASE TABLE'`))
    .map((r) => r.table_name).filter((t) => !KEEP.has(t)).sort();
  const edges = await rows<{ child: string; parent: string }>(q, sql`select cl.relname as child, pl.relname as parent
      from pg_constraint k join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
      where k.contype = 'f' and n.nspname = current_schema() and cl.relname <> pl.relname`);
  // Topological order: a table goes once nothing left still references it.
  const left = new Set(tables);
  const order: string[] = [];
  while (left.size) {
    const next = [...left].find((t) => !edges.some((e) => e.parent === t && left.has(e.child)));
    if (!next) throw new Error(`cyclic foreign keys among ${[...left].join(', ')}`);
    order.push(next);
    left.delete(next);
  }
  for (const t of order) await q.execute(sql`delete from ${sql.identifier(t)} where organiser_id = ${organiserId}`);
  return order;
}
