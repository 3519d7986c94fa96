/**
 * Whether a deviation from attendance is valid (giltig) or invalid (ogiltig) follows from the facts, never
 * from a free choice (DOMAIN.md §5):
 * - an absence from a lesson is valid when a guardian's report (frånvaroanmälan) or granted leave (beviljad
 *   ledighet) covers the lesson, and invalid otherwise (unreported);
 * - a late arrival or leaving early is always invalid.
 * A whole-day cover covers every lesson of its days; a part-day cover covers a lesson it overlaps.
 */
export type DeviationKind = 'absent' | 'late' | 'left_early';

/** A lesson's day and times ('HH:MM' or 'HH:MM:SS'). */
export interface LessonTime { date: string; startTime: string; endTime: string }

/** A guardian's report or granted leave: dates inclusive; times null for whole days. */
export interface AbsenceCover {
  kind: 'report' | 'leave';
  id: string;
  fromDate: string;
  toDate: string;
  fromTime: string | null;
  toTime: string | null;
}

export interface Validity { valid: boolean; absenceReportId: string | null; leaveId: string | null }

const hm = (t: string) => t.slice(0, 5);

/** The cover applies to the lesson: its days include the lesson's day and, for part of a day, the times overlap. */
export function coversLesson(cover: AbsenceCover, lesson: LessonTime): boolean {
  if (lesson.date < cover.fromDate || lesson.date > cover.toDate) return false;
  if (cover.fromTime === null || cover.toTime === null) return true;
  return hm(cover.fromTime) < hm(lesson.endTime) && hm(lesson.startTime) < hm(cover.toTime);
}

/** Valid or invalid, and which report or leave makes it valid (granted leave is preferred when both cover). */
export function deviationValidity(kind: DeviationKind, lesson: LessonTime, covers: readonly AbsenceCover[]): Validity {
  if (kind !== 'absent') return { valid: false, absenceReportId: null, leaveId: null };
  const leave = covers.find((c) => c.kind === 'leave' && coversLesson(c, lesson));
  if (leave) return { valid: true, absenceReportId: null, leaveId: leave.id };
  const report = covers.find((c) => c.kind === 'report' && coversLesson(c, lesson));
  if (report) return { valid: true, absenceReportId: report.id, leaveId: null };
  return { valid: false, absenceReportId: null, leaveId: null };
}

/** The minutes a deviation counts: a whole lesson for an absence; for late/left early the minutes given, at
 *  most the lesson's length. Null when the minutes given are not a whole number from 1 to the lesson's length. */
export function deviationMinutes(kind: DeviationKind, lessonMinutes: number, given?: number | null): number | null {
  if (kind === 'absent') return lessonMinutes;
  if (given === undefined || given === null || !Number.isInteger(given) || given < 1 || given > lessonMinutes) return null;
  return given;
}

/** Minutes between two times of day ('HH:MM'). */
export function minutesBetween(startTime: string, endTime: string): number {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return toMin(endTime) - toMin(startTime);
}
