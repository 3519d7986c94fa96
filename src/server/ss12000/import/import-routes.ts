// /api/ss12000/import-runs: the organiser-level administrator starts an import from another SS 12000 source,
// lists the runs and follows one (progress while it runs, counts and rejected records when done).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../../platform/http/schemas.js';
import type { Ss12000ImportService } from './import-service.js';

const tags = ['ss12000'];
const administrators = { access: { roles: ['administrator' as const] } };
const Run = z.object({
  id: z.string(), sourceUrl: z.string(), clientId: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']), since: z.string().nullable(), startedBy: z.string().nullable(),
  progress: z.record(z.string(), z.unknown()), error: z.string().nullable(), result: z.record(z.string(), z.unknown()).nullable(),
});
const Start = z.object({
  url: StoredText.min(1).max(500), clientId: StoredText.min(1).max(200), clientSecret: StoredText.min(1).max(500), full: z.boolean().default(false),
});

export const ss12000ImportRoutes = (service: Ss12000ImportService): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/ss12000/import-runs', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags, summary: 'Organiser-level administrator: start an import from another SS 12000 source (base URL, client id and secret; the secret is not stored). Incremental from the last succeeded run of the same source unless full',
      body: Start, response: { 202: Run, 400: ErrorBody, ...authErrors, 409: ErrorBody } },
  }, async (req, reply) => reply.code(202).send(await service.start(actorOf(req), req.body)));

  app.get('/api/ss12000/import-runs', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags, summary: 'Organiser-level administrator: the latest 50 import runs', response: { 200: z.array(Run), ...authErrors } },
  }, async (req) => service.list(actorOf(req)));

  app.get('/api/ss12000/import-runs/:runId', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags, summary: 'Organiser-level administrator: one import run with its progress, counts per kind and rejected records',
      params: z.object({ runId: Uuid }), response: { 200: Run, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.get(actorOf(req), req.params.runId));
};
