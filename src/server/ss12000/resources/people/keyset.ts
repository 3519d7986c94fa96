// Keyset paging of a list by a sortkey: the ORDER BY, the condition "after the last row served" and the
// row's sort values. The values travel as TEXT from SQL (a timestamp through a JS Date loses microseconds)
// and are cast back to their type in the condition. All keys of one sorting run in one direction, so a
// row comparison `(a, b) > (x, y)` is the condition; the last key is the id, which makes the order total.
import { sql, type SQL } from 'drizzle-orm';

export type KeyType = 'text' | 'uuid' | 'timestamptz' | 'date' | 'int';
export interface Sorting { keys: { expr: SQL; type: KeyType }[]; desc: boolean }

export const sorting = (desc: boolean, ...keys: [SQL, KeyType][]): Sorting => ({ desc, keys: keys.map(([expr, type]) => ({ expr, type })) });

/** `, <key>::text as _k0, …` to add to the SELECT list. */
export const keyColumns = (s: Sorting): SQL =>
  sql.join(s.keys.map((k, i) => sql`, (${k.expr})::text as ${sql.raw(`_k${i}`)}`), sql``);

export const orderOf = (s: Sorting): SQL =>
  sql.join(s.keys.map((k) => (s.desc ? sql`${k.expr} desc` : sql`${k.expr}`)), sql`, `);

/** The condition that a row comes after `after` (true on the first page). */
export function afterOf(s: Sorting, after: unknown[] | null): SQL {
  if (!after) return sql`true`;
  if (after.length !== s.keys.length) return sql`false`;
  const left = sql.join(s.keys.map((k) => sql`${k.expr}`), sql`, `);
  const right = sql.join(s.keys.map((k, i) => sql`${after[i] === null ? null : String(after[i])}::${sql.raw(k.type)}`), sql`, `);
  return s.desc ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`;
}

export const keyOf = (s: Sorting) => (r: Record<string, unknown>): unknown[] => s.keys.map((_, i) => r[`_k${i}`]);

/**
 * The ids of one page, in order: `select <id> as id, <position> as _n, <keys>` from `from` where all of
 * `where` and after the last row served, limited to `limit` + 1 (pageOf tells whether there is more). The
 * resource then renders the entities of these ids in one statement, ordered by `_n`.
 */
export function pageIds(def: { id: SQL; from: SQL; where: SQL[]; sorting: Sorting; after: unknown[] | null; limit: number }): SQL {
  const where = sql.join([...def.where, afterOf(def.sorting, def.after)], sql` and `);
  const order = orderOf(def.sorting);
  return sql`select ${def.id} as id, row_number() over (order by ${order}) as _n ${keyColumns(def.sorting)}
    from ${def.from} where ${where} order by ${order} limit ${def.limit + 1}`;
}
