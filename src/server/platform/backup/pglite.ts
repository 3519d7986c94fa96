import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { claimDataDir, dataDirHolder, DataDirInUseError, LOCK_FILE, releaseDataDir } from './data-dir-lock.js';
import { backupStamp, writeBackupFile } from './files.js';
import { summarise, type Query, type TableSummary } from './tables.js';

/**
 * Backups of the embedded database (PGlite): the whole data folder as the tar.gz that PGlite's
 * `dumpDataDir()` writes (a plain tarball: `tar xzf` unpacks it into a usable data folder).
 *
 * The server must be stopped. PGlite is one process's database: a second process must not open the
 * folder while the server has it open (PGlite holds no lock of its own; two instances on one folder
 * corrupt it), and a file copy taken under a running server is not consistent. So backup and restore
 * refuse a folder that a live process has open (`larka.pid`, see data-dir-lock.ts), and hold that mark
 * themselves while they work so the server cannot start meanwhile.
 */

const pgliteQuery = (db: PGlite): Query => async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows;

function requireNotInUse(dataDir: string) {
  const holder = dataDirHolder(dataDir);
  if (holder) throw new DataDirInUseError(dataDir, holder.pid, holder.since);
}

export interface PgliteBackupResult { file: string; bytes: number; tables: TableSummary[]; serverVersion: string }

export async function backupPglite(dataDir: string, file: string): Promise<PgliteBackupResult> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`no database in ${dataDir} (set LARKA_DATA_DIR, or DATABASE_URL for PostgreSQL)`);
  requireNotInUse(dataDir);
  claimDataDir(dataDir);
  try {
    // Opening runs crash recovery if the server was killed, so the backup holds every committed write.
    const db = new PGlite(dataDir);
    try {
      await db.waitReady;
      const query = pgliteQuery(db);
      const tables = await summarise(query);
      const serverVersion = String((await query('show server_version'))[0].server_version);
      const dump = await db.dumpDataDir('gzip');
      const bytes = await writeBackupFile(file, async (partial) => { fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer())); });
      return { file, bytes, tables, serverVersion };
    } finally {
      await db.close();
    }
  } finally {
    releaseDataDir(dataDir);
  }
}

export interface PgliteRestoreResult { tables: TableSummary[]; serverVersion: string; previous: string | null }

/**
 * Restores a PGlite backup into `dataDir`: unpacked and opened in a new folder beside it first (so a bad
 * file leaves the current database alone), then put in its place. Refuses a folder that holds a database
 * unless `replace`; the replaced folder is kept beside it (`<dir>.before-restore-<time>`) until you
 * delete it.
 */
export async function restorePglite(file: string, dataDir: string, opts: { replace?: boolean } = {}): Promise<PgliteRestoreResult> {
  dataDir = path.resolve(dataDir);
  const exists = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (exists && !opts.replace) {
    throw new Error(`${dataDir} already holds a database: restore with --replace (the current folder is kept beside it), or set LARKA_DATA_DIR to a new folder`);
  }
  if (fs.existsSync(dataDir)) requireNotInUse(dataDir);
  if (fs.existsSync(dataDir) && !exists && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty and holds no database: refusing to put a database over it`);
  }
  const staging = `${dataDir}.restoring-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    let tables: TableSummary[];
    let serverVersion: string;
    const db = new PGlite(staging, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      await db.waitReady;
      const query = pgliteQuery(db);
      tables = await summarise(query);
      serverVersion = String((await query('show server_version'))[0].server_version);
    } finally {
      await db.close();
    }
    // The backup tool's own mark came along in the tarball.
    fs.rmSync(path.join(staging, LOCK_FILE), { force: true });
    if (!tables.some((t) => t.table === 'public.organiser')) throw new Error(`${file} holds a database, but not a Lärka one (no organiser table)`);
    let previous: string | null = null;
    if (fs.existsSync(dataDir)) {
      requireNotInUse(dataDir); // once more: the server may have been started meanwhile
      if (exists) {
        previous = `${dataDir}.before-restore-${backupStamp(new Date())}-${process.pid}`;
        fs.renameSync(dataDir, previous);
      } else {
        fs.rmdirSync(dataDir);
      }
    }
    fs.renameSync(staging, dataDir);
    return { tables, serverVersion, previous };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Opens a PGlite folder (not in use) and summarises its tables: for checks after a restore. */
export async function summarisePglite(dataDir: string, opts: { checksums?: boolean } = {}): Promise<TableSummary[]> {
  requireNotInUse(dataDir);
  claimDataDir(dataDir);
  const db = new PGlite(dataDir);
  try {
    await db.waitReady;
    return await summarise(pgliteQuery(db), opts);
  } finally {
    await db.close();
    releaseDataDir(dataDir);
  }
}
