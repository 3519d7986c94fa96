/**
 * How far back the pupil page looks for a pupil's groups, and how far back a teacher counts as having
 * taught the pupil: this school year and the last one (DOMAIN.md §4, "the subjects they teach or taught").
 */
import type { TermRef } from '../grading/period.js';
import { currentTerm } from '../grading/period.js';

export interface HistoryWindow {
  /** The first day of last school year (its HT), or today when the organiser has no terms. */
  since: string;
  /** This school year and the last one, newest first ('2026/2027', '2025/2026'); empty without terms. */
  schoolYears: string[];
}

const previousSchoolYear = (label: string) => {
  const start = Number(label.slice(0, 4));
  return `${start - 1}/${start}`;
};

/** This school year is that of the term running today (or the last one ended); the window begins on
 *  the first day of the school year before it — or of this one when last year has no terms. */
export function historyWindow(terms: readonly TermRef[], today: string): HistoryWindow {
  const current = currentTerm([...terms], today);
  if (!current) return { since: today, schoolYears: [] };
  const schoolYears = [current.schoolYear, previousSchoolYear(current.schoolYear)];
  const starts = terms.filter((t) => schoolYears.includes(t.schoolYear)).map((t) => t.startDate).sort();
  return { since: starts[0] < today ? starts[0] : today, schoolYears };
}
