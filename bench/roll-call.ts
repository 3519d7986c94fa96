/**
 * Roll-call saves at scale (issue 7): on the municipality preset, 50 teachers each open their lessons of a
 * school day and of the days before it, then save one pupil at a time (absent, late with minutes, present
 * again …) as they would click through a lesson. Offered load: `--rate` saves/s (default 200) spread evenly
 * over the teachers' sessions (open loop, latency from each save's due time), then the most a closed loop of
 * 50 sessions gets through. Last, the storage: rows and bytes of attendance_deviation and roll_call for the
 * demo term so far, and an estimate for the whole term.
 * Usage: node --import tsx bench/roll-call.ts [--db postgres://…] [--data-dir .tmp/bench-roll-call] [--preset municipality]
 *   [--rate 200] [--seconds 30]
 * The server's clock is set (LARKA_NOW) to a school day of the seeded term, so the run does not depend on the weekday.
 */
import path from 'node:path';
import { openDatabase, rows, sql } from '../src/server/platform/db/database.js';
import { schoolDayNear, stockholmInstant } from '../test/support/school-day.js';
import { closedLoop, fixedRate, loadAverage, machineLine, option, type Connection, type Workload } from './load.js';
import { ensureSeeded, root, signIn, startServer, type BenchDatabase, type Session } from './server.js';
import { ensureBenchTeachers } from './users.js';

const url = option('db');
const preset = option('preset', 'municipality');
const rate = Number(option('rate', '200'));
const seconds = Number(option('seconds', '30'));
const database: BenchDatabase = url
  ? { key: 'postgres', label: 'PostgreSQL', env: { DATABASE_URL: url }, url, name: new URL(url).pathname.slice(1) }
  : { key: 'pglite', label: 'PGlite', env: { LARKA_DATA_DIR: path.resolve(root, option('data-dir', '.tmp/bench-roll-call')) } };
const day = schoolDayNear();

interface Save { lessonId: string; pupilId: string; body: string }
const STATUSES = [{ status: 'absent' }, { status: 'late', minutes: 10 }, { status: 'present' }, { status: 'left_early', minutes: 15 }, { status: 'present' }];

