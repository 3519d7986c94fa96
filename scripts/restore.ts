/**
 * Restores a backup made by `npm run backup` (see "Säkerhetskopiering" in README.md).
 *
 *   npm run restore -- FILE [--replace] [--force]
 *
 * A .sql file (pg_dump) goes into the PostgreSQL database of DATABASE_URL, in one transaction; a .tar.gz
 * (PGlite) becomes the data folder LARKA_DATA_DIR (default ./data). Stop the server first. A database
 * that already holds data is refused unless --replace (PostgreSQL: its schemas are dropped and recreated
 * in the same transaction; PGlite: the old folder is kept beside the new one). --force (PostgreSQL only)
 * restores although other sessions are connected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirInUseError } from '../src/server/platform/backup/data-dir-lock.js';
import { backupKindOf } from '../src/server/platform/backup/files.js';
import { restorePglite } from '../src/server/platform/backup/pglite.js';
import { restorePostgres } from '../src/server/platform/backup/postgres.js';
import { totalRows } from '../src/server/platform/backup/tables.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { replace: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (positionals.length !== 1) fail('usage: npm run restore -- FILE [--replace] [--force]');
const file = path.resolve(positionals[0]);
if (!fs.existsSync(file)) fail(`no such file: ${file}`);
const databaseUrl = process.env.DATABASE_URL || null;
const dataDir = path.resolve(process.env.LARKA_DATA_DIR ?? './data');

const t0 = Date.now();
try {
  const kind = backupKindOf(file);
  if (kind === 'postgres' && !databaseUrl) fail(`${file} is a PostgreSQL dump: set DATABASE_URL to the database to restore it into`);
  if (kind === 'pglite' && databaseUrl) fail(`${file} is a backup of the embedded database (PGlite): unset DATABASE_URL and set LARKA_DATA_DIR to the folder to restore it into`);
  if (kind === 'postgres') {
    const safeUrl = new URL(databaseUrl!); safeUrl.password = '';
    console.log(`restoring ${file} into PostgreSQL ${safeUrl.host}${safeUrl.pathname}${values.replace ? ' (replacing its contents)' : ''}`);
    const r = await restorePostgres(file, databaseUrl!, { replace: values.replace, force: values.force });
    console.log(`server ${r.serverVersion}, ${r.psql}`);
    console.log(`restored: ${r.tables.length} tables, ${totalRows(r.tables)} rows (as in the backup) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    console.log(`restoring ${file} into the embedded database folder ${dataDir}`);
    const r = await restorePglite(file, dataDir, { replace: values.replace });
    console.log(`PGlite (PostgreSQL ${r.serverVersion})`);
    console.log(`restored: ${r.tables.length} tables, ${totalRows(r.tables)} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (r.previous) console.log(`the previous database folder is kept in ${r.previous}: delete it once the restored database is checked`);
  }
} catch (err) {
  if (err instanceof DataDirInUseError) fail(`restore refused: ${err.message}`);
  fail(`restore failed: ${(err as Error).message}`);
}
