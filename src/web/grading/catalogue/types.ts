// GET /api/grading/groups/:groupId/catalogue and the later steps of a group's grades (sign, lock, correct,
// decide a disagreement between the unlicensed and the licensed teacher).
import type { GradeStep } from '../../../domain/grading/scale';

export type CatalogueColumn = 'HT' | 'VT' | 'final';
export const CATALOGUE_COLUMNS: readonly CatalogueColumn[] = ['HT', 'VT', 'final'];
export type GradeState = 'registered' | 'confirmed' | 'decided' | 'locked';

export interface Catalogue {
  group: { id: string; name: string; subject: { code: string; name: string }; unit: { id: string; name: string } };
  term: { id: string; label: string };
  column: CatalogueColumn;
  lines: {
    pupilId: string;
    gradeId: string | null;
    name: string;
    value: GradeStep | null;
    state: GradeState | null;
    /** The grade steps for the pupil's school form (anpassad grundskola: A–E). */
    steps: GradeStep[];
  }[];
  teachers: { id: string; name: string; licensed: boolean }[];
  signatures: { signerId: string; name: string; licensed: boolean; signedAt: string; inForce: boolean }[];
  decided: boolean;
  /** Pupils who should have a grade in the column and have none. */
  missing: { pupilId: string; name: string }[];
  canSign: boolean;
  /** The actor decides a disagreement between the unlicensed and the licensed grading teacher (the licensed
   *  teacher qualified in the subject, otherwise the principal) on a grade not yet decided. */
  canDecideDisagreement: boolean;
}

export type CatalogueLine = Catalogue['lines'][number];

/** A disagreement is decided on a grade that is still registered or confirmed. */
export const undecided = (line: CatalogueLine): line is CatalogueLine & { gradeId: string } =>
  line.gradeId !== null && (line.state === 'registered' || line.state === 'confirmed');

/** The part of the register (GET /api/grading/groups/:groupId) the correction needs: the grade ids. */
export interface RegisterIds {
  pupils: { id: string; cells: Record<CatalogueColumn, { gradeId: string | null; steps: string[]; state: GradeState | null }> }[];
}

export interface CorrectionBody {
  kind: 'rattelse' | 'andring';
  value: GradeStep;
  reason: string;
  decidedBy: string;
}

export interface DisagreementBody {
  value: GradeStep;
  reason: string;
}

export const catalogueSignProblems = ['not_confirmed', 'no_grades', 'already_signed'] as const;
export const lockProblems = ['not_decided'] as const;
export const correctionProblems = ['lowers_grade', 'same_value', 'no_reason', 'not_decided', 'decider_not_allowed', 'step_not_allowed'] as const;
/** Refusals of POST /api/grading/grades/:gradeId/disagreement the page words in its own language. */
export const disagreementProblems = [
  'licensed_teacher_decides',
  'principal_decides',
  'decided_or_locked',
  'stale_version',
  'step_not_allowed',
  'no_reason',
  'no_unlicensed_grader',
  'not_found',
  'forbidden',
] as const;

export const cataloguePath = (groupId: string) => `/betyg/grupp/${encodeURIComponent(groupId)}/katalog`;
export const cataloguePdfPath = (groupId: string, column: CatalogueColumn) =>
  `/api/grading/groups/${encodeURIComponent(groupId)}/catalogue.pdf?column=${column}`;