/** Every save a teacher can make: each pupil of each of their lessons on the day and the four school days before. */
async function savesOf(baseUrl: string, s: Session): Promise<Save[]> {
  const get = async (p: string) => {
    const res = await fetch(`${baseUrl}${p}`, { headers: { cookie: s.cookie } });
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const out: Save[] = [];
  let date: string | null = day;
  for (let d = 0; d < 5 && date; d++) {
    const body: any = await get(`/api/attendance/lessons?date=${date}`);
    for (const l of body.lessons.filter((x: any) => !x.cancelled && !x.problem)) {
      const lesson: any = await get(`/api/attendance/lessons/${l.id}`);
      lesson.pupils.forEach((p: any, i: number) => out.push({ lessonId: l.id, pupilId: p.id, body: JSON.stringify(STATUSES[i % STATUSES.length]) }));
    }
    date = body.previousSchoolDay;
  }
  return out;
}

function workload(teachers: { session: Session; saves: Save[] }[]): Workload {
  return {
    next(conn: Connection) {
      const t = teachers[conn.index % teachers.length];
      conn.n = (conn.n ?? conn.index * 7) + 1;
      const s = t.saves[conn.n % t.saves.length];
      return { method: 'PUT', path: `/api/attendance/lessons/${s.lessonId}/pupils/${s.pupilId}`, body: s.body,
        headers: { cookie: t.session.cookie, 'x-csrf-token': t.session.csrf, 'content-type': 'application/json' } };
    },
  };
}

async function storage() {
  const handle = await openDatabase({ databaseUrl: database.env.DATABASE_URL ?? null, dataDir: database.env.LARKA_DATA_DIR ?? null, poolSize: 1 });
  try {
    const [term] = await rows<{ start: string; end: string }>(handle.db, sql`select start_date::text as start, end_date::text as end from term
      where start_date <= ${day}::date and end_date >= ${day}::date`);
    const size = async (table: string) => (await rows<{ n: number; bytes: number }>(handle.db, sql`select (select count(*)::int from ${sql.identifier(table)}) as n,
      pg_total_relation_size(${table})::bigint::float8 as bytes`))[0];
    const [dev, rc, les] = [await size('attendance_deviation'), await size('roll_call'), await size('lesson')];
    const [days] = await rows<{ past: number; all: number; pupils: number }>(handle.db, sql`select
      count(distinct lesson_date) filter (where lesson_date < ${day}::date)::int as past, count(distinct lesson_date)::int as "all",
      (select count(distinct person_id)::int from enrolment where end_date is null) as pupils
      from lesson where lesson_date between ${term.start}::date and ${term.end}::date`);
    return { dev, rc, les, days, term };
  } finally {
    await handle.close();
  }
}

const mib = (b: number) => (b / 1024 / 1024).toFixed(1);

async function main() {
  console.log(`roll-call saves on ${database.label} (${preset} preset), school day ${day}; ${machineLine()}`);
  const seeded = ensureSeeded(database.env, preset);
  console.log(`  seeded or found in ${seeded.seconds.toFixed(0)} s`);
  const usernames = await ensureBenchTeachers(database, 50);
  const server = await startServer({ ...database.env, LARKA_NOW: stockholmInstant(day, '15:40') });
  try {
    const teachers: { session: Session; saves: Save[] }[] = [];
    for (const u of usernames) {
      const session = await signIn(server.baseUrl, u);
      const saves = await savesOf(server.baseUrl, session);
      if (saves.length) teachers.push({ session, saves });
    }
    console.log(`  ${teachers.length} teachers with lessons, ${teachers.reduce((n, t) => n + t.saves.length, 0)} pupil-lessons to save`);
    await fixedRate(server.baseUrl, workload(teachers), { rate: Math.min(rate, 50), connections: teachers.length, seconds: 5 }); // warm-up
    console.log(`  load average before: ${loadAverage()}`);
    const offered = await fixedRate(server.baseUrl, workload(teachers), { rate, connections: teachers.length, seconds });
    console.log(`  offered ${rate}/s for ${seconds} s: ${offered.perSecond.toFixed(0)}/s answered, p50 ${offered.p50.toFixed(1)} ms, p99 ${offered.p99.toFixed(1)} ms, failed ${offered.failed} ${JSON.stringify(offered.failures)}`);
    const max = await closedLoop(server.baseUrl, workload(teachers), { connections: teachers.length, seconds: 10 });
    console.log(`  max throughput (closed loop, ${teachers.length} sessions, 10 s): ${max.perSecond.toFixed(0)} saves/s, p50 ${max.p50} ms, p99 ${max.p99} ms, failed ${max.failed}`);
    console.log(`  load average after: ${loadAverage()}; server RSS peak ${server.peakRssMiB().toFixed(0)} MiB`);
  } finally {
    await server.stop();
  }
  const s = await storage();
  const share = s.days.all / Math.max(1, s.days.past);
  console.log(`storage (${s.term.start}–${s.term.end}: ${s.days.past} of ${s.days.all} school days past, ${s.days.pupils} pupils enrolled):`);
  console.log(`  attendance_deviation: ${s.dev.n} rows, ${mib(s.dev.bytes)} MiB with indexes (${(s.dev.bytes / Math.max(1, s.dev.n)).toFixed(0)} B/row)`);
  console.log(`  roll_call: ${s.rc.n} rows, ${mib(s.rc.bytes)} MiB; lesson (both terms): ${s.les.n} rows, ${mib(s.les.bytes)} MiB`);
  console.log(`  whole term, extrapolated (×${share.toFixed(2)}): deviations ≈ ${Math.round(s.dev.n * share)} rows / ${mib(s.dev.bytes * share)} MiB, roll calls ≈ ${Math.round(s.rc.n * share)} rows / ${mib(s.rc.bytes * share)} MiB`);
}

main().catch((err) => { console.error(err); process.exit(1); });
