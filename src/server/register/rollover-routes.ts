import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { rolloverService } from './rollover-service.js';

const Range = z.object({ startDate: IsoDate, endDate: IsoDate });
const Terms = z.object({ ht: Range, vt: Range });
const RolloverInput = z.object({ terms: Terms, carryMentors: z.boolean(), carryTeachers: z.boolean() });
const ApplyInput = RolloverInput.extend({ previewDigest: StoredText.max(200) });

const TableCounts = z.record(z.string(), z.number());
const Counts = z.object({ created: TableCounts, ended: TableCounts, terms: z.number() });
const Preview = z.object({
  fromSchoolYear: z.string(), toSchoolYear: z.string(), oldYearEnds: z.string(), newYearStarts: z.string(),
  terms: Terms.extend({ existing: z.boolean() }),
  counts: Counts,
  promoted: z.array(z.object({ fromYear: z.number(), toYear: z.number(), schoolForm: z.string(), count: z.number() })),
  leaving: z.array(z.object({ id: z.string(), name: z.string(), className: z.string().nullable(), schoolYear: z.number(), schoolForm: z.string() })),
  groups: z.array(z.object({
    id: z.string(), name: z.string(), groupType: z.string(), subjectCode: z.string().nullable(), schoolYear: z.number().nullable(),
    newName: z.string().nullable(), nameKept: z.boolean(), pupils: z.number(), pupilsCarried: z.number(),
    staff: z.array(z.object({ name: z.string(), assignment: z.string(), carried: z.boolean() })),
  })),
  warnings: z.array(z.object({ code: z.string(), count: z.number(), items: z.array(z.string()) })),
  digest: z.string(),
});
const Status = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  fromSchoolYear: z.string().nullable(), toSchoolYear: z.string().nullable(), oldYearEnds: z.string().nullable(),
  existingTerms: Terms.nullable(), proposedTerms: Terms.nullable(), problem: z.string().nullable(),
  rollovers: z.array(z.object({
    id: z.string(), fromSchoolYear: z.string(), toSchoolYear: z.string(), appliedAt: z.string(), appliedBy: z.string(),
    undoneAt: z.string().nullable(), undoable: z.boolean(), undoRefusal: z.string().nullable(), counts: z.unknown(),
  })),
});
const Undone = z.object({ id: z.string(), fromSchoolYear: z.string(), toSchoolYear: z.string(), removed: TableCounts, restored: TableCounts, changedSince: TableCounts });

const admin = { access: { roles: ['administrator' as const] }, scope: 'actor' as const };

/** The new school year (läsårsskifte) of the administrator's unit. */
export const rolloverRoutes = (service: ReturnType<typeof rolloverService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/admin/school-year', {
    config: admin,
    schema: { tags: ['register'], summary: 'The current and next school year of the unit, proposed terms, and its rollovers', response: { 200: Status, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.status(actorOf(req)));
  app.post('/api/admin/school-year/preview', {
    config: admin,
    schema: { tags: ['register'], summary: 'What the rollover to the next school year would create and end (nothing is written)', body: RolloverInput,
      response: { 200: Preview, 400: ErrorBody, ...authErrors, 409: ErrorBody } },
  }, async (req) => service.preview(actorOf(req), req.body));
  app.post('/api/admin/school-year/rollovers', {
    config: admin,
    schema: { tags: ['register'], summary: 'Apply the previewed rollover in one transaction (refused when the register changed since the preview)', body: ApplyInput,
      response: { 200: Preview.extend({ id: z.string() }), 400: ErrorBody, ...authErrors, 409: ErrorBody } },
  }, async (req) => service.apply(actorOf(req), req.body));
  app.post('/api/admin/school-year/rollovers/:rolloverId/undo', {
    config: { access: { roles: ['administrator'] }, scope: 'unit' },
    schema: { tags: ['register'], summary: 'Undo a rollover until the first grade of the new school year is registered', params: z.object({ rolloverId: Uuid }),
      response: { 200: Undone, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => service.undo(actorOf(req), req.params.rolloverId));
};
