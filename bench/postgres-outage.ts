/**
 * Fault check: PostgreSQL stops and starts again under a grade-save load (`npm run fault:postgres`).
 *
 * Runs its own private PostgreSQL cluster (initdb into a temporary folder, a free port on 127.0.0.1, trust
 * authentication; as root the PostgreSQL programs run as the `postgres` user), never the machine's shared
 * server. Seeds the demo data, starts Lärka on it, drives grade saves, stops PostgreSQL (`pg_ctl stop -m
 * immediate`: a crash, so recovery is exercised too) for a few seconds while the saves go on, and starts it
 * again. PASS when:
 *  - while PostgreSQL is down every save is answered 503 and /api/health answers 503 — no connection
 *    resets, no other 5xx anywhere in the run, and the server process stays up;
 *  - within 5 s of PostgreSQL accepting connections again a save is answered 2xx and /api/health 200;
 *  - every save answered 2xx is in the database afterwards, which is consistent (bench/consistency.ts).
 * Prints the figures and PASS/FAIL (exit 1 on FAIL); the cluster and its folder are always removed.
 *
 * Options: --before 2 (s of load before the stop), --down 4 (s PostgreSQL stays down), --rate 150
 * (saves/s offered), --mode immediate|fast (how PostgreSQL is stopped). PG_BIN: the PostgreSQL programs
 * (default /usr/lib/postgresql/15/bin).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { checkConsistency, consistent, describeConsistency } from './consistency.js';
import { ensureSeeded, freePort, root } from './server.js';

const { values } = parseArgs({ options: {
  before: { type: 'string', default: '2' }, down: { type: 'string', default: '4' }, rate: { type: 'string', default: '150' },
  mode: { type: 'string', default: 'immediate' }, workers: { type: 'string', default: '6' },
} });
const beforeMs = Number(values.before) * 1000;
const downMs = Number(values.down) * 1000;
const rate = Number(values.rate);
const workers = Number(values.workers);
const mode = values.mode!;
if (mode !== 'immediate' && mode !== 'fast') { console.error('--mode must be immediate or fast'); process.exit(2); }
const RECOVERY_LIMIT_MS = 5000;
const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

// ---- the private cluster -------------------------------------------------------------------------------

const asRoot = process.getuid?.() === 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pg-outage-'));
const dataDir = path.join(tmp, 'data');
const pgLog = path.join(tmp, 'postgres.log');
let pgPort = 0;
let clusterCreated = false;

/** Runs a PostgreSQL program (as the postgres user when we are root: PostgreSQL refuses to run as root).
 *  Asynchronously: the load goes on while pg_ctl waits. */
