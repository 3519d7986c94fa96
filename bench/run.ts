/**
 * Baseline benchmark (issue: foundation). For the municipality preset on PGlite and on PostgreSQL:
 * authenticated GET /api/session and GET /api/start (teacher) —
 *   max req/s at 50 connections (closed loop), then p99 at a fixed offered rate of half that (open loop),
 *   plus the server's RSS. Also the raw database round trip (`select 1`) as a yardstick.
 * Usage: npm run bench [-- --only pglite|postgres] [--seconds 10]
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/larka_bench, created if missing).
 */
import autocannon from 'autocannon';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureSeeded, login, root, startServer } from './server.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : 10;

async function load(url: string, cookie: string, opts: { connections: number; overallRate?: number }) {
  const r = await autocannon({ url, headers: { cookie }, connections: opts.connections, duration: seconds, overallRate: opts.overallRate });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

async function benchTarget(name: string, env: NodeJS.ProcessEnv) {
  const seeded = ensureSeeded(env, 'municipality');
  console.log(`\n## ${name}  (seed: ${seeded.seconds.toFixed(1)} s — ${seeded.output})`);
  const server = await startServer(env);
  try {
    const cookie = await login(server.baseUrl, 'larare');
    for (const route of ['/api/session', '/api/start']) {
      const url = server.baseUrl + route;
      await load(url, cookie, { connections: 10 }); // warm-up
      const max = await load(url, cookie, { connections: 50 });
      const half = Math.max(1, Math.floor(max.rps / 2));
      const fixed = await load(url, cookie, { connections: 50, overallRate: half });
      console.log(`${route.padEnd(14)} max ${max.rps.toFixed(0)} req/s @50 conn (p99 ${max.p99} ms, non-2xx ${max.non2xx}) | `
        + `at ${half} req/s offered: p50 ${fixed.p50} ms, p99 ${fixed.p99} ms (non-2xx ${fixed.non2xx})`);
    }
    console.log(`server RSS after load: ${server.rssMiB().toFixed(0)} MiB`);
  } finally {
    await server.stop();
  }
}

async function rawPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const n = 2000; const t0 = performance.now();
  for (let i = 0; i < n; i++) await client.query('select 1');
  console.log(`raw PostgreSQL round trip (select 1, one client): ${((performance.now() - t0) / n).toFixed(3)} ms`);
  await client.end();
}

console.log(`# Lärka baseline — ${new Date().toISOString()} — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${seconds} s per run`);
if (only !== 'postgres') await benchTarget('PGlite (embedded)', { LARKA_DATA_DIR: path.join(root, '.tmp/bench-pglite') });
if (only !== 'pglite') {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/larka_bench';
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  const db = new URL(url).pathname.slice(1);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [db]);
  if (exists.rowCount === 0) await admin.query(`create database ${db}`);
  await admin.end();
  await rawPostgres(url);
  await benchTarget('PostgreSQL 15 (127.0.0.1)', { DATABASE_URL: url });
}
