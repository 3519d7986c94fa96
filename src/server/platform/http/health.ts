import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** 200 only when the server is ready (migrated, seeded) and the database answers; 503 otherwise. */
export const healthRoutes = (deps: { isReady: () => boolean; ping: () => Promise<void> }): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/health', {
    config: { access: 'public', scope: 'none' },
    schema: { tags: ['health'], summary: 'Readiness', response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable'), reason: z.string() }) } },
  }, async (_req, reply) => {
    if (!deps.isReady()) return reply.status(503).send({ status: 'unavailable', reason: 'starting' });
    try {
      await Promise.race([deps.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    } catch {
      return reply.status(503).send({ status: 'unavailable', reason: 'database' });
    }
    return { status: 'ok' as const };
  });
};
