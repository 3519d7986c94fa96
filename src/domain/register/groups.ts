import { isValidRange, type DateRange } from './date-ranges.js';

/** Rules of classes, teaching groups and mentor groups as the administrator runs them. */

export type GroupType = 'class' | 'teaching' | 'mentor';
export const GROUP_TYPES = ['class', 'teaching', 'mentor'] as const;

export type GroupProblem = 'name_required' | 'subject_required' | 'subject_only_for_teaching' | 'school_year_required' | 'invalid_range';

/**
 * What a group needs: a name; a teaching group (undervisningsgrupp) is taught one subject; a class has a
 * school year (årskurs); only a teaching group has a subject (SS 12000: Undervisning carries the syllabus).
 */
export function groupProblem(g: DateRange & { name: string; groupType: GroupType; subjectCode: string | null; schoolYear: number | null }): GroupProblem | null {
  if (g.name.trim() === '') return 'name_required';
  if (g.groupType === 'teaching' && !g.subjectCode) return 'subject_required';
  if (g.groupType !== 'teaching' && g.subjectCode) return 'subject_only_for_teaching';
  if (g.groupType === 'class' && g.schoolYear === null) return 'school_year_required';
  if (!isValidRange(g)) return 'invalid_range';
  return null;
}

export type StaffProblem = 'mentor_only_for_class' | 'grader_only_for_teaching' | 'invalid_range' | 'already_assigned';

/**
 * A staff member's assignment to a group: a mentor (mentor/klassföreståndare) belongs to a class or a mentor
 * group; the grader flag (betygssättande lärare) only means something for a teacher of a teaching group;
 * the same person holds one assignment of a kind in a group at a time.
 */
export function staffProblem(
  joining: DateRange & { groupType: GroupType; assignment: 'teacher' | 'mentor'; grader: boolean },
  sameAssignment: DateRange[],
): StaffProblem | null {
  if (!isValidRange(joining)) return 'invalid_range';
  if (joining.assignment === 'mentor' && joining.groupType === 'teaching') return 'mentor_only_for_class';
  if (joining.grader && (joining.assignment !== 'teacher' || joining.groupType !== 'teaching')) return 'grader_only_for_teaching';
  const overlaps = sameAssignment.some((r) => (r.endDate === null || r.endDate >= joining.startDate) && (joining.endDate === null || r.startDate <= joining.endDate));
  return overlaps ? 'already_assigned' : null;
}

export type EndProblem = 'end_before_start' | 'already_ended';

/**
 * Ending a relation (membership, staff assignment, the group itself) sets its last day, never deletes it:
 * the last day is on or after the first, and a relation that already ended on or before that day stays as it is.
 */
export function endProblem(r: DateRange, endDate: string): EndProblem | null {
  if (endDate < r.startDate) return 'end_before_start';
  if (r.endDate !== null && r.endDate <= endDate) return 'already_ended';
  return null;
}

/** Grades of the group not yet confirmed in the current term: ending the group then needs the administrator's confirmation. */
export interface UnconfirmedGrades { grades: number; pupils: number }
export const endNeedsConfirmation = (u: UnconfirmedGrades, confirmed: boolean): boolean => u.grades > 0 && !confirmed;

/** Current: in force on the day or starting later; ended: its last day has passed. */
export const isGroupCurrent = (g: DateRange, today: string): boolean => g.endDate === null || g.endDate >= today;

export const REPORT_KINDS = ['pupil_missing', 'pupil_not_in_group', 'wrong_teacher', 'other'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportStatus = 'open' | 'resolved' | 'rejected';

export type ReportProblem = 'pupil_required' | 'pupil_not_member' | 'message_required';

/**
 * A teacher's report that a group is wrong: "not in the group" names a pupil of the group; "missing" names
 * a pupil the teacher cannot pick (not in the group), so they are named in the message; every report says
 * what is wrong.
 */
export function reportProblem(r: { kind: ReportKind; pupilId: string | null; message: string }, memberIds: ReadonlySet<string>): ReportProblem | null {
  if (r.message.trim() === '') return 'message_required';
  if (r.kind === 'pupil_not_in_group' && !r.pupilId) return 'pupil_required';
  if (r.pupilId && !memberIds.has(r.pupilId)) return 'pupil_not_member';
  return null;
}

/** A report is handled once: open → resolved or rejected, with a note; a handled report stays as it was. */
export const canHandleReport = (status: ReportStatus): boolean => status === 'open';

/** A membership or assignment lies within its group's dates: it starts on or after the group's first day
 *  and, when the group has a last day, starts by then and does not end after it (an open end runs as long as the group). */
export function outsideGroup(r: DateRange, group: DateRange): boolean {
  if (r.startDate < group.startDate) return true;
  if (group.endDate === null) return false;
  return r.startDate > group.endDate || (r.endDate !== null && r.endDate > group.endDate);
}
