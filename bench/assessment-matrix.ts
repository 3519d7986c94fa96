/**
 * The assessment matrix at scale: on the municipality preset, a planning for a group of about 30 pupils × 15
 * knowledge requirements (MA, the stages 4–6 and 7–9), owned by the group's teacher. Offered load, open loop
 * (latency from each request's due time): the group's matrix loaded at `--load-rate` per second (default 100;
 * goal p99 < 50 ms), then cells saved at `--save-rate` per second (default 200; goal p99 < 30 ms), each save
 * with the version the previous save of the cell produced, cycling through the pupil's steps.
 *
 *   npm run bench:assessments -- --db postgres://postgres@127.0.0.1:5432/larka_bench_assess
 *   node --import tsx bench/assessment-matrix.ts --db postgres://postgres@127.0.0.1:5432/larka_bench_assess [--seconds 30]
 *     [--load-rate 100] [--save-rate 200] [--connections 20]
 *   (without --db: PGlite in .tmp/bench-assessment, or --data-dir)
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase, one, rows, sql } from '../src/server/platform/db/database.js';
import { fixedRate, loadAverage, machineLine, option, type Workload } from './load.js';
import { ensureSeeded, root, signIn, startServer, type BenchDatabase } from './server.js';

const url = option('db');
const preset = option('preset', 'municipality');
const seconds = Number(option('seconds', '30'));
const loadRate = Number(option('load-rate', '100'));
const saveRate = Number(option('save-rate', '200'));
const connections = Number(option('connections', '20'));
const database: BenchDatabase = url
  ? { key: 'postgres', label: 'PostgreSQL', env: { DATABASE_URL: url }, url, name: new URL(url).pathname.slice(1) }
  : { key: 'pglite', label: 'PGlite', env: { LARKA_DATA_DIR: path.resolve(root, option('data-dir', '.tmp/bench-assessment')) } };
const USERNAME = 'bench_assess';
const TITLE = 'Benchmark: bedömningsmatris';

/** The bench planning (made once per database): the year-9 MA group nearest 30 pupils, 15 requirements, its teacher an owner with an account. */
async function ensurePlanning(): Promise<{ planningId: string; pupils: number }> {
  const handle = await openDatabase({ databaseUrl: database.env.DATABASE_URL ?? null, dataDir: database.env.LARKA_DATA_DIR ?? null, poolSize: 1 });
  try {
    const db = handle.db;
    const found = await one<{ id: string; pupils: number }>(db, sql`select pl.id, (select count(*)::int from planning_group pg join group_membership m
        on m.organiser_id = pg.organiser_id and m.group_id = pg.group_id and m.end_date is null where pg.planning_id = pl.id) as pupils
      from planning pl where pl.title = ${TITLE}`);
    if (found) return { planningId: found.id, pupils: found.pupils };
    const group = (await one<{ id: string; organiser_id: string; school_unit_id: string; teacher: string; pupils: number }>(db, sql`
      select g.id, g.organiser_id, g.school_unit_id, gs.person_id as teacher, count(m.id)::int as pupils
      from student_group g join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'teacher' and gs.end_date is null
        join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id and m.end_date is null
      where g.group_type = 'teaching' and g.subject_code = 'MA' and g.school_year = 9
      group by g.id, g.organiser_id, g.school_unit_id, gs.person_id order by abs(count(m.id) - 30), g.id limit 1`))!;
    const org = group.organiser_id;
    const hash = (await one<{ password_hash: string }>(db, sql`select password_hash from account where username = 'larare'`))!.password_hash;
    const existing = await one<{ person_id: string }>(db, sql`select person_id from account where organiser_id = ${org} and person_id = ${group.teacher}`);
    if (existing) await db.execute(sql`update account set username = ${USERNAME}, password_hash = ${hash} where organiser_id = ${org} and person_id = ${group.teacher}`);
    else await db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash) values (${org}, ${randomUUID()}, ${group.teacher}, ${USERNAME}, ${hash})`);
    const version = (await one<{ id: string }>(db, sql`select id from curriculum_version where valid_from <= current_date order by valid_from desc limit 1`))!.id;
    const requirements = (await rows<{ id: string }>(db, sql`select k.id from knowledge_requirement k join syllabus_stage st on st.id = k.stage_id
        join syllabus sy on sy.id = st.syllabus_id where sy.version_id = ${version} and sy.code = 'GRGRMAT01' and st.year_from >= 4
      order by st.year_from, k.position limit 15`)).map((r) => r.id);
    const id = randomUUID();
    await db.execute(sql`insert into planning (organiser_id, id, school_unit_id, subject_code, curriculum_version_id, title, period_start, period_end, status, published_at, created_by)
      values (${org}, ${id}, ${group.school_unit_id}, 'MA', ${version}, ${TITLE}, current_date - 14, current_date + 14, 'published', now(), ${group.teacher})`);
    await db.execute(sql`insert into planning_group (organiser_id, planning_id, group_id) values (${org}, ${id}, ${group.id})`);
    await db.execute(sql`insert into planning_owner (organiser_id, planning_id, person_id) values (${org}, ${id}, ${group.teacher})`);
    await db.execute(sql`insert into planning_requirement (organiser_id, planning_id, requirement_id, position)
      select ${org}, ${id}, r, n::int2 from unnest(${sql.param(requirements)}::uuid[]) with ordinality as t(r, n)`);
    return { planningId: id, pupils: group.pupils };
  } finally {
    await handle.close();
  }
}

interface CellState { pupilId: string; requirementId: string; steps: string[]; version: number | null; turn: number; busy: boolean }

async function main() {
  console.log(`assessment matrix on ${database.label} (${preset} preset); ${machineLine()}`);
  const seeded = ensureSeeded(database.env, preset);
  console.log(`  seeded or found in ${seeded.seconds.toFixed(0)} s`);
  const { planningId } = await ensurePlanning();
  const server = await startServer(database.env);
  try {
    const s = await signIn(server.baseUrl, USERNAME);
    const headers = { cookie: s.cookie };
    const matrix = await (await fetch(`${server.baseUrl}/api/plannings/${planningId}/matrix`, { headers })).json() as any;
    if (!matrix.pupils) throw new Error(`matrix: ${JSON.stringify(matrix)}`);
    console.log(`  planning ${planningId}: ${matrix.pupils.length} pupils × ${matrix.requirements.length} requirements, ${matrix.cells.length} cells assessed`);
    const versions = new Map<string, number>(matrix.cells.map((c: any) => [`${c.pupilId}|${c.requirementId}`, c.version]));
    const cells: CellState[] = matrix.pupils.filter((p: any) => p.steps.length).flatMap((p: any) => matrix.requirements.map((r: any) =>
      ({ pupilId: p.id, requirementId: r.id, steps: p.steps.map((x: any) => x.key), version: versions.get(`${p.id}|${r.id}`) ?? null, turn: 0, busy: false })));

    const loads: Workload = { next: () => ({ method: 'GET', path: `/api/plannings/${planningId}/matrix`, headers }) };
    await fixedRate(server.baseUrl, loads, { rate: Math.min(loadRate, 20), connections, seconds: 3 }); // warm-up
    console.log(`  load average before: ${loadAverage()}`);
    const loaded = await fixedRate(server.baseUrl, loads, { rate: loadRate, connections, seconds });
    console.log(`  matrix loads offered ${loadRate}/s for ${seconds} s: ${loaded.perSecond.toFixed(0)}/s answered, p50 ${loaded.p50.toFixed(1)} ms, p99 ${loaded.p99.toFixed(1)} ms (goal < 50), failed ${loaded.failed} ${JSON.stringify(loaded.failures)}`);

    let n = 0;
    const saves: Workload = {
      next: () => {
        // the next cell without a save in flight (a teacher clicks a cell again only once it has saved)
        let c = cells[n++ % cells.length];
        for (let k = 0; c.busy && k < cells.length; k++) c = cells[n++ % cells.length];
        c.busy = true;
        const level = c.steps[c.turn++ % c.steps.length];
        return { method: 'PUT', path: `/api/plannings/${planningId}/assessments`, tag: c,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ pupilId: c.pupilId, requirementId: c.requirementId, level, comment: null, version: c.version }) };
      },
      onResponse: (_conn, status, body, tag) => {
        const c = tag as CellState;
        c.busy = false;
        try {
          const parsed = JSON.parse(body);
          if (status === 200) c.version = parsed.version;
          else if (status === 409) c.version = parsed.current?.version ?? null;
        } catch { /* counted as failed by the status */ }
      },
    };
    const saved = await fixedRate(server.baseUrl, saves, { rate: saveRate, connections, seconds });
    console.log(`  cell saves offered ${saveRate}/s for ${seconds} s: ${saved.perSecond.toFixed(0)}/s answered, p50 ${saved.p50.toFixed(1)} ms, p99 ${saved.p99.toFixed(1)} ms (goal < 30), failed ${saved.failed} ${JSON.stringify(saved.failures)}`);
    console.log(`  load average after: ${loadAverage()}; server RSS peak ${server.peakRssMiB().toFixed(0)} MiB`);
  } finally {
    await server.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
