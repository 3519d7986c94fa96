// GET /api/grading/groups/:groupId/catalogue and the later steps of a group's grades (sign, lock, correct).
import type { GradeStep } from '../../../domain/grading/scale';

export type CatalogueColumn = 'HT' | 'VT' | 'final';
export const CATALOGUE_COLUMNS: readonly CatalogueColumn[] = ['HT', 'VT', 'final'];
export type GradeState = 'registered' | 'confirmed' | 'decided' | 'locked';

export interface Catalogue {
  group: { id: string; name: string; subject: { code: string; name: string }; unit: { id: string; name: string } };
  term: { id: string; label: string };
  column: CatalogueColumn;
  lines: { pupilId: string; name: string; value: GradeStep | null; state: GradeState | null }[];
  teachers: { id: string; name: string; licensed: boolean }[];
  signatures: { signerId: string; name: string; licensed: boolean; signedAt: string }[];
  decided: boolean;
  canSign: boolean;
}

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

export const catalogueSignProblems = ['not_confirmed', 'no_grades', 'already_signed'] as const;
export const lockProblems = ['not_decided'] as const;
export const correctionProblems = ['lowers_grade', 'same_value', 'no_reason', 'not_decided', 'decider_not_allowed', 'step_not_allowed'] as const;

export const cataloguePath = (groupId: string) => `/betyg/grupp/${encodeURIComponent(groupId)}/katalog`;
export const cataloguePdfPath = (groupId: string, column: CatalogueColumn) =>
  `/api/grading/groups/${encodeURIComponent(groupId)}/catalogue.pdf?column=${column}`;
