/**
 * Which of a pupil's subjects a staff member sees on the pupil page (DOMAIN.md §1, §4): the mentor of
 * the pupil's class, the unit's administrator and principal see every subject and grade; a teacher who is
 * not the pupil's mentor only the subjects they teach or taught the pupil.
 */
import { subjectScope, type PupilRelations } from '../access/pupil-access.js';
import type { Role } from '../access/roles.js';

export type SubjectAccess = { kind: 'all' } | { kind: 'taught'; subjects: readonly string[] };

/** Null when the actor may not see the pupil at all. `taughtSubjects`: the subject codes of the teaching
 *  groups in which the actor teaches or taught the pupil. */
export function subjectAccess(role: Role, relations: PupilRelations, taughtSubjects: readonly string[]): SubjectAccess | null {
  switch (subjectScope(role, relations)) {
    case 'all': return { kind: 'all' };
    case 'taught': return { kind: 'taught', subjects: [...new Set(taughtSubjects)] };
    case 'none': return null;
  }
}

export const seesSubject = (access: SubjectAccess, subjectCode: string): boolean =>
  access.kind === 'all' || access.subjects.includes(subjectCode);
