import type { Queryable } from '../../platform/db/database.js';
import { writeRows } from './bulk.js';
import type { Ctx } from './context.js';
import { leftCohort, type HistoryPupil, TodaysPupils } from './history-pupils.js';
import { addClassYear, type HistoryEnv } from './history-results.js';
import { newHistoryRows, type HistoryRows } from './history-rows.js';
import { HistoryTeachers } from './history-teachers.js';
import { BACKGROUND_SOURCE, HISTORY_YEARS, historyTerms, importer, unitProfiles, type UnitProfile } from './history-units.js';
import { hashSeed, Rng } from './random.js';
import type { UnitInfo } from './schools.js';

export { PLANTED, HISTORY_YEARS, historyGroupName, schoolYearLabel } from './history-units.js';

/** The unit whose pupils' register background (parents' education, foreign background) the organiser holds. */
export const PUPIL_BACKGROUND_UNIT = 2;

export interface DemoHistory { rows: HistoryRows; profiles: UnitProfile[];
  /** Left pupils by unit id and the school year (start) they were in year 9, class by class. */
  leftPupils: Map<string, HistoryPupil[][]> }

/**
 * Five school years of grade and national test history before the current one, for the follow-up: year-9
 * final grades and tests of pupils who have left, year-6 term grades and tests (of those same pupils, and of
 * today's pupils in years 7–9), the groups with their graders, unit background per year, per-pupil background at
 * one unit, and the patterns of PLANTED. Drawn from a generator of its own (the rest of the demo stays the same);
 * deterministic for seed and today. `ctx` is the finished run's context: its civic numbers stay unique.
 */
export function buildHistory(source: Ctx, units: UnitInfo[], seed: number): DemoHistory {
  const rng = new Rng(hashSeed(`larka-demo:history:${seed}`));
  const rows = newHistoryRows();
  const ctx: Ctx = { ...source, rng, ds: rows.ds };
  const years = Array.from({ length: HISTORY_YEARS }, (_, i) => source.year - HISTORY_YEARS + i);
  const termIds = historyTerms(source, rng, years, rows);
  const profiles = unitProfiles(rng, units, years, rows);
  const env: HistoryEnv = { ctx, rows, teachers: new HistoryTeachers(source.ds, units, rng), termIds, choices: new Map() };
  const today = new TodaysPupils(source);
  const leftPupils = new Map<string, HistoryPupil[][]>();
  const backgroundOf: HistoryPupil[] = [];

  for (const profile of profiles) {
    const unit = profile.unit;
    const classesOf = (year: number) => unit.classes.filter((c) => c.form === 'GR' && c.year === year);
    const letters = classesOf(9).map((c) => c.name.slice(1));
    // Year 9 of the cohorts that have left.
    for (const start of years) {
      const cohort = leftCohort(ctx, profile, start, letters.length);
      leftPupils.set(`${unit.id}:${start}`, cohort);
      cohort.forEach((pupils, c) => addClassYear(env, { profile, start, yearsBack: source.year - start, gradeYear: 9, className: `9${letters[c]}`, pupils }));
      if (unit.index === PUPIL_BACKGROUND_UNIT) backgroundOf.push(...cohort.flat());
    }
    // Year 6: the left cohorts that were in year 6 within the history, and today's pupils of years 7–9.
    for (const start of years) {
      const cohortYear = start + 3;
      const classYear = 9 - (cohortYear - source.year);
      const classes = cohortYear < source.year
        ? leftPupils.get(`${unit.id}:${cohortYear}`)!
        : classesOf(classYear).map((c) => today.ofClass(ctx, c.id, profile));
      if (cohortYear >= source.year && unit.index === PUPIL_BACKGROUND_UNIT) backgroundOf.push(...classes.flat());
      classes.forEach((pupils, c) => addClassYear(env, { profile, start, yearsBack: source.year - start, gradeYear: 6, className: `6${letters[c]}`, pupils }));
    }
  }
  addPupilBackground(rng, rows, backgroundOf, `${source.year}-09-15T08:00:00Z`);
  return { rows, profiles, leftPupils };
}

/** Per-pupil register background where the organiser holds it; a few per cent unknown. */
function addPupilBackground(rng: Rng, rows: HistoryRows, pupils: HistoryPupil[], at: string): void {
  for (const p of pupils) {
    const unknown = rng.chance(0.03);
    rows.pupilBackground.add({
      pupilId: p.id, parentsPostSecondary: unknown ? null : p.level === 3, foreignBackground: unknown ? null : p.foreign,
      source: BACKGROUND_SOURCE, importedBy: importer(), importedAt: at,
    });
  }
}

/** Writes the history, set-based (one INSERT per chunk and table), after the rest of the demo data. */
export async function writeHistory(q: Pick<Queryable, 'execute'>, organiserId: string, history: DemoHistory, lap?: (what: string) => void): Promise<void> {
  const { rows } = history;
  for (const table of [rows.ds.term, rows.ds.person, rows.ds.enrolment, rows.ds.group, rows.ds.membership, rows.ds.groupStaff,
    rows.grade, rows.test, rows.unitBackground, rows.pupilBackground]) {
    await writeRows(q, organiserId, table as Parameters<typeof writeRows>[2]);
    lap?.(`wrote ${table.length} ${table.table} of the history`);
  }
}
