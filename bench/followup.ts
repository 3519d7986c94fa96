/**
 * The follow-up of grades at scale: on the municipality preset with five years of history, each level's
 * report (organiser overview, a unit, a group) built N times in process, p50/p95 of the whole report against
 * the same level's aggregate statement alone (the raw SQL): the ratio says what the pure builders and the
 * small reads around the statement cost. Goals (issue 9): organiser < 1 s on PostgreSQL, < 3 s on PGlite;
 * a unit < 200 ms; a group < 50 ms.
 *
 *   npm run bench:followup -- [--db postgres://postgres@127.0.0.1:5432/larka_bench_followup] [--preset municipality] [--runs 20]
 *   node --import tsx bench/followup.ts [--db …] [--data-dir .tmp/bench-followup] [--runs 20]
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/server/platform/access/actor.js';
import { one, openDatabase } from '../src/server/platform/db/database.js';
import { followupReportService } from '../src/server/followup/report-service.js';
import { groupAggregates, organiserAggregates, unitAggregates } from '../src/server/followup/report-store.js';
import { machineLine, option } from './load.js';
import { ensureSeeded, root } from './server.js';

const url = option('db');
const preset = option('preset', 'municipality');
const runs = Number(option('runs', '20'));
const env = url ? { DATABASE_URL: url } : { LARKA_DATA_DIR: path.resolve(root, option('data-dir', '.tmp/bench-followup')) };

const percentile = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
async function time(n: number, f: () => Promise<unknown>) {
  await f(); // warm: plans, caches, the reference file
  const ms: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); await f(); ms.push(performance.now() - t0); }
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
}

async function main() {
  console.log(machineLine());
  const seeded = ensureSeeded(env, preset);
  console.log(`seeded ${preset} in ${seeded.seconds.toFixed(0)} s (${seeded.output})`);
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.LARKA_DATA_DIR ?? null, poolSize: 2 });
  try {
    const db = handle.db;
    const org = (await one<{ id: string }>(db, sql`select id from organiser limit 1`))!.id;
    const actorOf = async (username: string, role: Actor['role'], unitId: string | null): Promise<Actor> => ({
      organiserId: org, personId: (await one<{ id: string }>(db, sql`select person_id as id from account where username = ${username}`))!.id,
      role, unitId, today: new Date().toISOString().slice(0, 10), ip: null, name: username,
    });
    const counts = await one<{ grades: number; pupils: number }>(db, sql`select count(*)::int as grades, count(distinct pupil_id)::int as pupils from grade`);
    // the largest unit by year-9 final grades, and its largest year-9 group of the newest year
    const unit = (await one<{ id: string; name: string }>(db, sql`select u.id, u.name from school_unit u join student_group g on g.school_unit_id = u.id and g.school_year = 9
      join grade gr on gr.group_id = g.id and gr.kind = 'final' group by u.id, u.name order by count(*) desc limit 1`))!;
    const group = (await one<{ id: string; name: string; school_year: string }>(db, sql`select g.id, g.name, t.school_year from student_group g
      join grade gr on gr.group_id = g.id and gr.kind = 'final' join term t on t.id = gr.term_id and t.kind = 'VT'
      where g.school_unit_id = ${unit.id} and g.school_year = 9 group by g.id, g.name, t.school_year order by t.school_year desc, count(*) desc limit 1`))!;
    const reports = followupReportService(db);
    const analyst = await actorOf('analytiker', 'analyst', null);
    const principal = { ...(await actorOf('rektor', 'principal', unit.id)), role: 'principal' as const };
    console.log(`${url ? 'PostgreSQL' : 'PGlite'}: ${counts?.grades} grade rows, ${counts?.pupils} pupils; unit ${unit.name}, group ${group.name} (${group.school_year}); ${runs} runs each`);
    const levels = [
      { name: 'organiser (all units, all subjects)', goal: url ? 1000 : 3000,
        report: () => reports.organiser(analyst, { gradeYear: 9 }), raw: () => organiserAggregates(db, org, 9) },
      { name: `unit (${unit.name})`, goal: 200,
        report: () => reports.unit(principal, unit.id, { gradeYear: 9 }), raw: () => unitAggregates(db, org, unit.id, 9, true) },
      { name: `group (${group.name})`, goal: 50,
        report: () => reports.group(principal, group.id), raw: () => groupAggregates(db, org, { id: group.id, unitId: unit.id, gradeYear: 9, schoolYear: group.school_year }) },
    ];
    for (const l of levels) {
      const full = await time(runs, l.report);
      const raw = await time(runs, l.raw);
      console.log(`  ${l.name}: report p50 ${full.p50.toFixed(1)} ms, p95 ${full.p95.toFixed(1)} ms (goal < ${l.goal}); aggregate SQL p50 ${raw.p50.toFixed(1)} ms, p95 ${raw.p95.toFixed(1)} ms; ratio ${(full.p50 / raw.p50).toFixed(2)}`);
    }
  } finally {
    await handle.close();
  }
}

await main();
