import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

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

export interface RunningServer { baseUrl: string; child: ChildProcess; rssMiB(): number; stop(signal?: NodeJS.Signals): Promise<void> }

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
    rssMiB() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null) return;
      child.kill(signal);
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
