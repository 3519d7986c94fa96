import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody } from '../../platform/http/schemas.js';
import { uploadedFile } from '../../platform/http/upload.js';
import { MAX_FILE_BYTES } from '../../register/import/read-file.js';
import type { ResultsImportService } from './results-import.js';
import { resultsTemplate } from './template.js';

const tags = ['national-tests'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const admin = { access: { roles: ['administrator' as const] } };
const Line = z.object({
  row: z.number(), civicNo: z.string(), pupil: z.string().nullable(), subject: z.string(), gradeYear: z.number().nullable(), schoolYear: z.string().nullable(),
  result: z.string().nullable(), status: z.enum(['new', 'changed', 'unchanged', 'rejected']),
  errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
});
const Report = z.object({
  fileName: z.string(), format: z.string(), rows: z.number(),
  counts: z.object({ new: z.number(), changed: z.number(), unchanged: z.number(), rejected: z.number() }),
  lines: z.array(Line), written: z.number(),
});

/** Import of national test results from a file by the unit's administrator: preview, import, template. */
export const resultsImportRoutes = (service: ResultsImportService): FastifyPluginAsyncZod => async (app) => {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, parts: 5 } });

  app.post('/api/national-tests/import/preview', {
    config: { ...admin, scope: 'actor' },
    schema: { tags, summary: 'Read a file of national test results (multipart field "file": CSV or xlsx) and show what each row would do or why it is refused; nothing is written',
      response: { 200: Report, 400: ErrorBody, ...authErrors, 413: ErrorBody } },
  }, async (req) => service.preview(actorOf(req), await uploadedFile(req)));

  app.post('/api/national-tests/import', {
    config: { ...admin, scope: 'actor' },
    schema: { tags, summary: 'Import the valid rows of a file of national test results in one transaction (the rejected rows are left out); audited; the same file again changes nothing',
      response: { 200: Report, 400: ErrorBody, ...authErrors, 413: ErrorBody } },
  }, async (req) => service.apply(actorOf(req), await uploadedFile(req)));

  app.get('/api/national-tests/import/template.xlsx', {
    config: { ...admin, scope: 'none' },
    schema: { tags, summary: 'The results file as a template (xlsx): the columns, an example row and what each column means', response: { 200: z.any(), ...authErrors } },
  }, async (_req, reply) => reply.type(XLSX).header('content-disposition', 'attachment; filename="nationella-prov.xlsx"').send(await resultsTemplate()));
};
