import { deviationMinutes, deviationValidity, type AbsenceCover, type DeviationKind, type LessonTime } from '../absence/validity.js';

/**
 * The teacher's roll call (närvaroregistrering), pure: one status per pupil and lesson. Present stores
 * nothing; the others store a deviation in minutes whose validity follows from the facts.
 */
export const ROLL_CALL_STATUSES = ['present', 'absent', 'late', 'left_early'] as const;
export type RollCallStatus = (typeof ROLL_CALL_STATUSES)[number];

export interface RollCallLesson extends LessonTime { minutes: number }
export interface Deviation { kind: DeviationKind; minutes: number; valid: boolean; absenceReportId: string | null; leaveId: string | null }

/** The deviation to store for a status (null for present), or 'minutes' when late/left early lacks whole
 *  minutes from 1 to the lesson's length. */
export function deviationFor(status: RollCallStatus, lesson: RollCallLesson, covers: readonly AbsenceCover[], minutes?: number | null): Deviation | null | 'minutes' {
  if (status === 'present') return null;
  const counted = deviationMinutes(status, lesson.minutes, minutes);
  if (counted === null) return 'minutes';
  return { kind: status, minutes: counted, ...deviationValidity(status, lesson, covers) };
}

export type RegistrationProblem = 'cancelled' | 'future' | 'outside_term';

/** A roll call may be registered for today and past days of the current term, never on a cancelled lesson. */
export function registrationProblem(lesson: { date: string; cancelled: boolean }, today: string, currentTerm: { startDate: string; endDate: string } | null): RegistrationProblem | null {
  if (lesson.cancelled) return 'cancelled';
  if (lesson.date > today) return 'future';
  if (!currentTerm || lesson.date < currentTerm.startDate || lesson.date > currentTerm.endDate) return 'outside_term';
  return null;
}

/** The guardians are told the same day of an invalid absence or late arrival (not of leaving early, which the
 *  pupil's home already knows of, nor of a valid absence). */
export const needsSameDayNotice = (d: Deviation | null): boolean => d !== null && !d.valid && (d.kind === 'absent' || d.kind === 'late');
