import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ASSESSMENTS, MEASURE_KINDS, TARGET_KINDS } from '../../domain/followup/findings.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { findingService } from './findings-service.js';

const tags = ['followup'];
const SchoolYear = z.string().regex(/^\d{4}\/\d{4}$/).describe('e.g. 2025/2026');
const Version = z.number().int().nullable().describe('The version read; anything else (null too) is 409 with the current value');
const Measure = z.object({ id: z.string(), kind: z.enum(MEASURE_KINDS), description: z.string(), responsible: z.string(), followUpDate: z.string(),
  followedUpOn: z.string().nullable(), outcome: z.string(), version: z.number(), state: z.enum(['followed_up', 'due', 'planned']) });
const Finding = z.object({
  id: z.string(), schoolUnitId: z.string(), unitName: z.string(), schoolYear: z.string(), subjectCode: z.string().nullable(), subjectName: z.string().nullable(),
  gradeYear: z.number().nullable(), targetKind: z.enum(TARGET_KINDS), targetRef: z.string().nullable(), targetLabel: z.string(),
  assessment: z.enum(ASSESSMENTS), cause: z.string(), recordedBy: z.string(), recordedAt: z.string(), version: z.number(),
  needsMeasure: z.boolean().describe('Unjustified, and no measure decided yet'), measures: z.array(Measure),
});
const principal = { roles: ['principal' as const] };
const writeErrors = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Cause = StoredText.max(4000);
const Description = StoredText.max(4000);
const Responsible = StoredText.max(200);

/** The principal's findings on deviations between grades and national test grades, and the measures decided. */
export const findingRoutes = (s: ReturnType<typeof findingService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/followup/findings', {
    config: { access: { roles: ['teacher', 'principal', 'analyst'] }, scope: 'actor' },
    schema: { tags, summary: 'Findings and measures: the principal the unit\'s, the analyst all units\', a teacher those about the unit, a pupil group, their groups or themselves; needing attention first',
      querystring: z.object({ schoolYear: SchoolYear.optional(), unitId: Uuid.optional(), targetKind: z.enum(TARGET_KINDS).optional(),
        targetRef: StoredText.max(100).optional(), subjectCode: z.string().max(20).optional(), gradeYear: z.coerce.number().int().min(1).max(9).optional() }),
      response: { 200: z.object({ today: z.string(), mayRecord: z.boolean(), findings: z.array(Finding) }), 400: ErrorBody, ...authErrors } },
  }, async (req) => s.list(actorOf(req), req.query));

  app.post('/api/followup/findings', {
    config: { access: principal, scope: 'actor' },
    schema: { tags, summary: 'Record a finding on a deviation at the principal\'s unit: what it concerns, whether it is justified, the cause; audited',
      body: z.object({ schoolYear: SchoolYear, subjectCode: z.string().max(20).nullable().optional(), gradeYear: z.union([z.literal(6), z.literal(9)]).nullable().optional(),
        targetKind: z.enum(TARGET_KINDS), targetRef: StoredText.max(100).nullable().optional(), targetLabel: StoredText.min(1).max(200),
        assessment: z.enum(ASSESSMENTS), cause: Cause }),
      response: { 200: Finding, ...writeErrors } },
  }, async (req) => s.create(actorOf(req), req.body));

  app.patch('/api/followup/findings/:findingId', {
    config: { access: principal, scope: 'unit' },
    schema: { tags, summary: 'Change the assessment and cause of a finding of the unit; version-checked; audited',
      params: z.object({ findingId: Uuid }), body: z.object({ assessment: z.enum(ASSESSMENTS), cause: Cause, version: Version }),
      response: { 200: Finding, ...writeErrors } },
  }, async (req) => s.update(actorOf(req), req.params.findingId, req.body));

  app.post('/api/followup/findings/:findingId/measures', {
    config: { access: principal, scope: 'unit' },
    schema: { tags, summary: 'Decide a measure (insats) on a finding of the unit: kind, description, responsible, follow-up date from today on; audited',
      params: z.object({ findingId: Uuid }),
      body: z.object({ kind: z.enum(MEASURE_KINDS), description: Description.min(1), responsible: Responsible, followUpDate: IsoDate }),
      response: { 200: Finding, ...writeErrors } },
  }, async (req) => s.addMeasure(actorOf(req), req.params.findingId, req.body));

  app.patch('/api/followup/measures/:measureId', {
    config: { access: principal, scope: 'unit' },
    schema: { tags, summary: 'Change a measure of the unit or record its follow-up (the day, with the outcome); version-checked; audited',
      params: z.object({ measureId: Uuid }),
      body: z.object({ description: Description.min(1), responsible: Responsible, followUpDate: IsoDate, followedUpOn: IsoDate.nullable(),
        outcome: StoredText.max(4000), version: Version }),
      response: { 200: Finding, ...writeErrors } },
  }, async (req) => s.updateMeasure(actorOf(req), req.params.measureId, req.body));
};
