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
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => { /* a broken idle client is dropped by the pool; health reports it */ });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    let ended = false;
    return {
      kind: 'postgres', db,
      ping: async () => { if (ended) throw new Error('database closed'); await pool.query('select 1'); },
      close: async () => { if (!ended) { ended = true; await pool.end(); } },
    };
  }
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const client = new PGlite(opts.dataDir ?? undefined);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite', db, pglite: client,
    ping: async () => { if (closed) throw new Error('database closed'); await client.query('select 1'); },
    close: async () => { if (!closed) { closed = true; await client.close(); } },
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') await migratePg(database.db as any, { migrationsFolder });
  else await migratePglite(database.db as any, { migrationsFolder });
}

/** Runs a parameterised statement and returns its rows. */
export async function rows<T>(q: Pick<Queryable, 'execute'>, statement: SQL): Promise<T[]> {
  const result = (await q.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T>(q: Pick<Queryable, 'execute'>, statement: SQL): Promise<T | undefined> {
  return (await rows<T>(q, statement))[0];
}

export { sql };
