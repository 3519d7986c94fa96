/**
 * Grade-save benchmark (grading issue): authenticated, CSRF-protected, access-checked, audited saves of
 * one grade cell, on the municipality preset. 50 teachers (accounts created for the bench), one per
 * connection, each cycling over its own cells with the version it last saw (no conflicts).
 *   max saves/s at 50 connections (closed loop) and p99 at 500 saves/s offered (open loop, evenly spaced),
 *   and loading a group's register (max, and p99 at 200/s offered),
 *   with the CPU time per request of the server and of PostgreSQL,
 *   beside the raw database rate of the same work (upsert + audit insert in one transaction, pgbench).
 * Usage: npm run bench:grades [-- --seconds 10] (PostgreSQL from BENCH_DATABASE_URL, default larka_bench)
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openLoop } from './open-loop.js';
import { ensureSeeded, root, startServer } from './server.js';

const args = process.argv.slice(2);
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : 10;
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/larka_bench';
const CONNECTIONS = 50;

async function prepareTeachers(): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const hash = (await client.query(`select password_hash from account where username = 'larare'`)).rows[0].password_hash;
  const teachers = await client.query(`select distinct gs.person_id, gs.organiser_id from group_staff gs
      join student_group g on g.organiser_id = gs.organiser_id and g.id = gs.group_id and g.school_year between 7 and 8
     where gs.grader and gs.assignment = 'teacher'
       and not exists (select 1 from account a where a.organiser_id = gs.organiser_id and a.person_id = gs.person_id)
     limit ${CONNECTIONS}`);
  for (const [i, t] of teachers.rows.entries()) {
    await client.query(`insert into account (organiser_id, id, person_id, username, password_hash) values ($1, $2, $3, $4, $5)
      on conflict do nothing`, [t.organiser_id, randomUUID(), t.person_id, `bench${i}`, hash]);
  }
  const names = (await client.query(`select username from account where username like 'bench%' order by username limit ${CONNECTIONS}`)).rows.map((r) => r.username);
  await client.end();
  return names;
}

interface Teacher { cookie: string; csrf: string; cells: { groupId: string; pupilId: string; version: number | null }[]; next: number }

async function loginTeacher(baseUrl: string, username: string): Promise<Teacher> {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  const body = await res.json() as any;
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const overview = await (await fetch(`${baseUrl}/api/grading/groups`, { headers: { cookie } })).json() as any;
  const cells: Teacher['cells'] = [];
  for (const g of overview.groups ?? []) {
    const reg = await (await fetch(`${baseUrl}/api/grading/groups/${g.id}`, { headers: { cookie } })).json() as any;
    for (const p of reg.pupils) if (p.cells.HT.allowed && p.cells.HT.steps.includes('C')) cells.push({ groupId: g.id, pupilId: p.id, version: p.cells.HT.version });
  }
  return { cookie, csrf: body.csrfToken, cells, next: 0 };
}

/** What one kind of request does as a teacher; `context` is kept per connection. */
interface TeacherRequest { method: string; setup: (t: Teacher, context: any) => { path: string; headers: Record<string, string>; body?: string }; onResponse?: (status: number, body: string, context: any) => void }

/** As many requests as the server answers: autocannon, each connection acting as its own teacher. */
function closedLoop(baseUrl: string, teachers: Teacher[], request: TeacherRequest) {
  let assigned = 0;
  return autocannon({
    url: baseUrl, connections: CONNECTIONS, duration: seconds,
    requests: [{
      method: request.method,
      setupRequest: (req: any, context: any) => {
        context.t ??= teachers[assigned++ % teachers.length];
        return { ...req, ...request.setup(context.t, context) };
      },
      onResponse: request.onResponse,
    }],
  });
}

/** A fixed offered rate, evenly spaced (see open-loop.ts), connection slot n acting as teacher n. */
async function fixedRate(baseUrl: string, teachers: Teacher[], rate: number, request: TeacherRequest) {
  const contexts = Array.from({ length: CONNECTIONS }, (_, i) => ({ t: teachers[i % teachers.length] }) as any);
  const r = await openLoop({ baseUrl, rate, seconds, connections: CONNECTIONS,
    next: (slot) => ({ method: request.method, ...request.setup(contexts[slot].t, contexts[slot]) }),
    onResponse: (slot, status, body) => request.onResponse?.(status, body, contexts[slot]) });
  return { requests: { average: r.perSecond, total: r.done }, latency: { p50: r.p50, p99: r.p99 }, non2xx: r.non2xx + r.errors };
}

