import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import type { followupExpectedService } from './expected-service.js';
import type { followupExportService } from './export-service.js';
import type { followupReportService } from './report-service.js';
import { ExpectedReport, Report } from './report-schemas.js';

const tags = ['followup'];
/** Checked by the service (422 with a reason) after the scope, so that a caller outside it learns nothing: '2025/2026'. */
export const SchoolYearParam = StoredText.max(9).describe('A school year such as 2025/2026');
const GradeYearParam = z.enum(['6', '9']).default('9').transform((v) => Number(v) as 6 | 9);
const ReportQuery = z.object({ gradeYear: GradeYearParam, schoolYear: SchoolYearParam.optional().describe('Absent: the newest with grades') });
const errors = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 422: ErrorBody };
const GroupList = z.object({ groups: z.array(z.object({
  id: z.string(), name: z.string(), subject: z.object({ code: z.string(), name: z.string() }).nullable(), gradeYear: z.number(), schoolYear: z.string(), pupils: z.number(),
})) });

/** The follow-up of grades against national test grades: the reports of the three levels, the expected
 *  values, and the exports. All reads; every figure obeys the suppression rule. */
export const followupReportRoutes = (s: {
  report: ReturnType<typeof followupReportService>; expected: ReturnType<typeof followupExpectedService>; exports: ReturnType<typeof followupExportService>;
}): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/followup/organiser', {
    config: { access: { roles: ['analyst'] }, scope: 'actor' },
    schema: { tags, summary: 'The organiser\'s follow-up: grades against national test grades and grade distributions per unit, subject and school year',
      querystring: ReportQuery, response: { 200: Report, ...errors } },
  }, async (req) => s.report.organiser(actorOf(req), req.query));

  app.get('/api/followup/units/:unitId', {
    config: { access: { roles: ['principal', 'analyst'] }, scope: 'unit' },
    schema: { tags, summary: 'A unit\'s follow-up per teaching group, with breakdowns by pupil group, background and (principal) teacher',
      params: z.object({ unitId: Uuid }), querystring: ReportQuery, response: { 200: Report, ...errors } },
  }, async (req) => s.report.unit(actorOf(req), req.params.unitId, req.query));

  app.get('/api/followup/groups', {
    config: { access: { roles: ['teacher', 'principal'] }, scope: 'actor' },
    schema: { tags, summary: 'The groups whose follow-up I may open (teacher: the groups I graded; principal: the unit\'s) that have analysed grades',
      querystring: z.object({ schoolYear: SchoolYearParam.optional() }), response: { 200: GroupList, ...errors } },
  }, async (req) => s.report.groups(actorOf(req), req.query.schoolYear ?? null));

  app.get('/api/followup/groups/:groupId', {
    config: { access: { roles: ['teacher', 'principal', 'analyst'] }, scope: 'unit' },
    schema: { tags, summary: 'A group\'s follow-up against the rest of its unit; its pupils for its grading teachers and the principal',
      params: z.object({ groupId: Uuid }), response: { 200: Report, ...errors } },
  }, async (req) => s.report.group(actorOf(req), req.params.groupId));

  app.get('/api/followup/expected', {
    config: { access: { roles: ['principal', 'analyst'] }, scope: 'actor' },
    schema: { tags, summary: 'Merit value and share passing all subjects against the value expected from the units\' background (SALSA-style)',
      querystring: z.object({ schoolYear: SchoolYearParam.optional() }), response: { 200: ExpectedReport, ...errors } },
  }, async (req) => s.expected.report(actorOf(req), req.query.schoolYear ?? null));

  app.get('/api/followup/export', {
    config: { access: { roles: ['teacher', 'principal', 'analyst'] }, scope: 'actor' },
    schema: { tags, summary: 'A follow-up report as an Excel or PDF file (the same figures as the report)',
      querystring: z.object({
        level: z.enum(['organiser', 'unit', 'group']), id: Uuid.optional().describe('The unit or group (not for the organiser)'),
        gradeYear: GradeYearParam, schoolYear: SchoolYearParam.optional(), format: z.enum(['xlsx', 'pdf']),
      }),
      response: { 200: z.any().describe('The file (xlsx or pdf)'), ...errors } },
  }, async (req, reply) => {
    const file = await s.exports.export(actorOf(req), req.query);
    return reply.header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.body);
  });
};
