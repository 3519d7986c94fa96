// How Lärka's roll calls, guardian reports and granted leave are expressed in SS 12000 (Attendance,
// Absence, AggregatedAttendance), and how an SS 12000 Attendance posted to us becomes a roll-call status.
import type { RollCallStatus } from '../attendance/roll-call.js';

export type DeviationKind = 'absent' | 'late' | 'left_early';

export interface StoredDeviation { kind: DeviationKind; minutes: number; valid: boolean; covered: 'report' | 'leave' | null }

/** The minutes of an attendance: present the whole lesson, or the deviation's minutes absent, valid or invalid. */
export function attendanceMinutes(lessonMinutes: number, d: StoredDeviation | null) {
  const absent = d ? Math.min(d.minutes, lessonMinutes) : 0;
  return {
    attendanceMinutes: lessonMinutes - absent,
    validAbsenceMinutes: d?.valid ? absent : 0,
    invalidAbsenceMinutes: d && !d.valid ? absent : 0,
  };
}

const KIND_TEXT: Record<DeviationKind, string> = { absent: 'Frånvaro', late: 'Sen ankomst', left_early: 'Gick tidigare' };
const COVER_TEXT = { report: 'anmäld av vårdnadshavare', leave: 'beviljad ledighet' } as const;

/** absenceReason: what kind of deviation it is and what makes it valid, in Swedish (no medical reason is kept). */
export function absenceReasonOf(d: StoredDeviation | null): string | undefined {
  if (!d) return undefined;
  return d.covered ? `${KIND_TEXT[d.kind]} (${COVER_TEXT[d.covered]})` : KIND_TEXT[d.kind];
}

/** The parts of a posted Attendance that decide the roll-call status. */
export interface PostedAttendance {
  isReported: boolean;
  attendanceMinutes?: number;
  validAbsenceMinutes?: number;
  invalidAbsenceMinutes?: number;
  otherAttendanceMinutes?: number;
  absenceReason?: string;
}

export type PostedAttendanceProblem = 'not_reported' | 'other_attendance_unsupported' | 'minutes_exceed_lesson' | 'minutes_disagree';

/**
 * The roll-call status of a posted Attendance. Absence is the valid plus the invalid minutes, or, when only
 * attendanceMinutes is given, what it leaves of the lesson. Validity is not taken from the poster: Lärka
 * derives it from guardian reports and granted leave (domain/absence/validity.ts), so only the sum counts.
 * The whole lesson absent is 'absent'; part of it is a late arrival, or leaving early when absenceReason says
 * so ("Gick tidigare", "left early", …).
 */
export function rollCallStatusOf(a: PostedAttendance, lessonMinutes: number): { status: RollCallStatus; minutes: number | null } | PostedAttendanceProblem {
  if (!a.isReported) return 'not_reported';
  if ((a.otherAttendanceMinutes ?? 0) > 0) return 'other_attendance_unsupported';
  const stated = (a.validAbsenceMinutes ?? 0) + (a.invalidAbsenceMinutes ?? 0);
  const byAttendance = a.attendanceMinutes === undefined ? null : lessonMinutes - a.attendanceMinutes;
  if (byAttendance !== null && byAttendance < 0) return 'minutes_exceed_lesson';
  const hasStated = a.validAbsenceMinutes !== undefined || a.invalidAbsenceMinutes !== undefined;
  if (hasStated && byAttendance !== null && stated !== byAttendance) return 'minutes_disagree';
  const absent = hasStated ? stated : byAttendance ?? 0;
  if (absent > lessonMinutes) return 'minutes_exceed_lesson';
  if (absent === 0) return { status: 'present', minutes: null };
  if (absent === lessonMinutes) return { status: 'absent', minutes: null };
  const leftEarly = /tidigare|left.?early|gick/i.test(a.absenceReason ?? '');
  return { status: leftEarly ? 'left_early' : 'late', minutes: absent };
}

export const ABSENCE_TYPES = ['Beviljad ledighet', 'Anmäld frånvaro'] as const;
export type AbsenceType = (typeof ABSENCE_TYPES)[number];

/** A guardian's (or staff's) report of absence is "Anmäld frånvaro"; granted leave is "Beviljad ledighet". */
export const absenceTypeOf = (source: 'report' | 'leave'): AbsenceType => (source === 'report' ? 'Anmäld frånvaro' : 'Beviljad ledighet');

/** A posted Absence's start and end as the span of an absence report: whole days when it starts and ends at
 *  midnight in Stockholm (end exclusive), else part of one day. `null` when the times cannot be a report. */
export function reportSpanOf(start: Date, end: Date): { fromDate: string; toDate: string; fromTime: string | null; toTime: string | null } | null {
  if (!(end > start)) return null;
  const s = stockholmParts(start);
  const e = stockholmParts(end);
  if (s.time === '00:00' && e.time === '00:00') return { fromDate: s.date, toDate: stockholmParts(new Date(end.getTime() - 3_600_000)).date, fromTime: null, toTime: null };
  if (s.date !== e.date) return null;
  return { fromDate: s.date, toDate: e.date, fromTime: s.time, toTime: e.time };
}

const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function stockholmParts(at: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
