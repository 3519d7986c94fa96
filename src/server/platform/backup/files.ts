import fs from 'node:fs';
import path from 'node:path';

/** YYYY-MM-DD-HHMM in Swedish time (the time the rest of Lärka speaks), for backup file names. */
export function backupStamp(now: Date): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}`;
}

/** `DIR/larka-YYYY-MM-DD-HHMM.EXT`; a second backup in the same minute gets `-2`, `-3`, … (never overwritten). */
export function defaultBackupFile(dir: string, extension: 'sql' | 'tar.gz', now = new Date()): string {
  const base = path.join(dir, `larka-${backupStamp(now)}`);
  for (let n = 1; ; n++) {
    const file = `${base}${n === 1 ? '' : `-${n}`}.${extension}`;
    if (!fs.existsSync(file)) return file;
  }
}

/**
 * Backups hold personal data (personnummer, protected registrations): folder 0700, file 0600. The file is
 * written under a temporary name and renamed when complete, so a file with the final name is never a
 * half-written backup.
 */
export async function writeBackupFile(file: string, write: (partial: string) => Promise<void>): Promise<number> {
  if (fs.existsSync(file)) throw new Error(`${file} exists already; choose another name`);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  fs.closeSync(fs.openSync(partial, 'w', 0o600));
  try {
    await write(partial);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return fs.statSync(file).size;
}

export type BackupKind = 'postgres' | 'pglite';

/** What a file is, from its first bytes: a gzip (PGlite data folder) or plain SQL from pg_dump. */
export function backupKindOf(file: string): BackupKind {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    if (/^--\s*\n-- PostgreSQL database dump/.test(head.subarray(0, n).toString('utf8'))) return 'postgres';
  } finally { fs.closeSync(fd); }
  throw new Error(`${file} is neither a Lärka PostgreSQL dump (pg_dump SQL) nor a PGlite backup (tar.gz)`);
}
