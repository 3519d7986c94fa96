import { coversLesson } from '../../domain/absence/validity.js';
import { deviationFor, needsSameDayNotice, registrationProblem, type RegistrationProblem, type RollCallStatus } from '../../domain/attendance/roll-call.js';
import { byPersonName } from '../../domain/org/sorting.js';
import { adjacentSchoolDay, addDays, isoWeekday, type Span } from '../../domain/timetable/calendar.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { sameDayNoticeRequest } from '../notices/same-day.js';
import { audit, auditStatement } from '../platform/audit/audit.js';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db/database.js';
import { AppError, badRequest, notFound } from '../platform/http/errors.js';
import { readHolidaysAt, readTermOn } from '../timetable/calendar-store.js';
import { markReported, readCovers, readLesson, readLessonsOfDay, readPupilsOfLesson, readSaveFacts, writeSave, type LessonRow, type PupilCover, type PupilOfLesson } from './store.js';

/** Called inside a save's transaction for every pupil whose saved deviation is an invalid absence or late
 *  arrival (the same-day notice to the guardians). */
/** `afterInvalidAbsence`: told after the commit of a save that requested a same-day notice (the notice
 *  worker's kick); the request itself is written by the save's statement. */
export interface AttendanceOptions { afterInvalidAbsence?: () => void }

const problemMessages: Record<RegistrationProblem, string> = {
  cancelled: 'The lesson is cancelled: no roll call is taken',
  future: 'A roll call is taken on the day of the lesson or later, not before',
  outside_term: 'Only lessons of the current term can be registered',
};
const refuse = (p: RegistrationProblem) => new AppError(409, `lesson_${p}`, problemMessages[p]);

/** What is reported in advance for a pupil on a lesson: a guardian's report or granted leave. */
export interface AdvanceAbsence { kind: 'report' | 'leave'; id: string; fromTime: string | null; toTime: string | null }

export interface RollCallRow {
  id: string; givenName: string; familyName: string;
  status: RollCallStatus; minutes: number | null; valid: boolean | null;
  advance: AdvanceAbsence | null;
}

const lessonBody = (l: LessonRow, problem: RegistrationProblem | null) => ({
  id: l.id, groupId: l.groupId, groupName: l.groupName, subjectCode: l.subjectCode, date: l.date, startTime: l.startTime, endTime: l.endTime,
  minutes: l.minutes, room: l.room, cancelled: l.cancelled, cancelReason: l.cancelReason,
  reported: l.reportedAt !== null, reportedAt: l.reportedAt ? new Date(l.reportedAt).toISOString() : null, reportedByName: l.reportedByName,
  deviations: l.deviations, problem,
});

function rowOf(p: PupilOfLesson, covers: readonly PupilCover[], lesson: Pick<LessonRow, 'date' | 'startTime' | 'endTime'>): RollCallRow {
  const time = { date: lesson.date, startTime: lesson.startTime, endTime: lesson.endTime };
  const mine = covers.filter((c) => c.pupilId === p.id && coversLesson(c, time));
  const advance = mine.find((c) => c.kind === 'leave') ?? mine[0];
  return {
    id: p.id, givenName: p.givenName, familyName: p.familyName, status: p.kind ?? 'present', minutes: p.minutes, valid: p.valid,
    advance: advance ? { kind: advance.kind, id: advance.id, fromTime: advance.fromTime, toTime: advance.toTime } : null,
  };
}

/** Who a roll-call save is audited as: by default the actor; an SS 12000 API client registering through the
 *  interface is audited with no person and its client id in the details. */
export interface SaveAuditor { actorPersonId: string | null; actorRole: string | null; actorUnitId: string | null; ip: string | null; details?: Record<string, unknown> }
const auditorOf = (actor: Actor): SaveAuditor => ({ actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip });

/**
 * One pupil's status on one lesson, inside the caller's transaction: the facts (lesson in the actor's roll-call
 * scope, term, membership, covers), the rules (domain/attendance/roll-call.ts), then the writes and the audit
 * row in one statement. The one path of every roll-call save, whether from the teacher's page or SS 12000.
 * `noticed`: a same-day notice to the guardians was requested.
 */
