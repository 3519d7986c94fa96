import { describe, expect, it } from 'vitest';
import { findRecurringPatterns, netDifference, schoolYearStart, type LowerSameHigher, type PatternCandidate } from './patterns.js';
import { independenceTest } from './stats.js';

const counts = (lower: number, same: number, higher: number): LowerSameHigher => ({ lower, same, higher });
const OTHERS = counts(10, 160, 30); // 200 pupils, net (30 − 10)/200 = 0.10
const sy = (start: number) => `${start}/${start + 1}`;
/** One entity with the same counts in each listed school year (by first calendar year). */
const candidate = (key: string, entity: LowerSameHigher, starts: number[], others = OTHERS): PatternCandidate =>
  ({ key, years: starts.map((s) => ({ schoolYear: sy(s), entity, others })) });

/** Clearly more "higher": 10 of 25 higher, 1 lower → net 9/25 = 0.36 against 0.10. */
const STRONG = counts(1, 14, 10);
/** Weakly more "higher": 7 of 25 higher, 1 lower → net 0.24. Pooled over 3 years [3, 51, 21] vs [30, 480, 90]
 *  (675 pupils; E(lower) = 75·33/675 = 3.67 < 5, so "lower" merges into "same"): [[54, 21], [510, 90]],
 *  χ² = 675·(54·90 − 21·510)²/(75·600·564·111) = 675·5850²/2817180000 = 8.19977, df 1, p = 0.00419. */
const WEAK = counts(1, 17, 7);
/** Like the others: 4 of 25 higher, 1 lower → net 0.12 against 0.10; pooled p ≈ 0.89. */
const CLEAN = counts(1, 20, 4);

