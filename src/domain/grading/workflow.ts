/**
 * The grade's states in the fixed order of the process (DOMAIN.md §3): registered → confirmed →
 * decided (catalogue signed) → locked. Who may move a grade, and who may still change its value.
 */
export const GRADE_STATES = ['registered', 'confirmed', 'decided', 'locked'] as const;
export type GradeState = (typeof GRADE_STATES)[number];

export type GradeAction = 'change_value' | 'confirm' | 'unconfirm';
export type Actor = 'grading_teacher' | 'administrator';

export type TransitionProblem = 'not_registered' | 'not_confirmed' | 'confirmed' | 'decided_or_locked' | 'role';

/** Null when `who` may do `action` on a grade in `state`, else why not. */
export function transitionProblem(state: GradeState | null, action: GradeAction, who: Actor): TransitionProblem | null {
  switch (action) {
    case 'change_value':
      // A new grade, or one not yet confirmed, may be changed by the grading teacher; afterwards only
      // through un-confirmation, and a decided or locked grade only through a formal correction.
      if (who !== 'grading_teacher') return 'role';
      if (state === null || state === 'registered') return null;
      return state === 'confirmed' ? 'confirmed' : 'decided_or_locked';
    case 'confirm':
      if (who !== 'grading_teacher') return 'role';
      if (state === null) return 'not_registered';
      return state === 'registered' ? null : state === 'confirmed' ? null : 'decided_or_locked';
    case 'unconfirm':
      if (who !== 'administrator') return 'role';
      return state === 'confirmed' ? null : state === 'registered' || state === null ? 'not_confirmed' : 'decided_or_locked';
  }
}
