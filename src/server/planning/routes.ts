import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { planningService } from './service.js';

const tags = ['planning'];
const Status = z.enum(['draft', 'published']);
const Named = z.object({ id: z.string(), name: z.string() });
const Group = z.object({ id: z.string(), name: z.string(), type: z.string(), schoolYear: z.number().nullable() });
const Item = z.object({
  id: z.string(), title: z.string(), subject: z.object({ code: z.string(), name: z.string() }), periodStart: z.string(), periodEnd: z.string(),
  status: Status, publishedAt: z.string().nullable(), owned: z.boolean(), groups: z.array(Group), owners: z.array(Named),
});
const ListBody = z.object({ plannings: z.array(Item) });
const Detail = Item.omit({ owned: true }).extend({
  curriculum: z.object({ id: z.string(), label: z.string() }), syllabusId: z.string().nullable(), updatedAt: z.string(),
  assessmentsShared: z.boolean(), copiedFrom: z.string().nullable(), version: z.number(),
  learningHtml: z.string().describe('Sanitised HTML'), teachingHtml: z.string().describe('Sanitised HTML'), assessmentHtml: z.string().describe('Sanitised HTML'),
  groupYears: z.array(z.number()),
  content: z.array(z.object({ id: z.string(), heading: z.string(), text: z.string(), stageName: z.string() })),
  requirements: z.array(z.object({ id: z.string(), paragraph: z.number(), text: z.string(), choices: z.record(z.string(), z.string()), stageName: z.string() })),
  mayEdit: z.boolean().describe('The caller owns the planning'), staff: z.boolean(),
});
const Html = StoredText.max(200_000);
const Title = StoredText.max(500);
const Ids = z.array(Uuid).max(500);
const Version = z.number().int().nullable().describe('The version read; anything else (null too) is 409 with the current value');
const Params = z.object({ planningId: Uuid });
const staffRead = { roles: ['teacher' as const, 'principal' as const] };
const teacher = { roles: ['teacher' as const] };
const errors = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody };

