import { describe, expect, it } from 'vitest';
import { logBinomial, logFactorial, logHypergeometric, sumNoMoreLikely, sumNoMoreLikelyUnimodal } from './exact.js';
import { binomialTest, fisherExact } from './stats.js';

describe('log-factorials', () => {
  it('small values are exact: ln 5! = ln 120', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 13);
  });
  it("Stirling's series beyond 1024 continues the exact sums: ln 2000! = ln 1024! + Σ ln i for i = 1025…2000", () => {
    let sum = logFactorial(1024);
    for (let i = 1025; i <= 2000; i++) sum += Math.log(i);
    expect(logFactorial(2000) / sum).toBeCloseTo(1, 13);
  });
  it('refuses a negative or fractional argument', () => {
    expect(() => logFactorial(-1)).toThrow(RangeError);
    expect(() => logFactorial(2.5)).toThrow(RangeError);
  });
});

describe('summing only the tails of a unimodal distribution gives the same p as summing every outcome', () => {
  it('binomial, every k for several n and p0', () => {
    for (const n of [1, 7, 20, 61]) for (const p0 of [0.5, 0.2, 0.73]) for (let k = 0; k <= n; k++) {
      const all = Array.from({ length: n + 1 }, (_, i) => logBinomial(i, n, p0));
      expect(binomialTest(k, n, p0)).toBeCloseTo(sumNoMoreLikely(all, logBinomial(k, n, p0)), 12);
    }
  });
  it('hypergeometric (Fisher 2×2), every table with several margins', () => {
    for (const [r1, c1, n] of [[4, 4, 8], [10, 7, 30], [25, 40, 60], [3, 12, 13]]) {
      const lo = Math.max(0, c1 - (n - r1));
      const hi = Math.min(r1, c1);
      const all = Array.from({ length: hi - lo + 1 }, (_, i) => logHypergeometric(lo + i, r1, c1, n));
      for (let a = lo; a <= hi; a++) {
        expect(fisherExact(a, r1 - a, c1 - a, n - r1 - c1 + a)).toBeCloseTo(sumNoMoreLikely(all, logHypergeometric(a, r1, c1, n)), 12);
      }
    }
  });
  it('a uniform distribution (every outcome as likely) gives 1', () => {
    expect(sumNoMoreLikelyUnimodal(0, 3, 1, () => Math.log(0.25), Math.log(0.25))).toBe(1);
  });
});
