/** A way to run one SQL statement and get its rows: a pg client, a PGlite instance, a pool. */
export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface TableSummary {
  /** schema.table */
  table: string;
  rows: number;
  /** MD5 of the table's rows as text, in a fixed order (only with `checksums`). */
  checksum?: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every ordinary table outside the system schemas (Lärka's in `public`, drizzle's migration journal in `drizzle`). */
export async function listTables(query: Query): Promise<{ schema: string; name: string }[]> {
  const rows = await query(`
    select n.nspname as schema, c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname not in ('information_schema') and n.nspname not like 'pg\\_%'
     order by 1, 2`);
  return rows.map((r) => ({ schema: String(r.schema), name: String(r.name) }));
}

/**
 * Row count of every table and, with `checksums`, a checksum of its rows: each row as text, ordered by that
 * text (C collation, so the order does not depend on the locale), concatenated and hashed. Two databases
 * with the same summaries hold the same rows. Checksums read whole tables: meant for tests and checks on
 * test-sized data, not for every nightly backup of a municipality.
 */
export async function summarise(query: Query, opts: { checksums?: boolean } = {}): Promise<TableSummary[]> {
  const out: TableSummary[] = [];
  for (const t of await listTables(query)) {
    const name = `${quote(t.schema)}.${quote(t.name)}`;
    const [row] = await query(opts.checksums
      ? `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as checksum from ${name} t`
      : `select count(*)::int as rows from ${name}`);
    out.push({ table: `${t.schema}.${t.name}`, rows: Number(row.rows), ...(opts.checksums ? { checksum: String(row.checksum) } : {}) });
  }
  return out;
}

export const totalRows = (tables: TableSummary[]) => tables.reduce((n, t) => n + t.rows, 0);

/** Tables whose row counts differ between two summaries ("" when they agree). */
export function countDifferences(expected: TableSummary[], actual: TableSummary[]): string {
  const got = new Map(actual.map((t) => [t.table, t.rows]));
  const want = new Map(expected.map((t) => [t.table, t.rows]));
  const problems: string[] = [];
  for (const [table, rows] of want) if (got.get(table) !== rows) problems.push(`${table}: expected ${rows} rows, found ${got.get(table) ?? 'no table'}`);
  for (const table of got.keys()) if (!want.has(table)) problems.push(`${table}: not in the backup`);
  return problems.join('; ');
}
