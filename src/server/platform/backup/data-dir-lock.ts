import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Who has an embedded (PGlite) data folder open. PGlite itself holds no lock: a second PGlite opens a
 * folder that another process is using without complaint (and two of them corrupt it), and the
 * `postmaster.pid` it writes carries the fake pid -42 and stays behind after a kill -9, so it says nothing
 * about whether the folder is in use. So whoever opens the folder (the server, the seed script, backup and
 * restore) writes this file with its real pid and removes it on close.
 *
 * The file is held only while the process it names runs on this machine and it names this very folder:
 * a copied folder (tests copy a template) or a stale file after a crash does not count.
 */
export const LOCK_FILE = 'larka.pid';

interface LockContent { pid: number; host: string; dataDir: string; since: string }

const realDir = (dir: string) => { try { return fs.realpathSync(dir); } catch { return path.resolve(dir); } };

function alive(pid: number): boolean {
  try { process.kill(pid, 0); } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
  // A pid is reused after a crash (in a container a restarted server often gets the same small pid): on
  // Linux, only a Node process counts.
  try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node'); } catch { return true; }
}

/** Folders this process has open (a file naming our own pid is stale, left by an earlier process that
 *  had the same pid, unless the folder is in here). */
const openHere = new Map<string, string>();

/** The live process that has the folder open (this one included), or null. */
export function dataDirHolder(dir: string): { pid: number; since: string } | null {
  const here = openHere.get(realDir(dir));
  if (here) return { pid: process.pid, since: here };
  let lock: LockContent;
  try { lock = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockContent; } catch { return null; }
  if (!Number.isInteger(lock.pid) || lock.pid === process.pid) return null;
  if (lock.host !== os.hostname() || lock.dataDir !== realDir(dir)) return null;
  return alive(lock.pid) ? { pid: lock.pid, since: lock.since } : null;
}

export class DataDirInUseError extends Error {
  constructor(readonly dir: string, readonly pid: number, since: string) {
    super(`the data folder ${dir} is in use by process ${pid} (since ${since}); stop the Lärka server first`);
  }
}

/** Marks the folder as open by this process; refuses one that a live process (this one too) has open. */
export function claimDataDir(dir: string): void {
  const holder = dataDirHolder(dir);
  if (holder) throw new DataDirInUseError(dir, holder.pid, holder.since);
  const content: LockContent = { pid: process.pid, host: os.hostname(), dataDir: realDir(dir), since: new Date().toISOString() };
  fs.writeFileSync(path.join(dir, LOCK_FILE), `${JSON.stringify(content)}\n`);
  openHere.set(content.dataDir, content.since);
}

/** Removes this process's mark (a mark of another process is left alone). */
export function releaseDataDir(dir: string): void {
  const file = path.join(dir, LOCK_FILE);
  openHere.delete(realDir(dir));
  try {
    const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
    if (lock.pid === process.pid) fs.rmSync(file, { force: true });
  } catch { /* gone already */ }
}
