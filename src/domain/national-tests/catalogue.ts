/**
 * Which national tests (nationella prov) are given in grundskolan, by year: Lgr11 practice. Skolverket decides
 * each year which tests are given (and, in year 9, which one science and which one social subject each school
 * takes), so this list is data, to be kept up to date with Skolverket's decision for the school year.
 */
export type TestYear = 3 | 6 | 9;
export const TEST_YEARS: readonly TestYear[] = [3, 6, 9];

/** A pupil takes one test of each of these: Swedish or Swedish as a second language; in year 9 one science
 *  and one social subject (the school is told which). */
export type ChoiceGroup = 'swedish' | 'science' | 'social';

export interface NationalTestSubject {
  subjectCode: string;
  /** Year 3 only: the sub-tests (delprov) by letter; no test grade is given in year 3. */
  subTests?: readonly string[];
  choice?: ChoiceGroup;
}

const SWEDISH_SUB_TESTS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
const MATHS_SUB_TESTS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;

export const NATIONAL_TESTS: Record<TestYear, readonly NationalTestSubject[]> = {
  3: [
    { subjectCode: 'MA', subTests: MATHS_SUB_TESTS },
    { subjectCode: 'SV', subTests: SWEDISH_SUB_TESTS, choice: 'swedish' },
    { subjectCode: 'SVA', subTests: SWEDISH_SUB_TESTS, choice: 'swedish' },
  ],
  6: [
    { subjectCode: 'EN' },
    { subjectCode: 'MA' },
    { subjectCode: 'SV', choice: 'swedish' },
    { subjectCode: 'SVA', choice: 'swedish' },
  ],
  9: [
    { subjectCode: 'EN' },
    { subjectCode: 'MA' },
    { subjectCode: 'SV', choice: 'swedish' },
    { subjectCode: 'SVA', choice: 'swedish' },
    { subjectCode: 'BI', choice: 'science' },
    { subjectCode: 'FY', choice: 'science' },
    { subjectCode: 'KE', choice: 'science' },
    { subjectCode: 'GE', choice: 'social' },
    { subjectCode: 'HI', choice: 'social' },
    { subjectCode: 'RE', choice: 'social' },
    { subjectCode: 'SH', choice: 'social' },
  ],
};

export const isTestYear = (year: number): year is TestYear => (TEST_YEARS as readonly number[]).includes(year);

/** The national test of a subject in a year, or undefined when none is given. */
export function nationalTestOf(gradeYear: number, subjectCode: string): NationalTestSubject | undefined {
  return isTestYear(gradeYear) ? NATIONAL_TESTS[gradeYear].find((t) => t.subjectCode === subjectCode) : undefined;
}

/** The other subjects of the same choice group (a pupil takes only one of them in a school year). */
export function alternativesOf(gradeYear: number, subjectCode: string): string[] {
  const test = nationalTestOf(gradeYear, subjectCode);
  if (!test?.choice || !isTestYear(gradeYear)) return [];
  return NATIONAL_TESTS[gradeYear].filter((t) => t.choice === test.choice && t.subjectCode !== subjectCode).map((t) => t.subjectCode);
}
