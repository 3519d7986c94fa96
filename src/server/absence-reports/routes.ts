import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, Uuid } from '../platform/http/schemas.js';
import type { AbsenceReportService } from './service.js';

const tags = ['absence-reports'];
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Window = z.object({ from: z.string(), to: z.string() });
const Span = z.object({ fromDate: z.string(), toDate: z.string(), fromTime: z.string().nullable(), toTime: z.string().nullable() });
const Report = Span.extend({
  id: z.string(), pupilId: z.string(), reporterRole: z.string(), reportedBy: z.string(), reportedByName: z.string(), createdAt: z.string(),
  withdrawn: z.boolean(), withdrawnAt: z.string().nullable(), withdrawnByName: z.string().nullable(), version: z.number(), mayWithdraw: z.boolean(),
});
const NewReport = z.object({
  pupilId: Uuid, fromDate: IsoDate, toDate: IsoDate,
  fromTime: Time.nullable().optional().describe('part of a day: the time the absence begins (with toTime, on one date)'),
  toTime: Time.nullable().optional(),
});
const Created = z.object({
  outcome: z.enum(['new', 'merged', 'already_covered']).describe('new: a report of its own; merged: joined with the pupil\'s reports of the same or adjoining days; already_covered: an earlier report covers it'),
  report: Report, mergedWith: z.array(Span.extend({ id: z.string() })), lessonsMadeValid: z.number(),
});
const PupilList = z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string().nullable(), className: z.string().nullable(), window: Window, mayReport: z.boolean() }));
const ReportList = z.object({
  pupil: z.object({ id: z.string(), name: z.string(), className: z.string().nullable(), unitName: z.string().nullable() }),
  today: z.string(), window: Window, mayReport: z.boolean(), reports: z.array(Report),
});
const reporters = { roles: ['guardian' as const, 'pupil' as const, 'teacher' as const, 'administrator' as const, 'principal' as const] };

/** Guardians (and pupils where the unit allows, and the unit's staff) report absence in advance or for today. */
export const absenceReportRoutes = (service: AbsenceReportService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/absence-reports/pupils', {
    config: { access: reporters, scope: 'actor' },
    schema: { tags, summary: 'The children a guardian reports for (a pupil: themself), with the reporting window of their unit', response: { 200: PupilList, ...authErrors } },
  }, async (req) => service.pupils(actorOf(req)));

  app.get('/api/absence-reports', {
    config: { access: reporters, scope: 'pupil' },
    schema: { tags, summary: 'A pupil\'s absence reports (who reported and when), newest first, with the reporting window',
      querystring: z.object({ pupilId: Uuid }), response: { 200: ReportList, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.list(actorOf(req), req.query.pupilId));

  app.post('/api/absence-reports', {
    config: { access: reporters, scope: 'pupil' },
    schema: { tags, summary: 'Report absence: whole days, or part of one day; merged with the pupil\'s overlapping or adjoining reports',
      body: NewReport, response: { 200: Created, ...authErrors, 404: ErrorBody, 422: ErrorBody } },
  }, async (req) => service.create(actorOf(req), req.body));

  app.post('/api/absence-reports/:absenceReportId/withdraw', {
    config: { access: reporters, scope: 'pupil' },
    schema: { tags, summary: 'Withdraw a report for today and coming days (days that have passed keep their history)',
      params: z.object({ absenceReportId: Uuid }),
      response: { 200: z.object({ report: Report, lessonsMadeInvalid: z.number() }), ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => service.withdraw(actorOf(req), req.params.absenceReportId));
};
