/**
 * Durability check (grading issue): kill -9 the server during a grade-save storm; after a restart every
 * save that was answered 2xx must be in the database (its request id in the grade history), with no
 * half-written rows (every grade has its history event). Prints PASS/FAIL and exits non-zero on FAIL.
 * Usage: npm run bench:durability [-- --db pglite|postgres] [--seconds 4]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { freePort, startServer } from './server.js';

const args = process.argv.slice(2);
const kind = args.includes('--db') ? args[args.indexOf('--db') + 1] : 'pglite';
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : 4;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-durability-'));
const dbName = `larka_durability_${process.pid}`;
const serverUrl = process.env.BENCH_DATABASE_URL_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = serverUrl.replace(/\/[^/]*$/, `/${dbName}`);
const env: NodeJS.ProcessEnv = kind === 'postgres' ? { DATABASE_URL: dbUrl, LARKA_SEED: 'demo' } : { LARKA_DATA_DIR: dataDir, LARKA_SEED: 'demo' };

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: serverUrl }); await c.connect(); await c.query(statement); await c.end();
}

if (kind === 'postgres') await admin(`create database ${dbName}`);
const port = await freePort();
let server = await startServer(env, port);
const login = async () => {
  const res = await fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'larare', password: 'demo' }) });
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as any).csrfToken as string };
};
const s = await login();
const overview = await (await fetch(`${server.baseUrl}/api/grading/groups`, { headers: { cookie: s.cookie } })).json() as any;
const cells: { groupId: string; pupilId: string; version: number | null }[] = [];
for (const g of overview.groups) {
  const reg = await (await fetch(`${server.baseUrl}/api/grading/groups/${g.id}`, { headers: { cookie: s.cookie } })).json() as any;
  for (const p of reg.pupils) if (p.cells.HT.allowed) cells.push({ groupId: g.id, pupilId: p.id, version: p.cells.HT.version });
}

const acknowledged: string[] = [];
let sent = 0; let errors = 0;
const deadline = Date.now() + seconds * 1000;
const killAt = Date.now() + (seconds * 1000) / 2;
const worker = async (w: number) => {
  for (let i = w; Date.now() < deadline; i += 8) {
    const cell = cells[i % cells.length];
    const requestId = randomUUID();
    sent++;
    try {
      const res = await fetch(`${server.baseUrl}/api/grading/groups/${cell.groupId}/cells`, { method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: JSON.stringify({ pupilId: cell.pupilId, column: 'HT', value: 'ABCDE'[(cell.version ?? 0) % 5], version: cell.version, requestId }) });
      const body = await res.json() as any;
      if (res.ok) { acknowledged.push(requestId); cell.version = body.version; } else if (res.status === 409) cell.version = body.current?.version ?? cell.version;
    } catch { errors++; if (Date.now() > killAt) return; }
  }
};
const killer = new Promise<void>((resolve) => setTimeout(async () => { await server.stop('SIGKILL'); resolve(); }, killAt - Date.now()));
await Promise.all([...Array.from({ length: 8 }, (_, w) => worker(w)), killer]);
console.log(`sent ${sent} saves, ${acknowledged.length} answered 2xx before kill -9, ${errors} failed after it`);

server = await startServer({ ...env, LARKA_SEED: 'none' }, port);
const s2 = await login();
await server.stop();
const check = async (query: (sql: string, params?: unknown[]) => Promise<any[]>) => {
  const found = new Set((await query(`select request_id::text as id from grade_event where request_id = any($1::uuid[])`, [acknowledged])).map((r) => r.id));
  const orphans = await query(`select count(*)::int as n from grade g where not exists (select 1 from grade_event e where e.grade_id = g.id)`);
  return { lost: acknowledged.filter((id) => !found.has(id)).length, orphans: orphans[0].n };
};
let result: { lost: number; orphans: number };
if (kind === 'postgres') {
  const c = new pg.Client({ connectionString: dbUrl }); await c.connect();
  result = await check(async (q, p) => (await c.query(q, p)).rows);
  await c.end();
  await admin(`drop database ${dbName} with (force)`);
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dataDir);
  result = await check(async (q, p) => (await db.query(q, p)).rows as any[]);
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const pass = result.lost === 0 && result.orphans === 0 && !!s2.csrf;
console.log(`${kind}: ${result.lost} acknowledged saves lost, ${result.orphans} half-written grades — ${pass ? 'PASS' : 'FAIL'}`);
process.exit(pass ? 0 : 1);
