import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { systemClock } from '../../src/domain/common/dates.js';
import { buildApp } from '../../src/server/app.js';
import { DataDirInUseError } from '../../src/server/platform/backup/data-dir-lock.js';
import { defaultBackupFile } from '../../src/server/platform/backup/files.js';
import { backupPglite, restorePglite, summarisePglite } from '../../src/server/platform/backup/pglite.js';
import { backupPostgres, restorePostgres } from '../../src/server/platform/backup/postgres.js';
import { summarise, type TableSummary } from '../../src/server/platform/backup/tables.js';
import { one, openDatabase, type Database } from '../../src/server/platform/db/database.js';
import { Client } from '../support/api.js';
import { adminQuery, withDatabase } from '../support/global-setup.js';

/**
 * Backup → wipe → restore, for the database mode this project runs on (PGlite in `api`, PostgreSQL in
 * `api-postgres`): every table must come back with the same rows (count and checksum of its ordered rows).
 */
const pgServer = process.env.LARKA_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
const onPostgres = !!pgServer && !!inject('pgTemplate');

let root = '';
let dataDir = '';
let dbName = '';
let dbUrl = '';
let before: TableSummary[] = [];

const open = (): Promise<Database> => openDatabase(onPostgres ? { databaseUrl: dbUrl, dataDir: null, poolSize: 2 } : { databaseUrl: null, dataDir });

async function pgSummary(url: string): Promise<TableSummary[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await summarise(async (q, p) => (await c.query(q, p)).rows, { checksums: true }); } finally { await c.end(); }
}
/** Every table with its row count and checksum, read after the database is closed. */
const summary = () => (onPostgres ? pgSummary(dbUrl) : summarisePglite(dataDir, { checksums: true }));

/** A teacher saves a grade through the API: grade, history and audit rows beyond the demo data. */
async function saveAGrade(database: Database) {
  const organiser = (await one<{ id: string; name: string; contact: string | null }>(database.db, sql`select id, name, contact from organiser limit 1`))!;
  const app = await buildApp({ database, clock: systemClock, organiser, sessionHours: 8, secureCookies: false, logLevel: 'silent', webRoot: null });
  try {
    const teacher = new Client(app, '10.60.0.1');
    expect((await teacher.login('larare')).statusCode).toBe(200);
    const groups = (await teacher.get('/api/grading/groups')).json().groups;
    for (const g of groups) {
      const register = (await teacher.get(`/api/grading/groups/${g.id}`)).json();
      for (const p of register.pupils) {
        const column = ['HT', 'VT', 'final'].find((c) => p.cells[c]?.allowed && p.cells[c].state !== 'locked');
        if (!column) continue;
        const res = await teacher.request('PUT', `/api/grading/groups/${g.id}/cells`,
          { pupilId: p.id, column, value: p.cells[column].value === 'C' ? 'B' : 'C', version: p.cells[column].version, requestId: randomUUID() });
        expect(res.statusCode).toBe(200);
        return;
      }
    }
    throw new Error('no gradable cell in the demo data');
  } finally {
    await app.close();
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-backup-test-'));
  if (onPostgres) {
    dbName = `larka_bk_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(pgServer!, `create database ${dbName} template ${inject('pgTemplate')}`);
    dbUrl = withDatabase(pgServer!, dbName);
  } else {
    dataDir = path.join(root, 'data');
    fs.cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
  }
  const database = await open();
  try { await saveAGrade(database); } finally { await database.close(); }
  before = await summary();
}, 120_000);

afterAll(async () => {
  if (onPostgres && dbName) await adminQuery(pgServer!, `drop database if exists ${dbName} with (force)`);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe(`backup and restore (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let file = '';

  it('the summary covers every table, with the grade just saved', () => {
    const tables = before.map((t) => t.table);
    expect(tables).toEqual(expect.arrayContaining(['public.organiser', 'public.person', 'public.grade', 'public.grade_event', 'public.audit_event', 'drizzle.__drizzle_migrations']));
    expect(before.find((t) => t.table === 'public.grade')!.rows).toBeGreaterThan(0);
    expect(before.every((t) => /^[0-9a-f]{32}$/.test(t.checksum!))).toBe(true);
  });

  it('backs up into a complete, private file named by date', async () => {
    file = defaultBackupFile(path.join(root, 'backups'), onPostgres ? 'sql' : 'tar.gz');
    expect(path.basename(file)).toMatch(/^larka-\d{4}-\d{2}-\d{2}-\d{4}\.(sql|tar\.gz)$/);
    const result = onPostgres ? await backupPostgres(dbUrl, file) : await backupPglite(dataDir, file);
    expect(result.bytes).toBeGreaterThan(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    expect(result.tables.map((t) => [t.table, t.rows])).toEqual(before.map((t) => [t.table, t.rows]));
  }, 60_000);

  it('restores into a wiped database: every table has the same rows', async () => {
    if (onPostgres) {
      await adminQuery(pgServer!, `drop database ${dbName} with (force)`);
      await adminQuery(pgServer!, `create database ${dbName}`);
      await restorePostgres(file, dbUrl);
    } else {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await restorePglite(file, dataDir);
    }
    expect(await summary()).toEqual(before);
  }, 60_000);

  it('the restored database serves Lärka', async () => {
    const database = await open();
    try {
      const organiser = (await one<{ id: string; name: string; contact: string | null }>(database.db, sql`select id, name, contact from organiser limit 1`))!;
      const app = await buildApp({ database, clock: systemClock, organiser, sessionHours: 8, secureCookies: false, logLevel: 'silent', webRoot: null });
      try {
        expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
        expect((await new Client(app, '10.60.0.2').login('larare')).statusCode).toBe(200);
      } finally { await app.close(); }
    } finally { await database.close(); }
  }, 60_000);

  it('refuses to restore over a database that holds data, unless replacing', async () => {
    await expect(onPostgres ? restorePostgres(file, dbUrl) : restorePglite(file, dataDir)).rejects.toThrow(/not empty|already holds a database/);
  }, 60_000);

  it('refuses while the database is in use', async () => {
    const database = await open();
    await database.ping(); // a PostgreSQL pool connects on first use
    try {
      if (onPostgres) {
        await expect(restorePostgres(file, dbUrl, { replace: true })).rejects.toThrow(/other session/);
      } else {
        await expect(backupPglite(dataDir, path.join(root, 'refused.tar.gz'))).rejects.toBeInstanceOf(DataDirInUseError);
        await expect(restorePglite(file, dataDir, { replace: true })).rejects.toBeInstanceOf(DataDirInUseError);
        expect(fs.existsSync(path.join(root, 'refused.tar.gz'))).toBe(false);
      }
    } finally { await database.close(); }
  }, 60_000);

  it('--replace puts the backup in place of later changes', async () => {
    const database = await open();
    try { await saveAGrade(database); } finally { await database.close(); }
    expect(await summary()).not.toEqual(before);
    if (onPostgres) await restorePostgres(file, dbUrl, { replace: true });
    else {
      const { previous } = await restorePglite(file, dataDir, { replace: true });
      expect(previous && fs.existsSync(path.join(previous, 'PG_VERSION'))).toBe(true);
    }
    expect(await summary()).toEqual(before);
  }, 60_000);
});
