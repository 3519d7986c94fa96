import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { claimDataDir, releaseDataDir } from '../backup/data-dir-lock.js';
import * as schema from './schema.js';

export type Db = PgDatabase<any, typeof schema>;
/** A database handle or an open transaction: stores accept either. */
export type Queryable = Pick<Db, 'execute' | 'select' | 'insert' | 'update' | 'delete' | 'transaction'>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The embedded client, when kind is 'pglite'. */
  pglite?: PGlite;
  /** Runs `select 1`; throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

export interface OpenOptions {
  databaseUrl: string | null;
  /** PGlite data folder; null keeps the database in memory (tests). */
  dataDir: string | null;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // An unreachable server (packets dropped, not refused) must not hang requests: give up connecting
    // after 5 s, which the error handler answers as 503.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    pool.on('error', () => { /* a broken idle client is dropped by the pool; health reports it */ });
    // A client checked out of the pool (a transaction) has no error listener of the pool's: when
    // PostgreSQL goes away under it (stopped, restarted, connection cut) the client emits 'error', and an
    // unheard 'error' event would end the whole process. The query in flight is failed anyway (answered
    // 503, see isDatabaseUnavailable) and the pool discards a client that is no longer queryable.
    pool.on('connect', (client) => { client.on('error', () => { /* reported through the failed query */ }); });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    let ended = false;
    return {
      kind: 'postgres', db,
      ping: async () => { if (ended) throw new Error('database closed'); await pool.query('select 1'); },
      close: async () => { if (!ended) { ended = true; await pool.end(); } },
    };
  }
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  // PGlite holds no lock of its own, and two processes on one data folder corrupt it: mark the folder as
  // ours, refusing one that another live process has open (see data-dir-lock.ts; backup checks it too).
  const dataDir = opts.dataDir;
  if (dataDir) claimDataDir(dataDir);
  let client: PGlite;
  try {
    client = new PGlite(dataDir ?? undefined);
    await client.waitReady;
  } catch (err) {
    if (dataDir) releaseDataDir(dataDir);
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite', db, pglite: client,
    ping: async () => { if (closed) throw new Error('database closed'); await client.query('select 1'); },
    close: async () => { if (!closed) { closed = true; await client.close(); if (dataDir) releaseDataDir(dataDir); } },
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') await migratePg(database.db as any, { migrationsFolder });
  else await migratePglite(database.db as any, { migrationsFolder });
}

/** SQLSTATEs and socket errors that mean "the database server cannot be reached now", not a bug:
 *  class 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting up). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03']);
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/** Whether an error (or one of its causes: drizzle wraps the driver's error) says the PostgreSQL server
 *  cannot be reached at the moment: answered 503, and the server recovers by itself once it is back. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    // An AggregateError of failed connection attempts (IPv4 and IPv6 of one host name).
    if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}

/** How a statement is run. */
export interface RunOptions {
  /**
   * Run as a named prepared statement on PostgreSQL: parsed and planned once per pooled connection, then
   * run with a generic plan. For hot statements whose generic plan has been checked (planning costs more
   * than running them: the grade save's checks plan in 0.8 ms and run in 0.2 ms). A generic plan can be
   * far worse than a custom one (an `= any($array)` estimate once turned a 1 ms read into 36 ms), so this
   * is opt-in, and each use is measured in `bench/`.
   */
  prepared?: boolean;
}

/** Runs a parameterised statement and returns its rows. */
export async function rows<T>(q: Pick<Queryable, 'execute'>, statement: SQL, opts: RunOptions = {}): Promise<T[]> {
  const driver = q as unknown as NodePgHandle;
  if (opts.prepared && driver.session?.client && driver.dialect && driver.session.prepareQuery) {
    const query = driver.dialect.sqlToQuery(statement);
    const name = preparedName(query.sql);
    if (name) return (await driver.session.prepareQuery(query, undefined, name, false).execute()).rows as T[];
  }
  const result = (await q.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

/** What `rows` needs of drizzle's node-postgres database or transaction (not part of its typed surface). */
interface NodePgHandle {
  dialect?: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } };
  session?: { client?: unknown; prepareQuery?(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<{ rows: unknown[] }> } };
}

/** A prepared statement's name: from its text, so one name always means one text. Capped, so a text that
 *  varies by mistake cannot make every connection collect prepared statements without bound. */
const MAX_PREPARED = 200;
const preparedNames = new Map<string, string>();
function preparedName(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known || preparedNames.size >= MAX_PREPARED) return known;
  const name = `l_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  preparedNames.set(text, name);
  return name;
}

export async function one<T>(q: Pick<Queryable, 'execute'>, statement: SQL, opts: RunOptions = {}): Promise<T | undefined> {
  return (await rows<T>(q, statement, opts))[0];
}

export { sql };
