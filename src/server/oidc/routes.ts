import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PENDING_LOGIN_MINUTES } from '../../domain/oidc/pending-login.js';
import { setSessionCookie } from '../platform/http/request-context.js';
import { LoginRefused, type OidcService } from './oidc-service.js';

export interface OidcRouteDeps {
  oidc: OidcService;
  publicUrl: string | null;
  sessionHours: number;
  secureCookies: boolean;
}

/** The pending login's cookie: sent back only to the callback, gone after it. */
const PENDING_COOKIE = 'larka_oidc';
const PENDING_PATH = '/api/auth/oidc';

const ProviderParams = z.object({ provider: z.string().max(64) });
const Redirect = { 302: z.null().describe('to the provider, or back to the app (/login?error=… when refused)') };

/** The callback's own address (a Host header that makes no URL is a refused login, not an error). */
function urlOf(href: string): URL {
  try { return new URL(href); } catch { throw new LoginRefused('login_invalid'); }
}

export const oidcRoutes = (deps: OidcRouteDeps): FastifyPluginAsyncZod => async (app) => {
  const { oidc } = deps;
  const base = (req: FastifyRequest) => deps.publicUrl ?? `${req.protocol}://${req.host}`;
  const redirectUri = (req: FastifyRequest, provider: string) => `${base(req)}${PENDING_PATH}/${encodeURIComponent(provider)}/callback`;
  const secure = (req: FastifyRequest) => deps.secureCookies || req.protocol === 'https';
  const refused = (reply: FastifyReply, err: unknown) => {
    if (!(err instanceof LoginRefused)) throw err;
    return reply.redirect(`/login?error=${err.reason}`, 302);
  };

  app.get('/api/auth/oidc/providers', {
    config: { access: 'public', scope: 'none' },
    schema: { tags: ['session'], summary: 'The e-ID and single sign-on providers offered on the login page',
      response: { 200: z.object({ providers: z.array(z.object({ id: z.string(), label: z.string() })) }) } },
  }, async () => ({ providers: oidc.list() }));

  app.get('/api/auth/oidc/:provider/start', {
    config: { access: 'public', scope: 'none' },
    schema: { tags: ['session'], summary: 'Start a login with e-ID: redirects to the OpenID provider',
      params: ProviderParams, querystring: z.object({ returnTo: z.string().max(500).optional() }), response: Redirect },
  }, async (req, reply) => {
    try {
      const { location, pending } = await oidc.start(req.params.provider, { redirectUri: redirectUri(req, req.params.provider), returnTo: req.query.returnTo, ip: req.ip });
      reply.setCookie(PENDING_COOKIE, pending, { httpOnly: true, sameSite: 'lax', path: PENDING_PATH, maxAge: PENDING_LOGIN_MINUTES * 60, secure: secure(req) });
      return reply.redirect(location, 302);
    } catch (err) {
      return refused(reply, err);
    }
  });

  app.get('/api/auth/oidc/:provider/callback', {
    config: { access: 'public', scope: 'none' },
    schema: { tags: ['session'], summary: 'The OpenID provider sends the browser back here: opens the session and redirects into the app',
      params: ProviderParams, response: Redirect },
  }, async (req, reply) => {
    // used once: whatever happens, the pending login is gone (a replayed callback finds none)
    reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    try {
      const done = await oidc.callback(req.params.provider, {
        callbackUrl: urlOf(`${redirectUri(req, req.params.provider)}${query}`),
        pendingCookie: req.cookies[PENDING_COOKIE], ip: req.ip, oldToken: req.sessionToken ?? undefined,
      });
      setSessionCookie(reply, req, done.token, deps.sessionHours, deps.secureCookies);
      return reply.redirect(done.returnTo, 302);
    } catch (err) {
      return refused(reply, err);
    }
  });
};
