/**
 * Grade scale (betygsskala) and which grade steps a pupil may get (skollagen 10–11 kap., DOMAIN.md §3).
 * "–" (streck) is not a grade: it says there is no basis for assessment because of absence.
 */
export const GRADE_STEPS = ['A', 'B', 'C', 'D', 'E', 'F', '-'] as const;
export type GradeStep = (typeof GRADE_STEPS)[number];

export type SchoolForm = 'GR' | 'GRS' | string;

export interface PupilGrading {
  schoolForm: SchoolForm;
  /** Anpassad grundskola: the pupil or a guardian asked for grades (recorded on the enrolment). */
  gradesRequested: boolean;
}

/** Grundskola: A–F and –. Anpassad grundskola: A–E only, never F or –, and only when asked for. */
export function allowedSteps(p: PupilGrading): GradeStep[] {
  if (p.schoolForm === 'GRS') return p.gradesRequested ? ['A', 'B', 'C', 'D', 'E'] : [];
  return [...GRADE_STEPS];
}

export const isGradeStep = (v: string): v is GradeStep => (GRADE_STEPS as readonly string[]).includes(v);

/** Grade points (A=20 … E=10, F=0); "–" is no grade and has no points. */
export const GRADE_POINTS: Record<Exclude<GradeStep, '-'>, number> = { A: 20, B: 17.5, C: 15, D: 12.5, E: 10, F: 0 };
