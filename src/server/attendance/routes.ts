import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLL_CALL_STATUSES } from '../../domain/attendance/roll-call.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, Uuid } from '../platform/http/schemas.js';
import type { AttendanceService } from './service.js';

const tags = ['attendance'];
const teachers = { roles: ['teacher' as const] };
const rollCallers = { roles: ['teacher' as const, 'administrator' as const] };

const Lesson = z.object({
  id: z.string(), groupId: z.string(), groupName: z.string(), subjectCode: z.string().nullable(), date: z.string(),
  startTime: z.string(), endTime: z.string(), minutes: z.number(), room: z.string().nullable(),
  cancelled: z.boolean(), cancelReason: z.string().nullable(),
  reported: z.boolean(), reportedAt: z.string().nullable(), reportedByName: z.string().nullable(), deviations: z.number(),
  /** Why no roll call can be registered now (cancelled, future, outside_term), null when it can. */
  problem: z.enum(['cancelled', 'future', 'outside_term']).nullable(),
});
const Row = z.object({
  id: z.string(), givenName: z.string(), familyName: z.string(),
  status: z.enum(ROLL_CALL_STATUSES), minutes: z.number().nullable(), valid: z.boolean().nullable(),
  advance: z.object({ kind: z.enum(['report', 'leave']), id: z.string(), fromTime: z.string().nullable(), toTime: z.string().nullable() }).nullable(),
});
const DayBody = z.object({
  date: z.string(), today: z.string(), schoolDay: z.boolean(),
  previousSchoolDay: z.string().nullable(), nextSchoolDay: z.string().nullable(), lessons: z.array(Lesson),
});
const LessonParams = z.object({ lessonId: Uuid });
const refusals = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody };

/** Närvaro: the teacher's lessons of a day and the roll call of one lesson, one pupil saved at a time. */
export const attendanceRoutes = (service: AttendanceService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/attendance/lessons', {
    config: { access: teachers, scope: 'actor' },
    schema: { tags, summary: 'My lessons of a day at the current unit (default today), with whether each is reported',
      querystring: z.object({ date: IsoDate.optional() }), response: { 200: DayBody, 400: ErrorBody, ...authErrors } },
  }, async (req) => service.lessonsOfDay(actorOf(req), req.query.date));

  app.get('/api/attendance/lessons/:lessonId', {
    config: { access: rollCallers, scope: 'unit' },
    schema: { tags, summary: "A lesson's pupils (members on its day) with the stored deviation and absence reported in advance",
      params: LessonParams, response: { 200: z.object({ lesson: Lesson, pupils: z.array(Row) }), ...authErrors, 404: ErrorBody } },
  }, async (req) => service.lesson(actorOf(req), req.params.lessonId));

  app.put('/api/attendance/lessons/:lessonId/pupils/:pupilId', {
    config: { access: rollCallers, scope: 'pupil' },
    schema: { tags, summary: "Save one pupil's status on the lesson (present, absent, late or left early with minutes); marks the lesson reported; audited",
      params: LessonParams.extend({ pupilId: Uuid }),
      body: z.object({ status: z.enum(ROLL_CALL_STATUSES), minutes: z.number().int().min(1).max(600).nullable().optional() }),
      response: { 200: Row, ...refusals } },
  }, async (req) => service.save(actorOf(req), req.params.lessonId, req.params.pupilId, req.body));

  app.post('/api/attendance/lessons/:lessonId/complete', {
    config: { access: rollCallers, scope: 'unit' },
    schema: { tags, summary: 'Mark the lesson reported: every pupil without a deviation was present; audited',
      params: LessonParams, response: { 200: z.object({ reported: z.boolean(), reportedAt: z.string() }), ...refusals } },
  }, async (req) => service.complete(actorOf(req), req.params.lessonId));
};