export async function saveRollCallEntry(tx: Pick<Queryable, 'execute'>, actor: Actor, lessonId: string, pupilId: string,
  input: { status: RollCallStatus; minutes?: number | null }, auditor: SaveAuditor = auditorOf(actor)): Promise<{ row: RollCallRow; noticed: boolean }> {
  const facts = await readSaveFacts(tx, actor, lessonId, pupilId);
  if (!facts) throw notFound('No such lesson among yours');
  if (!facts.pupil) throw notFound('No such pupil in the group on the day of the lesson');
  const problem = registrationProblem({ date: facts.date, cancelled: facts.cancelled }, actor.today, facts.term);
  if (problem) throw refuse(problem);
  const d = deviationFor(input.status, facts, facts.covers, input.minutes);
  if (d === 'minutes') throw badRequest(`Minutes are whole minutes from 1 to ${facts.minutes}`, 'invalid_minutes');
  const noticed = needsSameDayNotice(d);
  await writeSave(tx, actor, facts, pupilId, d, noticed ? sameDayNoticeRequest(actor.organiserId, pupilId, facts.date) : null, auditStatement({
    organiserId: actor.organiserId, actorPersonId: auditor.actorPersonId, actorRole: auditor.actorRole, actorUnitId: auditor.actorUnitId, ip: auditor.ip,
    action: 'attendance.registered', entityType: 'lesson', entityId: facts.id,
    details: { personId: pupilId, groupId: facts.groupId, unitId: facts.schoolUnitId, date: facts.date, status: input.status,
      minutes: d?.minutes ?? null, valid: d?.valid ?? null, absenceReportId: d?.absenceReportId ?? null, leaveId: d?.leaveId ?? null, ...auditor.details },
  }, sql`rc`));
  const stored = { ...facts.pupil, kind: d?.kind ?? null, minutes: d?.minutes ?? null, valid: d?.valid ?? null };
  return { row: rowOf(stored, facts.covers.map((c) => ({ ...c, pupilId })), facts), noticed };
}

/**
 * The teacher's roll call: the day's lessons, one lesson's pupils with what is stored and what was reported in
 * advance, and saving one pupil's status at once. Only deviations are stored; the lesson is marked reported.
 */
export function attendanceService(db: Db, opts: AttendanceOptions = {}) {
  async function problemOf(q: Pick<Queryable, 'execute'>, actor: Actor, lesson: LessonRow) {
    const term = await readTermOn(q, actor.organiserId, actor.today);
    return registrationProblem({ date: lesson.date, cancelled: lesson.cancelled }, actor.today, term ?? null);
  }
  async function lessonInScope(q: Pick<Queryable, 'execute'>, actor: Actor, lessonId: string) {
    requireAction(actor, 'attendance.register');
    const lesson = await readLesson(q, actor, lessonId);
    if (!lesson) throw notFound('No such lesson among yours');
    return lesson;
  }

  return {
    /** The actor's lessons of a day (default today), with the previous and next school day for the day picker. */
    async lessonsOfDay(actor: Actor, day = actor.today) {
      requireAction(actor, 'attendance.register');
      const term = await readTermOn(db, actor.organiserId, day);
      const holidays = term ? await readHolidaysAt(db, actor.organiserId, term.id, actor.unitId) : [];
      // outside a term, weekdays near the day (the picker still moves)
      const span: Span = term ?? { startDate: addDays(day, -14), endDate: addDays(day, 14) };
      const lessons = await readLessonsOfDay(db, actor, day);
      return {
        date: day, today: actor.today, schoolDay: !!term && isoWeekday(day) <= 5 && !holidays.some((h) => h.startDate <= day && day <= h.endDate),
        previousSchoolDay: adjacentSchoolDay(day, -1, span, holidays), nextSchoolDay: adjacentSchoolDay(day, 1, span, holidays),
        lessons: lessons.map((l) => lessonBody(l, null)),
      };
    },

    /** One lesson: the group's members on its day, each with the stored status and any absence reported in advance. */
    async lesson(actor: Actor, lessonId: string) {
      const lesson = await lessonInScope(db, actor, lessonId);
      const pupils = await readPupilsOfLesson(db, actor.organiserId, lesson);
      const covers = pupils.length ? await readCovers(db, actor.organiserId, lesson.date, pupils.map((p) => p.id)) : [];
      return {
        lesson: lessonBody(lesson, await problemOf(db, actor, lesson)),
        pupils: pupils.sort(byPersonName).map((p) => rowOf(p, covers, lesson)),
      };
    },

    /** Saves one pupil's status on the lesson at once (one click), marks the lesson reported, returns the row.
     *  Two statements: the facts (lesson in scope, term, membership, covers), then the writes and the audit row. */
    async save(actor: Actor, lessonId: string, pupilId: string, input: { status: RollCallStatus; minutes?: number | null }) {
      requireAction(actor, 'attendance.register');
      const { row, noticed } = await db.transaction((tx) => saveRollCallEntry(tx, actor, lessonId, pupilId, input));
      if (noticed) opts.afterInvalidAbsence?.();
      return row;
    },

    /** Marks the lesson reported as it stands: every pupil without a deviation was present (nothing else stored). */
    async complete(actor: Actor, lessonId: string) {
      return db.transaction(async (tx) => {
        const lesson = await lessonInScope(tx, actor, lessonId);
        const problem = await problemOf(tx, actor, lesson);
        if (problem) throw refuse(problem);
        const marked = await markReported(tx, actor, lesson.id);
        await audit(tx, {
          organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip,
          action: 'attendance.completed', entityType: 'lesson', entityId: lesson.id,
          details: { groupId: lesson.groupId, unitId: lesson.schoolUnitId, date: lesson.date, deviations: lesson.deviations },
        });
        return { reported: true, reportedAt: new Date(marked!.reportedAt).toISOString() };
      });
    },
  };
}

export type AttendanceService = ReturnType<typeof attendanceService>;
