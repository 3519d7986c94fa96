import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import { ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import { clearSessionCookie, setSessionCookie } from '../platform/http/request-context.js';
import type { SessionService } from './session-service.js';

const Unit = z.object({ id: z.string(), name: z.string() });
export const SessionBodySchema = z.object({
  person: z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), displayName: z.string() }),
  username: z.string(),
  current: z.object({ role: z.enum(ROLES), unitId: z.string().nullable(), unitName: z.string().nullable() }),
  roles: z.array(z.object({ role: z.enum(ROLES), units: z.array(Unit) })),
  allowedActions: z.array(z.string()),
  organiser: z.object({ name: z.string(), contact: z.string().nullable() }),
  modules: z.array(z.string()),
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
});

export interface SessionRouteDeps {
  sessions: SessionService; sessionHours: number; secureCookies: boolean;
  organiser: { name: string; contact: string | null };
}

export const sessionRoutes = (deps: SessionRouteDeps): FastifyPluginAsyncZod => async (app) => {
  const { sessions } = deps;

  app.post('/api/session', {
    config: { access: 'public', csrfExempt: true, scope: 'none' },
    schema: {
      tags: ['session'], summary: 'Log in with username and password',
      // a username PostgreSQL can store (it goes into the audit trail, jsonb): no NUL, no unpaired surrogate (else a 500)
      body: z.object({ username: StoredText.min(1).max(200), password: z.string().min(1).max(1000) }),
      response: { 200: SessionBodySchema, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody, 429: ErrorBody },
    },
  }, async (req, reply) => {
    const { token, body } = await sessions.login({ ...req.body, ip: req.ip, oldToken: req.sessionToken ?? undefined });
    setSessionCookie(reply, req, token, deps.sessionHours, deps.secureCookies);
    return body;
  });

  app.get('/api/organiser', {
    config: { access: 'public', scope: 'none' },
    schema: { tags: ['session'], summary: 'The organiser of this deployment and its contact for questions (shown on the login page)',
      response: { 200: z.object({ name: z.string(), contact: z.string().nullable() }) } },
  }, async () => sessions.organiserInfo());

  app.get('/api/session', {
    config: { access: 'session', scope: 'actor', allowedBeforePasswordChange: true },
    schema: { tags: ['session'], summary: 'The current session, roles and CSRF token', response: { 200: SessionBodySchema, 401: ErrorBody } },
  }, async (req) => sessions.describe(req.session!));

  app.put('/api/session/context', {
    config: { access: 'session', scope: 'actor' },
    schema: {
      tags: ['session'], summary: 'Switch role and/or school unit',
      body: z.object({ role: z.enum(ROLES), unitId: Uuid.nullable() }),
      response: { 200: SessionBodySchema, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    const { token, body } = await sessions.switchContext(req.session!, req.sessionToken!, req.body, req.ip);
    setSessionCookie(reply, req, token, deps.sessionHours, deps.secureCookies);
    return body;
  });

  app.delete('/api/session', {
    config: { access: 'session', scope: 'actor', allowedBeforePasswordChange: true },
    schema: { tags: ['session'], summary: 'Log out', response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody } },
  }, async (req, reply) => {
    await sessions.logout(req.session!, req.sessionToken!, req.ip);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });
};
