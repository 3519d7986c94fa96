import { ensureShippedCurriculum } from '../../curriculum/import.js';
import { sql } from 'drizzle-orm';
import { defaultFirstGradedYear, SUBJECTS } from '../../../domain/org/subjects.js';
import type { Queryable } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { DEMO_API_CLIENT, seedDemoApiClient } from '../../ss12000/demo-client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';

export { DEMO_ACCOUNTS, DEMO_ORGANISER_ID } from './accounts.js';
import { writeRows } from './bulk.js';
import { newCtx, type Preset, SHAPES } from './context.js';
import { newDataset } from './dataset.js';
import { buildFamilies } from './families.js';
import { Rng, stableUuid } from './random.js';
import { buildSchools } from './schools.js';
import { addAnalysts, addDelegations, addNamedStudentHealth, addOrganiserAdministrator, namedPersonId, type Teacher } from './staff.js';
import { staffUnit } from './teaching.js';
import { currentSchoolYearStart, htStart, termsFor } from './terms.js';
import { buildTimetables, writeTimetables } from './timetable.js';
import { seedActionProgrammes } from './action-programmes.js';
import { seedDevelopmentTalks } from './development-talks.js';
import { seedDemoPlannings } from './plannings.js';
import { refreshFacts } from '../../followup/report-store.js';
import { buildHistory, writeHistory } from './history.js';

export interface SeedOptions {
  organiserId: string;
  organiserName: string;
  organiserContact: string | null;
  preset: Preset;
  seed?: number;
  /** YYYY-MM-DD: decides the current school year and the terms. */
  today: string;
  /** Precomputed argon2id hash of `demo` (tests may pass one to save time); computed here otherwise. */
  passwordHash?: string;
  /** Receives progress lines with timings (the CLI prints them). */
  log?: (message: string) => void;
}

export interface SeedSummary { units: number; pupils: number; staff: number; guardians: number; groups: number; ms: number }

/** Builds the whole organiser in memory (no I/O): deterministic for preset, seed and today. */
export function buildDemoData(opts: Pick<SeedOptions, 'preset' | 'seed' | 'today'>) {
  const rng = new Rng(opts.seed ?? 1);
  const ds = newDataset();
  const year = currentSchoolYearStart(opts.today);
  const ctx = newCtx(rng, ds, SHAPES[opts.preset], opts.today, year, htStart(year));

  for (const t of termsFor(opts.today)) ds.term.add({ id: rng.uuid(), ...t });
  const units = buildSchools(ctx);
  const pools = new Map<string, Teacher[]>();
  const named = new Map<string, Teacher>();
  let first: ReturnType<typeof staffUnit> | undefined;
  for (const unit of units) {
    const r = staffUnit(ctx, unit, pools, named);
    first ??= r;
  }
  addAnalysts(ctx);
  addDelegations(ctx, units[0].id, first!.principal, first!.deputy!, first!.administrators[0], first!.formerDelegate!);
  const staff = ds.person.length;
  const families = buildFamilies(ctx, units);
  // last, so that the generated people before it stay the same as without it
  addOrganiserAdministrator(ctx);
  addNamedStudentHealth(ctx, units[0].id);
  // Five years of grades and national tests before this one, from a generator of its own.
  const history = buildHistory(ctx, units, opts.seed ?? 1);
  return { ds, units, staff: staff + 2 /* and the organiser-level administrator and the named student health */, families, history };
}

/**
 * Generates a whole organiser (units, terms, people, groups, named demo accounts) deterministically from
 * seed and today, and writes it with one set-based INSERT per table (chunked). Runs on a database handle
 * or inside the caller's transaction; the organiser must have no data yet.
 */
export async function seedDemo(q: Queryable, opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new Error(`today must be YYYY-MM-DD, got ${opts.today}`);
  // Hash the named accounts' password on the thread pool while the data is built and written.
  const hashes = opts.passwordHash
    ? Promise.resolve(DEMO_ACCOUNTS.map(() => opts.passwordHash!))
    : Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  hashes.catch(() => undefined);
  const apiClientHash = hashPassword(DEMO_API_CLIENT.secret);
  apiClientHash.catch(() => undefined);

  const { ds, units, staff, families, history } = buildDemoData(opts);
  const lap = (what: string) => opts.log?.(`${what}: ${Math.round(performance.now() - started)} ms`);
  lap(`generated ${ds.person.length} people, ${ds.membership.length} memberships`);

  // Plannings in the demo are written against the shipped curriculum; a fresh database may not have it yet.
  await ensureShippedCurriculum(q);
  await q.execute(sql`insert into organiser (id, name, contact) values (${opts.organiserId}, ${opts.organiserName}, ${opts.organiserContact})
    on conflict (id) do nothing`);
  await q.execute(sql`insert into subject (code, name, syllabus_code, sort_order)
    select * from unnest(${sql.param(SUBJECTS.map((s) => s.code))}::text[], ${sql.param(SUBJECTS.map((s) => s.name))}::text[],
      ${sql.param(SUBJECTS.map((s) => s.syllabusCode))}::text[], ${sql.param(SUBJECTS.map((s) => s.sortOrder))}::int2[])
    on conflict do nothing`);
  await q.execute(sql`insert into subject_setting (organiser_id, subject_code, first_graded_year)
    select ${opts.organiserId}::uuid, c, y from unnest(${sql.param(SUBJECTS.map((s) => s.code))}::text[],
      ${sql.param(SUBJECTS.map((s) => defaultFirstGradedYear(s.code)))}::int2[]) as t(c, y)
    on conflict do nothing`);
  const org = opts.organiserId;
  for (const rows of [ds.schoolUnit, ds.term, ds.person, ds.duty, ds.delegation, ds.enrolment, ds.guardianship,
    ds.group, ds.membership, ds.groupStaff]) {
    await writeRows(q, org, rows as Parameters<typeof writeRows>[2]);
    lap(`wrote ${rows.length} ${rows.table}`);
  }
  await writeHistory(q, org, history, lap);
  const passwordHashes = await hashes;
  DEMO_ACCOUNTS.forEach((a, i) => ds.account.add({
    id: stableUuid(`larka-demo:account:${a.username}`), personId: namedPersonId(a.username), username: a.username,
    passwordHash: passwordHashes[i], mustChangePassword: false,
  }));
  await writeRows(q, org, ds.account);
  await seedDemoApiClient(q, org, apiClientHash);
  const timetables = buildTimetables({ ds, units, today: opts.today, seed: opts.seed });
  lap('generated timetables');
  await writeTimetables(q, org, timetables, lap);
  lap(`wrote ${await seedActionProgrammes(q, org, opts.today)} action programmes`);
  await seedDevelopmentTalks(q, org, opts.today);
  await seedDemoPlannings(q, { ds, units, today: opts.today, organiserId: org, preset: opts.preset }, lap);
  // Fresh statistics, or the planner guesses one row per table (PGlite has no autovacuum to fix that).
  await q.execute(sql`analyze`);
  lap('analyzed');
  // The follow-up's facts of the history, so that the first report does not build them all.
  lap(`built the follow-up facts of ${await refreshFacts(q, org)} unit years`);
  await q.execute(sql`analyze followup_fact`);

  return {
    units: units.length, pupils: families.pupils, staff, guardians: families.guardians, groups: ds.group.length,
    ms: Math.round(performance.now() - started),
  };
}
