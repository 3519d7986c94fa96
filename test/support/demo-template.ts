import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { systemClock } from '../../src/domain/common/dates.js';
import { prepareDatabase } from '../../src/server/bootstrap.js';
import { readConfig } from '../../src/server/platform/config/config.js';
import { testTempDir } from './temp-dir.js';

/**
 * The seeded demo municipality that every test file copies. Seeded once per `npm test` by
 * scripts/run-tests.ts and handed to each tier in these variables; a tier run on its own (plain
 * `vitest run`) seeds its own in test/support/global-setup.ts.
 */
export const PGLITE_TEMPLATE_ENV = 'LARKA_TEST_PGLITE_TEMPLATE';
export const PG_TEMPLATE_ENV = 'LARKA_TEST_PG_TEMPLATE';

export interface Template<T> { value: T; remove(): Promise<void> }

const config = () => ({ ...readConfig({}), databaseUrl: null });

/** A PGlite data folder with the demo seeded; value is the folder. */
export async function seedPgliteTemplate(): Promise<Template<string>> {
  const root = testTempDir('larka-template-');
  const dataDir = path.join(root, 'data');
  const { database } = await prepareDatabase({ ...config(), dataDir }, systemClock, () => {});
  await database.close();
  pruneSpareWal(dataDir);
  return { value: dataDir, remove: async () => fs.rmSync(root, { recursive: true, force: true }) };
}

/**
 * After a clean shutdown, pg_wal holds the segment of the last checkpoint and the spare segments the
 * server recycled for later use (names after it): on the seeded demo ≈ 270 MB of the template's 440 that
 * every test file and every journey server would copy. The spares are only pre-allocated files — the server
 * creates new ones when it needs them — so the template keeps the two lowest-named segments (the current one
 * and, to be safe, the one after it) and drops the rest.
 */
function pruneSpareWal(dataDir: string): void {
  const wal = path.join(dataDir, 'pg_wal');
  const segments = fs.readdirSync(wal).filter((f) => /^[0-9A-F]{24}$/.test(f)).sort();
  for (const spare of segments.slice(2)) fs.rmSync(path.join(wal, spare));
}

/** A PostgreSQL database with the demo seeded, for `create database … template`; value is its name. */
export async function seedPostgresTemplate(serverUrl: string): Promise<Template<string>> {
  const name = `larka_tpl_${process.pid}_${Date.now()}`;
  await adminQuery(serverUrl, `create database ${name}`);
  try {
    const prepared = await prepareDatabase({ ...config(), databaseUrl: withDatabase(serverUrl, name) }, systemClock, () => {});
    await prepared.database.close();
  } catch (err) {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    throw err;
  }
  return { value: name, remove: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { await client.query(statement); } finally { await client.end(); }
}
