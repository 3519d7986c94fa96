import type { Column, ColumnProblem } from './columns.js';
import type { GradeState } from './workflow.js';

/** One cell of the grade register, as the server sends it and the browser shows it. */
export interface Cell {
  column: Column;
  allowed: boolean;
  /** Why the cell is not offered (null when it is): the column rule, or anpassad grundskola without a request. */
  blocked: ColumnProblem | 'grades_not_requested' | null;
  /** The steps the pupil may get in this column ([] when not allowed). */
  steps: string[];
  gradeId: string | null;
  value: string | null;
  state: GradeState | null;
  version: number | null;
  carriedOver: boolean;
  by: { id: string; name: string } | null;
  /** YYYY-MM-DD HH:MM, Swedish time. */
  at: string | null;
  writtenAssessment: 'missing' | 'done' | null;
}
