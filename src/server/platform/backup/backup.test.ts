import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimDataDir, dataDirHolder, DataDirInUseError, LOCK_FILE, releaseDataDir } from './data-dir-lock.js';
import { backupKindOf, backupStamp, defaultBackupFile } from './files.js';

const dirs: string[] = [];
const tempDir = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-backup-unit-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('backup file names', () => {
  it('carry the date and time in Swedish time (summer and winter)', () => {
    expect(backupStamp(new Date('2025-06-01T00:15:00Z'))).toBe('2025-06-01-0215');
    expect(backupStamp(new Date('2025-12-31T23:05:00Z'))).toBe('2026-01-01-0005');
  });

  it('a second backup in the same minute gets -2, never the same name', () => {
    const dir = tempDir();
    const now = new Date('2025-06-01T00:15:00Z');
    const first = defaultBackupFile(dir, 'sql', now);
    expect(path.basename(first)).toBe('larka-2025-06-01-0215.sql');
    fs.writeFileSync(first, '');
    expect(path.basename(defaultBackupFile(dir, 'sql', now))).toBe('larka-2025-06-01-0215-2.sql');
  });

  it('a file is known by its content: pg_dump SQL or a gzip of a PGlite folder', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a'), '--\n-- PostgreSQL database dump\n--\n');
    fs.writeFileSync(path.join(dir, 'b'), Buffer.from([0x1f, 0x8b, 8, 0]));
    fs.writeFileSync(path.join(dir, 'c'), 'hello');
    expect(backupKindOf(path.join(dir, 'a'))).toBe('postgres');
    expect(backupKindOf(path.join(dir, 'b'))).toBe('pglite');
    expect(() => backupKindOf(path.join(dir, 'c'))).toThrow(/neither/);
  });
});

describe('an embedded data folder in use', () => {
  it('a folder this process has open is in use until released', () => {
    const dir = tempDir();
    claimDataDir(dir);
    expect(dataDirHolder(dir)?.pid).toBe(process.pid);
    expect(() => claimDataDir(dir)).toThrow(DataDirInUseError);
    releaseDataDir(dir);
    expect(dataDirHolder(dir)).toBeNull();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('a mark left by a process that is gone (kill -9) does not count', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), dataDir: fs.realpathSync(dir), since: 'then' }));
    expect(dataDirHolder(dir)).toBeNull();
    claimDataDir(dir);
    releaseDataDir(dir);
  });

  it('a mark copied along with the folder (a template copy) does not count', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: os.hostname(), dataDir: '/somewhere/else', since: 'then' }));
    expect(dataDirHolder(dir)).toBeNull();
  });

  it('a mark of another live Node process on this machine counts', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: os.hostname(), dataDir: fs.realpathSync(dir), since: 'then' }));
    const parentIsNode = (() => { try { return fs.readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').includes('node'); } catch { return true; } })();
    expect(dataDirHolder(dir)?.pid ?? null).toBe(parentIsNode ? process.ppid : null);
  });
});
