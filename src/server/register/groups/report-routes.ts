import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPORT_KINDS } from '../../../domain/register/groups.js';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../../platform/http/schemas.js';
import type { groupReportService } from './report-service.js';

export const ReportBody = z.object({
  id: z.string(), groupId: z.string(), groupName: z.string(), kind: z.string(), message: z.string(),
  pupil: z.object({ id: z.string(), name: z.string() }).nullable(), reportedBy: z.object({ id: z.string(), name: z.string() }), reportedAt: z.string(),
  status: z.enum(['open', 'resolved', 'rejected']), resolvedBy: z.string().nullable(), resolvedAt: z.string().nullable(), resolution: z.string().nullable(),
});
const errors = { ...authErrors, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const groupReportRoutes = (reports: ReturnType<typeof groupReportService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/groups/:groupId/reports', {
    config: { access: { roles: ['teacher'] }, scope: 'unit' },
    schema: { tags: ['register'], summary: 'My reports on a group I teach, with their outcome', params: z.object({ groupId: Uuid }),
      response: { 200: z.array(ReportBody), ...errors } },
  }, async (req) => reports.mine(actorOf(req), req.params.groupId));
  app.post('/api/groups/:groupId/reports', {
    config: { access: { roles: ['teacher'] }, scope: 'unit' },
    schema: { tags: ['register'], summary: 'Report that a group I teach is wrong (which pupil, what is wrong)', params: z.object({ groupId: Uuid }),
      body: z.object({ kind: z.enum(REPORT_KINDS), pupilId: Uuid.nullable(), message: StoredText.max(2000) }), response: { 200: ReportBody, ...errors } },
  }, async (req) => reports.report(actorOf(req), req.params.groupId, req.body));
  app.get('/api/admin/group-reports', {
    config: { access: { roles: ['administrator'] }, scope: 'actor' },
    schema: { tags: ['register'], summary: 'Reports about the unit\'s groups: the to-do list', querystring: z.object({ status: z.enum(['open', 'handled', 'all']).default('open') }),
      response: { 200: z.array(ReportBody), ...authErrors } },
  }, async (req) => reports.list(actorOf(req), req.query.status));
  app.post('/api/admin/group-reports/:reportId/handle', {
    config: { access: { roles: ['administrator'] }, scope: 'unit' },
    schema: { tags: ['register'], summary: 'Mark a report resolved or rejected, with a note for the teacher', params: z.object({ reportId: Uuid }),
      body: z.object({ outcome: z.enum(['resolved', 'rejected']), note: StoredText.max(2000) }), response: { 200: ReportBody, ...errors } },
  }, async (req) => reports.handle(actorOf(req), req.params.reportId, req.body));
};
