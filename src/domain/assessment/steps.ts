/**
 * The steps a teacher may assess a pupil's knowledge with, by the pupil's school year (DOMAIN.md §6):
 * - years 1–3: against the G requirement (year 3's level), "met / not yet";
 * - years 4–5: a scale the unit configures, by default "not yet / on the way / met";
 * - years 6–9: the grade steps of the requirement, E, C and A, and "not yet E".
 * Stored levels are these keys; for years 4–5 the key is the unit's label itself.
 */
export const DEFAULT_YOUNG_SCALE = ['Inte ännu', 'På väg', 'Uppnått'] as const;

export interface Step { key: string; label: string }

const LOWER: Step[] = [{ key: 'not_yet', label: 'Inte ännu' }, { key: 'met', label: 'Uppnått' }];
const GRADED: Step[] = [{ key: 'not_yet', label: 'Ej uppnått E' }, { key: 'E', label: 'E' }, { key: 'C', label: 'C' }, { key: 'A', label: 'A' }];

export type StageKind = 'lower' | 'middle' | 'graded';

export function stageKindOfYear(year: number): StageKind {
  if (!Number.isInteger(year) || year < 1 || year > 9) throw new Error(`No assessment steps for school year ${year}`);
  return year <= 3 ? 'lower' : year <= 5 ? 'middle' : 'graded';
}

/** The steps valid for a pupil in `year`; `unitScale` is the unit's labels for years 4–5 (or the default). */
export function stepsForYear(year: number, unitScale: readonly string[] = DEFAULT_YOUNG_SCALE): Step[] {
  switch (stageKindOfYear(year)) {
    case 'lower': return LOWER;
    case 'middle': return unitScale.map((label) => ({ key: label, label }));
    case 'graded': return GRADED;
  }
}

/** Why `level` may not be saved for a pupil in `year` (null when it may). */
export function levelProblem(level: string, year: number, unitScale?: readonly string[]): string | null {
  let steps: Step[];
  try { steps = stepsForYear(year, unitScale); } catch (e) { return (e as Error).message; }
  return steps.some((s) => s.key === level) ? null
    : `"${level}" is not a step for year ${year}; the steps are ${steps.map((s) => s.key).join(', ')}`;
}

/** A unit's scale for years 4–5: two to six distinct, non-empty labels of at most 40 characters. */
export function scaleProblem(steps: readonly string[]): string | null {
  const clean = steps.map((s) => s.trim());
  if (clean.length < 2 || clean.length > 6) return 'A scale has two to six steps';
  if (clean.some((s) => !s || s.length > 40)) return 'Every step needs a label of at most 40 characters';
  if (new Set(clean.map((s) => s.toLocaleLowerCase('sv'))).size !== clean.length) return 'The steps must differ';
  if (clean.some((s) => ['not_yet', 'met', 'E', 'C', 'A'].includes(s))) return 'A step may not be named like a fixed step';
  return null;
}

/** The wording shown for a level on a requirement: the requirement's wording for that step (E/C/A, G), when it has one. */
export function wordingOf(level: string, choices: Record<string, string>): string | null {
  if (level === 'met' && choices.G) return choices.G;
  return choices[level] ?? null;
}
