// The SS 12000 interface: POST /ss12000/oauth/token and the resources at /ss12000/v2. Every v2 route names
// its resource (config.ss12000); the hook here checks the bearer token, loads the client as it is now and
// asks the access rules (platform/access/ss12000-clients.ts) before anything else runs. Errors have the
// standard's body {code, message}. Every answered request is audited with the client and the path.
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../../domain/common/dates.js';
import { clientMay } from '../../platform/access/ss12000-clients.js';
import { audit } from '../../platform/audit/audit.js';
import { isDatabaseUnavailable, type Db } from '../../platform/db/database.js';
import { apiClientStore } from '../auth/clients.js';
import { cachedSecret } from '../auth/server-secret.js';
import { tokenService } from '../auth/token.js';
import { SS12000_MODULES } from '../resources/index.js';
import type { Ss12000Deps } from './context.js';
import { Ss12000Error, ssForbidden, ssNotFound, ssUnauthorized } from './errors.js';
import { tokenRoute } from './token-route.js';

export const SS12000_PREFIX = '/ss12000/v2';

export const ss12000Routes = (opts: { db: Db; clock: Clock; organiserId: string }): FastifyPluginAsync => async (app) => {
  const clients = apiClientStore(opts.db, opts.organiserId);
  const tokens = tokenService(opts.db, () => opts.clock.now());
  const deps: Ss12000Deps = { ...opts, pageKey: cachedSecret(opts.db, 'ss12000_page_key') };
  await app.register(tokenRoute({ db: opts.db, organiserId: opts.organiserId, clients, tokens }));

  await app.register(async (v2) => {
    v2.decorateRequest('apiClient', null);
    // documented by the standard's own OpenAPI file (reference/ss12000/), not in Lärka's /api/openapi.json
    v2.addHook('onRoute', (route) => { route.schema = { ...(route.schema ?? {}), hide: true }; });
    v2.addHook('onRequest', async (req) => {
      const access = req.routeOptions.config?.ss12000;
      if (!access) return; // the not-found handler answers
      const m = req.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i);
      if (!m) throw ssUnauthorized();
      const claims = await tokens.verify(m[1]);
      if (!claims || claims.organiserId !== opts.organiserId) throw ssUnauthorized('The bearer token is not valid or has expired');
      const client = await clients.principal(claims.sub);
      if (!client) throw ssUnauthorized('The client of this token is no longer registered');
      if (!clientMay(client, access)) throw ssForbidden(`The client may not ${access.write ? 'write' : 'read'} ${access.resource}`);
      req.apiClient = client;
    });
    v2.addHook('onResponse', async (req, reply) => {
      if (!req.apiClient) return;
      await audit(opts.db, {
        organiserId: opts.organiserId, action: `ss12000.${req.method === 'GET' ? 'read' : 'write'}`, entityType: 'api_client',
        entityId: req.apiClient.id, details: { clientId: req.apiClient.clientId, method: req.method, path: req.url.split('?')[0], status: reply.statusCode },
        ip: req.ip,
      }).catch((err) => req.log.warn({ err }, 'audit of an SS 12000 request failed'));
    });
    v2.setErrorHandler((err: FastifyError, req, reply) => {
      if (err instanceof Ss12000Error) {
        if (err.headers) reply.headers(err.headers);
        return reply.status(err.statusCode).send({ code: err.code, message: err.message });
      }
      if (isDatabaseUnavailable(err)) {
        return reply.status(503).header('retry-after', '5').send({ code: 'unavailable', message: 'The database cannot be reached at the moment' });
      }
      const status = err.statusCode ?? 500;
      if (status >= 400 && status < 500) return reply.status(status).send({ code: (err.code ?? 'bad_request').toLowerCase(), message: err.message });
      req.log.error({ err }, 'unhandled error in the SS 12000 interface');
      return reply.status(500).send({ code: 'internal_error', message: 'Internal error' });
    });
    v2.setNotFoundHandler((req) => { throw ssNotFound(`No resource ${req.method} ${req.url.split('?')[0]}`); });
    for (const register of SS12000_MODULES) register(v2, deps);
  }, { prefix: SS12000_PREFIX });
};
