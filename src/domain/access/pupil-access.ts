import type { Role } from './roles.js';

/** What is known of one actor's relations to one pupil; the store gathers these facts. */
export interface PupilRelations {
  isSelf: boolean;
  /** Guardian with a relation in force today whom the 18-year rule lets see the child (portal/guardian-access). */
  isGuardian: boolean;
  /** The pupil is enrolled at the actor's current unit. */
  enrolledAtActorUnit: boolean;
  /** The actor teaches a group the pupil belongs to, at the current unit. */
  taughtByActor: boolean;
  /** The actor is mentor of the pupil's class, at the current unit. */
  mentoredByActor: boolean;
}

/** Who may see a pupil's record (DOMAIN.md §1, §4): the pupil; their guardian; a teacher or mentor
 *  through a group or class at the current unit; administrator and principal of the pupil's unit.
 *  The organiser analyst follows up aggregates, never an individual pupil. */
export function mayViewPupil(role: Role, r: PupilRelations): boolean {
  switch (role) {
    case 'pupil': return r.isSelf;
    case 'guardian': return r.isGuardian;
    case 'teacher': return r.taughtByActor || r.mentoredByActor;
    case 'administrator':
    case 'principal': return r.enrolledAtActorUnit;
    case 'analyst': return false;
    // student health reaches the unit's pupils only through the absence pages and investigations, never
    // the pupil record (grades, assessments)
    case 'student_health': return false;
  }
}

/** A mentor sees all the pupil's subjects; a teacher who is not their mentor only the subjects they teach. */
export function subjectScope(role: Role, r: PupilRelations): 'all' | 'taught' | 'none' {
  if (!mayViewPupil(role, r)) return 'none';
  if (role === 'teacher' && !r.mentoredByActor) return 'taught';
  return 'all';
}
