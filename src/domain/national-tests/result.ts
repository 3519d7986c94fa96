/**
 * A pupil's national test result: in years 6 and 9 a test grade (provbetyg) A–F or "did not take part"
 * (deltog ej); in year 3 only the sub-tests (delprov), each met, not met or absent, never a grade.
 */
import { nationalTestOf } from './catalogue.js';

export const TEST_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type TestGrade = (typeof TEST_GRADES)[number];
export const SUB_TEST_OUTCOMES = ['met', 'not_met', 'absent'] as const;
export type SubTestOutcome = (typeof SUB_TEST_OUTCOMES)[number];

export interface ResultInput {
  testGrade?: string | null;
  notParticipated?: boolean;
  subTests?: Record<string, string> | null;
}

/** What is stored: exactly one of a grade, "did not take part", or sub-tests (year 3); or nothing (removed). */
export interface TestResult {
  testGrade: TestGrade | null;
  notParticipated: boolean;
  subTests: Record<string, SubTestOutcome> | null;
}

export type ResultProblem =
  | 'no_test' // no national test in this subject that year
  | 'grade_in_year_3' // year 3 records sub-tests only
  | 'sub_tests_outside_year_3'
  | 'unknown_sub_test'
  | 'invalid_grade'
  | 'invalid_outcome'
  | 'both_grade_and_not_participated';

/** Checks a result for a subject and year; gives the result to store (null: the result is removed). */
export function checkResult(gradeYear: number, subjectCode: string, input: ResultInput):
  { ok: true; result: TestResult | null } | { ok: false; problem: ResultProblem } {
  const test = nationalTestOf(gradeYear, subjectCode);
  if (!test) return { ok: false, problem: 'no_test' };
  const grade = input.testGrade ?? null;
  const subTests = input.subTests && Object.keys(input.subTests).length > 0 ? input.subTests : null;
  const notParticipated = input.notParticipated === true;
  if (notParticipated && (grade !== null || subTests !== null)) return { ok: false, problem: 'both_grade_and_not_participated' };
  if (gradeYear === 3) {
    if (grade !== null) return { ok: false, problem: 'grade_in_year_3' };
    if (subTests) {
      for (const [code, outcome] of Object.entries(subTests)) {
        if (!test.subTests!.includes(code)) return { ok: false, problem: 'unknown_sub_test' };
        if (!(SUB_TEST_OUTCOMES as readonly string[]).includes(outcome)) return { ok: false, problem: 'invalid_outcome' };
      }
    }
  } else {
    if (subTests) return { ok: false, problem: 'sub_tests_outside_year_3' };
    if (grade !== null && !(TEST_GRADES as readonly string[]).includes(grade)) return { ok: false, problem: 'invalid_grade' };
  }
  if (!notParticipated && grade === null && subTests === null) return { ok: true, result: null };
  return { ok: true, result: { testGrade: grade as TestGrade | null, notParticipated, subTests: subTests as Record<string, SubTestOutcome> | null } };
}

/**
 * A result is finished when nothing is left to register: a test grade or "did not take part", and in year 3
 * every sub-test of the subject has its outcome (or the pupil did not take part). Only finished results are
 * shown at home (to the pupil and the guardians): never a half-registered year-3 result.
 */
export function isFinished(gradeYear: number, subjectCode: string, r: TestResult): boolean {
  if (r.notParticipated) return true;
  if (gradeYear !== 3) return r.testGrade !== null;
  const codes = nationalTestOf(3, subjectCode)?.subTests ?? [];
  return codes.length > 0 && codes.every((c) => r.subTests?.[c] !== undefined);
}
