// POST /ss12000/oauth/token — OAuth2 client credentials (RFC 6749 §4.4): the client's id and secret in the
// form body or as HTTP Basic authentication (§2.3.1) give a signed access token for /ss12000/v2.
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { audit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import type { ApiClientStore } from '../auth/clients.js';
import { TOKEN_SECONDS, type TokenService } from '../auth/token.js';

const oauthError = (reply: FastifyReply, status: number, error: string, description: string) => {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="ss12000"');
  return reply.status(status).header('cache-control', 'no-store').send({ error, error_description: description });
};

/** client_id and client_secret from the Basic header (form-urlencoded each, §2.3.1) or the body. */
function credentials(header: string | undefined, body: Record<string, unknown>): { id: string; secret: string; both: boolean } | null {
  const fromBody = typeof body.client_id === 'string' && typeof body.client_secret === 'string'
    ? { id: body.client_id, secret: body.client_secret } : null;
  const m = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (m) {
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const dec = (s: string) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
    return { id: dec(decoded.slice(0, colon)), secret: dec(decoded.slice(colon + 1)), both: fromBody !== null };
  }
  return fromBody ? { ...fromBody, both: false } : null;
}

export const tokenRoute = (deps: { db: Db; organiserId: string; clients: ApiClientStore; tokens: TokenService }): FastifyPluginAsync => async (app) => {
  await app.register(formbody);
  app.post('/ss12000/oauth/token', { bodyLimit: 16 * 1024, schema: { hide: true } }, async (req, reply) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    if (body.grant_type === undefined) return oauthError(reply, 400, 'invalid_request', 'grant_type is required');
    if (body.grant_type !== 'client_credentials') return oauthError(reply, 400, 'unsupported_grant_type', 'Only client_credentials is supported');
    const given = credentials(req.headers.authorization, body);
    if (!given) return oauthError(reply, 401, 'invalid_client', 'Client authentication is required (client_id and client_secret, or HTTP Basic)');
    if (given.both) return oauthError(reply, 400, 'invalid_request', 'Use one client authentication method, not both');
    const client = await deps.clients.authenticate(given.id, given.secret);
    if (!client) return oauthError(reply, 401, 'invalid_client', 'Unknown client or wrong secret');
    const scope = client.resources.join(' ');
    const accessToken = await deps.tokens.issue({ sub: client.id, clientId: client.clientId, organiserId: client.organiserId, scope });
    await audit(deps.db, { organiserId: deps.organiserId, action: 'ss12000.token', entityType: 'api_client', entityId: client.id,
      details: { clientId: client.clientId }, ip: req.ip });
    return reply.header('cache-control', 'no-store').header('pragma', 'no-cache')
      .send({ access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_SECONDS, scope });
  });
};