/** Plannings (pedagogisk planering): lists, the planning, its changes, copies, owners, and the portal's view. */
export const planningRoutes = (s: ReturnType<typeof planningService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/plannings', {
    config: { access: staffRead, scope: 'actor' },
    schema: { tags, summary: 'A teacher\'s plannings (owned, or of the groups they teach), the principal\'s: the unit\'s; newest period first',
      querystring: z.object({ status: Status.optional(), subjectCode: z.string().max(20).optional(), groupId: Uuid.optional() }),
      response: { 200: ListBody, 400: ErrorBody, ...authErrors } },
  }, async (req) => s.list(actorOf(req), req.query));

  app.get('/api/plannings/options', {
    config: { access: teacher, scope: 'actor' },
    schema: { tags, summary: 'For a new planning: the current curriculum, the subjects with a syllabus in it, the groups the teacher may plan for, the unit\'s teachers',
      response: { 200: z.object({ curriculum: z.object({ id: z.string(), label: z.string() }).nullable(), subjects: z.array(z.object({ code: z.string(), name: z.string() })),
        groups: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), subjectCode: z.string().nullable(), schoolYear: z.number().nullable() })),
        teachers: z.array(Named) }), ...authErrors } },
  }, async (req) => s.options(actorOf(req)));

  app.post('/api/plannings', {
    config: { access: teacher, scope: 'unit' },
    schema: { tags, summary: 'A new draft planning for groups the teacher teaches (a teaching group of the subject, or a class), against the current curriculum; the creator owns it; audited',
      body: z.object({ title: Title, subjectCode: z.string().max(20), groupIds: Ids, periodStart: IsoDate, periodEnd: IsoDate,
        learningHtml: Html.optional(), teachingHtml: Html.optional(), assessmentHtml: Html.optional() }),
      response: { 200: Detail, ...errors } },
  }, async (req) => s.create(actorOf(req), req.body));

  app.get('/api/plannings/:planningId', {
    config: { access: { roles: ['teacher', 'principal', 'pupil', 'guardian'] }, scope: 'unit' },
    schema: { tags, summary: 'One planning: texts (sanitised), groups, owners, picked content and requirements. Pupils and guardians: published plannings of the pupil\'s groups only',
      params: Params, response: { 200: Detail, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.get(actorOf(req), req.params.planningId));

  app.put('/api/plannings/:planningId', {
    config: { access: teacher, scope: 'unit' },
    schema: { tags, summary: 'Change a planning (owners; version-checked): title, period, groups, the three texts (sanitised) and the picks from its syllabus; audited',
      params: Params,
      body: z.object({ title: Title, periodStart: IsoDate, periodEnd: IsoDate, groupIds: Ids, learningHtml: Html, teachingHtml: Html, assessmentHtml: Html,
        contentIds: Ids, requirementIds: Ids, version: Version }),
      response: { 200: Detail, ...errors } },
  }, async (req) => s.update(actorOf(req), req.params.planningId, req.body));

  app.delete('/api/plannings/:planningId', {
    config: { access: teacher, scope: 'unit' },
    schema: { tags, summary: 'Delete a draft (owners); a published planning is not deleted (409); audited', params: Params,
      response: { 200: z.object({ deleted: z.string() }), ...errors } },
  }, async (req) => s.remove(actorOf(req), req.params.planningId));

  app.post('/api/plannings/:planningId/publish', {
    config: { access: teacher, scope: 'unit' },
    schema: { tags, summary: 'Publish a draft (owners; something picked from the syllabus): the pupils of its groups and their guardians see it; audited',
      params: Params, body: z.object({ version: Version }), response: { 200: Detail, ...errors } },
  }, async (req) => s.publish(actorOf(req), req.params.planningId, req.body.version));

  app.post('/api/plannings/:planningId/copy', {
    config: { access: teacher, scope: 'unit' },
    schema: { tags, summary: 'Copy a planning the teacher may read to their own groups, this year or later (period moved by whole years): a new draft they own; audited',
      params: Params, body: z.object({ groupIds: Ids, years: z.number().int().min(0).max(3), title: Title.nullable().optional() }),
      response: { 200: Detail, ...errors } },
  }, async (req) => s.copy(actorOf(req), req.params.planningId, req.body));

  app.post('/api/plannings/:planningId/owners', {
    config: { access: teacher, scope: 'unit' },
    schema: { tags, summary: 'Add a co-owner among the unit\'s teachers (owners); audited', params: Params, body: z.object({ personId: Uuid }),
      response: { 200: Detail, ...errors } },
  }, async (req) => s.addOwner(actorOf(req), req.params.planningId, req.body.personId));

  app.delete('/api/plannings/:planningId/owners/:ownerId', {
    config: { access: teacher, scope: 'unit' },
    schema: { tags, summary: 'Remove an owner (owners); the last owner stays (409); audited', params: z.object({ planningId: Uuid, ownerId: Uuid }),
      response: { 200: z.union([Detail, z.object({ removed: z.boolean() })]), ...errors } },
  }, async (req) => s.removeOwner(actorOf(req), req.params.planningId, req.params.ownerId));

  app.get('/api/groups/:groupId/plannings', {
    config: { access: staffRead, scope: 'unit' },
    schema: { tags, summary: 'The plannings of a group the caller sees (drafts too, for staff who may read them)', params: z.object({ groupId: Uuid }),
      response: { 200: ListBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.ofGroup(actorOf(req), req.params.groupId));

  app.get('/api/pupils/:pupilId/plannings', {
    config: { access: { roles: ['pupil', 'guardian'] }, scope: 'pupil' },
    schema: { tags, summary: 'The published plannings of the pupil\'s groups today (the pupil, their guardians)', params: z.object({ pupilId: Uuid }),
      response: { 200: ListBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.ofPupil(actorOf(req), req.params.pupilId));
};