describe('a recurring pattern goes the same way, compared with the others, in consecutive school years', () => {
  it('an entity clearly more often "higher" in 4 consecutive years is found, with the 4 years oldest first', () => {
    const c = candidate('unit-a', STRONG, [2024, 2021, 2023, 2022]);
    const [found, ...rest] = findRecurringPatterns([c]);
    expect(rest).toEqual([]);
    expect(found.key).toBe('unit-a');
    expect(found.direction).toBe('higher');
    expect(found.years.map((y) => y.schoolYear)).toEqual(['2021/2022', '2022/2023', '2023/2024', '2024/2025']);
    // (10 − 1)/25 − (30 − 10)/200 = 0.36 − 0.10 = 0.26
    expect(found.years[0].netDifference).toBeCloseTo(0.26, 12);
    // pooled: entity [4, 56, 40], others [40, 640, 120]
    expect(found.pooled).toEqual(independenceTest([[4, 56, 40], [40, 640, 120]]));
    expect(found.pooled.p).toBeLessThan(1e-6);
    expect(found.q).toBe(found.pooled.p);
  });
  it('"lower" is found the same way', () => {
    const [found] = findRecurringPatterns([candidate('teacher-b', counts(10, 14, 1), [2021, 2022, 2023])]);
    expect(found.direction).toBe('lower');
    expect(found.years).toHaveLength(3);
    // (1 − 10)/25 − 0.10 = −0.36 − 0.10 = −0.46
    expect(found.years[2].netDifference).toBeCloseTo(-0.46, 12);
  });
  it('a direction that alternates is not a pattern', () => {
    const c: PatternCandidate = { key: 'alternating', years: [2020, 2021, 2022, 2023, 2024].map((s, i) =>
      ({ schoolYear: sy(s), entity: i % 2 === 0 ? STRONG : counts(10, 14, 1), others: OTHERS })) };
    expect(findRecurringPatterns([c])).toEqual([]);
  });
  it('a run broken by a missing school year counts only its consecutive part', () => {
    const [found] = findRecurringPatterns([candidate('gap', STRONG, [2018, 2019, 2021, 2022, 2023])]);
    expect(found.years.map((y) => y.schoolYear)).toEqual(['2021/2022', '2022/2023', '2023/2024']);
    expect(findRecurringPatterns([candidate('gap', STRONG, [2018, 2019, 2021, 2022])])).toEqual([]);
  });
  it('on two runs of the same length the latest is taken', () => {
    const [found] = findRecurringPatterns([candidate('twice', STRONG, [2015, 2016, 2017, 2020, 2021, 2022])]);
    expect(found.years.map((y) => y.schoolYear)).toEqual(['2020/2021', '2021/2022', '2022/2023']);
  });
  it('a year with fewer than 10 pupils (entity or others) does not count and breaks the run', () => {
    const nine = counts(1, 4, 4);
    const years = (middle: { entity: LowerSameHigher; others: LowerSameHigher }): PatternCandidate => ({ key: 'small', years: [
      { schoolYear: sy(2020), entity: STRONG, others: OTHERS }, { schoolYear: sy(2021), ...middle },
      { schoolYear: sy(2022), entity: STRONG, others: OTHERS }, { schoolYear: sy(2023), entity: STRONG, others: OTHERS },
    ] });
    expect(findRecurringPatterns([years({ entity: nine, others: OTHERS })])).toEqual([]);
    expect(findRecurringPatterns([years({ entity: STRONG, others: nine })])).toEqual([]);
    const [two] = findRecurringPatterns([years({ entity: nine, others: OTHERS })], 2);
    expect(two.years.map((y) => y.schoolYear)).toEqual(['2022/2023', '2023/2024']);
  });
  it('a clean entity (about like the others) is not returned, though it is a little above every year', () => {
    expect(netDifference(CLEAN, OTHERS)).toBeCloseTo(0.02, 12);
    expect(findRecurringPatterns([candidate('clean', CLEAN, [2020, 2021, 2022, 2023, 2024])])).toEqual([]);
  });
  it('an entity exactly like the others has no direction at all', () => {
    expect(findRecurringPatterns([candidate('same', counts(1, 16, 3), [2020, 2021, 2022], counts(10, 160, 30))], 1)).toEqual([]);
  });
  const manyClean = Array.from({ length: 30 }, (_, i) => candidate(`clean-${i}`, CLEAN, [2021, 2022, 2023]));
  it('Benjamini–Hochberg across the candidates: a weak run found alone (p = q = 0.00419) is dropped among 30 clean runs (q = 31·0.00419 = 0.130)', () => {
    const weak = candidate('weak', WEAK, [2021, 2022, 2023]);
    const [alone] = findRecurringPatterns([weak]);
    expect(alone.key).toBe('weak');
    expect(alone.pooled).toMatchObject({ method: 'chi-square', df: 1 });
    expect(alone.pooled.statistic).toBeCloseTo(8.19977, 4);
    expect(alone.pooled.p).toBeCloseTo(0.00419, 5);
    expect(alone.q).toBe(alone.pooled.p);
    expect(findRecurringPatterns([weak, ...manyClean])).toEqual([]);
  });
  it('the strongest comes first, and a strong pattern survives among many candidates', () => {
    const clean = manyClean;
    const found = findRecurringPatterns([candidate('weak', WEAK, [2021, 2022, 2023]), ...clean, candidate('strong', STRONG, [2021, 2022, 2023])]);
    expect(found.map((f) => f.key)).toEqual(['strong']);
    const both = findRecurringPatterns([candidate('weak', WEAK, [2021, 2022, 2023]), candidate('strong', STRONG, [2021, 2022, 2023])]);
    expect(both.map((f) => f.key)).toEqual(['strong', 'weak']);
    // BH over two: the weak one has the larger p, rank 2 of 2 → q = p·2/2 = p.
    expect(both[1].q).toBeCloseTo(both[1].pooled.p, 12);
  });
  it('a school year that is not two following years is refused', () => {
    expect(schoolYearStart('2022/2023')).toBe(2022);
    expect(() => schoolYearStart('2022/2024')).toThrow(RangeError);
  });
});
