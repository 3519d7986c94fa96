import { namedPersonId } from './staff.js';
import type { Ctx } from './context.js';
import type { HistoryRows } from './history-rows.js';
import { normal } from './history-model.js';
import type { Rng } from './random.js';
import type { UnitInfo } from './schools.js';

/** School years of history before the current one. */
export const HISTORY_YEARS = 5;

/**
 * The patterns planted in the demo history, for the tests and the docs. `yearsBack` 1 is the school year
 * before the current one. Group names carry their school year: see historyGroupName.
 */
export const PLANTED = {
  /** Year-9 mathematics grades above the test grades in every history year (≈ half higher against ≈ a
   *  quarter elsewhere), and a merit value well above what the unit's background predicts. */
  generousUnit: { unitIndex: 1, unitName: 'Eksätraskolan', subjectCode: 'MA', gradeYear: 9, unitEffect: 0.45 },
  /** Girls' grades above their test grades far more often than boys'. */
  sexGroup: { unitIndex: 0, unitName: 'Björkskolan', className: '9B', subjectCode: 'EN', gradeYear: 9, yearsBack: 1 },
  /** As many higher as lower, in line with the unit: no test may call it different. */
  cleanGroup: { unitIndex: 0, unitName: 'Björkskolan', className: '9A', subjectCode: 'SV', gradeYear: 9, yearsBack: 1 },
  /** The same teacher's year-6 mathematics group of class 6A is above the test year after year. */
  generousTeacher: { unitIndex: 2, unitName: 'Lindängsskolan', className: '6A', subjectCode: 'MA', gradeYear: 6 },
} as const;

/** '2025/2026' for the school year starting in calendar year 2025. */
export const schoolYearLabel = (start: number) => `${start}/${start + 1}`;

/** A history group's name: the usual name and its school year, '9B EN 25/26' (names stay unique by year). */
export const historyGroupName = (base: string, start: number) =>
  `${base} ${String(start % 100).padStart(2, '0')}/${String((start + 1) % 100).padStart(2, '0')}`;

export const vtEnd = (start: number) => `${start + 1}-06-12`;
export const htBegin = (start: number) => `${start}-08-18`;

export const BACKGROUND_SOURCE = 'Demo: påhittade värden i SCB:s form';
/** Who imported the demo's background files: the organiser's analyst. */
export const importer = () => namedPersonId('analytiker');

/** A unit's background: its parents' education (mean 1–3), foreign background, and its own effect on results. */
export interface UnitProfile { unit: UnitInfo; education: number; foreign: number; effect: number;
  /** By school-year start: that year's parents' education and share with foreign background. */
  byYear: Map<number, { education: number; foreign: number }> }

/** Fixed backgrounds for the three demo units; other units spread over 1.8–2.8. */
const FIRST_UNITS = [2.35, 2.05, 2.55];

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Unit profiles, one unit_background row per unit and history year (boys and newly arrived left to the pupils). */
export function unitProfiles(rng: Rng, units: UnitInfo[], years: number[], rows: HistoryRows): UnitProfile[] {
  return units.map((unit) => {
    const education = FIRST_UNITS[unit.index] ?? 1.8 + rng.next();
    const foreign = clamp(0.62 - 0.5 * (education - 1.8) + 0.05 * normal(rng), 0.03, 0.9);
    const planted = unit.index === PLANTED.generousUnit.unitIndex ? PLANTED.generousUnit.unitEffect : 0;
    const profile: UnitProfile = { unit, education, foreign, effect: planted + 0.06 * normal(rng), byYear: new Map() };
    for (const y of years) {
      const yearly = { education: round3(clamp(education + 0.03 * normal(rng), 1.5, 2.95)), foreign: round3(clamp(foreign + 0.02 * normal(rng), 0, 1)) };
      profile.byYear.set(y, yearly);
      rows.unitBackground.add({
        schoolUnitId: unit.id, schoolYear: schoolYearLabel(y), parentsEducation: yearly.education,
        foreignBackgroundShare: yearly.foreign, source: BACKGROUND_SOURCE, importedBy: importer(), importedAt: `${y + 1}-09-15T08:00:00Z`,
      });
    }
    return profile;
  });
}

/** Term ids by '2025/2026:VT', adding HT and VT of the history years the current data lacks. */
export function historyTerms(ctx: Ctx, rng: Rng, years: number[], rows: HistoryRows): Map<string, string> {
  const ids = new Map<string, string>();
  const t = ctx.ds.term.columns;
  for (let i = 0; i < ctx.ds.term.length; i++) ids.set(`${t.schoolYear[i]}:${t.kind[i]}`, t.id[i] as string);
  for (const y of years) {
    const label = schoolYearLabel(y);
    for (const [kind, startDate, endDate] of [['HT', htBegin(y), `${y}-12-22`], ['VT', `${y + 1}-01-08`, vtEnd(y)]]) {
      if (ids.has(`${label}:${kind}`)) continue;
      const id = rng.uuid();
      rows.ds.term.add({ id, schoolYear: label, kind, startDate, endDate });
      ids.set(`${label}:${kind}`, id);
    }
  }
  return ids;
}
