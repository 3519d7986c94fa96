import { benjaminiHochberg, FDR, independenceTest, type TableTest } from './stats.js';
import { MIN_PUPILS } from './suppression.js';

/**
 * Recurring patterns (seed 004: "var särskilt uppmärksam på återkommande mönster"): a unit, teacher, group
 * or pupil group whose deviation between grade and test grade goes the same way, compared with the others
 * of its level, in consecutive school years — and does so clearly when those years are pooled.
 */
export interface LowerSameHigher { lower: number; same: number; higher: number }

export interface PatternYear { schoolYear: string; entity: LowerSameHigher; others: LowerSameHigher }
/** One entity's years, any order; `key` identifies it to the caller. */
export interface PatternCandidate { key: string; years: readonly PatternYear[] }

export interface RecurringPattern {
  key: string;
  direction: 'higher' | 'lower';
  /** The run of consecutive school years, oldest first, with each year's net difference:
   *  (higher − lower)/n of the entity minus the same of the others. */
  years: { schoolYear: string; entity: LowerSameHigher; others: LowerSameHigher; netDifference: number }[];
  /** The independence test of the run's pooled counts (entity vs others). */
  pooled: TableTest;
  /** Benjamini–Hochberg adjusted over all candidates that had a run. */
  q: number;
}

/**
 * Finds the clear recurring patterns. A year counts when both the entity and the others have at least
 * MIN_PUPILS pupils with both grade and test grade; its direction is the sign of the net difference.
 * Consecutive: school years '2022/2023', '2023/2024' … without a gap. The longest run (latest on a tie) of
 * at least `minYears` years in one direction is tested pooled; runs are adjusted together (BH) and those with
 * q < FDR are returned, strongest first.
 */
export function findRecurringPatterns(candidates: readonly PatternCandidate[], minYears = 3): RecurringPattern[] {
  const runs = candidates.flatMap((c) => {
    const run = longestRun(countingYears(c.years), minYears);
    if (!run) return [];
    const entity = sumOf(run.years.map((y) => y.entity));
    const others = sumOf(run.years.map((y) => y.others));
    // The pooled years must still go the same way (weighting by year can in principle turn it around).
    if (Math.sign(netDifference(entity, others)) !== (run.direction === 'higher' ? 1 : -1)) return [];
    return [{ key: c.key, direction: run.direction, years: run.years, pooled: independenceTest([asRow(entity), asRow(others)]) }];
  });
  const qs = benjaminiHochberg(runs.map((r) => r.pooled.p));
  return runs.map((r, i) => ({ ...r, q: qs[i] as number }))
    .filter((r) => r.q < FDR)
    .sort((a, b) => a.q - b.q || a.pooled.p - b.pooled.p || b.years.length - a.years.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

type CountingYear = RecurringPattern['years'][number] & { start: number; direction: 'higher' | 'lower' };

const pupils = (x: LowerSameHigher) => x.lower + x.same + x.higher;
const asRow = (x: LowerSameHigher) => [x.lower, x.same, x.higher];
const sumOf = (xs: readonly LowerSameHigher[]): LowerSameHigher =>
  xs.reduce((s, x) => ({ lower: s.lower + x.lower, same: s.same + x.same, higher: s.higher + x.higher }), { lower: 0, same: 0, higher: 0 });

/** (higher − lower)/n of the entity minus the same of the others. */
export function netDifference(entity: LowerSameHigher, others: LowerSameHigher): number {
  return (entity.higher - entity.lower) / pupils(entity) - (others.higher - others.lower) / pupils(others);
}

/** The first calendar year of a school year '2022/2023' → 2022. */
export function schoolYearStart(schoolYear: string): number {
  const m = /^(\d{4})\/(\d{4})$/.exec(schoolYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`not a school year: ${schoolYear}`);
  return Number(m[1]);
}

/** The years that count (both sides at least MIN_PUPILS, a non-zero net difference), oldest first; a school
 *  year given twice is summed. */
function countingYears(years: readonly PatternYear[]): CountingYear[] {
  const byYear = new Map<string, PatternYear>();
  for (const y of years) {
    const had = byYear.get(y.schoolYear);
    byYear.set(y.schoolYear, had ? { schoolYear: y.schoolYear, entity: sumOf([had.entity, y.entity]), others: sumOf([had.others, y.others]) } : y);
  }
  return [...byYear.values()]
    .filter((y) => pupils(y.entity) >= MIN_PUPILS && pupils(y.others) >= MIN_PUPILS)
    .map((y) => ({ ...y, start: schoolYearStart(y.schoolYear), netDifference: netDifference(y.entity, y.others) }))
    .filter((y) => y.netDifference !== 0)
    .map((y) => ({ ...y, direction: y.netDifference > 0 ? 'higher' as const : 'lower' as const }))
    .sort((a, b) => a.start - b.start);
}

/** The longest run of consecutive school years in one direction (the latest on a tie), if at least minYears long. */
function longestRun(years: readonly CountingYear[], minYears: number): { direction: 'higher' | 'lower'; years: RecurringPattern['years'] } | null {
  let best: CountingYear[] = [];
  let current: CountingYear[] = [];
  for (const y of years) {
    const last = current[current.length - 1];
    current = last && last.start + 1 === y.start && last.direction === y.direction ? [...current, y] : [y];
    if (current.length >= best.length) best = current;
  }
  if (best.length === 0 || best.length < minYears) return null;
  return {
    direction: best[0].direction,
    years: best.map(({ schoolYear, entity, others, netDifference: net }) => ({ schoolYear, entity, others, netDifference: net })),
  };
}
