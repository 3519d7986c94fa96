import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where tests keep their throw-away database folders: /dev/shm (memory) when the machine has it, else the
 * system's temp folder. A PGlite data folder is ~1,300 files and up to 100 MB; on a busy disk copying and
 * removing one took 1–2 s each, in memory a few hundred ms.
 */
function base(): string {
  const shm = '/dev/shm';
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    if (fs.statSync(shm).isDirectory()) return shm;
  } catch {
    // no /dev/shm (not Linux): the system's temp folder
  }
  return os.tmpdir();
}

const root = base();

/** A new empty folder for test data, named with the prefix. */
export function testTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(root, prefix));
}
