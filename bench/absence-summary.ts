/**
 * Absence summary at scale (issue 7): the principal's overview of a whole unit of ≈1,000 pupils over a term
 * (`GET /api/absence/overview`, every pupil's sums, share, threshold and per-week buckets), one request after
 * the other (single client: p50/p99), and the same as Excel. The data: the demo data, Björkskolan grown to
 * `--pupils` pupils (each new pupil joins the class and teaching groups of an existing one), a timetable of
 * about 30 lessons a week per pupil and about 6 % absence (5.5 % absences, 0.5 % late arrivals) generated over
 * the current term up to today — the demo has no timetable of its own yet.
 * Usage: node --import tsx bench/absence-summary.ts [--db pglite|postgres] [--pupils 1000] [--requests 30] [--keep] [--reuse]
 * (--keep leaves the data in place afterwards, --reuse runs again on data kept)
 * PostgreSQL: BENCH_DATABASE_URL as `npm run bench` (a database larka_bench_absence is made beside it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase, one, rows, sql } from '../src/server/platform/db/database.js';
import { generateUnitAbsence } from '../test/support/absence-week.js';
import { loadAverage, machineLine, option } from './load.js';
import { benchDatabase, ensureSeeded, root, signIn, startServer } from './server.js';

const db = option('db', 'pglite') as 'pglite' | 'postgres';
const pupils = Number(option('pupils', '1000'));
const requests = Number(option('requests', '30'));
const keep = process.argv.includes('--keep'); // keep the data (PGlite folder or database) for a look afterwards
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const f1 = (n: number) => n.toFixed(1);

/** Björkskolan grown to `target` enrolled pupils, then lessons and deviations over the term so far. */
async function prepare(env: NodeJS.ProcessEnv, target: number) {
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.LARKA_DATA_DIR ?? null, poolSize: 1 });
  const q = handle.db;
  try {
    const unit = (await one<{ org: string; id: string }>(q, sql`select organiser_id as org, id from school_unit where name = 'Björkskolan'`))!;
    const term = (await one<{ start: string; end: string }>(q, sql`select to_char(start_date, 'YYYY-MM-DD') as start,
        to_char(least(end_date, current_date), 'YYYY-MM-DD') as end from term where start_date <= current_date order by start_date desc limit 1`))!;
    const present = (await one<{ n: number }>(q, sql`select count(*)::int as n from enrolment where school_unit_id = ${unit.id} and end_date is null`))!.n;
    const extra = Math.max(0, target - present);
    if (extra > 0) {
      await q.execute(sql`with model as (select person_id, row_number() over (order by person_id) as k, count(*) over () as n
          from enrolment where school_unit_id = ${unit.id} and end_date is null)
        insert into person (organiser_id, id, given_name, family_name)
        select ${unit.org}, md5('bench-absence-pupil-' || s)::uuid, 'Elev', 'Bänk ' || s from generate_series(1, ${extra}) s`);
      await q.execute(sql`insert into enrolment (organiser_id, id, person_id, school_unit_id, school_year, school_form, start_date)
        select ${unit.org}, md5('bench-absence-enrolment-' || s)::uuid, md5('bench-absence-pupil-' || s)::uuid, ${unit.id}, 8, 'GR', ${term.start}::date
          from generate_series(1, ${extra}) s`);
      // each new pupil joins the groups (class and teaching) of an existing pupil, round robin
      await q.execute(sql`with model as (select person_id, row_number() over (order by person_id) - 1 as k, count(*) over () as n
          from enrolment where school_unit_id = ${unit.id} and end_date is null and person_id not in (select md5('bench-absence-pupil-' || s)::uuid from generate_series(1, ${extra}) s))
        insert into group_membership (organiser_id, id, group_id, person_id, start_date)
        select ${unit.org}, gen_random_uuid(), m.group_id, md5('bench-absence-pupil-' || s)::uuid, ${term.start}::date
          from generate_series(1, ${extra}) s join model on model.k = s % model.n
          join group_membership m on m.person_id = model.person_id and m.end_date is null`);
    }
    const [groups] = await rows<{ per_pupil: number }>(q, sql`select avg(c)::float as per_pupil from (select count(*) as c from group_membership m
      join student_group g on g.id = m.group_id and g.group_type = 'teaching' and g.school_unit_id = ${unit.id} where m.end_date is null group by m.person_id) x`);
    // years 7–9 have teaching groups (about 17 each): about 30 lessons a week; a class taught as a class has 30
    const daysPerGroup = Math.max(1, Math.min(5, Math.round(30 / Math.max(1, groups.per_pupil) * 1)));
    await q.execute(sql`delete from attendance_deviation where organiser_id = ${unit.org}`);
    // the demo's own timetable of the unit (and its roll calls) gives way to the generated one
    await q.execute(sql`delete from roll_call where organiser_id = ${unit.org} and lesson_id in (select id from lesson where school_unit_id = ${unit.id})`);
    await q.execute(sql`delete from lesson where organiser_id = ${unit.org} and school_unit_id = ${unit.id}`);
    const t0 = performance.now();
    const made = await generateUnitAbsence(q, unit.org, { unitId: unit.id, from: term.start, to: term.end, daysPerGroup, absentPerMille: 55, latePerMille: 5 });
    if (env.DATABASE_URL) await q.execute(sql`analyze`);
    const enrolled = (await one<{ n: number }>(q, sql`select count(*)::int as n from enrolment where school_unit_id = ${unit.id} and end_date is null`))!.n;
    console.log(`data: Björkskolan ${enrolled} pupils (those in years with teaching groups: ${f1(groups.per_pupil)} groups each, ${daysPerGroup} lessons a week per group; classes taught as a class: 30 a week);`
      + ` ${made.lessons} lessons and ${made.deviations} deviations ${term.start}–${term.end} made in ${f1((performance.now() - t0) / 1000)} s`);
  } finally {
    await handle.close();
  }
}

