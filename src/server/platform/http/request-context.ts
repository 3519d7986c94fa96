import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionRow } from '../../session/session-store.js';
import type { Actor } from '../access/actor.js';

/** Who may call a route: declared next to every route, enforced by one hook (see access-hook.ts). */
export type RouteAccess = 'public' | 'session' | { roles: Actor['role'][] };

/**
 * Whose data a route answers with, declared next to every route; the access matrix test
 * (test/api/access-matrix.test.ts) holds each route to it:
 * - 'none': nothing personal (health, the organiser's name, logging in);
 * - 'actor': what the caller's own context gives (themself, their children, their current unit); the
 *   request names no one else's resource;
 * - 'unit': names a resource of a school unit (a group, a grade, a document to sign): refused to actors
 *   of another unit;
 * - 'pupil': names a pupil or a pupil's record: refused to staff of another unit, another family's
 *   guardian and another pupil.
 * Whatever the scope, a response never carries a pupil outside the caller's reach.
 */
export type RouteScope = 'none' | 'actor' | 'unit' | 'pupil';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionRow | null;
    sessionToken: string | null;
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    scope?: RouteScope;
    /** Mutations exempt from the CSRF header (only the login itself). */
    csrfExempt?: boolean;
    /** Callable by a person who must change their password first (the session, logout, the password
     *  route); every other session route answers them 403 password_change_required. */
    allowedBeforePasswordChange?: boolean;
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
