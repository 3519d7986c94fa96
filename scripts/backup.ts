/**
 * Backs up Lärka's database (see "Säkerhetskopiering" in README.md).
 *
 *   npm run backup [-- --out FILE | --dir DIR]
 *
 * PostgreSQL (DATABASE_URL set): plain SQL from pg_dump, default backups/larka-YYYY-MM-DD-HHMM.sql; one
 * snapshot, so it is consistent while the server runs. Embedded database (LARKA_DATA_DIR, default ./data):
 * the data folder as PGlite's tar.gz, default backups/larka-YYYY-MM-DD-HHMM.tar.gz; the server must be
 * stopped (refused while it has the folder open). Exit status 0 when the backup file is complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirInUseError } from '../src/server/platform/backup/data-dir-lock.js';
import { defaultBackupFile } from '../src/server/platform/backup/files.js';
import { backupPglite } from '../src/server/platform/backup/pglite.js';
import { backupPostgres } from '../src/server/platform/backup/postgres.js';
import { totalRows, type TableSummary } from '../src/server/platform/backup/tables.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, dir: { type: 'string', default: 'backups' } } });
const databaseUrl = process.env.DATABASE_URL || null;
const dataDir = path.resolve(process.env.LARKA_DATA_DIR ?? './data');
if (!values.out && !fs.existsSync(values.dir!)) {
  // Backups hold personal data: the default folder sits in the working copy, so keep git away from it.
  fs.mkdirSync(values.dir!, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(values.dir!, '.gitignore'), '# Lärka backups hold personal data: never commit them\n*\n');
}
const file = path.resolve(values.out ?? defaultBackupFile(values.dir!, databaseUrl ? 'sql' : 'tar.gz'));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const rowsOf = (tables: TableSummary[]) => `${tables.length} tables, ${totalRows(tables)} rows`;

const t0 = Date.now();
try {
  if (databaseUrl) {
    const safeUrl = new URL(databaseUrl); safeUrl.password = '';
    console.log(`backing up PostgreSQL ${safeUrl.host}${safeUrl.pathname} → ${file}`);
    const r = await backupPostgres(databaseUrl, file);
    console.log(`server ${r.serverVersion}, ${r.pgDump}`);
    console.log(`backup written: ${r.file} (${mib(r.bytes)}, ${rowsOf(r.tables)}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    console.log(`backing up the embedded database in ${dataDir} → ${file}`);
    const r = await backupPglite(dataDir, file);
    console.log(`PGlite (PostgreSQL ${r.serverVersion})`);
    console.log(`backup written: ${r.file} (${mib(r.bytes)}, ${rowsOf(r.tables)}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
} catch (err) {
  if (err instanceof DataDirInUseError) {
    console.error(`backup refused: ${err.message}. The embedded database is backed up with the server stopped `
      + '(or run Lärka on PostgreSQL, whose backups are taken while it runs).');
  } else {
    console.error(`backup failed: ${(err as Error).message}`);
  }
  process.exit(1);
}
