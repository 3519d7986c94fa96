import { GRADE_POINTS, type GradeStep } from './scale.js';

/**
 * Changing a decided grade afterwards is a formal decision (DOMAIN.md §3 step 6), never a silent edit:
 * a rättelse when the grade is obviously wrong through a clerical or counting error, an ändring when it
 * is obviously wrong for another reason — and an ändring may never be to the pupil's disadvantage.
 */
export type CorrectionKind = 'rattelse' | 'andring';

/** Grade order for "lower": A > B > C > D > E > F; the dash is no grade, below F. */
const rank = (v: GradeStep) => (v === '-' ? -1 : GRADE_POINTS[v]);

export type CorrectionProblem = 'same_value' | 'lowers_grade' | 'not_decided' | 'no_reason';

export function correctionProblem(
  kind: CorrectionKind, state: string, from: GradeStep, to: GradeStep, reason: string,
): CorrectionProblem | null {
  if (state !== 'decided' && state !== 'locked') return 'not_decided';
  if (reason.trim().length < 3) return 'no_reason';
  if (from === to) return 'same_value';
  if (kind === 'andring' && rank(to) < rank(from)) return 'lowers_grade';
  return null;
}
