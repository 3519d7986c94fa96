import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import pg from 'pg';
import { writeBackupFile } from './files.js';
import { countDifferences, summarise, type TableSummary } from './tables.js';

/**
 * PostgreSQL backups are plain SQL from `pg_dump` (Debian's postgresql-client), restored with `psql`.
 * pg_dump reads one snapshot of the database, so a backup taken while Lärka runs and writes is consistent.
 */

/** The connection URL without its password (kept out of process lists: passed as PGPASSWORD). */
function clientArgs(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function withClient<T>(databaseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try { return await fn(client); } finally { await client.end(); }
}

const major = (version: string) => Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1] ?? NaN);

/**
 * The client program (pg_dump, psql) for a server's major version: `PG_DUMP` / `PSQL` when set, else
 * Debian's versioned binary (/usr/lib/postgresql/N/bin) when installed, else the one on the PATH. Its major
 * version must equal the server's: an older pg_dump refuses a newer server, and a newer one writes SQL
 * (e.g. settings) that an older server does not know.
 */
export function clientProgram(name: 'pg_dump' | 'psql', serverMajor: number): { path: string; version: string } {
  const override = name === 'pg_dump' ? process.env.PG_DUMP : process.env.PSQL;
  const versioned = `/usr/lib/postgresql/${serverMajor}/bin/${name}`;
  const program = override || (fs.existsSync(versioned) ? versioned : name);
  const run = spawnSync(program, ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`${name} not found (${program}): install Debian's postgresql-client-${serverMajor} (apt-get install postgresql-client-${serverMajor}) or set ${name === 'pg_dump' ? 'PG_DUMP' : 'PSQL'}`);
  }
  const version = run.stdout.trim().replace(/^\S+ \(PostgreSQL\) /, '');
  if (major(version) !== serverMajor) {
    throw new Error(`${program} is version ${version} but the server is PostgreSQL ${serverMajor}: install postgresql-client-${serverMajor} or set ${name === 'pg_dump' ? 'PG_DUMP' : 'PSQL'} to its ${name}`);
  }
  return { path: program, version };
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code, signal) => code === 0 ? resolve() : reject(new Error(`${program} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`)));
  });
}

