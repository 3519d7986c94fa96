import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg, binomialTest, clopperPearson, fisherExact, independenceTest, meanInterval, mergeSmallestColumn, signTest, welchTest,
} from './stats.js';

describe('the sign test counts only pupils above and below, against one half', () => {
  it('8 higher and 1 lower: p = 2·(C(9,0) + C(9,1))/2⁹ = 2·(1 + 9)/512 = 0.0390625', () => {
    expect(signTest(8, 1)).toBeCloseTo(0.0390625, 12);
  });
  it('is symmetric: 1 higher and 8 lower gives the same p', () => {
    expect(signTest(1, 8)).toBe(signTest(8, 1));
  });
  it('10 higher and none lower: p = 2/2¹⁰ = 0.001953125', () => {
    expect(signTest(10, 0)).toBeCloseTo(0.001953125, 12);
  });
  it('nobody above or below gives p = 1, and as many above as below gives p = 1', () => {
    expect(signTest(0, 0)).toBe(1);
    expect(signTest(5, 5)).toBe(1);
  });
  it('a count that is not a whole number ≥ 0 is refused', () => {
    expect(() => signTest(-1, 3)).toThrow(RangeError);
    expect(() => signTest(1.5, 3)).toThrow(RangeError);
  });
});

describe('the exact binomial test sums every outcome no more likely than the observed one', () => {
  it('2 of 10 against ½: 2·(1 + 10 + 45)/1024 = 0.109375', () => {
    expect(binomialTest(2, 10, 0.5)).toBeCloseTo(0.109375, 12);
  });
  it('3 of 5 against 0.2 (asymmetric): P(3) + P(4) + P(5) = 10·0.008·0.64 + 5·0.0016·0.8 + 0.00032 = 0.0512 + 0.0064 + 0.00032 = 0.05792', () => {
    // P(0) = 0.32768, P(1) = 0.4096, P(2) = 0.2048 are all more likely than P(3) = 0.0512 and are left out.
    expect(binomialTest(3, 5, 0.2)).toBeCloseTo(0.05792, 12);
  });
  it('the most likely outcome gives p = 1; no trials give p = 1; p0 at 0 or 1 is certain', () => {
    expect(binomialTest(0, 5, 0.1)).toBe(1);
    expect(binomialTest(0, 0, 0.3)).toBe(1);
    expect(binomialTest(0, 4, 0)).toBe(1);
    expect(binomialTest(1, 4, 0)).toBe(0);
  });
  it('stays finite and exact-ish for many pupils: 2600 of 5000 against ½ (z ≈ 2.83) is about 0.0051', () => {
    // Normal approximation with continuity correction: z = (2600 − 2500 − 0.5)/√1250 = 2.814, two-sided 0.0049;
    // the exact value lies within 10 % of it.
    const p = binomialTest(2600, 5000, 0.5);
    expect(p).toBeGreaterThan(0.0045);
    expect(p).toBeLessThan(0.0056);
  });
});

describe('Clopper–Pearson intervals are exact', () => {
  it('0 of 10: [0, 1 − 0.025^(1/10)] = [0, 0.30850]', () => {
    // 0.025^(0.1) = e^(ln 0.025 / 10) = e^(−0.368888) = 0.691503, so the upper limit is 0.308497.
    const [low, high] = clopperPearson(0, 10);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.3084971, 6);
  });
  it('10 of 10 mirrors it: [0.025^(1/10), 1] = [0.69150, 1]', () => {
    const [low, high] = clopperPearson(10, 10);
    expect(low).toBeCloseTo(0.6915029, 6);
    expect(high).toBe(1);
  });
  it('5 of 10: [0.1871, 0.8129], and at the lower limit P(X ≥ 5 | n = 10) is exactly 2.5 %', () => {
    const [low, high] = clopperPearson(5, 10);
    expect(low).toBeCloseTo(0.1871, 4);
    expect(high).toBeCloseTo(0.8129, 4);
    const choose = [1, 10, 45, 120, 210, 252, 210, 120, 45, 10, 1];
    const tail = choose.slice(5).reduce((s, c, i) => s + c * low ** (i + 5) * (1 - low) ** (5 - i), 0);
    expect(tail).toBeCloseTo(0.025, 8);
  });
  it('no pupils: [0, 1]', () => {
    expect(clopperPearson(0, 0)).toEqual([0, 1]);
  });
});

describe('a mean comes with a t interval', () => {
  it('2, 4, 4, 6 (n = 4, Σx = 16, Σx² = 72): mean 4, s² = (72 − 16²/4)/3 = 8/3, half-width t(0.975; 3)·√(s²/4) = 3.18245·0.81650 = 2.59845', () => {
    const m = meanInterval(4, 16, 72)!;
    expect(m.mean).toBe(4);
    expect(m.low).toBeCloseTo(4 - 2.59845, 4);
    expect(m.high).toBeCloseTo(4 + 2.59845, 4);
  });
  it('one value has no interval', () => {
    expect(meanInterval(1, 5, 25)).toBeNull();
  });
  it('equal values give a zero-width interval', () => {
    expect(meanInterval(3, 30, 300)).toEqual({ mean: 10, low: 10, high: 10 });
  });
});

