/**
 * The new school year (läsårsskifte) of a 1,000-pupil unit (issue target: < 10 s): generates the demo
 * organiser with four classes per year at Björkskolan (F–9, ≈1,000 pupils, their teaching groups and staff),
 * then times the preview, the apply (one transaction) and the undo through the service, on PGlite (in
 * memory) and, when a server is given, on PostgreSQL (a throwaway database, dropped afterwards).
 *
 *   node --import tsx bench/rollover.ts [--postgres postgres://user@host/db] [--runs 3]
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { swedishDate } from '../src/domain/common/dates.js';
import { SHAPES } from '../src/server/org/demo/context.js';
import { DEMO_ORGANISER_ID, seedDemo } from '../src/server/org/demo/seed.js';
import type { Actor } from '../src/server/platform/access/actor.js';
import { migrateDatabase, one, openDatabase, type Database } from '../src/server/platform/db/database.js';
import { rolloverService } from '../src/server/register/rollover-service.js';
import { machineLine, option } from './load.js';

const runs = Number(option('runs', '3'));
const postgres = option('postgres') ?? process.env.BENCH_DATABASE_URL;
const today = swedishDate(new Date());
// A unit of ≈1,000 pupils: four classes per school year at the first unit (the demo preset has two).
SHAPES.demo = { ...SHAPES.demo, classesPerYear: (unit) => (unit === 0 ? 4 : 2) };

const ms = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(2)} s`;

async function bench(label: string, database: Database) {
  const t0 = performance.now();
  await migrateDatabase(database);
  await seedDemo(database.db, { organiserId: DEMO_ORGANISER_ID, organiserName: 'Lärkby kommun', organiserContact: null, preset: 'demo', today, passwordHash: 'bench' });
  const db = database.db;
  const admin = (await one<{ person_id: string; unit: string; pupils: number }>(db, sql`select a.person_id, d.school_unit_id as unit,
      (select count(*)::int from enrolment e where e.school_unit_id = d.school_unit_id and e.end_date is null) as pupils
    from account a join duty d on d.organiser_id = a.organiser_id and d.person_id = a.person_id and d.role = 'administrator'
    where a.username = 'admin'`))!;
  console.log(`${label}: seeded in ${ms(t0)}; the unit has ${admin.pupils} pupils`);
  const actor: Actor = { organiserId: DEMO_ORGANISER_ID, personId: admin.person_id, role: 'administrator', unitId: admin.unit, today, ip: null, name: 'bench' };
  const service = rolloverService(db);
  const status = await service.status(actor);
  const choices = { terms: status.existingTerms ?? status.proposedTerms!, carryMentors: true, carryTeachers: true };
  for (let run = 1; run <= runs; run++) {
    let t = performance.now();
    const preview = await service.preview(actor, choices);
    const previewTime = ms(t);
    t = performance.now();
    const applied = await service.apply(actor, { ...choices, previewDigest: preview.digest });
    const applyTime = ms(t);
    t = performance.now();
    await service.undo(actor, applied.id);
    const undoTime = ms(t);
    const c = applied.counts;
    const audit = await one<{ n: number }>(db, sql`select count(*)::int as n from audit_event where details->>'rolloverId' = ${applied.id}`);
    console.log(`${label} run ${run}: preview ${previewTime}, apply ${applyTime}, undo ${undoTime} — created ${c.created.enrolment} enrolments, `
      + `${c.created.student_group} groups, ${c.created.group_membership} memberships, ${c.created.group_staff} staff rows; ended `
      + `${c.ended.enrolment + c.ended.student_group + c.ended.group_membership + c.ended.group_staff} rows; ${audit!.n} audit rows (apply + undo)`);
  }
}

console.log(`# school-year rollover, 1,000-pupil unit — ${machineLine()}`);
const lite = await openDatabase({ databaseUrl: null, dataDir: null });
try { await bench('PGlite', lite); } finally { await lite.close(); }

if (postgres) {
  const name = `larka_bench_rollover_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgres });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgres);
  url.pathname = `/${name}`;
  const server = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 2 });
  try { await bench('PostgreSQL', server); } finally {
    await server.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL: not run (give --postgres postgres://… or BENCH_DATABASE_URL)');
}
