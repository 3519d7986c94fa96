import jStat from 'jstat';
import { assertCount, fisherFreemanHalton2x3, logBinomial, logHypergeometric, sumNoMoreLikelyUnimodal } from './exact.js';

/**
 * Statistical tests and intervals for the follow-up of grades (pure functions, no I/O). Every figure the
 * follow-up shows as a deviation or a difference comes with one of these, and the family of tests in one
 * report is adjusted for multiple comparisons (Benjamini–Hochberg) before anything is called clear.
 */

/** Two-sided p of the exact sign test: `higher` pupils above, `lower` below, ties left out; H0 p = ½.
 *  1 when higher + lower = 0. */
export function signTest(higher: number, lower: number): number {
  assertCount(higher, 'higher');
  assertCount(lower, 'lower');
  return binomialTest(higher, higher + lower, 0.5);
}

/** Exact two-sided binomial test of k successes in n against probability p0 (method of small p-values). */
export function binomialTest(k: number, n: number, p0: number): number {
  assertCount(k, 'k');
  assertCount(n, 'n');
  if (k > n) throw new RangeError(`k = ${k} > n = ${n}`);
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`p0 = ${p0} outside 0–1`);
  if (n === 0) return 1;
  if (p0 === 0) return k === 0 ? 1 : 0;
  if (p0 === 1) return k === n ? 1 : 0;
  const mode = Math.min(n, Math.floor((n + 1) * p0));
  return sumNoMoreLikelyUnimodal(0, n, mode, (i) => logBinomial(i, n, p0), logBinomial(k, n, p0));
}

/** Clopper–Pearson (exact) confidence interval for a proportion k/n; [0, 1] when n = 0. */
export function clopperPearson(k: number, n: number, level = 0.95): [number, number] {
  assertCount(k, 'k');
  assertCount(n, 'n');
  if (k > n) throw new RangeError(`k = ${k} > n = ${n}`);
  if (n === 0) return [0, 1];
  const alpha = 1 - level;
  const low = k === 0 ? 0 : jStat.beta.inv(alpha / 2, k, n - k + 1);
  const high = k === n ? 1 : jStat.beta.inv(1 - alpha / 2, k + 1, n - k);
  return [low, high];
}

interface Moments { n: number; sum: number; sumSquares: number }

/** Sample variance from (n, Σx, Σx²), never below 0 (rounding in Σx² − (Σx)²/n). */
function variance({ n, sum, sumSquares }: Moments): number {
  return Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
}

/** Mean with a t confidence interval, from n, Σx and Σx²; null when n < 2. */
export function meanInterval(n: number, sum: number, sumSquares: number, level = 0.95): { mean: number; low: number; high: number } | null {
  if (n < 2) return null;
  const mean = sum / n;
  const half = jStat.studentt.inv(1 - (1 - level) / 2, n - 1) * Math.sqrt(variance({ n, sum, sumSquares }) / n);
  return { mean, low: mean - half, high: mean + half };
}

/** Welch's t-test of two means given as (n, Σx, Σx²): two-sided p and the CI of the difference a − b;
 *  null when either n < 2 or both variances are 0. */
export function welchTest(a: { n: number; sum: number; sumSquares: number }, b: { n: number; sum: number; sumSquares: number }, level = 0.95):
  { p: number; difference: number; low: number; high: number } | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = variance(a) / a.n;
  const vb = variance(b) / b.n;
  if (va === 0 && vb === 0) return null;
  const difference = a.sum / a.n - b.sum / b.n;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const p = Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(difference / se), df));
  const half = jStat.studentt.inv(1 - (1 - level) / 2, df) * se;
  return { p, difference, low: difference - half, high: difference + half };
}

/** Fisher's exact test of a 2×2 table [[a, b], [c, d]], two-sided (sum of tables no more likely than the observed). */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  for (const [x, name] of [[a, 'a'], [b, 'b'], [c, 'c'], [d, 'd']] as const) assertCount(x, name);
  const r1 = a + b;
  const c1 = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, c1 - (n - r1));
  const hi = Math.min(r1, c1);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((r1 + 1) * (c1 + 1)) / (n + 2))));
  return sumNoMoreLikelyUnimodal(lo, hi, mode, (x) => logHypergeometric(x, r1, c1, n), logHypergeometric(a, r1, c1, n));
}

export interface TableTest { p: number; method: 'chi-square' | 'fisher' | 'fisher-freeman-halton'; statistic: number | null; df: number | null }

