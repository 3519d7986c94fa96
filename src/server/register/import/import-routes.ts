import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_KINDS } from '../../../domain/register/import/formats.js';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../../platform/http/schemas.js';
import { uploadedFile } from '../../platform/http/upload.js';
import type { registerExport } from './export-register.js';
import type { ImportService } from './import-service.js';
import { MAX_FILE_BYTES } from './read-file.js';
import { templateOf } from './templates.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Kind = z.object({ kind: z.enum(IMPORT_KINDS) });
const Line = z.object({ row: z.number(), outcome: z.string(), subject: z.string(), creates: z.array(z.string()),
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })), reasons: z.array(z.string()) });
const Counts = z.object({ create: z.number(), change: z.number(), unchanged: z.number(), reject: z.number() });
const PreviewBody = z.object({
  previewId: z.string(), kind: z.string(), fileName: z.string(), fileHash: z.string(), format: z.string(), encoding: z.string().nullable(), delimiter: z.string().nullable(),
  rows: z.number(), counts: Counts, created: z.array(Line), changed: z.array(Line), rejected: z.array(Line),
});
const JobBody = z.object({ jobId: z.string(), state: z.enum(['running', 'done', 'failed']), phase: z.string(), done: z.number(), total: z.number(),
  kind: z.string(), fileName: z.string(), counts: Counts, error: z.object({ code: z.string(), message: z.string() }).nullable() });
const ApplyInput = z.object({ previewId: Uuid, fileHash: z.string().regex(/^[0-9a-f]{64}$/) });

/** Register import (preview, apply as a job with progress, templates) and the register export, for the unit's administrator. */
export const importRoutes = (service: ImportService, exporter: ReturnType<typeof registerExport>): FastifyPluginAsyncZod => async (app) => {
  // multipart parsing only for the routes of this plugin
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, parts: 5 } });
  const admin = { access: { roles: ['administrator' as const] } };

  app.post('/api/admin/import/preview', {
    config: { ...admin, scope: 'actor' },
    schema: { tags: ['register'], summary: 'Read an import file (multipart field "file": CSV or xlsx) and show what it would create, change and reject; nothing is written',
      querystring: Kind, response: { 200: PreviewBody, 400: ErrorBody, ...authErrors, 413: ErrorBody } },
  }, async (req) => service.preview(actorOf(req), req.query.kind, await uploadedFile(req)));

  app.post('/api/admin/import/apply', {
    config: { ...admin, scope: 'actor' },
    schema: { tags: ['register'], summary: 'Apply a previewed file in one transaction (a job: follow its progress as events, or poll it)', body: ApplyInput,
      response: { 202: JobBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => reply.status(202).send(service.apply(actorOf(req), req.body, req.log)));

  app.get('/api/admin/import/jobs/:importJobId', {
    config: { ...admin, scope: 'unit' },
    schema: { tags: ['register'], summary: 'Progress and outcome of applying an import', params: z.object({ importJobId: Uuid }),
      response: { 200: JobBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.job(actorOf(req), req.params.importJobId));

  // The same job as a stream of Server-Sent Events, from memory: on the embedded database the apply's transaction
  // holds the only connection, and a poll would wait behind it (its session lookup), so the bar would not move.
  app.get('/api/admin/import/jobs/:importJobId/events', {
    config: { ...admin, scope: 'unit' },
    schema: { tags: ['register'], summary: 'Progress of applying an import as Server-Sent Events (text/event-stream): one "data: {job}" line '
      + '(the fields of the job) per change, at most ten a second, until the job is done or failed; then the stream ends',
      params: z.object({ importJobId: Uuid }),
      response: { 200: z.any(), ...authErrors, 404: ErrorBody } },
  }, async (req, reply) => {
    const out = new PassThrough();
    let stopped = false;
    let stopWatching = () => {};
    const stop = () => {
      if (stopped) return;
      stopped = true;
      stopWatching();
      if (!out.writableEnded && !out.destroyed) out.end();
    };
    // unknown or someone else's job: thrown here, before anything is sent (404 by the error handler)
    stopWatching = service.watch(actorOf(req), req.params.importJobId, (job, last) => {
      if (stopped || out.destroyed) return;
      out.write(`data: ${JSON.stringify(job)}\n\n`);
      if (last) stop();
    });
    // the client went away: stop following. A request's 'close' also follows reading its body to the end (not
    // done for a GET), so only a close before that counts; the response's 'close' and Fastify destroying the
    // stream when the response closes early say the same.
    req.raw.on('close', () => { if (!req.raw.readableEnded) stop(); });
    reply.raw.on('close', stop);
    out.on('close', stop);
    out.on('error', stop);
    return reply.status(200).type('text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store').header('x-accel-buffering', 'no').send(out);
  });

  app.get('/api/admin/import/template', {
    config: { ...admin, scope: 'none' },
    schema: { tags: ['register'], summary: 'An empty import file of a kind (xlsx) with the columns explained', querystring: Kind, response: { 200: z.any(), ...authErrors } },
  }, async (req, reply) => reply.type(XLSX).header('content-disposition', `attachment; filename="import-${req.query.kind}.xlsx"`)
    .send(await templateOf(req.query.kind)));

  app.get('/api/admin/export/register', {
    config: { ...admin, scope: 'actor' },
    schema: { tags: ['register'], summary: "The unit's register as xlsx: pupils with class, groups and guardians; guardians; staff with duties; groups", response: { 200: z.any(), ...authErrors } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const stream = await exporter.exportRegister(actor);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="register-${actor.today}.xlsx"`).send(stream);
  });
};
