import { leastSquaresSlopes } from './least-squares.js';

/**
 * Expected value, SALSA-style (DOMAIN.md §7): a unit's result against the value predicted from its pupils'
 * background. By default Skolverket's published national model for merit value; a local regression over the
 * organiser's own units only when at least LOCAL_MODEL_MIN_UNITS units have data.
 */
export interface UnitBackgroundInput {
  /** Mean level 1–3 (1 compulsory school, 2 upper secondary, 3 post-secondary; the higher-educated parent). */
  parentsEducation: number;
  /** 0–1 */
  boysShare: number;
  /** 0–1: in Sweden fewer than 4 years. */
  newlyArrivedShare: number;
}

export interface ModelCoefficients { intercept: number; parentsEducation: number; boysShare: number; newlyArrivedShare: number }

/** Skolverket's published SALSA model (2015/16) of the merit value. */
export const PUBLISHED_MERIT_MODEL: ModelCoefficients & { source: string } = {
  source: 'Skolverket, SALSA 2015/16: meritvärde = 93,567 + 69,846 · föräldrarnas utbildningsnivå − 35,271 · andel pojkar − 83,641 · andel nyanlända',
  intercept: 93.567, parentsEducation: 69.846, boysShare: -35.271, newlyArrivedShare: -83.641,
};

export const LOCAL_MODEL_MIN_UNITS = 15;

/** The value the model predicts for a unit's background. */
export function predict(model: ModelCoefficients, bg: UnitBackgroundInput): number {
  return model.intercept + model.parentsEducation * bg.parentsEducation + model.boysShare * bg.boysShare
    + model.newlyArrivedShare * bg.newlyArrivedShare;
}

export interface LocalModel { coefficients: ModelCoefficients; r2: number; units: number; residualSd: number }

/** Ordinary least squares over the organiser's units (one point per unit and school year given); null when
 *  fewer than LOCAL_MODEL_MIN_UNITS points, or the design is singular (e.g. every unit the same background). */
export function fitLocalModel(points: readonly { y: number; bg: UnitBackgroundInput }[]): LocalModel | null {
  if (points.length < LOCAL_MODEL_MIN_UNITS) return null;
  const slopes = leastSquaresSlopes(points.map((p) => [p.bg.parentsEducation, p.bg.boysShare, p.bg.newlyArrivedShare]), points.map((p) => p.y));
  if (!slopes) return null;
  const n = points.length;
  const meanOf = (f: (p: (typeof points)[number]) => number) => points.reduce((s, p) => s + f(p), 0) / n;
  const intercept = meanOf((p) => p.y) - slopes[0] * meanOf((p) => p.bg.parentsEducation) - slopes[1] * meanOf((p) => p.bg.boysShare)
    - slopes[2] * meanOf((p) => p.bg.newlyArrivedShare);
  const coefficients = { intercept, parentsEducation: slopes[0], boysShare: slopes[1], newlyArrivedShare: slopes[2] };
  const meanY = meanOf((p) => p.y);
  const residualSquares = points.reduce((s, p) => s + (p.y - predict(coefficients, p.bg)) ** 2, 0);
  const totalSquares = points.reduce((s, p) => s + (p.y - meanY) ** 2, 0);
  return {
    coefficients,
    r2: totalSquares > 0 ? Math.max(0, 1 - residualSquares / totalSquares) : 0,
    units: n,
    residualSd: Math.sqrt(residualSquares / (n - 4)),
  };
}