const bench = benchDatabase(db);
const env: NodeJS.ProcessEnv = db === 'pglite'
  ? { LARKA_DATA_DIR: path.join(root, '.tmp/bench-absence') }
  : { DATABASE_URL: Object.assign(new URL(bench.url!), { pathname: '/larka_bench_absence' }).href };
const drop = () => (env.LARKA_DATA_DIR ? fs.rmSync(env.LARKA_DATA_DIR, { recursive: true, force: true })
  : spawnSync('psql', [Object.assign(new URL(env.DATABASE_URL!), { pathname: '/postgres' }).href, '-qc', 'drop database if exists larka_bench_absence with (force)']));

console.log(`# Absence summary — ${new Date().toISOString()}\n${machineLine()}; database ${db}`);
if (!process.argv.includes('--reuse')) drop();
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
try {
  if (!process.argv.includes('--reuse')) { ensureSeeded(env, 'demo'); await prepare(env, pupils); }
  const server = await startServer(env);
  try {
    const rektor = await signIn(server.baseUrl, 'rektor');
    const get = async (url: string) => {
      const t0 = performance.now();
      const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie: rektor.cookie } });
      const body = Buffer.from(await res.arrayBuffer());
      if (!res.ok) throw new Error(`${url}: ${res.status} ${body.toString().slice(0, 200)}`);
      return { ms: performance.now() - t0, body };
    };
    const times: number[] = [];
    let summary = '';
    for (let i = 0; i < requests + 3; i++) {
      const r = await get('/api/absence/overview');
      if (i < 3) continue; // warming up
      times.push(r.ms);
      if (!summary) {
        const o = JSON.parse(r.body.toString()) as { from: string; to: string; weeks: unknown[]; pupils: { highlighted: boolean; lessonMinutes: number; absentMinutes: number }[] };
        const lesson = o.pupils.reduce((s, p) => s + p.lessonMinutes, 0), absent = o.pupils.reduce((s, p) => s + p.absentMinutes, 0);
        summary = `${o.pupils.length} pupils, ${o.weeks.length} weeks ${o.from}–${o.to}, ${(r.body.length / 1024).toFixed(0)} KiB, `
          + `${f1((absent / lesson) * 100)} % absent, ${o.pupils.filter((p) => p.highlighted).length} highlighted`;
      }
    }
    times.sort((a, b) => a - b);
    console.log(`overview of the unit (${summary}): p50 ${f1(quantile(times, 0.5))} ms, p99 ${f1(quantile(times, 0.99))} ms, max ${f1(times.at(-1)!)} ms`
      + ` over ${requests} requests, single client (target < 300 ms: ${quantile(times, 0.5) < 300 ? 'PASS' : 'FAIL'} on the median, ${times.at(-1)! < 300 ? 'PASS' : 'FAIL'} on the max)`);
    const xlsx = await get('/api/absence/overview.xlsx');
    console.log(`the same as Excel: ${f1(xlsx.ms)} ms, ${(xlsx.body.length / 1024).toFixed(0)} KiB; load average ${loadAverage()}; server RSS ${server.rssMiB().toFixed(0)} MiB`);
  } finally {
    await server.stop();
  }
} finally {
  if (!keep) drop();
}
