import { minutesBetween } from '../absence/validity.js';
import { weekdayDates, type Span } from './calendar.js';

/**
 * A teaching group's weekly lesson slots (schemarader) and the lessons they generate over a term (pure).
 * Times are 'HH:MM' (a trailing ':SS' from the database is ignored).
 */
export interface Slot { id: string; weekday: number; startTime: string; endTime: string; room: string | null }
export interface GeneratedLesson { slotId: string; date: string; startTime: string; endTime: string; minutes: number; room: string | null }

const hm = (t: string) => t.slice(0, 5);

/** A lesson's minutes: from its start to its end. */
export const lessonMinutes = (startTime: string, endTime: string): number => minutesBetween(hm(startTime), hm(endTime));

/** The lessons of the slots over the term: every matching weekday, holidays skipped, from `from` when given. */
export function generateLessons(slots: readonly Slot[], term: Span, holidays: readonly Span[], from?: string): GeneratedLesson[] {
  const out: GeneratedLesson[] = [];
  for (const s of slots) {
    for (const date of weekdayDates(s.weekday, term, holidays, from)) {
      out.push({ slotId: s.id, date, startTime: hm(s.startTime), endTime: hm(s.endTime), minutes: lessonMinutes(s.startTime, s.endTime), room: s.room });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
}

export type SlotProblem = 'weekday' | 'times' | 'school_hours' | 'overlaps';

/** School lessons lie on a weekday between 07:00 and 18:00 and last 10 minutes to 4 hours. */
const EARLIEST = '07:00';
const LATEST = '18:00';

/** Whether a new slot may be added beside the group's other slots in the term: a weekday, a start before the
 *  end within the school day, and no overlap with another slot of the group on that weekday. */
export function slotProblem(slot: Omit<Slot, 'id' | 'room'>, others: readonly Omit<Slot, 'room'>[]): SlotProblem | null {
  if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 5) return 'weekday';
  const minutes = lessonMinutes(slot.startTime, slot.endTime);
  if (!(minutes >= 10 && minutes <= 240)) return 'times';
  if (hm(slot.startTime) < EARLIEST || hm(slot.endTime) > LATEST) return 'school_hours';
  const clash = others.some((o) => o.weekday === slot.weekday && hm(o.startTime) < hm(slot.endTime) && hm(slot.startTime) < hm(o.endTime));
  return clash ? 'overlaps' : null;
}

/** When slots change, the lessons that are regenerated: from today on (a lesson of a past day stays as it was
 *  taught). A lesson whose roll call has been taken is never deleted. */
export function mayRemoveLesson(lesson: { date: string; reported: boolean }, today: string): boolean {
  return lesson.date >= today && !lesson.reported;
}


/** What a teacher sees for a day: the lessons of that day of the groups they teach, cancelled ones included
 *  (marked), in order of time. */
export function teachersLessonsOfDay<L extends { groupId: string; date: string; startTime: string }>(
  lessons: readonly L[], day: string, taughtGroupIds: ReadonlySet<string>,
): L[] {
  return lessons.filter((l) => l.date === day && taughtGroupIds.has(l.groupId)).sort((a, b) => a.startTime.localeCompare(b.startTime));
}