describe("Welch's t-test compares two means without assuming equal variances", () => {
  // a = 1, 2, 3, 4, 5: n 5, Σ 15, Σx² 55, s² = (55 − 45)/4 = 2.5, s²/n = 0.5.
  // b = 4, 6, 8: n 3, Σ 18, Σx² 116, s² = (116 − 108)/2 = 4, s²/n = 4/3.
  // difference 3 − 6 = −3; se = √(0.5 + 1.3333) = 1.35401; t = −2.21565;
  // df = 1.8333²/(0.5²/4 + 1.3333²/2) = 3.36111/0.95139 = 3.53285; two-sided p from t(3.53) ≈ 0.1000;
  // half-width t(0.975; 3.53)·1.35401 = 3.9637.
  const a = { n: 5, sum: 15, sumSquares: 55 };
  const b = { n: 3, sum: 18, sumSquares: 116 };
  it('the hand-computed example: difference −3, p ≈ 0.1000, interval −3 ± 3.9637', () => {
    const w = welchTest(a, b)!;
    expect(w.difference).toBe(-3);
    expect(w.p).toBeCloseTo(0.09998, 4);
    expect(w.low).toBeCloseTo(-6.9637, 3);
    expect(w.high).toBeCloseTo(0.9637, 3);
  });
  it('is antisymmetric: b − a has the opposite difference and the same p', () => {
    const w = welchTest(b, a)!;
    expect(w.difference).toBe(3);
    expect(w.p).toBeCloseTo(welchTest(a, b)!.p, 12);
  });
  it('null when a group has fewer than two or both have no spread', () => {
    expect(welchTest({ n: 1, sum: 3, sumSquares: 9 }, b)).toBeNull();
    expect(welchTest({ n: 2, sum: 6, sumSquares: 18 }, { n: 3, sum: 3, sumSquares: 3 })).toBeNull();
  });
});

describe("Fisher's exact test of a 2×2 table", () => {
  it('the tea-tasting table [[3,1],[1,3]]: P(x) = C(4,x)·C(4,4−x)/70 = 1, 16, 36, 16, 1 /70; p = (1+16+16+1)/70 = 0.4857', () => {
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
  });
  it('[[0,5],[5,0]]: only the two extreme tables, p = 2·C(5,0)·C(5,5)/C(10,5) = 2/252', () => {
    expect(fisherExact(0, 5, 5, 0)).toBeCloseTo(2 / 252, 12);
  });
  it('a table with a zero margin has only one table: p = 1', () => {
    expect(fisherExact(0, 0, 3, 4)).toBe(1);
    expect(fisherExact(0, 3, 0, 4)).toBe(1);
  });
});

