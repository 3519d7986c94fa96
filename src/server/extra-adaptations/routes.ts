import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { extraAdaptationService } from './adaptations.js';

const tags = ['extra-adaptations'];
const Text = (max: number) => StoredText.trim().min(1).max(max);
const Adaptation = z.object({
  id: z.string(), pupilId: z.string(), unitId: z.string(), subjectCode: z.string().nullable(), subjectName: z.string().nullable(), description: z.string(),
  startDate: z.string(), endDate: z.string().nullable(), responsibleId: z.string(), responsible: z.string(), followUpOn: z.string().nullable(),
  evaluation: z.string().nullable(), evaluatedOn: z.string().nullable(), sharedAt: z.string().nullable(), createdBy: z.string(), version: z.number(),
  status: z.enum(['planned', 'active', 'ended', 'evaluated']),
  notes: z.array(z.object({ id: z.string(), notedOn: z.string(), note: z.string(), author: z.string() })),
});
const ListBody = z.object({
  pupil: z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), className: z.string().nullable() }),
  today: z.string(), mayEdit: z.boolean(), adaptations: z.array(Adaptation),
  responsibleOptions: z.array(z.object({ id: z.string(), name: z.string() })), subjects: z.array(z.object({ code: z.string(), name: z.string() })),
});
const Fields = {
  subjectCode: z.string().regex(/^[A-Z0-9]{1,10}$/).nullable().describe('null: a general adaptation'), description: Text(4000),
  startDate: IsoDate, endDate: IsoDate.nullable(), responsibleId: Uuid, followUpOn: IsoDate.nullable(),
};
const Params = z.object({ adaptationId: Uuid });
const Version = z.number().int().nullable().describe('The version read; anything else (null too) is 409 with the current adaptation');
const changeErrors = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody };
const staff = { roles: ['teacher' as const, 'principal' as const] };

/** Extra anpassningar per pupil: list (home: shared only), create, change, follow-up notes, evaluate, share. */
export const extraAdaptationRoutes = (s: ReturnType<typeof extraAdaptationService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/pupils/:pupilId/extra-adaptations', {
    config: { access: { roles: ['teacher', 'principal', 'guardian', 'pupil'] }, scope: 'pupil' },
    schema: { tags, summary: 'A pupil\'s extra adaptations, active ones first (the pupil and guardians: the shared ones)',
      params: z.object({ pupilId: Uuid }), response: { 200: ListBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.list(actorOf(req), req.params.pupilId));

  app.post('/api/pupils/:pupilId/extra-adaptations', {
    config: { access: staff, scope: 'pupil' },
    schema: { tags, summary: 'Write down an extra adaptation for the pupil (their teachers, mentor or the principal); audited',
      params: z.object({ pupilId: Uuid }), body: z.object(Fields), response: { 200: Adaptation, ...changeErrors } },
  }, async (req) => s.create(actorOf(req), req.params.pupilId, req.body));

  app.put('/api/extra-adaptations/:adaptationId', {
    config: { access: staff, scope: 'pupil' },
    schema: { tags, summary: 'Change an extra adaptation (not once evaluated; version-checked); audited', params: Params,
      body: z.object({ ...Fields, version: Version }), response: { 200: Adaptation, ...changeErrors } },
  }, async (req) => s.update(actorOf(req), req.params.adaptationId, req.body));

  app.post('/api/extra-adaptations/:adaptationId/notes', {
    config: { access: staff, scope: 'pupil' },
    schema: { tags, summary: 'Add a dated follow-up note and set the next follow-up; audited', params: Params,
      body: z.object({ notedOn: IsoDate, note: Text(4000), nextFollowUpOn: IsoDate.nullable() }), response: { 200: Adaptation, ...changeErrors } },
  }, async (req) => s.addNote(actorOf(req), req.params.adaptationId, req.body));

  app.post('/api/extra-adaptations/:adaptationId/evaluate', {
    config: { access: staff, scope: 'pupil' },
    schema: { tags, summary: 'Evaluate the adaptation, which closes it (version-checked); audited', params: Params,
      body: z.object({ evaluation: Text(4000), evaluatedOn: IsoDate, version: Version }), response: { 200: Adaptation, ...changeErrors } },
  }, async (req) => s.evaluate(actorOf(req), req.params.adaptationId, req.body));

  app.post('/api/extra-adaptations/:adaptationId/share', {
    config: { access: staff, scope: 'pupil' },
    schema: { tags, summary: 'Share the adaptation with the pupil and the guardians (version-checked); audited', params: Params,
      body: z.object({ version: Version }), response: { 200: Adaptation, ...changeErrors } },
  }, async (req) => s.share(actorOf(req), req.params.adaptationId, req.body.version));
};