function pgProgram(program: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  const cmd = asRoot ? 'runuser' : path.join(pgBin, program);
  const full = asRoot ? ['-u', 'postgres', '--', path.join(pgBin, program), ...args] : args;
  return new Promise((resolve) => {
    // The postmaster writes to its -l log file, never to these pipes.
    const child = spawn(cmd, full, { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (d) => { output += d; });
    child.on('error', (err) => resolve({ ok: false, output: String(err) }));
    child.on('exit', (code) => resolve({ ok: code === 0, output: output.trim() }));
  });
}

async function pgCtl(action: 'start' | 'stop', stopMode = 'fast') {
  const args = action === 'start'
    ? ['-D', dataDir, '-l', pgLog, '-w', '-t', '60', '-o', `-p ${pgPort} -k ${tmp} -c listen_addresses=127.0.0.1`, 'start']
    : ['-D', dataDir, '-w', '-t', '60', '-m', stopMode, 'stop'];
  const r = await pgProgram('pg_ctl', args);
  if (!r.ok) throw new Error(`pg_ctl ${action} failed: ${r.output}\n${fs.existsSync(pgLog) ? fs.readFileSync(pgLog, 'utf8').slice(-2000) : ''}`);
}

async function createCluster() {
  if (!fs.existsSync(path.join(pgBin, 'initdb'))) throw new Error(`no PostgreSQL programs in ${pgBin} (set PG_BIN)`);
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
    if (!uid) throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
    fs.chownSync(tmp, uid, gid);
  }
  const init = await pgProgram('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (!init.ok) throw new Error(`initdb failed: ${init.output}`);
  clusterCreated = true;
  pgPort = await freePort();
  await pgCtl('start');
}

// ---- the Lärka server ----------------------------------------------------------------------------------

let server: ChildProcess | null = null;
let serverExit: string | null = null;
const serverLog: string[] = [];
let unavailableLogged = 0;
let unhandledLogged = 0;

async function startLarka(databaseUrl: string, port: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LARKA_SEED: 'none', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      if (line.includes('"database unavailable"')) unavailableLogged++;
      else if (line.includes('"unhandled error"')) { unhandledLogged++; serverLog.push(line); }
      else serverLog.push(line);
      if (serverLog.length > 40) serverLog.shift();
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  child.on('exit', (code, signal) => { serverExit = `exit ${code ?? ''}${signal ?? ''}`; });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (serverExit) throw new Error(`the server exited while starting (${serverExit}):\n${serverLog.join('\n')}`);
    try { if ((await fetch(`${baseUrl}/api/health`)).ok) return baseUrl; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error('the server did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopLarka() {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) { child.kill('SIGKILL'); await exited; }
}

// ---- clean-up, always ----------------------------------------------------------------------------------

let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  await stopLarka().catch(() => {});
  if (clusterCreated && fs.existsSync(path.join(dataDir, 'postmaster.pid'))) await pgProgram('pg_ctl', ['-D', dataDir, '-w', '-m', 'immediate', 'stop']);
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => { void cleanUp().finally(() => process.exit(130)); });
}

// ---- the run -------------------------------------------------------------------------------------------

interface Answer { start: number; end: number; status: number | 'network'; detail?: string }
const t0 = performance.now();
const now = () => performance.now() - t0;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<boolean> {
  const tSetup = Date.now();
  await createCluster();
  const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/larka`;
  const seeded = ensureSeeded({ DATABASE_URL: databaseUrl }, 'demo');
  const baseUrl = await startLarka(databaseUrl, await freePort());
  console.log(`private PostgreSQL ${pgBin} on 127.0.0.1:${pgPort} (${tmp}); demo data seeded in ${seeded.seconds.toFixed(1)} s; `
    + `Lärka up after ${sec(Date.now() - tSetup)}`);

  // A teacher's session and the cells it may grade (as bench/durability.ts).
  const loginRes = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'larare', password: 'demo' }) });
  const session = { cookie: loginRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await loginRes.json()) as any).csrfToken as string };
  const overview = await (await fetch(`${baseUrl}/api/grading/groups`, { headers: { cookie: session.cookie } })).json() as any;
  const cells: { groupId: string; pupilId: string; version: number | null; value: string | null }[] = [];
  for (const g of overview.groups) {
    const reg = await (await fetch(`${baseUrl}/api/grading/groups/${g.id}`, { headers: { cookie: session.cookie } })).json() as any;
    for (const p of reg.pupils) if (p.cells.HT.allowed) cells.push({ groupId: g.id, pupilId: p.id, version: p.cells.HT.version, value: p.cells.HT.value });
  }
  if (cells.length < workers) throw new Error(`only ${cells.length} gradable cells`);

  const saves: Answer[] = [];
  const health: Answer[] = [];
  const sent: string[] = [];
  const acknowledged: string[] = [];
  const since = new Date(Date.now() - 1000);
  let running = true;

  // Saves: each worker its own cells, evenly paced so the whole offers `rate` saves/s.
  const interval = (1000 * workers) / rate;
  const worker = async (w: number) => {
    const mine = cells.filter((_, j) => j % workers === w);
    for (let i = 0; running; i++) {
      const cell = mine[i % mine.length];
      const requestId = randomUUID();
      const value = 'ABCDE'[('ABCDE'.indexOf(cell.value ?? '') + 1) % 5];
      sent.push(requestId);
      const start = now();
      try {
        const res = await fetch(`${baseUrl}/api/grading/groups/${cell.groupId}/cells`, { method: 'PUT', signal: AbortSignal.timeout(15_000),
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify({ pupilId: cell.pupilId, column: 'HT', value, version: cell.version, requestId }) });
        const body = await res.json() as any;
        saves.push({ start, end: now(), status: res.status, detail: res.ok ? undefined : body?.error?.code });
        if (res.ok) { acknowledged.push(requestId); cell.version = body.version; cell.value = body.value; }
        else if (res.status === 409) { cell.version = body.current?.version ?? cell.version; cell.value = body.current?.value ?? cell.value; }
      } catch (err) {
        saves.push({ start, end: now(), status: 'network', detail: String((err as Error).cause ?? err) });
      }
      const wait = start + interval - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  // Logins too (5/s): they write in a transaction, the path where a dying connection once could end the process.
  const logins: Answer[] = [];
  const loginWorker = async () => {
    while (running) {
      const start = now();
      try {
        const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', signal: AbortSignal.timeout(15_000),
          headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'rektor', password: 'demo' }) });
        await res.arrayBuffer();
        logins.push({ start, end: now(), status: res.status });
      } catch (err) {
        logins.push({ start, end: now(), status: 'network', detail: String((err as Error).cause ?? err) });
      }
      const wait = start + 200 - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  const poller = async () => {
    while (running) {
      const start = now();
      try {
        const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        health.push({ start, end: now(), status: res.status });
      } catch (err) {
        health.push({ start, end: now(), status: 'network', detail: String((err as Error).cause ?? err) });
      }
      const wait = start + 100 - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  const load = Promise.all([...Array.from({ length: workers }, (_, w) => worker(w)), loginWorker(), poller()]);

  await new Promise((r) => setTimeout(r, beforeMs));
  const tStopCall = now();
  await pgCtl('stop', mode);
  const tStopped = now();
  await new Promise((r) => setTimeout(r, downMs));
  const tStartCall = now();
  // When PostgreSQL accepts connections again, found by trying every 50 ms (pg_ctl -w polls more coarsely).
  let tReady = Infinity;
  const accepting = (async () => {
    while (now() < tStartCall + 60_000) {
      const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 1000 });
      c.on('error', () => {});
      try { await c.connect(); await c.query('select 1'); tReady = now(); await c.end().catch(() => {}); return; } catch { await c.end().catch(() => {}); }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await pgCtl('start');
  const tPgCtlReady = now();
  await accepting;
  // Keep the load on until both have recovered (and a second more), or long enough to say they did not.
  const recovered = (list: Answer[], ok: (a: Answer) => boolean) => list.find((a) => a.start >= tStartCall && ok(a));
  const deadline = tReady + RECOVERY_LIMIT_MS + 3000;
  for (;;) {
    const s = recovered(saves, (a) => typeof a.status === 'number' && a.status < 300);
    const h = recovered(health, (a) => a.status === 200);
    if ((s && h && now() > Math.max(s.end, h.end) + 1000) || now() > deadline || serverExit) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  running = false;
  await load;
  const serverStayedUp = !serverExit;

  // The figures.
  const during = (list: Answer[]) => list.filter((a) => a.start >= tStopped && a.end <= tStartCall);
  const tally = (list: Answer[]) => {
    const counts = new Map<string, number>();
    for (const a of list) counts.set(String(a.status), (counts.get(String(a.status)) ?? 0) + 1);
    return [...counts].sort().map(([k, v]) => `${v}×${k}`).join(', ') || 'none';
  };
  const outageSaves = during(saves);
  const outageHealth = during(health);
  const outageLogins = during(logins);
  const firstSave = recovered(saves, (a) => typeof a.status === 'number' && a.status < 300);
  const firstHealth = recovered(health, (a) => a.status === 200);
  const networkErrors = [...saves, ...logins, ...health].filter((a) => a.status === 'network');
  const otherServerErrors = [...saves, ...logins, ...health].filter((a) => typeof a.status === 'number' && a.status >= 500 && a.status !== 503);
  // (0 when the answer came before the 50 ms probe saw PostgreSQL up.)
  const saveRecovery = firstSave ? Math.max(0, firstSave.end - tReady) : Infinity;
  const healthRecovery = firstHealth ? Math.max(0, firstHealth.end - tReady) : Infinity;

  console.log(`load: ${saves.length} saves at ≈${rate}/s offered by ${workers} workers, a login every 200 ms, /api/health every 100 ms; `
    + `PostgreSQL stopped (-m ${mode}) at ${sec(tStopCall)} (down at ${sec(tStopped)}), started at ${sec(tStartCall)}, accepting connections at ${sec(tReady)} (pg_ctl -w returned at ${sec(tPgCtlReady)})`);
  console.log(`before the stop:   saves ${tally(saves.filter((a) => a.end < tStopCall))}`);
  console.log(`while it was down: saves ${tally(outageSaves)}; logins ${tally(outageLogins)}; /api/health ${tally(outageHealth)}`);
  console.log(`whole run:         saves ${tally(saves)}; logins ${tally(logins)}; /api/health ${tally(health)}; server logged ${unavailableLogged} "database unavailable", ${unhandledLogged} unhandled errors`);
  console.log(`recovery after PostgreSQL accepted connections: first 2xx save after ${firstSave ? sec(saveRecovery) : 'never'}, `
    + `/api/health 200 after ${firstHealth ? sec(healthRecovery) : 'never'} (limit ${sec(RECOVERY_LIMIT_MS)}; PostgreSQL took ${sec(tReady - tStartCall)} from pg_ctl start to accepting connections)`);
  console.log(`server process: ${serverStayedUp ? 'stayed up' : `EXITED (${serverExit})`}`);
  if (networkErrors.length > 0) console.log(`network errors (first 3): ${networkErrors.slice(0, 3).map((a) => `${sec(a.start)} ${a.detail}`).join(' | ')}`);
  if (otherServerErrors.length > 0 || !serverStayedUp) console.log(`server log (last lines):\n${serverLog.slice(-15).join('\n')}`);

  // Afterwards: every acknowledged save stored, the database consistent.
  await stopLarka();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let check;
  try { check = await checkConsistency(async (q, p) => (await client.query(q, p)).rows, { sent, acknowledged, since }); } finally { await client.end(); }
  console.log(`after the run (${acknowledged.length} saves answered 2xx):\n  ${describeConsistency(check)}`);

  const failures = [
    !serverStayedUp && 'the server exited',
    outageSaves.length === 0 && 'no save was answered while PostgreSQL was down',
    outageSaves.some((a) => a.status !== 503) && 'a save while PostgreSQL was down was not answered 503',
    outageLogins.some((a) => a.status !== 503) && 'a login while PostgreSQL was down was not answered 503',
    outageHealth.length === 0 && 'no health check was answered while PostgreSQL was down',
    outageHealth.some((a) => a.status !== 503) && '/api/health while PostgreSQL was down was not 503',
    networkErrors.length > 0 && `${networkErrors.length} requests failed without an HTTP answer`,
    otherServerErrors.length > 0 && `${otherServerErrors.length} answers were 5xx other than 503`,
    saveRecovery > RECOVERY_LIMIT_MS && 'saves did not recover within 5 s',
    healthRecovery > RECOVERY_LIMIT_MS && '/api/health did not recover within 5 s',
    !consistent(check) && 'acknowledged saves lost or the database inconsistent',
  ].filter(Boolean);
  console.log(failures.length === 0 ? 'postgres outage: PASS' : `postgres outage: FAIL — ${failures.join('; ')}`);
  return failures.length === 0;
}

let pass = false;
try {
  pass = await main();
} catch (err) {
  console.error((err as Error).stack ?? err);
  if (serverLog.length > 0) console.error(`server log (last lines):\n${serverLog.slice(-15).join('\n')}`);
  console.log('postgres outage: FAIL — the check could not complete');
} finally {
  await cleanUp();
}
process.exit(pass ? 0 : 1);
