import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';
import type { NoticeService } from './service.js';

const tags = ['notices'];
const Notices = z.object({
  unread: z.number(),
  notices: z.array(z.object({ id: z.string(), kind: z.string(), pupilId: z.string().nullable(), day: z.string(), title: z.string(), body: z.string(),
    createdAt: z.string(), readAt: z.string().nullable() })),
});

/** "Meddelanden": the person's own notices, whatever role they act in. */
export const noticeRoutes = (service: NoticeService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/notices', {
    config: { access: 'session', scope: 'actor' },
    schema: { tags, summary: 'My notices, newest first, with the number unread', response: { 200: Notices, ...authErrors } },
  }, async (req) => service.list(actorOf(req)));

  app.post('/api/notices/:noticeId/read', {
    config: { access: 'session', scope: 'actor' },
    schema: { tags, summary: 'Mark one of my notices read', params: z.object({ noticeId: Uuid }), response: { 200: Notices, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.markRead(actorOf(req), req.params.noticeId));
};
