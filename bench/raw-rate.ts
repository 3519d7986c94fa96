/**
 * The raw database rate of the write path's work, beside which the grade save is judged (DESIGN.md §6):
 * an upsert of one grade and an audit insert in one transaction, without Lärka in between.
 * PostgreSQL: pgbench at 50 clients. PGlite: one embedded instance (single connection) in this process,
 * one transaction after the other, in a fresh folder under `.tmp`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { root } from './server.js';

const CREATE = `create table if not exists bench_grade (pupil int, subject text, value text, version int, primary key (pupil, subject));
  create table if not exists bench_audit (id bigserial primary key, at timestamptz, pupil int, what jsonb)`;
const UPSERT = `insert into bench_grade (pupil, subject, value, version) values ($1, 'MA', 'C', 1)
  on conflict (pupil, subject) do update set value = excluded.value, version = bench_grade.version + 1`;
const AUDIT = `insert into bench_audit (at, pupil, what) values (now(), $1, '{"to":"C"}')`;

export const RAW_WORK = 'upsert + audit insert in one transaction';

/** Transactions per second by pgbench with `clients` clients (its tables are created and dropped in `url`). */
export function pgbenchRate(url: string, clients: number, seconds: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pgbench-'));
  const script = path.join(dir, 'upsert.sql');
  fs.writeFileSync(script, `\\set p random(1, 100000)
begin;
${UPSERT.replace('$1', ':p')};
${AUDIT.replace('$1', ':p')};
commit;
`);
  execFileSync('psql', [url, '-q', '-c', CREATE]);
  try {
    const out = execFileSync('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, url], { encoding: 'utf8' });
    return Number(/tps = ([\d.]+)/.exec(out)![1]);
  } finally {
    execFileSync('psql', [url, '-q', '-c', 'drop table bench_grade; drop table bench_audit']);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Transactions per second on an embedded PGlite (on disk, like the server's), one after the other. */
export async function pgliteRate(seconds: number): Promise<number> {
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, '.tmp', 'bench-raw-pglite-'));
  const db = new PGlite(dir);
  try {
    await db.waitReady;
    await db.exec(CREATE);
    const work = (p: number) => db.transaction(async (tx) => { await tx.query(UPSERT, [p]); await tx.query(AUDIT, [p]); });
    for (let i = 0; i < 200; i++) await work(1 + Math.floor(Math.random() * 100_000)); // warm-up
    let n = 0;
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    while (performance.now() < end) { await work(1 + Math.floor(Math.random() * 100_000)); n++; }
    return n / ((performance.now() - t0) / 1000);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
