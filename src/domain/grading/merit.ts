import { GRADE_POINTS, type GradeStep } from './scale.js';

/**
 * Meritvärde (DOMAIN.md §3): the sum of the grade points of the 16 best final grades, plus a 17th for a
 * modern language taken as språkval (M2…), at most 340. "–" is no grade; F counts 0.
 */
export interface FinalGrade { subjectCode: string; value: GradeStep }

const isLanguageChoice = (code: string) => /^M2[A-Z]{3}$/.test(code);
const points = (g: FinalGrade) => (g.value === '-' ? null : GRADE_POINTS[g.value]);

export function meritValue(grades: FinalGrade[]): number {
  const graded = grades.filter((g) => points(g) !== null);
  const language = graded.filter((g) => isLanguageChoice(g.subjectCode)).sort((a, b) => points(b)! - points(a)!)[0];
  const others = graded.filter((g) => g !== language).map((g) => points(g)!).sort((a, b) => b - a);
  // The språkval grade counts as the 17th (never also among the 16): that is never less than letting it
  // compete for a place among the 16.
  const best16 = others.slice(0, 16).reduce((s, p) => s + p, 0);
  return best16 + (language ? points(language)! : 0);
}
