import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionRow } from '../../session/session-store.js';
import type { Actor } from '../access/actor.js';

/** Who may call a route: declared next to every route, enforced by one hook (see access-hook.ts). */
export type RouteAccess = 'public' | 'session' | { roles: Actor['role'][] };

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionRow | null;
    sessionToken: string | null;
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Mutations exempt from the CSRF header (only the login itself). */
    csrfExempt?: boolean;
  }
}

export const SESSION_COOKIE = 'larka_session';

export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, token: string, hours: number, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', path: '/', maxAge: hours * 3600,
    secure: secure || req.protocol === 'https',
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The actor of a request that the route's access declaration has already required. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('route declared without session access');
  return req.actor;
}
