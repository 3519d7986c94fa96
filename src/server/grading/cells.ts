import { columnProblem, type Column } from '../../domain/grading/columns.js';
import { allowedSteps } from '../../domain/grading/scale.js';
import { assessmentMarker } from '../../domain/grading/written-assessment.js';
import type { Cell } from '../../domain/grading/cell.js';
import type { GradeState } from '../../domain/grading/workflow.js';
import type { GradeRow, RegisterPupilRow } from './register-queries.js';

export type { Cell };


export function cellOf(column: Column, pupil: Pick<RegisterPupilRow, 'school_year' | 'school_form' | 'grades_requested'>,
  firstGradedYear: number, grade: GradeRow | undefined): Cell {
  const steps = allowedSteps({ schoolForm: pupil.school_form ?? 'GR', gradesRequested: pupil.grades_requested });
  const problem = columnProblem(column, { schoolYear: pupil.school_year, firstGradedYear });
  const blocked = problem ?? (steps.length === 0 ? 'grades_not_requested' : null);
  const allowed = blocked === null;
  return {
    column, allowed, blocked, steps: allowed ? steps : [],
    gradeId: grade?.id ?? null, value: grade?.value ?? null, state: (grade?.state ?? null) as GradeState | null, version: grade?.version ?? null,
    carriedOver: grade?.carried_over ?? false,
    by: grade ? { id: grade.registered_by, name: grade.registered_by_name } : null, at: grade?.registered_at ?? null,
    writtenAssessment: grade ? assessmentMarker(column, grade.value, grade.assessment_written ? { knowledgeDevelopment: 'x' } : null) : null,
  };
}
