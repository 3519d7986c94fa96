// GET/PUT /api/national-tests…, GET /api/pupils/:pupilId/national-tests.
import type { SubTestOutcome, TestGrade } from '../../domain/national-tests/result';

export interface TestResult {
  testGrade: TestGrade | null;
  notParticipated: boolean;
  subTests: Record<string, SubTestOutcome> | null;
  version: number;
  finished: boolean;
  updatedOn: string;
}

export interface GridPupil { id: string; givenName: string; familyName: string; result: TestResult | null; editable: boolean }

export interface Grid {
  group: { id: string; name: string; type: string; schoolYear: number | null };
  subjectCode: string;
  gradeYear: 3 | 6 | 9;
  schoolYear: string;
  subTests: string[] | null;
  pupils: GridPupil[];
}

export interface ResultInput {
  testGrade?: TestGrade | null;
  notParticipated?: boolean;
  subTests?: Record<string, SubTestOutcome> | null;
}

export interface PupilTestResults {
  pupil: { id: string; name: string };
  results: {
    subject: { code: string; name: string };
    gradeYear: number;
    schoolYear: string;
    testGrade: string | null;
    notParticipated: boolean;
    subTests: { code: string; outcome: SubTestOutcome | null }[] | null;
    finished: boolean;
    updatedOn: string;
  }[];
}

export const NATIONAL_TESTS_PATH = '/nationella-prov';
