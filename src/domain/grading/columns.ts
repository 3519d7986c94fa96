/**
 * Which grade columns a pupil has in a subject (DOMAIN.md §3): term grades (terminsbetyg) at the end of
 * each term from autumn of the subject's first graded year (default 6) up to autumn of year 9; the final
 * grade (slutbetyg) in year 9. A final grade always lives in the final-grade column.
 */
export const COLUMNS = ['HT', 'VT', 'final'] as const;
export type Column = (typeof COLUMNS)[number];

export interface ColumnFacts {
  /** The pupil's school year (årskurs) in the school year the column belongs to. */
  schoolYear: number | null;
  /** First school year with term grades in the subject (per-organiser setting, default 6). */
  firstGradedYear: number;
}

export type ColumnProblem = 'no_school_year' | 'before_first_graded_year' | 'after_last_term_grade' | 'final_only_in_year_9';

/** Null when the column is valid for the pupil, else why not. */
export function columnProblem(column: Column, f: ColumnFacts): ColumnProblem | null {
  if (f.schoolYear === null) return 'no_school_year';
  if (column === 'final') return f.schoolYear === 9 ? null : 'final_only_in_year_9';
  if (f.schoolYear < f.firstGradedYear) return 'before_first_graded_year';
  if (column === 'VT' && f.schoolYear >= 9) return 'after_last_term_grade'; // spring of year 9 gives the final grade
  return null;
}

export const isColumnAllowed = (column: Column, f: ColumnFacts) => columnProblem(column, f) === null;
