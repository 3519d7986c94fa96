import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';

/** Column types understood by the bulk writer; `text[]` values are string arrays. */
export type ColType = 'uuid' | 'text' | 'date' | 'int2' | 'int4' | 'bool' | 'time' | 'timestamptz' | 'numeric' | 'text[]';

/**
 * Rows of one table kept column by column in memory, written with set-based SQL:
 * `insert … select … from unnest($1::uuid[], $2::text[], …)` — one statement per chunk, whatever the row count.
 * The organiser id is a single parameter, not a column of the arrays.
 */
export class Rows<C extends string> {
  readonly columns: Record<C, unknown[]>;
  private readonly keys: C[];
  private readonly arrays: unknown[][];
  length = 0;

  constructor(readonly table: string, readonly spec: Readonly<Record<C, ColType>>) {
    this.columns = {} as Record<C, unknown[]>;
    this.keys = Object.keys(spec) as C[];
    for (const c of this.keys) this.columns[c] = [];
    this.arrays = this.keys.map((c) => this.columns[c]);
  }

  add(row: Record<C, unknown>): number {
    for (let i = 0; i < this.keys.length; i++) {
      const v = row[this.keys[i]];
      this.arrays[i].push(v === undefined ? null : v);
    }
    return this.length++;
  }

  /** Overwrites one column value of row i (used to put named people in place). */
  set(i: number, column: C, value: unknown): void {
    this.columns[column][i] = value;
  }

  get(i: number, column: C): unknown {
    return this.columns[column][i];
  }
}

const CHUNK = 20_000;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Inserts all rows, organiser id first, in chunks of CHUNK rows. `onConflict` e.g. `on conflict do nothing`. */
export async function writeRows<C extends string>(
  q: Pick<Queryable, 'execute'>, organiserId: string | null, rows: Rows<C>, onConflict = '',
): Promise<void> {
  const cols = Object.keys(rows.spec) as C[];
  const target = [...(organiserId ? ['organiser_id'] : []), ...cols.map(snake)].map((c) => `"${c}"`).join(', ');
  for (let from = 0; from < rows.length; from += CHUNK) {
    const to = Math.min(rows.length, from + CHUNK);
    const arrays: SQL[] = [];
    const selects: SQL[] = organiserId ? [sql`${organiserId}::uuid`] : [];
    cols.forEach((c, i) => {
      const type = rows.spec[c];
      let values = rows.columns[c].slice(from, to);
      if (type === 'text[]') {
        // unnest would flatten a 2-D array: pass each list as one comma-joined text and split it again.
        values = values.map((v) => (v === null ? null : (v as string[]).join(',')));
        arrays.push(sql`${sql.param(values)}::text[]`);
        selects.push(sql.raw(`coalesce(string_to_array(c${i}, ','), '{}')`));
      } else {
        arrays.push(sql`${sql.param(values)}::${sql.raw(type)}[]`);
        selects.push(sql.raw(`c${i}`));
      }
    });
    const names = cols.map((_, i) => `c${i}`).join(', ');
    await q.execute(sql`insert into ${sql.raw(`"${rows.table}"`)} (${sql.raw(target)})
      select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as t(${sql.raw(names)})
      ${sql.raw(onConflict)}`);
  }
}
