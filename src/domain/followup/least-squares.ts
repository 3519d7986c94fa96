/**
 * Ordinary least squares by the normal equations (pure functions). The predictors are centred (so the
 * intercept drops out) and scaled to unit length (so the normal matrix is their correlation matrix and one
 * scale-free tolerance detects a singular design).
 */

/** Below this pivot the (correlation) normal matrix is taken as singular: a predictor is (almost) a linear
 *  combination of the others, or constant. */
export const SINGULAR_PIVOT = 1e-10;

/** Solves A·x = b by Gaussian elimination with partial pivoting; null when a pivot falls below `tolerance`. */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[], tolerance = SINGULAR_PIVOT): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (!(Math.abs(m[pivot][col]) > tolerance)) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
    x[r] = s / m[r][r];
  }
  return x;
}

/**
 * The slopes of y on the predictors (rows of x, one per observation) with an intercept; the intercept is
 * ȳ − Σ slopeⱼ·x̄ⱼ. Null when the design is singular or there are no more observations than coefficients.
 */
export function leastSquaresSlopes(x: readonly (readonly number[])[], y: readonly number[]): number[] | null {
  const n = y.length;
  const k = x[0]?.length ?? 0;
  if (n <= k + 1) return null;
  const means = Array.from({ length: k }, (_, j) => x.reduce((s, row) => s + row[j], 0) / n);
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  const centred = x.map((row) => row.map((v, j) => v - means[j]));
  const lengths = Array.from({ length: k }, (_, j) => Math.sqrt(centred.reduce((s, row) => s + row[j] ** 2, 0)));
  if (lengths.some((l) => !(l > 0))) return null;
  const z = centred.map((row) => row.map((v, j) => v / lengths[j]));
  const normal = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => z.reduce((s, row) => s + row[i] * row[j], 0)));
  const right = Array.from({ length: k }, (_, j) => z.reduce((s, row, r) => s + row[j] * (y[r] - meanY), 0));
  const scaled = solveLinear(normal, right);
  return scaled ? scaled.map((b, j) => b / lengths[j]) : null;
}
