/**
 * The exact distributions behind the follow-up's exact tests (pure functions): log-factorials, the binomial
 * and hypergeometric probabilities, and the "method of small p-values" that sums every outcome no more
 * likely than the observed one.
 */

/** Outcomes within this relative distance of the observed probability count as equally likely (as in R). */
export const RELATIVE_TOLERANCE = 1e-7;

const EXACT_UP_TO = 1024;
const exactLogFactorials: number[] = [0];
for (let i = 1; i <= EXACT_UP_TO; i++) exactLogFactorials.push(exactLogFactorials[i - 1] + Math.log(i));

/** ln(n!) for a whole n ≥ 0: summed exactly up to 1024, Stirling's series beyond (error far below 1e-15). */
export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial of ${n}`);
  if (n <= EXACT_UP_TO) return exactLogFactorials[n];
  const inv = 1 / n;
  const inv2 = inv * inv;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** ln C(n, k). */
export function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** A count: a whole number ≥ 0 (throws otherwise: the callers count pupils). */
export function assertCount(x: number, what: string): void {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${x}`);
}

/** Σ of the probabilities (given as logs) that are no larger than the observed one's, capped at 1; exactly 1
 *  when no outcome was left out (rather than a sum of rounded terms). */
export function sumNoMoreLikely(logProbabilities: Iterable<number>, observed: number): number {
  const limit = observed + Math.log1p(RELATIVE_TOLERANCE);
  let p = 0;
  let leftOut = false;
  for (const lp of logProbabilities) {
    if (lp <= limit) p += Math.exp(lp);
    else leftOut = true;
  }
  return leftOut ? Math.min(1, p) : 1;
}

/**
 * The same sum for a unimodal distribution on lo…hi with its most likely value at `mode`: the outcomes no
 * more likely than the observed one are a left tail and a right tail, found by bisection and summed from
 * their inner end outwards until the terms no longer matter (so a sign test of 50,000 pupils sums a few
 * hundred terms, not 50,000).
 */
export function sumNoMoreLikelyUnimodal(lo: number, hi: number, mode: number, logP: (x: number) => number, observed: number): number {
  const limit = observed + Math.log1p(RELATIVE_TOLERANCE);
  if (logP(mode) <= limit) return 1;
  let p = 0;
  const addFrom = (start: number, step: 1 | -1, end: number) => {
    for (let x = start; step > 0 ? x <= end : x >= end; x += step) {
      const term = Math.exp(logP(x));
      p += term;
      if (term <= p * 1e-20) break;
    }
  };
  if (logP(lo) <= limit) {
    let [inside, outside] = [lo, mode]; // logP(inside) ≤ limit < logP(outside)
    while (outside - inside > 1) { const mid = (inside + outside) >> 1; if (logP(mid) <= limit) inside = mid; else outside = mid; }
    addFrom(inside, -1, lo);
  }
  if (logP(hi) <= limit) {
    let [outside, inside] = [mode, hi];
    while (inside - outside > 1) { const mid = (inside + outside) >> 1; if (logP(mid) <= limit) inside = mid; else outside = mid; }
    addFrom(inside, 1, hi);
  }
  return Math.min(1, p);
}

/** ln P(X = k) for X ~ Bin(n, p0), 0 < p0 < 1. */
export function logBinomial(k: number, n: number, p0: number): number {
  return logChoose(n, k) + k * Math.log(p0) + (n - k) * Math.log1p(-p0);
}

/** ln P(first cell = x) of a 2×2 table with row 1 total r1, column 1 total c1 and total n (hypergeometric). */
export function logHypergeometric(x: number, r1: number, c1: number, n: number): number {
  return logChoose(c1, x) + logChoose(n - c1, r1 - x) - logChoose(n, r1);
}

/**
 * Fisher–Freeman–Halton exact test of a 2×3 table: every table with the same margins, each with its
 * multivariate hypergeometric probability Π C(column total, row-1 cell) / C(n, row-1 total); p = Σ of those
 * no more likely than the observed table.
 */
export function fisherFreemanHalton2x3(rows: readonly [readonly number[], readonly number[]]): number {
  const [top, bottom] = rows;
  if (top.length !== 3 || bottom.length !== 3) throw new RangeError('a 2×3 table');
  const cols = top.map((t, j) => t + bottom[j]);
  const r1 = top[0] + top[1] + top[2];
  const n = cols[0] + cols[1] + cols[2];
  const r2 = n - r1;
  const base = logChoose(n, r1);
  const logP = (x: readonly number[]) => x.reduce((s, xj, j) => s + logChoose(cols[j], xj), 0) - base;
  const observed = logP(top);
  const tables: number[] = [];
  for (let x0 = Math.max(0, cols[0] - r2); x0 <= Math.min(cols[0], r1); x0++) {
    for (let x1 = Math.max(0, cols[1] - r2); x1 <= Math.min(cols[1], r1 - x0); x1++) {
      const x2 = r1 - x0 - x1;
      if (x2 < 0 || x2 > cols[2] || cols[2] - x2 > r2) continue;
      tables.push(logP([x0, x1, x2]));
    }
  }
  return sumNoMoreLikely(tables, observed);
}
