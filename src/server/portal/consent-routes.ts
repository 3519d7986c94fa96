import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';
import type { ConsentService } from './consent-service.js';

const tags = ['consents'];
const own = { access: { roles: ['pupil' as const] }, scope: 'actor' as const };
const Consents = z.object({
  adult: z.boolean().describe('18 or older today: only then may consent be given'),
  guardians: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), consented: z.boolean(), givenOn: z.string().nullable() })),
});

/** The pupil's own consents: which guardians go on seeing their school information after 18. */
export const consentRoutes = (service: ConsentService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/consents', {
    config: own,
    schema: { tags, summary: 'My guardians and whether each may see my school information after I turned 18', response: { 200: Consents, ...authErrors } },
  }, async (req) => service.list(actorOf(req)));

  app.post('/api/consents', {
    config: own,
    schema: { tags, summary: 'Give a guardian consent to see my school information (18 or older); audited',
      body: z.object({ guardianId: Uuid }), response: { 200: Consents, 400: ErrorBody, ...authErrors, 404: ErrorBody, 422: ErrorBody } },
  }, async (req) => service.give(actorOf(req), req.body.guardianId));

  app.delete('/api/consents/:guardianId', {
    config: own,
    schema: { tags, summary: 'Revoke the consent given to a guardian; audited',
      params: z.object({ guardianId: Uuid }), response: { 200: Consents, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.revoke(actorOf(req), req.params.guardianId));
};
