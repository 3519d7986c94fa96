import type { Rng } from './random.js';

/**
 * The rules of the demo's grade and test history, as pure functions: how a pupil's ability becomes a test
 * grade and a subject grade, how subject grades deviate from test grades (most the same, some higher, a few
 * lower), and how a unit's background (parents' education) shapes its pupils.
 */
export const LETTERS = ['F', 'E', 'D', 'C', 'B', 'A'] as const;
export type Letter = (typeof LETTERS)[number];

/** Score cut points F|E|D|C|B|A: a score ~ N(0, 1) gives about 8 % F, 22 % E, 18 % D, 24 % C, 16 % B, 12 % A. */
const CUTS = [-1.4, -0.52, -0.05, 0.58, 1.17];

export function letterOf(score: number): Letter {
  let i = 0;
  while (i < CUTS.length && score >= CUTS[i]) i++;
  return LETTERS[i];
}

/** Steps A=5 … F=0. */
export const stepsOf = (l: Letter) => LETTERS.indexOf(l);

/** The letter `deviation` steps from `l`, or null when it would leave the scale. */
export function shifted(l: Letter, deviation: number): Letter | null {
  const i = stepsOf(l) + deviation;
  return i >= 0 && i < LETTERS.length ? LETTERS[i] : null;
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Shares of subject grades that deviate from the test grade by +2, +1, −1, −2 steps (the rest the same). */
export interface DeviationMix { up2: number; up1: number; down1: number; down2: number }

/** Most the same, about a fifth one step higher, a few lower, rarely two steps. */
export const USUAL_MIX: DeviationMix = { up2: 0.015, up1: 0.19, down1: 0.07, down2: 0.01 };
/** Mathematics: higher somewhat more often (nationally about a quarter in year 9). */
export const MATHS_MIX: DeviationMix = { up2: 0.02, up1: 0.23, down1: 0.05, down2: 0.005 };
/** A group or unit planted to grade above the test: about half higher. */
export const GENEROUS_MIX: DeviationMix = { up2: 0.06, up1: 0.48, down1: 0.02, down2: 0 };
/** Planted for a difference by sex: the boys' grades rarely above the test. */
export const STRICT_MIX: DeviationMix = { up2: 0, up1: 0.05, down1: 0.1, down2: 0 };
/** A clean group: as many higher as lower. */
export const BALANCED_MIX: DeviationMix = { up2: 0, up1: 0.125, down1: 0.125, down2: 0 };

/**
 * Exactly how many of n pupils get each deviation (largest remainder), so that a group's shares follow the
 * mix closely whatever chance does — planted patterns must be there in every year, clean groups clean.
 */
export function deviationQuota(n: number, mix: DeviationMix): number[] {
  const parts: [number, number][] = [[2, mix.up2], [1, mix.up1], [-1, mix.down1], [-2, mix.down2]];
  parts.push([0, 1 - parts.reduce((s, [, p]) => s + p, 0)]);
  const exact = parts.map(([d, p]) => ({ d, want: p * n, got: Math.floor(p * n) }));
  let left = n - exact.reduce((s, e) => s + e.got, 0);
  for (const e of [...exact].sort((a, b) => (b.want - b.got) - (a.want - a.got))) {
    if (left <= 0) break;
    e.got++;
    left--;
  }
  return exact.flatMap((e) => Array<number>(e.got).fill(e.d));
}

/**
 * Deviations for pupils with these test grades, in the mix's shares: drawn as a shuffled quota, then a
 * deviation that would leave the scale (an A cannot go higher) is swapped with a pupil who can take it,
 * or becomes 0 when nobody can.
 */
export function assignDeviations(rng: Rng, tests: readonly Letter[], mix: DeviationMix): number[] {
  const devs = rng.shuffle(deviationQuota(tests.length, mix));
  const fits = (i: number, d: number) => shifted(tests[i], d) !== null;
  for (let i = 0; i < devs.length; i++) {
    if (fits(i, devs[i])) continue;
    const j = devs.findIndex((d, k) => k !== i && fits(k, devs[i]) && fits(i, d));
    if (j >= 0) [devs[i], devs[j]] = [devs[j], devs[i]];
    else devs[i] = 0;
  }
  return devs;
}

/** Parents' education level (1 compulsory, 2 upper secondary, 3 post-secondary) with the unit's mean:
 *  P(3) = (mean − 1)² / 4 and P(1) = P(3) − (mean − 2), so the mean is kept across 1.5–2.9. */
export function parentsEducationLevel(rng: Rng, mean: number): 1 | 2 | 3 {
  const p3 = (mean - 1) ** 2 / 4;
  const p1 = Math.max(0, p3 - (mean - 2));
  const r = rng.next();
  return r < p1 ? 1 : r < p1 + p3 ? 3 : 2;
}

export interface PupilTraits { sex: 'F' | 'M' | null; level: 1 | 2 | 3; newlyArrived: boolean; sva: boolean }

/**
 * A pupil's ability on the score scale. The unit's mean follows its parents' education (1.0 per level, so that
 * unit merit values follow Skolverket's model, ≈ 70 merit points per level) plus the unit's own effect;
 * within the unit, the pupil's own parents' education, sex (girls higher), being newly arrived and noise.
 */
export function abilityOf(rng: Rng, unitEducation: number, unitEffect: number, t: PupilTraits): number {
  return 1.0 * (unitEducation - 2.3) + 0.08 + unitEffect + 0.35 * (t.level - unitEducation)
    + (t.sex === 'F' ? 0.22 : t.sex === 'M' ? -0.22 : 0) + (t.newlyArrived ? -0.9 : 0) + (t.sva ? -0.15 : 0)
    + 0.75 * normal(rng);
}

/** Subjects whose grades sit a little higher (or lower) than the pupil's general level. */
const SUBJECT_OFFSET: Record<string, number> = {
  IDH: 0.45, BL: 0.35, MU: 0.35, SL: 0.35, HKK: 0.4, EN: 0.3, MA: -0.1, FY: -0.1, KE: -0.1, SVA: -0.2,
};

/** A score in one subject (test or grade without a test): ability, the subject's offset, and the day's noise. */
export const subjectScore = (rng: Rng, ability: number, subject: string) =>
  ability + (SUBJECT_OFFSET[subject] ?? 0) + 0.5 * normal(rng);
