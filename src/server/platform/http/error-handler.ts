import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/database.js';
import { AppError } from './errors.js';
import { throttledLog } from './throttled-log.js';

/** SQLSTATEs of values PostgreSQL refuses: data exceptions (class 22) a client's input can cause. */
const INVALID_INPUT_CODES = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05', '22023']);

/** Turns every failure into `{error:{code,message}}`. Expected refusals keep their 4xx; anything else
 *  is logged and answered 500 without details (a 5xx is always a bug). */
export function registerErrorHandler(app: FastifyInstance) {
  // while the database is down every request fails the same way: one line per 5 s says so
  const unavailableLog = throttledLog(5_000);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message }, ...err.extra });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => `${v.instancePath || '(body)'}: ${v.message}`);
      return reply.status(400).send({ error: { code: 'invalid_input', message: `Invalid ${err.validationContext ?? 'input'}: ${issues.join('; ')}` } });
    }
    // A unique violation is a concurrent write of the same thing (two first saves of one cell): 409.
    const dbCode = (err as { cause?: { code?: string } }).cause?.code;
    if (dbCode === '23505') {
      return reply.status(409).send({ error: { code: 'conflict', message: 'Someone else saved the same thing at the same time; reload and try again' } });
    }
    // PostgreSQL refused a value as invalid (a date that does not exist, a NUL character…): the schemas
    // should have caught it, so it is logged as a warning to be fixed there, but it is the client's
    // input, not a failure of ours: 400.
    if (dbCode && INVALID_INPUT_CODES.has(dbCode)) {
      req.log.warn({ err: { message: err.message, code: dbCode } }, 'input refused by the database, not by the route schema');
      return reply.status(400).send({ error: { code: 'invalid_input', message: 'A value was not valid' } });
    }
    // PostgreSQL is down or restarting: not a bug of ours and not the client's fault. 503 with Retry-After,
    // so clients and load balancers retry; the pool reconnects by itself once the server is back
    // (bench/postgres-outage.ts checks both).
    if (isDatabaseUnavailable(err)) {
      unavailableLog((leftOut) => req.log.warn({ err: { message: err.message, code: (err as { cause?: { code?: string } }).cause?.code ?? err.code }, leftOut },
        'database unavailable'));
      return reply.status(503).header('retry-after', '5')
        .send({ error: { code: 'database_unavailable', message: 'The database cannot be reached at the moment; try again shortly' } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: (err.code ?? 'bad_request').toLowerCase(), message: err.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
  });
}

/** 404 as JSON; with the web app, other GET paths get index.html so client-side routes load. */
export function registerNotFound(app: FastifyInstance, spa: boolean) {
  app.setNotFoundHandler((req, reply) => {
    if (spa && req.method === 'GET' && !req.url.startsWith('/api') && !req.url.startsWith('/ss12000')) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
  });
}