/** Expected counts under independence: row total × column total / n. */
function expectedCounts(rows: readonly [number[], number[]]): [number[], number[]] {
  const cols = rows[0].map((t, j) => t + rows[1][j]);
  const n = cols.reduce((s, x) => s + x, 0);
  const totals = rows.map((r) => r.reduce((s, x) => s + x, 0));
  return [cols.map((c) => (totals[0] * c) / n), cols.map((c) => (totals[1] * c) / n)];
}

const anyBelowFive = (rows: readonly [number[], number[]]) => expectedCounts(rows).some((r) => r.some((e) => e < 5));

/**
 * Merges the smallest column (the one with the smallest expected counts; the leftmost on a tie) into its
 * smaller neighbour (the left one on a tie): the columns are ordered, so only neighbours are merged.
 */
export function mergeSmallestColumn(rows: readonly [number[], number[]]): [number[], number[]] {
  const cols = rows[0].map((t, j) => t + rows[1][j]);
  let j = 0;
  for (let i = 1; i < cols.length; i++) if (cols[i] < cols[j]) j = i;
  const left = j - 1;
  const right = j + 1;
  const into = right >= cols.length || (left >= 0 && cols[left] <= cols[right]) ? left : right;
  const [from, to] = [Math.max(j, into), Math.min(j, into)];
  return rows.map((r) => r.flatMap((x, i) => (i === from ? [] : i === to ? [x + r[from]] : [x]))) as [number[], number[]];
}

function pearsonChiSquare(rows: readonly [number[], number[]]): TableTest {
  const expected = expectedCounts(rows);
  let statistic = 0;
  rows.forEach((r, i) => r.forEach((o, j) => { statistic += (o - expected[i][j]) ** 2 / expected[i][j]; }));
  const df = rows[0].length - 1;
  return { p: Math.max(0, 1 - jStat.chisquare.cdf(statistic, df)), method: 'chi-square', statistic, df };
}

/**
 * Test of independence of a 2×k table whose columns are ORDERED categories (grade steps, or lower / same /
 * higher). Adjacent columns are merged while any expected count is below 5, as long as two columns remain;
 * then Pearson's chi-square. When two columns remain and an expected count is still below 5: Fisher's exact
 * test. For a 2×3 table with total ≤ 300 and any expected count below 5 before merging, the exact
 * Fisher–Freeman–Halton test is used instead of merging. Columns that are 0 in both rows are dropped first.
 * A table with fewer than two non-empty columns or an empty row gives p = 1.
 *
 * Pearson's chi-square is without continuity correction; the 2×3 rule applies to the table after the empty
 * columns are dropped. The trivial table (p = 1) is reported as Fisher's (the only table with its margins).
 */
export function independenceTest(rows: [number[], number[]]): TableTest {
  if (rows.length !== 2 || rows[0].length !== rows[1].length) throw new RangeError('a 2×k table');
  rows.forEach((r) => r.forEach((x) => assertCount(x, 'a cell')));
  const kept = rows[0].map((_, j) => j).filter((j) => rows[0][j] + rows[1][j] > 0);
  let table = rows.map((r) => kept.map((j) => r[j])) as [number[], number[]];
  const total = (r: number[]) => r.reduce((s, x) => s + x, 0);
  if (kept.length < 2 || total(table[0]) === 0 || total(table[1]) === 0) return { p: 1, method: 'fisher', statistic: null, df: null };
  if (!anyBelowFive(table)) return pearsonChiSquare(table);
  if (table[0].length === 3 && total(table[0]) + total(table[1]) <= 300) {
    return { p: fisherFreemanHalton2x3(table), method: 'fisher-freeman-halton', statistic: null, df: null };
  }
  while (table[0].length > 2 && anyBelowFive(table)) table = mergeSmallestColumn(table);
  if (table[0].length === 2 && anyBelowFive(table)) {
    return { p: fisherExact(table[0][0], table[0][1], table[1][0], table[1][1]), method: 'fisher', statistic: null, df: null };
  }
  return pearsonChiSquare(table);
}

/** Benjamini–Hochberg adjusted p-values (q-values), in the input's order; nulls stay null. */
export function benjaminiHochberg(ps: (number | null)[]): (number | null)[] {
  const given = ps.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null);
  given.sort((x, y) => x.p - y.p || x.i - y.i);
  const m = given.length;
  const qs: (number | null)[] = ps.map(() => null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = given[rank - 1];
    running = Math.min(running, (p * m) / rank);
    qs[i] = running;
  }
  return qs;
}

/** The false discovery rate at which a difference is called clear. */
export const FDR = 0.05;