describe('the independence test of an ordered 2×k table', () => {
  it('chi-square on a 2×2 with every expected count ≥ 5, without continuity correction: [[20,30],[30,20]] → χ² = 4·5²/25 = 4, df 1, p = 2·(1 − Φ(2)) = 0.0455', () => {
    const t = independenceTest([[20, 30], [30, 20]]);
    expect(t).toMatchObject({ method: 'chi-square', df: 1 });
    expect(t.statistic).toBeCloseTo(4, 12);
    expect(t.p).toBeCloseTo(0.0455003, 6);
  });
  it('chi-square on a 2×3 with df 2, where p = e^(−χ²/2): [[30,40,30],[20,40,40]] → E = 25, 40, 35; χ² = 2·(1 + 0 + 25/35) = 3.428571, p = e^(−1.714286) = 0.180092', () => {
    const t = independenceTest([[30, 40, 30], [20, 40, 40]]);
    expect(t).toMatchObject({ method: 'chi-square', df: 2 });
    expect(t.statistic).toBeCloseTo(3.428571, 5);
    expect(t.p).toBeCloseTo(0.180092, 5);
  });
  it('merges neighbouring columns while an expected count is below 5, then chi-square', () => {
    // [[1,2,40,20],[2,3,20,40]]: n 128, column totals 3, 5, 60, 60; E(column 1) = 63·3/128 = 1.48 → merge into
    // column 2 → 8, 60, 60; E = 63·8/128 = 3.94 → merge into the next → [[43,20],[25,40]].
    // χ² = n(ad − bc)²/(r1·r2·c1·c2) = 128·(1720 − 500)²/(63·65·68·60) = 190515200/16707600 = 11.40291, df 1.
    const t = independenceTest([[1, 2, 40, 20], [2, 3, 20, 40]]);
    expect(t).toMatchObject({ method: 'chi-square', df: 1 });
    expect(t.statistic).toBeCloseTo(11.40291, 4);
    expect(t.p).toBeCloseTo(0.000733, 5);
  });
  it('the smallest column is merged into its smaller neighbour (columns are ordered)', () => {
    expect(mergeSmallestColumn([[10, 1, 10, 20], [10, 1, 12, 20]])).toEqual([[11, 10, 20], [11, 12, 20]]);
    expect(mergeSmallestColumn([[10, 1, 30, 20], [10, 1, 12, 20]])).toEqual([[11, 30, 20], [11, 12, 20]]);
    expect(mergeSmallestColumn([[9, 9, 1], [9, 9, 1]])).toEqual([[9, 10], [9, 10]]);
  });
  it("Fisher's test when two merged columns still have an expected count below 5", () => {
    // [[0,0,1,3],[4,5,1,0]]: column totals 4, 5, 2, 3 → the 2 merges right (3 < 5) → [[0,0,4],[4,5,1]]
    // → the 4 merges right → [[0,4],[9,1]]. P(x) = C(9,x)·C(5,4−x)/C(14,4) = 5, 90, 360, 420, 126 /1001;
    // observed x = 0 is the least likely: p = 5/1001.
    const t = independenceTest([[0, 0, 1, 3], [4, 5, 1, 0]]);
    expect(t).toMatchObject({ method: 'fisher', statistic: null, df: null });
    expect(t.p).toBeCloseTo(5 / 1001, 12);
  });
  it('Fisher–Freeman–Halton for a small 2×3 table, by enumeration', () => {
    // [[3,1,0],[0,2,3]]: rows 4 and 5, columns 3, 3, 3; a table's weight is C(3,x0)·C(3,x1)·C(3,x2) of C(9,4) = 126.
    // Tables: the 6 orderings of (3,1,0) weigh 3 each (18), the 3 of (2,2,0) 9 each (27), the 3 of (2,1,1)
    // 27 each (81); 18 + 27 + 81 = 126. Observed weight 3: p = 18/126 = 1/7.
    const t = independenceTest([[3, 1, 0], [0, 2, 3]]);
    expect(t).toMatchObject({ method: 'fisher-freeman-halton', statistic: null, df: null });
    expect(t.p).toBeCloseTo(1 / 7, 12);
  });
  it('columns empty in both rows are dropped first (the same table with two empty columns gives the same test)', () => {
    expect(independenceTest([[3, 0, 1, 0], [0, 0, 2, 3]])).toEqual(independenceTest([[3, 1, 0], [0, 2, 3]]));
  });
  it('a 2×3 with more than 300 pupils is merged instead: [[1,200,100],[2,100,200]] → [[201,100],[102,200]], χ² = 603·30000²/(301·302·303·300) = 65.678', () => {
    const t = independenceTest([[1, 200, 100], [2, 100, 200]]);
    expect(t).toMatchObject({ method: 'chi-square', df: 1 });
    expect(t.statistic).toBeCloseTo(65.678, 3);
    expect(t.p).toBeLessThan(1e-10);
  });
  it('an empty row, or fewer than two non-empty columns, gives p = 1', () => {
    expect(independenceTest([[0, 0, 0], [3, 4, 5]]).p).toBe(1);
    expect(independenceTest([[0, 7, 0], [0, 9, 0]]).p).toBe(1);
    expect(independenceTest([[], []]).p).toBe(1);
  });
  it('a ragged table or a negative count is refused', () => {
    expect(() => independenceTest([[1, 2], [3]])).toThrow(RangeError);
    expect(() => independenceTest([[1, -2], [3, 4]])).toThrow(RangeError);
  });
});

describe('Benjamini–Hochberg adjusts the p-values of one report together', () => {
  it('[0.01, 0.04, 0.03, 0.20] → sorted 0.01·4/1 = 0.04, 0.03·4/2 = 0.06, 0.04·4/3 = 0.0533, 0.20·4/4 = 0.20; running minimum from the top → [0.04, 0.0533, 0.0533, 0.20]', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.16 / 3, 12);
    expect(q[2]).toBeCloseTo(0.16 / 3, 12);
    expect(q[3]).toBeCloseTo(0.2, 12);
  });
  it('nulls stay null and are not counted: [null, 0.01, null, 0.04] → 0.01·2/1 = 0.02, 0.04·2/2 = 0.04', () => {
    const q = benjaminiHochberg([null, 0.01, null, 0.04]);
    expect(q[0]).toBeNull();
    expect(q[2]).toBeNull();
    expect(q[1]).toBeCloseTo(0.02, 12);
    expect(q[3]).toBeCloseTo(0.04, 12);
  });
  it('never above 1, and nothing in gives nothing out', () => {
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
