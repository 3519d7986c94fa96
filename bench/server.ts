/**
 * Starting servers for the benchmarks: the bench databases (PGlite in `.tmp/bench-pglite`, PostgreSQL
 * `larka_bench`), seeding them, a server process on a free port with its RSS, and logging in.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** A database the benchmarks run on: the environment a server (or the seeder) gets for it. */
export interface BenchDatabase {
  key: 'pglite' | 'postgres';
  label: string;
  env: NodeJS.ProcessEnv;
  /** PostgreSQL: the database's URL and name (its backends are the ones whose CPU is counted). */
  url?: string;
  name?: string;
}

/** The bench databases: PGlite in `.tmp/bench-pglite`; PostgreSQL from BENCH_DATABASE_URL (default larka_bench). */
export function benchDatabase(key: 'pglite' | 'postgres'): BenchDatabase {
  if (key === 'pglite') return { key, label: 'PGlite', env: { LARKA_DATA_DIR: path.join(root, '.tmp/bench-pglite') } };
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/larka_bench';
  return { key, label: 'PostgreSQL', env: { DATABASE_URL: url }, url, name: new URL(url).pathname.slice(1) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const port = (s.address() as net.AddressInfo).port; s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

/** Seeds a preset into the database the env names, unless it already holds data. */
export function ensureSeeded(env: NodeJS.ProcessEnv, preset: string) {
  const t0 = Date.now();
  if (env.DATABASE_URL) createDatabaseIfMissing(env.DATABASE_URL);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', '--preset', preset], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  const out = `${run.stdout}${run.stderr}`;
  if (run.status !== 0 && !/already has data/i.test(out)) throw new Error(`seeding failed:\n${out}`);
  return { seconds: (Date.now() - t0) / 1000, output: out.trim().split('\n').slice(-3).join(' | ') };
}

/** A fresh machine has no bench database yet: create it (on the same server, through its maintenance database). */
function createDatabaseIfMissing(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const name = target.pathname.slice(1);
  const maintenance = new URL(databaseUrl); maintenance.pathname = '/postgres';
  const exists = spawnSync('psql', [maintenance.href, '-tAc', `select 1 from pg_database where datname = '${name.replace(/'/g, "''")}'`], { encoding: 'utf8' });
  if (exists.status !== 0) throw new Error(`cannot reach PostgreSQL: ${exists.stderr}`);
  if (exists.stdout.trim() !== '1') spawnSync('psql', [maintenance.href, '-qc', `create database "${name.replace(/"/g, '""')}"`], { stdio: 'inherit' });
}

/**
 * Before a class is measured on PostgreSQL: a checkpoint, and the grade tables vacuumed and analysed, so
 * that the writes of the class before (a save storm) are not flushed and vacuumed during this one's
 * measurement. A real server does that work too, in the background: it is left out of a class it does
 * not belong to, not out of the figures (the save class pays for its own writes while it runs).
 */
export function quiesceDatabase(database: BenchDatabase): void {
  if (!database.url) return;
  const run = spawnSync('psql', [database.url, '-qc', 'checkpoint', '-c', 'vacuum (analyze) grade, grade_event'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`could not quiesce PostgreSQL: ${run.stderr}`);
}

export interface RunningServer {
  baseUrl: string; child: ChildProcess;
  /** Resident set now (VmRSS). */
  rssMiB(): number;
  /** Highest resident set since the server started (VmHWM). */
  peakRssMiB(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const procStatus = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

export async function startServer(env: NodeJS.ProcessEnv, port?: number): Promise<RunningServer> {
  port ??= await freePort();
  const extraArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []; // e.g. --cpu-prof
  const child = spawn(process.execPath, [...extraArgs, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: root, env: { ...process.env, LARKA_SEED: 'none', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try { if ((await fetch(`${baseUrl}/api/health`)).ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl, child,
    rssMiB: () => procStatus(child.pid!, 'VmRSS'),
    peakRssMiB: () => procStatus(child.pid!, 'VmHWM'),
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null) return;
      child.kill(signal);
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * Waits until the server has worked off what a finished load left queued (a closed loop ends with requests
 * in flight, and requests it gave up on are still being answered): until the health check, which asks the
 * database, answers within 100 ms twice in a row — at most `maxSeconds`.
 */
export async function settle(baseUrl: string, maxSeconds = 15): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const t0 = performance.now();
    try { quick = (await fetch(`${baseUrl}/api/health`)).ok && performance.now() - t0 < 100 ? quick + 1 : 0; } catch { quick = 0; }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A logged-in user: the session cookie, its CSRF token and the person it is. */
export interface Session { username: string; cookie: string; csrf: string; personId: string }

/** Logs in (password `demo`); a 5xx answer is reported and tried once more (setup, not a measurement). */
export async function signIn(baseUrl: string, username: string, retry = true): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (!res.ok) {
    const message = `login ${username}: ${res.status} ${(await res.text()).slice(0, 300)}`;
    if (retry && res.status >= 500) { console.warn(`${message} — trying once more`); return signIn(baseUrl, username, false); }
    throw new Error(message);
  }
  const body = await res.json() as { csrfToken: string; person: { id: string } };
  return { username, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: body.csrfToken, personId: body.person.id };
}

/** The session cookie of a user (password `demo`). */
export async function login(baseUrl: string, username: string): Promise<string> {
  return (await signIn(baseUrl, username)).cookie;
}
