/**
 * The fixed aggregate columns the follow-up reads from SQL for one row key (a unit, a group, a teacher, a
 * pupil group or a whole), one subject, grade year and school year. Everything the report shows is built
 * from these (pure functions), so a part and its complement can be formed by subtraction.
 */
export const GRADE_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type GradeLetter = (typeof GRADE_LETTERS)[number];
/** Grade steps of grade minus test grade, −5 … +5 (index = steps + 5). */
export const STEP_VALUES = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5] as const;
/** Grade steps of a grade (F→E is one step). */
export const GRADE_STEP_NUMBER: Record<GradeLetter, number> = { A: 5, B: 4, C: 3, D: 2, E: 1, F: 0 };

export interface Aggregate {
  /** Pupils with a grade A–F or '-'. */
  graded: number;
  counts: Record<GradeLetter | 'dash', number>;
  /** Σ grade points over the grades A–F. */
  gradePointsSum: number;
  /** Pupils with both a grade A–F and a test grade A–F, and how the grade lies against the test grade. */
  both: number; lower: number; same: number; higher: number;
  /** Counts by grade steps −5 … +5. */
  steps: number[];
  /** Σ and Σ² of (grade points − test points); Σ grade points and Σ test points of the pupils with both. */
  diffSum: number; diffSquares: number; bothGradePoints: number; bothTestPoints: number;
  /** Pupils with a grade whose test result is "did not take part". */
  notTaken: number;
}

export function emptyAggregate(): Aggregate {
  return {
    graded: 0, counts: { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0, dash: 0 }, gradePointsSum: 0,
    both: 0, lower: 0, same: 0, higher: 0, steps: STEP_VALUES.map(() => 0),
    diffSum: 0, diffSquares: 0, bothGradePoints: 0, bothTestPoints: 0, notTaken: 0,
  };
}

function combine(a: Aggregate, b: Aggregate, sign: 1 | -1): Aggregate {
  const n = (x: number, y: number) => x + sign * y;
  const counts = { ...a.counts };
  for (const k of Object.keys(counts) as (keyof Aggregate['counts'])[]) counts[k] = n(a.counts[k], b.counts[k]);
  return {
    graded: n(a.graded, b.graded), counts, gradePointsSum: n(a.gradePointsSum, b.gradePointsSum),
    both: n(a.both, b.both), lower: n(a.lower, b.lower), same: n(a.same, b.same), higher: n(a.higher, b.higher),
    steps: a.steps.map((s, i) => n(s, b.steps[i])),
    diffSum: n(a.diffSum, b.diffSum), diffSquares: n(a.diffSquares, b.diffSquares),
    bothGradePoints: n(a.bothGradePoints, b.bothGradePoints), bothTestPoints: n(a.bothTestPoints, b.bothTestPoints),
    notTaken: n(a.notTaken, b.notTaken),
  };
}

export const addAggregates = (a: Aggregate, b: Aggregate): Aggregate => combine(a, b, 1);
/** The rest of a whole: whole − part (e.g. the other groups of a unit). */
export const subtractAggregate = (whole: Aggregate, part: Aggregate): Aggregate => combine(whole, part, -1);
export const sumAggregates = (parts: readonly Aggregate[]): Aggregate => parts.reduce(addAggregates, emptyAggregate());

/** An aggregate of individual pupils (grade, test grade or null, did not take part): for hand-made fixtures
 *  and the tests of the SQL, which must give the same columns. */
export function aggregateOf(pupils: readonly { grade: GradeLetter | '-'; test: GradeLetter | null; notTaken?: boolean }[], points: Record<GradeLetter, number>): Aggregate {
  const a = emptyAggregate();
  for (const p of pupils) {
    a.graded++;
    if (p.grade === '-') { a.counts.dash++; } else { a.counts[p.grade]++; a.gradePointsSum += points[p.grade]; }
    if (p.notTaken) a.notTaken++;
    if (p.grade === '-' || !p.test) continue;
    const d = GRADE_STEP_NUMBER[p.grade] - GRADE_STEP_NUMBER[p.test];
    const pd = points[p.grade] - points[p.test];
    a.both++;
    if (d < 0) a.lower++; else if (d === 0) a.same++; else a.higher++;
    a.steps[d + 5]++;
    a.diffSum += pd; a.diffSquares += pd * pd; a.bothGradePoints += points[p.grade]; a.bothTestPoints += points[p.test];
  }
  return a;
}
