import type { Column } from './columns.js';

/**
 * Skriftlig bedömning (skollagen 10 kap. 21 §): when a final grade is F, or "–" (no basis for
 * assessment), the teacher writes the pupil's knowledge development and support measures. Mandatory
 * for F; for "–" the support measures may be stated (optional), so it is offered but not required.
 */
export function writtenAssessmentApplies(column: Column, value: string | null): boolean {
  return column === 'final' && (value === 'F' || value === '-');
}

export function writtenAssessmentRequired(column: Column, value: string | null): boolean {
  return column === 'final' && value === 'F';
}

export type AssessmentMarker = 'missing' | 'done' | null;

/** The marker a cell shows: a warning while a required or offered assessment is unwritten, done once written. */
export function assessmentMarker(column: Column, value: string | null, written: { knowledgeDevelopment: string } | null): AssessmentMarker {
  if (!writtenAssessmentApplies(column, value)) return null;
  return written && written.knowledgeDevelopment.trim().length > 0 ? 'done' : 'missing';
}
