import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import type { TimetableService } from './service.js';

const tags = ['timetable'];
const administrators = { roles: ['administrator' as const] };
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Term = z.object({ id: z.string(), schoolYear: z.string(), kind: z.string(), startDate: z.string(), endDate: z.string() });
const Slot = z.object({ id: z.string(), weekday: z.number(), startTime: z.string(), endTime: z.string(), room: z.string().nullable() });
const Lesson = z.object({ id: z.string(), slotId: z.string().nullable(), date: z.string(), startTime: z.string(), endTime: z.string(),
  minutes: z.number(), room: z.string().nullable(), cancelled: z.boolean(), cancelReason: z.string().nullable(), reported: z.boolean() });
const GroupTimetable = z.object({
  group: z.object({ id: z.string(), name: z.string(), subjectCode: z.string().nullable() }), term: Term, today: z.string(),
  slots: z.array(Slot), lessons: z.array(Lesson),
});
const TermQuery = z.object({ termId: Uuid.optional() });
const refusals = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody };

/** Schema: the unit administrator's timetable of each teaching group (weekly slots → the term's lessons). */
export const timetableRoutes = (service: TimetableService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/timetable/groups', {
    config: { access: administrators, scope: 'actor' },
    schema: { tags, summary: "The unit's teaching groups with their number of weekly slots in the term (default the current or next)",
      querystring: TermQuery,
      response: { 200: z.object({ terms: z.array(Term), term: Term.nullable(),
        groups: z.array(z.object({ id: z.string(), name: z.string(), subjectCode: z.string().nullable(), slots: z.number() })) }), ...authErrors, 404: ErrorBody } },
  }, async (req) => service.groups(actorOf(req), req.query.termId));

  app.get('/api/timetable/groups/:groupId', {
    config: { access: administrators, scope: 'unit' },
    schema: { tags, summary: "A teaching group's weekly slots and lessons in the term", params: z.object({ groupId: Uuid }), querystring: TermQuery,
      response: { 200: GroupTimetable, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.group(actorOf(req), req.params.groupId, req.query.termId));

  app.post('/api/timetable/groups/:groupId/slots', {
    config: { access: administrators, scope: 'unit' },
    schema: { tags, summary: 'Add a weekly slot; its lessons are generated from today to the end of the term (holidays skipped); audited',
      params: z.object({ groupId: Uuid }),
      body: z.object({ termId: Uuid, weekday: z.number().int().min(1).max(5), startTime: Time, endTime: Time, room: StoredText.max(40).nullable().optional() }),
      response: { 200: GroupTimetable, ...refusals } },
  }, async (req) => service.addSlot(actorOf(req), req.params.groupId, req.body));

  app.delete('/api/timetable/slots/:slotId', {
    config: { access: administrators, scope: 'unit' },
    schema: { tags, summary: 'Remove a weekly slot: its lessons from today on go, except those whose roll call was taken; audited',
      params: z.object({ slotId: Uuid }), response: { 200: GroupTimetable, ...refusals } },
  }, async (req) => service.removeSlot(actorOf(req), req.params.slotId));

  app.post('/api/timetable/lessons/:lessonId/cancel', {
    config: { access: administrators, scope: 'unit' },
    schema: { tags, summary: 'Cancel one lesson with a reason (not a lesson whose roll call was taken); audited', params: z.object({ lessonId: Uuid }),
      body: z.object({ reason: StoredText.max(200).transform((s) => s.trim()).refine((s) => s.length > 0, 'A reason is needed') }),
      response: { 200: z.object({ id: z.string(), cancelled: z.boolean(), cancelReason: z.string().nullable() }), ...refusals } },
  }, async (req) => service.setCancelled(actorOf(req), req.params.lessonId, req.body.reason));

  app.post('/api/timetable/lessons/:lessonId/uncancel', {
    config: { access: administrators, scope: 'unit' },
    schema: { tags, summary: 'Take back the cancellation of a lesson; audited', params: z.object({ lessonId: Uuid }),
      response: { 200: z.object({ id: z.string(), cancelled: z.boolean(), cancelReason: z.string().nullable() }), ...refusals } },
  }, async (req) => service.setCancelled(actorOf(req), req.params.lessonId, null));
};
