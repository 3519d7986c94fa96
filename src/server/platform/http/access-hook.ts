import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { swedishDate, type Clock } from '../../../domain/common/dates.js';
import type { SessionService } from '../../session/session-service.js';
import { AppError, forbidden, unauthenticated } from './errors.js';
import { SESSION_COOKIE } from './request-context.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a); const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Resolves the session and actor of every /api request, then enforces the route's declared access
 *  and the CSRF header on cookie-authenticated mutations. A route without a declaration is refused.
 *  Runs first (onRequest): a caller who may not use a route learns nothing from it, not even whether
 *  their body would have been valid, and their body is never parsed. */
export function registerAccessHook(app: FastifyInstance, deps: { sessions: SessionService; clock: Clock; organiserId: string }) {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    if (!req.url.startsWith('/api/') || !config || req.routeOptions.url === undefined) return;
    const access = config.access;
    if (access === undefined) throw new AppError(500, 'undeclared_access', 'Route has no access declaration');
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const row = await deps.sessions.resolve(token);
      if (row) {
        req.session = row;
        req.sessionToken = token;
        req.actor = { organiserId: deps.organiserId, personId: row.person_id, role: row.role, unitId: row.unit_id,
          today: swedishDate(deps.clock.now()), ip: req.ip, name: `${row.given_name} ${row.family_name}` };
      }
    }
    if (req.session && MUTATING.has(req.method) && !config.csrfExempt) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, req.session.csrf_token)) {
        throw new AppError(403, 'csrf_token_invalid', 'Missing or wrong x-csrf-token header');
      }
    }
    if (access === 'public') return;
    if (!req.actor) throw unauthenticated();
    if (req.session?.must_change_password && !config.allowedBeforePasswordChange) {
      throw new AppError(403, 'password_change_required', 'Choose a new password first (PUT /api/me/password)');
    }
    if (access !== 'session' && !access.roles.includes(req.actor.role)) throw forbidden();
  });
}