/** Saving one cell after the other, with the version each connection last saw (no conflicts). */
const values = ['A', 'B', 'C', 'D', 'E'];
const save: TeacherRequest = {
  method: 'PUT',
  setup: (t, context) => {
    const cell = t.cells[t.next++ % t.cells.length];
    context.cell = cell;
    return { path: `/api/grading/groups/${cell.groupId}/cells`,
      headers: { 'content-type': 'application/json', cookie: t.cookie, 'x-csrf-token': t.csrf },
      body: JSON.stringify({ pupilId: cell.pupilId, column: 'HT', value: values[(cell.version ?? 0) % 5], version: cell.version, requestId: randomUUID() }) };
  },
  onResponse: (status, body, context) => {
    if (status === 200) context.cell.version = JSON.parse(body).version;
    else if (status === 409) context.cell.version = JSON.parse(body).current?.version ?? context.cell.version;
  },
};

/** Loading a group's register (pupils × HT/VT/final with who/when and markers). */
const load: TeacherRequest = {
  method: 'GET',
  setup: (t) => {
    const groups = [...new Set(t.cells.map((c) => c.groupId))];
    return { path: `/api/grading/groups/${groups[t.next++ % groups.length]}`, headers: { cookie: t.cookie } };
  },
};

/** CPU seconds used so far by the server process and by all PostgreSQL processes (from /proc). */
function cpuSeconds(serverPid: number): { server: number; postgres: number } {
  const ticks = (pid: string) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  };
  let postgres = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try { if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') postgres += ticks(pid); } catch { /* gone */ }
  }
  return { server: ticks(String(serverPid)), postgres };
}

/** Runs a load and prints its figures with the CPU time per request of the server and of PostgreSQL. */
async function measured(label: string, serverPid: number, run: () => Promise<any>) {
  const before = cpuSeconds(serverPid);
  const result = await run();
  const after = cpuSeconds(serverPid);
  const n = result.requests.total || 1;
  const perRequest = (s: number) => `${(1000 * s / n).toFixed(2)} ms`;
  console.log(`${label}: ${result.requests.average.toFixed(0)}/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx};`
    + ` CPU per request: server ${perRequest(after.server - before.server)}, PostgreSQL ${perRequest(after.postgres - before.postgres)}`);
  return result;
}

function rawRate(): number {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pgbench-')), 'upsert.sql');
  fs.writeFileSync(script, `\\set p random(1, 100000)
begin;
insert into bench_grade (pupil, subject, value, version) values (:p, 'MA', 'C', 1)
  on conflict (pupil, subject) do update set value = excluded.value, version = bench_grade.version + 1;
insert into bench_audit (at, pupil, what) values (now(), :p, '{"to":"C"}');
commit;
`);
  const client = `psql "${url}" -q -c "create table if not exists bench_grade (pupil int, subject text, value text, version int, primary key (pupil, subject));
    create table if not exists bench_audit (id bigserial primary key, at timestamptz, pupil int, what jsonb)"`;
  execFileSync('bash', ['-c', client]);
  const out = execFileSync('pgbench', ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(seconds), '-f', script, url], { encoding: 'utf8' });
  execFileSync('bash', ['-c', `psql "${url}" -q -c "drop table bench_grade; drop table bench_audit"`]);
  return Number(/tps = ([\d.]+)/.exec(out)![1]);
}

console.log(`# grade saves — ${new Date().toISOString()} — ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${seconds} s per run`);
ensureSeeded({ DATABASE_URL: url }, 'municipality');
const usernames = await prepareTeachers();
const server = await startServer({ DATABASE_URL: url });
let maxSaves = 0;
try {
  const teachers = (await Promise.all(usernames.map((u) => loginTeacher(server.baseUrl, u)))).filter((t) => t.cells.length > 0);
  console.log(`${teachers.length} teachers, ${teachers.reduce((s, t) => s + t.cells.length, 0)} cells`);
  const pid = server.child.pid!;
  const max = await measured(`saves, max at ${CONNECTIONS} connections`, pid, () => closedLoop(server.baseUrl, teachers, save));
  maxSaves = max.requests.average;
  await measured('saves at 500/s offered', pid, () => fixedRate(server.baseUrl, teachers, 500, save));
  await measured('load a group for grading, max', pid, () => closedLoop(server.baseUrl, teachers, load));
  await measured('load a group for grading at 200/s offered', pid, () => fixedRate(server.baseUrl, teachers, 200, load));
  console.log(`server RSS ${server.rssMiB().toFixed(0)} MiB`);
} finally {
  await server.stop();
}
const raw = rawRate();
console.log(`raw PostgreSQL upsert + audit insert in one transaction (pgbench, ${CONNECTIONS} clients): ${raw.toFixed(0)} tx/s`);
console.log(`saves/s as a share of the raw rate: ${(100 * maxSaves / raw).toFixed(0)} % (goal ≥ 35 %)`);
