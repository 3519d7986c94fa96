import { describe, expect, it } from 'vitest';
import { fitLocalModel, LOCAL_MODEL_MIN_UNITS, predict, PUBLISHED_MERIT_MODEL, type ModelCoefficients, type UnitBackgroundInput } from './expected-value.js';
import { solveLinear } from './least-squares.js';

describe("the published model predicts a unit's merit value from its background", () => {
  it('parents 2.2, boys 0.52, newly arrived 0.08: 93.567 + 69.846·2.2 − 35.271·0.52 − 83.641·0.08 = 93.567 + 153.6612 − 18.34092 − 6.69128 = 222.196', () => {
    expect(predict(PUBLISHED_MERIT_MODEL, { parentsEducation: 2.2, boysShare: 0.52, newlyArrivedShare: 0.08 })).toBeCloseTo(222.196, 9);
  });
  it('every parent with post-secondary education, no boys, none newly arrived: 93.567 + 69.846·3 = 303.105', () => {
    expect(predict(PUBLISHED_MERIT_MODEL, { parentsEducation: 3, boysShare: 0, newlyArrivedShare: 0 })).toBeCloseTo(303.105, 9);
  });
  it('names its source', () => {
    expect(PUBLISHED_MERIT_MODEL.source).toMatch(/SALSA/);
  });
});

const known: ModelCoefficients = { intercept: 100, parentsEducation: 60, boysShare: -30, newlyArrivedShare: -80 };
/** Varied, not collinear backgrounds (the three predictors cycle with periods 7, 5 and 11). */
const background = (i: number): UnitBackgroundInput => ({
  parentsEducation: 1.5 + (i % 7) * 0.2, boysShare: 0.4 + ((i * 3) % 5) * 0.04, newlyArrivedShare: ((i * 7) % 11) * 0.01,
});
const exactPoints = (n: number) => Array.from({ length: n }, (_, i) => ({ y: predict(known, background(i)), bg: background(i) }));

describe('the local model is fitted by least squares over the organiser’s own units', () => {
  it('recovers the exact coefficients from 20 noise-free points, with R² = 1 and no residual spread', () => {
    const m = fitLocalModel(exactPoints(20))!;
    expect(m.units).toBe(20);
    expect(m.coefficients.intercept).toBeCloseTo(100, 8);
    expect(m.coefficients.parentsEducation).toBeCloseTo(60, 8);
    expect(m.coefficients.boysShare).toBeCloseTo(-30, 8);
    expect(m.coefficients.newlyArrivedShare).toBeCloseTo(-80, 8);
    expect(m.r2).toBeCloseTo(1, 10);
    expect(m.residualSd).toBeCloseTo(0, 8);
  });
  it('residuals that are orthogonal to the design leave the coefficients and give residual sd √(Σe²/(n − 4))', () => {
    // 8 backgrounds, each twice with y = model ± 1: the ±1 sum to 0 at every background, so they are orthogonal
    // to every predictor; the fit is the model itself and the residuals are exactly ±1:
    // residual sd = √(16/(16 − 4)) = √(4/3) = 1.154701; R² = 1 − 16/Σ(y − ȳ)².
    const points = Array.from({ length: 8 }, (_, i) => i).flatMap((i) => [-1, 1].map((e) => ({ y: predict(known, background(i)) + e, bg: background(i) })));
    const m = fitLocalModel(points)!;
    expect(m.coefficients.parentsEducation).toBeCloseTo(60, 8);
    expect(m.coefficients.intercept).toBeCloseTo(100, 8);
    expect(m.residualSd).toBeCloseTo(1.154701, 6);
    const meanY = points.reduce((s, p) => s + p.y, 0) / 16;
    expect(m.r2).toBeCloseTo(1 - 16 / points.reduce((s, p) => s + (p.y - meanY) ** 2, 0), 10);
    expect(m.r2).toBeLessThan(1);
  });
  it(`needs at least ${LOCAL_MODEL_MIN_UNITS} points: 14 give no model, 15 do`, () => {
    expect(LOCAL_MODEL_MIN_UNITS).toBe(15);
    expect(fitLocalModel(exactPoints(14))).toBeNull();
    expect(fitLocalModel(exactPoints(15))).not.toBeNull();
  });
  it('a singular design gives no model: every unit the same background', () => {
    const same = { parentsEducation: 2, boysShare: 0.5, newlyArrivedShare: 0.1 };
    expect(fitLocalModel(Array.from({ length: 20 }, (_, i) => ({ y: 200 + i, bg: same })))).toBeNull();
  });
  it('a singular design gives no model: the share of boys a linear function of parents’ education', () => {
    const points = exactPoints(20).map((p) => ({ ...p, bg: { ...p.bg, boysShare: 0.1 + 0.2 * p.bg.parentsEducation } }));
    expect(fitLocalModel(points)).toBeNull();
  });
  it('a singular design gives no model: no unit has a newly arrived pupil', () => {
    const points = exactPoints(20).map((p) => ({ ...p, bg: { ...p.bg, newlyArrivedShare: 0 } }));
    expect(fitLocalModel(points)).toBeNull();
  });
});

describe('Gaussian elimination with partial pivoting', () => {
  it('solves 2x + y = 5, x + 3y = 10 → x = 1, y = 3 (needs no pivot) and 0x + y = 2, x + y = 3 → x = 1, y = 2 (needs one)', () => {
    const [x, y] = solveLinear([[2, 1], [1, 3]], [5, 10])!;
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(3, 12);
    expect(solveLinear([[0, 1], [1, 1]], [2, 3])!.map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 2]);
  });
  it('a singular matrix has no solution', () => {
    expect(solveLinear([[1, 2], [2, 4]], [3, 6])).toBeNull();
  });
});