/** Rows per table in a plain pg_dump file (its COPY blocks), and whether the file is complete. */
export async function readDumpSummary(file: string): Promise<{ tables: TableSummary[]; complete: boolean; dumpedFrom: string | null; createsPublic: boolean }> {
  const tables: TableSummary[] = [];
  let current: TableSummary | null = null;
  let complete = false;
  let createsPublic = false;
  let dumpedFrom: string | null = null;
  for await (const line of readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (current) {
      if (line === '\\.') { tables.push(current); current = null; } else current.rows++;
      continue;
    }
    const copy = /^COPY (\S+) .*FROM stdin;$/.exec(line);
    if (copy) current = { table: copy[1].replace(/"/g, ''), rows: 0 };
    else if (line.startsWith('-- Dumped from database version ')) dumpedFrom = line.slice('-- Dumped from database version '.length);
    else if (line === '-- PostgreSQL database dump complete') complete = true;
    else if (line === 'CREATE SCHEMA public;') createsPublic = true;
  }
  return { tables, complete, dumpedFrom, createsPublic };
}

export interface PostgresBackupResult { file: string; bytes: number; tables: TableSummary[]; serverVersion: string; pgDump: string }

export async function backupPostgres(databaseUrl: string, file: string): Promise<PostgresBackupResult> {
  const serverVersion = await withClient(databaseUrl, async (c) => String((await c.query('show server_version')).rows[0].server_version));
  const pgDump = clientProgram('pg_dump', major(serverVersion));
  const { url, env } = clientArgs(databaseUrl);
  const bytes = await writeBackupFile(file, async (partial) => {
    // Plain SQL, without owners and grants, so it restores into a database owned by another role.
    await run(pgDump.path, ['--format=plain', '--no-owner', '--no-privileges', '--encoding=UTF8', `--file=${partial}`, `--dbname=${url}`], env);
    if (!(await readDumpSummary(partial)).complete) throw new Error('pg_dump wrote an incomplete file');
  });
  return { file, bytes, tables: (await readDumpSummary(file)).tables, serverVersion, pgDump: `${pgDump.path} ${pgDump.version}` };
}

export interface PostgresRestoreOptions {
  /** Drop the database's schemas (public, drizzle) first, in the same transaction as the restore. */
  replace?: boolean;
  /** Restore although other sessions (a running Lärka server) are connected to the database. */
  force?: boolean;
}

export interface PostgresRestoreResult { tables: TableSummary[]; serverVersion: string; psql: string; replaced: boolean }

/**
 * Restores a pg_dump file into the database at `databaseUrl`, in one transaction (on any error nothing
 * changes). Refuses a database that has tables unless `replace`, and one that other sessions are connected
 * to unless `force`. Afterwards the rows of every table are counted and compared with the file.
 */
export async function restorePostgres(file: string, databaseUrl: string, opts: PostgresRestoreOptions = {}): Promise<PostgresRestoreResult> {
  const dump = await readDumpSummary(file);
  if (!dump.complete) throw new Error(`${file} is not a complete pg_dump file (no "dump complete" line): refusing to restore it`);
  const state = await withClient(databaseUrl, async (c) => ({
    serverVersion: String((await c.query('show server_version')).rows[0].server_version),
    database: String((await c.query('select current_database() as d')).rows[0].d),
    tables: Number((await c.query(`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r','p','v','m','S') and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'`)).rows[0].n),
    schemas: (await c.query(`select nspname from pg_namespace where nspname <> 'information_schema' and nspname not like 'pg\\_%' order by 1`)).rows.map((r) => String(r.nspname)),
    others: Number((await c.query('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = \'client backend\'')).rows[0].n),
  }));
  if (dump.dumpedFrom && major(dump.dumpedFrom) > major(state.serverVersion)) {
    throw new Error(`the backup comes from PostgreSQL ${dump.dumpedFrom}; it cannot be restored into the older ${state.serverVersion}`);
  }
  if (state.tables > 0 && !opts.replace) {
    throw new Error(`database ${state.database} is not empty (${state.tables} tables and other relations): restore with --replace to drop and recreate its schemas, or into an empty database`);
  }
  if (state.others > 0 && !opts.force) {
    throw new Error(`${state.others} other session(s) are connected to database ${state.database} (is the Lärka server running?): stop them first, or use --force`);
  }
  const psql = clientProgram('psql', major(state.serverVersion));
  const { url, env } = clientArgs(databaseUrl);
  // --replace drops every schema of the database (Lärka's tables in public, drizzle's journal in drizzle);
  // public is made again unless the dump makes it itself.
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const dropped = opts.replace ? state.schemas : [];
  const prepare = [
    ...(dropped.length > 0 ? [`drop schema ${dropped.map(quote).join(', ')} cascade;`] : []),
    ...(!dump.createsPublic && (dropped.includes('public') || !state.schemas.includes('public')) ? ['create schema public;'] : []),
  ];
  const steps = prepare.length > 0 ? ['-c', prepare.join(' ')] : [];
  await run(psql.path, ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--single-transaction', `--dbname=${url}`, ...steps, `--file=${file}`],
    { ...env, PGOPTIONS: `${env.PGOPTIONS ?? ''} -c client_min_messages=warning`.trim() });
  const tables = await withClient(databaseUrl, (c) => summarise(async (q, p) => (await c.query(q, p)).rows));
  const differences = countDifferences(dump.tables, tables);
  if (differences) throw new Error(`restored, but the rows differ from the backup: ${differences}`);
  return { tables, serverVersion: state.serverVersion, psql: `${psql.path} ${psql.version}`, replaced: !!opts.replace && state.tables > 0 };
}
