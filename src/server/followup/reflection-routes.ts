import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_ANSWER_LENGTH, MAX_NOTES_LENGTH, QUESTION_KEYS } from '../../domain/followup/reflection.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import type { reflectionService } from './reflection-service.js';

const tags = ['followup'];
const Params = z.object({ groupId: Uuid });
const Answers = z.object(Object.fromEntries(QUESTION_KEYS.map((k) => [k, StoredText.max(MAX_ANSWER_LENGTH).optional()]))).strict();
const Reflection = z.object({ id: z.string(), authorId: z.string(), authorName: z.string(), answers: z.record(z.string(), z.string()),
  notes: z.string(), updatedAt: z.string(), version: z.number() });
const View = z.object({
  group: z.object({ id: z.string(), name: z.string() }),
  questions: z.array(z.object({ key: z.string(), text: z.string() })),
  mayWrite: z.boolean().describe('The caller is a grading teacher of the group and writes their own reflection'),
  mine: Reflection.nullable(),
  reflections: z.array(Reflection).describe('For the principal: every teacher\'s reflection on the group'),
});

/** The teacher's reflection on a group's grades against the national test (questions of Skolverket's general advice). */
export const reflectionRoutes = (s: ReturnType<typeof reflectionService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/followup/groups/:groupId/reflections', {
    config: { access: { roles: ['teacher', 'principal'] }, scope: 'unit' },
    schema: { tags, summary: 'The reflection questions; the grading teacher\'s own answers, or for the principal every teacher\'s reflection on the group (read-only)',
      params: Params, response: { 200: View, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.get(actorOf(req), req.params.groupId));

  app.put('/api/followup/groups/:groupId/reflection', {
    config: { access: { roles: ['teacher'] }, scope: 'unit' },
    schema: { tags, summary: 'Save the grading teacher\'s own reflection on the group (answers per question, notes); version-checked (null for a first save); audited',
      params: Params,
      body: z.object({ answers: Answers, notes: StoredText.max(MAX_NOTES_LENGTH),
        version: z.number().int().nullable().describe('The version read, null when there is none yet; anything else is 409') }),
      response: { 200: View, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } },
  }, async (req) => s.save(actorOf(req), req.params.groupId, req.body));
};
