/**
 * How the organiser overview of the follow-up scales with the organiser's size. The overview reads the
 * pre-aggregated facts (followup_fact) of every unit; a unit's and a group's report read one unit's facts and
 * do not grow with the organiser. This bench copies a seeded municipality database (PostgreSQL) and multiplies
 * its units and their facts N times (new unit and group ids, same figures), then times the organiser overview
 * — the whole report and its aggregate statement — at each size, so the growth is measured, not guessed.
 *
 *   npm run bench:followup -- --db postgres://postgres@127.0.0.1:5432/larka_bench_followup   (seed it first)
 *   node --import tsx bench/followup-scale.ts --db postgres://postgres@127.0.0.1:5432/larka_bench_followup --copies 4 [--runs 10]
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '../src/server/platform/access/actor.js';
import { one, openDatabase } from '../src/server/platform/db/database.js';
import { followupReportService } from '../src/server/followup/report-service.js';
import { organiserAggregates } from '../src/server/followup/report-store.js';
import { machineLine, option } from './load.js';

const source = option('db');
const copies = Number(option('copies', '4'));
const runs = Number(option('runs', '10'));
if (!source) throw new Error('--db postgres://… (a seeded municipality with its follow-up facts built) is required');

const percentile = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
async function time(n: number, f: () => Promise<unknown>) {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); await f(); ms.push(performance.now() - t0); }
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
}

async function admin(url: string, statement: string) {
  const u = new URL(url); u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try { await c.query(statement); } finally { await c.end(); }
}

async function measure(url: string, label: string) {
  const handle = await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 2 });
  try {
    const db = handle.db;
    const org = (await one<{ id: string }>(db, sql`select id from organiser limit 1`))!.id;
    const analyst: Actor = { organiserId: org, personId: (await one<{ id: string }>(db, sql`select person_id as id from account where username = 'analytiker'`))!.id,
      role: 'analyst', unitId: null, today: new Date().toISOString().slice(0, 10), ip: null, name: 'analytiker' };
    const size = (await one<{ units: number; facts: number; pupils: number }>(db, sql`select (select count(*)::int from school_unit) as units,
      (select count(*)::int from followup_unit_fact) as facts, (select coalesce(sum(graded), 0)::int from followup_fact where grade_year = 9) as pupils`))!;
    const reports = followupReportService(db);
    const report = await time(runs, () => reports.organiser(analyst, { gradeYear: 9 }));
    const raw = await time(runs, () => organiserAggregates(db, org, 9));
    console.log(`  ${label}: ${size.units} units, ${size.facts} unit fact rows (${size.pupils} year-9 grades over the years): `
      + `overview p50 ${report.p50.toFixed(0)} ms, p95 ${report.p95.toFixed(0)} ms; aggregate SQL p50 ${raw.p50.toFixed(0)} ms`);
    return { ...size, report, raw };
  } finally {
    await handle.close();
  }
}

async function multiply(url: string, times: number) {
  const handle = await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 1 });
  try {
    for (let copy = 2; copy <= times; copy++) {
      const id = (column: string) => sql.raw(`md5(${column}::text || '-copy-${copy}')::uuid`);
      await handle.db.execute(sql`insert into school_unit (organiser_id, id, name, school_unit_code, school_forms, municipality_code)
        select organiser_id, ${id('id')}, name || ' (' || ${copy}::text || ')', school_unit_code || '-' || ${copy}::text,
          school_forms, municipality_code
        from school_unit where name not like '%(%'`);
      await handle.db.execute(sql`insert into followup_fact select organiser_id, ${id('school_unit_id')}, school_year, grade_year, ${id('group_id')},
          subject_code, sex, newly, sva, pps, fb, graded, c_a, c_b, c_c, c_d, c_e, c_f, c_dash, gp_sum, n_both, n_lower, n_same, n_higher, steps,
          diff_sum, diff_sq, both_gp, both_tp, not_taken
        from followup_fact f where exists (select 1 from school_unit u where u.id = f.school_unit_id and u.name not like '%(%')`);
      await handle.db.execute(sql`insert into followup_unit_fact select organiser_id, ${id('school_unit_id')}, school_year, grade_year,
          subject_code, sex, newly, sva, pps, fb, graded, c_a, c_b, c_c, c_d, c_e, c_f, c_dash, gp_sum, n_both, n_lower, n_same, n_higher, steps,
          diff_sum, diff_sq, both_gp, both_tp, not_taken
        from followup_unit_fact f where exists (select 1 from school_unit u where u.id = f.school_unit_id and u.name not like '%(%')`);
    }
    await handle.db.execute(sql`analyze followup_fact`);
    await handle.db.execute(sql`analyze followup_unit_fact`);
  } finally {
    await handle.close();
  }
}

async function main() {
  console.log(machineLine());
  console.log(`organiser overview (year 9, all units and subjects, five school years), ${runs} runs each`);
  const base = await measure(source!, 'municipality');
  const target = new URL(source!); const name = `${target.pathname.slice(1)}_x${copies}`;
  await admin(source!, `drop database if exists ${name} with (force)`);
  await admin(source!, `create database ${name} template ${target.pathname.slice(1)}`);
  target.pathname = `/${name}`;
  try {
    await multiply(target.toString(), copies);
    const big = await measure(target.toString(), `${copies} × municipality`);
    const perFactRow = (big.report.p50 - base.report.p50) / (big.facts - base.facts);
    console.log(`  growth: ${((big.report.p50 / base.report.p50)).toFixed(2)} × the time for ${(big.facts / base.facts).toFixed(2)} × the facts `
      + `(${(perFactRow * 1000).toFixed(2)} µs per added unit fact row)`);
  } finally {
    await admin(source!, `drop database if exists ${name} with (force)`);
  }
}

await main();
