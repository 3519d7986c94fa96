// /api/ss12000/clients: the organiser-level administrator's registration of SS 12000 API clients.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SS12000_RESOURCES } from '../../platform/access/ss12000-clients.js';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../../platform/http/schemas.js';
import type { ApiClientService } from './clients-service.js';

const Client = z.object({
  id: z.string(), clientId: z.string(), name: z.string(),
  units: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
  resources: z.array(z.string()), writeAttendance: z.boolean(),
  createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(), version: z.number(),
});
const WithSecret = z.object({ client: Client, secret: z.string() });
const Fields = z.object({
  name: StoredText.max(200).transform((s) => s.trim()).refine((s) => s.length > 0, 'A name is needed'),
  unitIds: z.array(Uuid).max(1000).nullable(),
  resources: z.array(z.enum(SS12000_RESOURCES)).min(1).max(SS12000_RESOURCES.length),
  writeAttendance: z.boolean(),
});
const Params = z.object({ apiClientId: Uuid });
const organiserAdmin = (scope: 'actor' | 'unit') => ({ access: { roles: ['administrator' as const] }, scope });
const tags = ['ss12000'];
/** Secrets are in these answers only: never kept by a browser or proxy cache. */
const noStore = { 'cache-control': 'no-store' };

export const apiClientRoutes = (s: ApiClientService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/ss12000/clients', { config: organiserAdmin('actor'),
    schema: { tags, summary: 'The SS 12000 API clients of the organiser (organiser-level administrator)', response: { 200: z.array(Client), ...authErrors } },
  }, async (req) => s.list(actorOf(req)));

  app.post('/api/ss12000/clients', { config: organiserAdmin('actor'),
    schema: { tags, summary: 'Register an API client; its secret is in this answer only',
      body: Fields.extend({ clientId: StoredText.max(64).transform((v) => v.trim() || null).nullable().optional() }),
      response: { 200: WithSecret, 400: ErrorBody, ...authErrors, 409: ErrorBody } },
  }, async (req, reply) => reply.headers(noStore).send(await s.create(actorOf(req), { ...req.body, clientId: req.body.clientId ?? null })));

  app.put('/api/ss12000/clients/:apiClientId', { config: organiserAdmin('unit'),
    schema: { tags, summary: 'Change the name, units, resources and write permission of an API client', params: Params,
      body: Fields.extend({ version: z.number().int().nullable().describe('The version the change was made on; null = without the check of a concurrent change') }), response: { 200: Client, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.update(actorOf(req), req.params.apiClientId, req.body));

  app.post('/api/ss12000/clients/:apiClientId/secret', { config: organiserAdmin('unit'),
    schema: { tags, summary: 'A new secret for an API client (in this answer only); the old one stops working', params: Params,
      response: { 200: WithSecret, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => reply.headers(noStore).send(await s.rotate(actorOf(req), req.params.apiClientId)));

  app.post('/api/ss12000/clients/:apiClientId/revoke', { config: organiserAdmin('unit'),
    schema: { tags, summary: 'Revoke an API client: no new tokens, and its tokens are refused at once', params: Params,
      response: { 200: Client, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.revoke(actorOf(req), req.params.apiClientId));
};
