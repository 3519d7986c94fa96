/**
 * Durability check (grading issue): kill -9 the server during a grade-save storm; after a restart (the
 * database must open: for PGlite that is crash recovery of its data folder) every save that was answered
 * 2xx must be in the database (its request id in the grade history), and the database must be consistent:
 * every grade has its history, every history event of the storm its audit row and vice versa, every grade
 * the value of its latest event, indexes and heap intact (amcheck). Prints PASS/FAIL and exits non-zero
 * on FAIL. See bench/consistency.ts.
 * Usage: npm run bench:durability [-- --db pglite|postgres] [--seconds 4]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checkConsistency, consistent, describeConsistency, type Consistency } from './consistency.js';
import { freePort, startServer, type RunningServer } from './server.js';

const args = process.argv.slice(2);
const kind = args.includes('--db') ? args[args.indexOf('--db') + 1] : 'pglite';
if (kind !== 'pglite' && kind !== 'postgres') { console.error('--db must be pglite or postgres'); process.exit(2); }
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : 4;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-durability-'));
const dbName = `larka_durability_${process.pid}`;
const serverUrl = process.env.BENCH_DATABASE_URL_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = serverUrl.replace(/\/[^/]*$/, `/${dbName}`);
const env: NodeJS.ProcessEnv = kind === 'postgres' ? { DATABASE_URL: dbUrl, LARKA_SEED: 'demo' } : { LARKA_DATA_DIR: dataDir, LARKA_SEED: 'demo' };

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: serverUrl }); await c.connect(); await c.query(statement); await c.end();
}

let server: RunningServer | null = null;
async function cleanUp() {
  await server?.stop('SIGKILL').catch(() => {});
  if (kind === 'postgres') await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
}

let pass = false;
try {
  if (kind === 'postgres') await admin(`create database ${dbName}`);
  const port = await freePort();
  server = await startServer(env, port);
  const baseUrl = server.baseUrl;
  const login = async () => {
    const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'larare', password: 'demo' }) });
    return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as any).csrfToken as string };
  };
  const s = await login();
  const overview = await (await fetch(`${baseUrl}/api/grading/groups`, { headers: { cookie: s.cookie } })).json() as any;
  const cells: { groupId: string; pupilId: string; version: number | null; value: string | null }[] = [];
  for (const g of overview.groups) {
    const reg = await (await fetch(`${baseUrl}/api/grading/groups/${g.id}`, { headers: { cookie: s.cookie } })).json() as any;
    for (const p of reg.pupils) if (p.cells.HT.allowed) cells.push({ groupId: g.id, pupilId: p.id, version: p.cells.HT.version, value: p.cells.HT.value });
  }

  const sent: string[] = [];
  const acknowledged: string[] = [];
  let errors = 0;
  const since = new Date(Date.now() - 1000);
  const deadline = Date.now() + seconds * 1000;
  const killAt = Date.now() + (seconds * 1000) / 2;
  const workers = 8;
  const worker = async (w: number) => {
    // Each worker its own cells (no 409s between workers); each save changes the value, so every 2xx is a write.
    const mine = cells.filter((_, j) => j % workers === w);
    for (let i = 0; mine.length > 0 && Date.now() < deadline; i++) {
      const cell = mine[i % mine.length];
      const requestId = randomUUID();
      const value = 'ABCDE'[('ABCDE'.indexOf(cell.value ?? '') + 1) % 5];
      sent.push(requestId);
      try {
        const res = await fetch(`${baseUrl}/api/grading/groups/${cell.groupId}/cells`, { method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
          body: JSON.stringify({ pupilId: cell.pupilId, column: 'HT', value, version: cell.version, requestId }) });
        const body = await res.json() as any;
        if (res.ok) { acknowledged.push(requestId); cell.version = body.version; cell.value = body.value; }
        else if (res.status === 409) { cell.version = body.current?.version ?? cell.version; cell.value = body.current?.value ?? cell.value; }
      } catch { errors++; if (Date.now() > killAt) return; }
    }
  };
  const killer = new Promise<void>((resolve) => setTimeout(async () => { await server!.stop('SIGKILL'); resolve(); }, killAt - Date.now()));
  await Promise.all([...Array.from({ length: workers }, (_, w) => worker(w)), killer]);
  console.log(`sent ${sent.length} saves, ${acknowledged.length} answered 2xx before kill -9, ${errors} failed after it`);

  // The restart opens the database after the crash (PGlite: recovery of the data folder).
  const t0 = Date.now();
  server = await startServer({ ...env, LARKA_SEED: 'none' }, port);
  console.log(`restarted and ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const s2 = await login();
  await server.stop();
  server = null;

  let result: Consistency;
  const run = { sent, acknowledged, since };
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: dbUrl }); await c.connect();
    try { result = await checkConsistency(async (q, p) => (await c.query(q, p)).rows, run); } finally { await c.end(); }
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { amcheck } = await import('@electric-sql/pglite/contrib/amcheck');
    const db = new PGlite(dataDir, { extensions: { amcheck } });
    try { result = await checkConsistency(async (q, p) => (await db.query(q, p)).rows as any[], run); } finally { await db.close(); }
  }
  pass = consistent(result) && !!s2.csrf && acknowledged.length > 0;
  console.log(`${kind} after kill -9 and restart:\n  ${describeConsistency(result)}`);
  console.log(`${kind}: ${result.lost} acknowledged saves lost, ${result.gradesWithoutHistory + result.eventsWithoutAudit + result.auditsWithoutEvent + result.valueNotLatestEvent} half-written rows — ${pass ? 'PASS' : 'FAIL'}`);
} catch (err) {
  console.error(`${kind}: ${(err as Error).stack ?? err}`);
  console.log(`${kind}: the check could not complete — FAIL`);
} finally {
  await cleanUp();
}
process.exit(pass ? 0 : 1);
