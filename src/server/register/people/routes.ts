import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../../platform/http/schemas.js';
import type { peopleHistoryService } from './history.js';
import {
  DutyInput, EndRelation, EnrolmentInput, ExistingPerson, GuardianInput, HistoryEntry, NewPerson, PersonBody, PersonList, PersonUpdate, SearchQuery,
} from './schemas.js';
import type { PeopleService } from './service.js';

const admin = { access: { roles: ['administrator' as const] } };
const Person = z.object({ personId: Uuid });
const Relation = z.object({ personId: Uuid, relationId: Uuid });
const writeErrors = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody };

/** The people register of the administrator's unit: `/api/admin/people…`. */
export const peopleRoutes = (people: PeopleService, history: ReturnType<typeof peopleHistoryService>): FastifyPluginAsyncZod => async (app) => {
  const tags = ['register'];
  // A person outside the unit's register is not found before the body is even validated: an administrator
  // of another unit learns nothing from these routes, not even which of their fields would be refused.
  app.addHook('preValidation', async (req) => {
    const personId = (req.params as { personId?: unknown }).personId;
    if (req.actor && Uuid.safeParse(personId).success) await people.requireInRegister(req.actor, personId as string);
  });
  app.get('/api/admin/people', {
    config: { ...admin, scope: 'actor' },
    schema: { tags, summary: "Search the unit's pupils, guardians and staff by name or civic number", querystring: SearchQuery,
      response: { 200: PersonList, 400: ErrorBody, ...authErrors } },
  }, async (req) => people.search(actorOf(req), req.query));
  app.post('/api/admin/people', {
    config: { ...admin, scope: 'actor' },
    schema: { tags, summary: 'Add a new person with their first relation at this unit (409 duplicate_person names the existing one)', body: NewPerson,
      response: { 200: PersonBody, ...writeErrors } },
  }, async (req) => people.create(actorOf(req), req.body));
  app.post('/api/admin/people/existing', {
    config: { ...admin, scope: 'actor' },
    schema: { tags, summary: 'Give a person already in the register, found by civic number, a relation at this unit', body: ExistingPerson,
      response: { 200: PersonBody, ...writeErrors } },
  }, async (req) => people.attach(actorOf(req), req.body));
  app.get('/api/admin/people/:personId', {
    config: { ...admin, scope: 'pupil' },
    schema: { tags, summary: 'A person of the unit with their relations here', params: Person, response: { 200: PersonBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => people.get(actorOf(req), req.params.personId));
  app.put('/api/admin/people/:personId', {
    config: { ...admin, scope: 'pupil' },
    schema: { tags, summary: "Change a person's data (with the version read; 409 stale_version)", params: Person, body: PersonUpdate,
      response: { 200: PersonBody, ...writeErrors } },
  }, async (req) => people.update(actorOf(req), req.params.personId, req.body));
  app.get('/api/admin/people/:personId/history', {
    config: { ...admin, scope: 'pupil' },
    schema: { tags, summary: 'Every change to the person and their relations, newest first', params: Person,
      response: { 200: z.array(HistoryEntry), ...authErrors, 404: ErrorBody } },
  }, async (req) => history.of(actorOf(req), req.params.personId));
  app.post('/api/admin/people/:personId/enrolments', {
    config: { ...admin, scope: 'pupil' },
    schema: { tags, summary: 'Enrol the person at this unit', params: Person, body: EnrolmentInput, response: { 200: PersonBody, ...writeErrors } },
  }, async (req) => people.addEnrolment(actorOf(req), req.params.personId, req.body));
  app.post('/api/admin/people/:personId/guardians', {
    config: { ...admin, scope: 'pupil' },
    schema: { tags, summary: "Record a guardian of the unit's register for this pupil", params: Person, body: GuardianInput,
      response: { 200: PersonBody, ...writeErrors } },
  }, async (req) => people.addGuardian(actorOf(req), req.params.personId, req.body));
  app.post('/api/admin/people/:personId/duties', {
    config: { ...admin, scope: 'pupil' },
    schema: { tags, summary: 'Give the person a duty at this unit', params: Person, body: DutyInput, response: { 200: PersonBody, ...writeErrors } },
  }, async (req) => people.addDuty(actorOf(req), req.params.personId, req.body));
  app.post('/api/admin/people/:personId/relations/:relationId/end', {
    config: { ...admin, scope: 'pupil' },
    schema: { tags, summary: 'End an enrolment, guardianship or duty with a last day (it stays on record)', params: Relation, body: EndRelation,
      response: { 200: PersonBody, ...writeErrors } },
  }, async (req) => people.endRelation(actorOf(req), req.params.personId, req.params.relationId, req.body.endDate));
};
