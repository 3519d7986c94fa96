import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText } from '../../platform/http/schemas.js';
import { uploadedFile } from '../../platform/http/upload.js';
import { MAX_FILE_BYTES } from '../../register/import/read-file.js';
import { ReferenceFile } from '../../../domain/followup/reference-file.js';
import type { ReferenceService } from '../reference/service.js';
import type { BackgroundService } from './service.js';

const tags = ['followup'];
const analyst = { access: { roles: ['analyst' as const] } };
const administrator = { access: { roles: ['administrator' as const] } };
const Report = z.object({
  fileName: z.string(), format: z.string(), rows: z.number(),
  counts: z.object({ new: z.number(), changed: z.number(), unchanged: z.number(), rejected: z.number() }),
  lines: z.array(z.object({ row: z.number(), label: z.string(), status: z.enum(['new', 'changed', 'unchanged', 'rejected']),
    errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })) })),
  written: z.number(),
});
const fileErrors = { 200: Report, 400: ErrorBody, ...authErrors, 413: ErrorBody };
const UnitRows = z.object({ rows: z.array(z.object({
  unitId: z.string(), unitName: z.string(), unitCode: z.string(), schoolYear: z.string(), parentsEducation: z.number().nullable(),
  foreignBackgroundShare: z.number().nullable(), boysShare: z.number().nullable(), newlyArrivedShare: z.number().nullable(), source: z.string(), importedOn: z.string(),
})) });
const Reference = z.object({ file: ReferenceFile, origin: z.enum(['shipped', 'uploaded']), uploaded: z.object({ on: z.string(), by: z.string() }).nullable() });

/** Background data and reference figures of the follow-up (underlag): imports for the analyst and the organiser-level administrator. */
export const followupDataRoutes = (background: BackgroundService, reference: ReferenceService): FastifyPluginAsyncZod => async (app) => {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, parts: 5 } });

  app.post('/api/followup/background/units/preview', {
    config: { ...analyst, scope: 'actor' },
    schema: { tags, summary: 'Read a unit background file (multipart "file": Skolenhetskod, Läsår, Föräldrarnas utbildningsnivå, Andel utländsk bakgrund …) and show each row; nothing is written', response: fileErrors },
  }, async (req) => background.previewUnits(actorOf(req), await uploadedFile(req)));

  app.post('/api/followup/background/units/import', {
    config: { ...analyst, scope: 'actor' },
    schema: { tags, summary: 'Import a unit background file: the valid rows upserted by unit and school year in one transaction; audited', response: fileErrors },
  }, async (req) => background.importUnits(actorOf(req), await uploadedFile(req)));

  app.get('/api/followup/background/units', {
    config: { access: { roles: ['analyst', 'principal'] }, scope: 'actor' },
    schema: { tags, summary: 'The unit background of the units in my follow-up (the analyst: all units), of one school year or all',
      querystring: z.object({ schoolYear: StoredText.max(9).optional() }), response: { 200: UnitRows, ...authErrors, 422: ErrorBody } },
  }, async (req) => background.listUnits(actorOf(req), req.query.schoolYear));

  app.post('/api/followup/background/pupils/preview', {
    config: { ...administrator, scope: 'actor' },
    schema: { tags, summary: 'Organiser-level administrator: read a per-pupil background file (Personnummer, Eftergymnasialt utbildad förälder, Utländsk bakgrund, Källa); nothing is written', response: fileErrors },
  }, async (req) => background.previewPupils(actorOf(req), await uploadedFile(req)));

  app.post('/api/followup/background/pupils/import', {
    config: { ...administrator, scope: 'actor' },
    schema: { tags, summary: 'Organiser-level administrator: import a per-pupil background file (upserted; audited with counts only)', response: fileErrors },
  }, async (req) => background.importPupils(actorOf(req), await uploadedFile(req)));

  app.get('/api/followup/reference', {
    config: { access: { roles: ['teacher', 'principal', 'analyst'] }, scope: 'actor' },
    schema: { tags, summary: 'The national reference figures in force: the shipped file or the organiser\'s latest upload (when, by whom)', response: { 200: Reference, ...authErrors } },
  }, async (req) => reference.get(actorOf(req)));

  app.put('/api/followup/reference', {
    config: { ...analyst, scope: 'actor' },
    schema: { tags, summary: 'Upload new reference figures: a JSON body, or a JSON file as multipart "file"; validated (422 with the issues); audited',
      response: { 200: Reference, 400: ErrorBody, ...authErrors, 413: ErrorBody, 422: ErrorBody } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) return reference.put(actor, req.body);
    const file = await uploadedFile(req);
    let content: unknown;
    try {
      content = JSON.parse(file.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      throw new AppError(422, 'invalid_json', 'The file is not JSON: save the reference figures as a .json file');
    }
    return reference.put(actor, content);
  });
};
