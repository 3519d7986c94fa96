// GET /api/grading/groups/:groupId and the other grading answers the register page uses.
import type { Column } from '../../../domain/grading/columns';

export type { Column };

import type { Cell } from '../../../domain/grading/cell';

export type { Cell };

export interface Period {
  from: string;
  to: string;
  daysLeft: number;
  open: boolean;
}

export interface RegisterPupil {
  id: string;
  givenName: string;
  familyName: string;
  schoolYear: number | null;
  schoolForm: string | null;
  cells: Record<Column, Cell>;
}

export interface Register {
  group: { id: string; name: string; subject: { code: string; name: string }; unit: { id: string; name: string } };
  term: { id: string; label: string; kind: 'HT' | 'VT' };
  period: Period | null;
  columns: { key: Column; label: string }[];
  canEdit: boolean;
  pupils: RegisterPupil[];
}

export interface HistoryEntry {
  at: string;
  by: string;
  action: 'registered' | 'changed' | 'confirmed' | 'unconfirmed' | string;
  fromValue: string | null;
  toValue: string | null;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
}

export interface WrittenAssessment {
  gradeId: string;
  value: string | null;
  required: boolean;
  editable: boolean;
  knowledgeDevelopment: string;
  supportMeasures: string;
  version: number | null;
  writtenBy: string | null;
  writtenAt: string | null;
}

export interface ConfirmResult {
  confirmed: string[];
  skipped: string[];
}

/** The save state a cell shows after a change (nothing once the page is reloaded). */
export type SaveStatus =
  | { kind: 'saving'; value: string | null; carryOver?: boolean }
  | { kind: 'saved'; carryOver?: boolean }
  /** `retry` is missing when trying again cannot help (nothing to carry over). */
  | { kind: 'failed'; value: string | null; message: string; retry?: () => void; carryOver?: boolean }
  | { kind: 'conflict' };

export const cellKey = (pupilId: string, column: Column) => `${pupilId}:${column}`;

/** "–" for the streck, the letter otherwise. */
export const showStep = (v: string | null) => (v === '-' ? '–' : (v ?? ''));

export const isReadOnlyState = (state: Cell['state']) => state === 'confirmed' || state === 'decided' || state === 'locked';
