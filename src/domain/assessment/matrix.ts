import { stageKindOfYear, stepsForYear, type Step } from './steps.js';

/**
 * Rules of the assessment matrix (bedömningsmatris) beside the steps themselves (steps.ts): what a stored
 * level is called, the latest level of a requirement across plannings (the kunskapsmatris), and the next
 * step when a teacher clicks a cell.
 */

/** The steps for a pupil whose year may be unknown (no enrolment at the unit today: nothing may be saved). */
export function stepsOrNone(year: number | null, unitScale?: readonly string[]): Step[] {
  if (year === null || !Number.isInteger(year) || year < 1 || year > 9) return [];
  return stepsForYear(year, unitScale);
}

/** What a stored level is called for a pupil assessed in `year`. A level of years 4–5 is the unit's label
 *  itself, so it keeps its name when the unit's scale changes later. */
export function levelLabel(level: string, year: number): string {
  if (year >= 1 && year <= 9 && stageKindOfYear(year) !== 'middle') {
    return stepsForYear(year).find((s) => s.key === level)?.label ?? level;
  }
  return level;
}

/** The next level when a cell is clicked: empty → first step → … → last step → empty. */
export function nextLevel(steps: readonly Step[], current: string | null): string | null {
  if (!steps.length) return null;
  const i = current === null ? -1 : steps.findIndex((s) => s.key === current);
  return i === steps.length - 1 ? null : steps[i + 1].key;
}

export interface DatedLevel { level: string; assessedOn: string; updatedAt: string }

/** The latest of several assessments of one requirement (by the day assessed, then by when it was saved). */
export function latestOf<T extends DatedLevel>(cells: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of cells) {
    if (!best || c.assessedOn > best.assessedOn || (c.assessedOn === best.assessedOn && c.updatedAt > best.updatedAt)) best = c;
  }
  return best;
}
