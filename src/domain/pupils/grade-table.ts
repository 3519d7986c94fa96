/**
 * A pupil's grades as the pupil page shows them: per school year, one row per subject with the HT and VT
 * term grades and the final grade, each with its value and state. A final grade is shown in the school
 * year of the term it was given in (DOMAIN.md §3: it is always registered in the final-grade column).
 */
import { svCollator } from '../org/sorting.js';
import type { GradeState } from '../grading/workflow.js';

export interface GradeFact {
  subjectCode: string;
  subjectName: string;
  /** The subject's place in Skolverket's order. */
  sortOrder: number;
  /** The school year of the grade's term, '2026/2027'. */
  schoolYear: string;
  termKind: 'HT' | 'VT';
  kind: 'term' | 'final';
  /** Null: the teacher cleared the cell — no grade. */
  value: string | null;
  state: GradeState;
  carriedOver: boolean;
}

export interface GradeMark { value: string; state: GradeState; carriedOver: boolean }
export interface GradeRow { subject: { code: string; name: string }; HT: GradeMark | null; VT: GradeMark | null; final: GradeMark | null }
export interface GradeYear { schoolYear: string; subjects: GradeRow[] }

/** School years newest first; subjects in Skolverket's order (then by name); a cleared cell is no grade. */
export function gradeTable(facts: readonly GradeFact[]): GradeYear[] {
  const years = new Map<string, Map<string, GradeRow & { sortOrder: number }>>();
  for (const f of facts) {
    if (f.value === null) continue;
    const subjects = years.get(f.schoolYear) ?? new Map();
    years.set(f.schoolYear, subjects);
    const row = subjects.get(f.subjectCode) ?? { subject: { code: f.subjectCode, name: f.subjectName }, sortOrder: f.sortOrder, HT: null, VT: null, final: null };
    subjects.set(f.subjectCode, row);
    row[f.kind === 'final' ? 'final' : f.termKind] = { value: f.value, state: f.state, carriedOver: f.carriedOver };
  }
  return [...years.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([schoolYear, subjects]) => ({
      schoolYear,
      subjects: [...subjects.values()]
        .sort((a, b) => a.sortOrder - b.sortOrder || svCollator.compare(a.subject.name, b.subject.name))
        .map(({ sortOrder: _, ...row }) => row),
    }));
}
