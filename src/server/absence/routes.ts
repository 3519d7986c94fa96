import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ENTRY_KINDS } from '../../domain/absence/investigation.js';
import { attachment } from '../accounts/letters-pdf.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { investigationService } from './investigations.js';
import { overviewFileName, overviewWorkbook } from './overview-export.js';
import type { absenceOverviewService } from './overview.js';
import type { pupilAbsenceService } from './pupil-absence.js';
import type { absenceSettingsService } from './settings.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['absence'];
const Period = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
const Totals = { validMinutes: z.number(), invalidMinutes: z.number(), absentMinutes: z.number(), shortCount: z.number() };
const Share = { lessonMinutes: z.number(), share: z.number().nullable() };
const Reason = z.enum(['reported_guardian', 'reported_pupil', 'reported_staff', 'leave', 'unreported', 'late', 'left_early']);
const Kind = z.enum(['absent', 'late', 'left_early']);

const PupilAbsenceBody = z.object({
  pupil: z.object({ id: z.string(), givenName: z.string(), familyName: z.string() }),
  from: z.string(), to: z.string(),
  totals: z.object({ ...Totals, ...Share }),
  subjects: z.array(z.object({ subjectCode: z.string().nullable(), subjectName: z.string().nullable(), ...Totals, ...Share })),
  terms: z.array(z.object({ id: z.string(), kind: z.enum(['HT', 'VT']), schoolYear: z.string(), startDate: z.string(), endDate: z.string(), ...Totals })),
  deviations: z.array(z.object({ id: z.string(), date: z.string(), kind: Kind, minutes: z.number(), valid: z.boolean(), reason: Reason,
    subjectCode: z.string().nullable(), subjectName: z.string().nullable(), groupName: z.string().nullable(),
    startTime: z.string().nullable(), endTime: z.string().nullable() })),
});

const Week = z.object({ monday: z.string(), week: z.number(), key: z.string() });
export const OverviewBody = z.object({
  today: z.string(), from: z.string(), to: z.string(), group: z.object({ id: z.string(), name: z.string() }).nullable(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(['class', 'mentor']) })),
  threshold: z.object({ thresholdPercent: z.number(), shortAbsenceCount: z.number() }),
  weeks: z.array(Week),
  pupils: z.array(z.object({
    id: z.string(), givenName: z.string(), familyName: z.string(), className: z.string().nullable(), ...Totals, ...Share,
    highlighted: z.boolean(), reasons: z.array(z.enum(['share', 'short_absences'])), investigationId: z.string().nullable(),
    weeks: z.array(z.object({ lessonMinutes: z.number(), absentMinutes: z.number(), share: z.number().nullable() })).describe('One cell per week of `weeks`, in order'),
  })),
});
const OverviewQuery = Period.extend({ groupId: Uuid.optional().describe('A class or mentor group; absent: a mentor\'s only class, or the whole unit') });

const SettingsFields = {
  reportDaysAhead: z.number().int().min(0).max(365), reportDaysBack: z.number().int().min(0).max(31), pupilMayReport: z.boolean(),
  thresholdPercent: z.number().int().min(1).max(100), shortAbsenceCount: z.number().int().min(1).max(100), sameDayNotice: z.boolean(),
};
const SettingsBody = z.object({ ...SettingsFields, version: z.number().int().describe('0 while the unit uses the defaults') });

const Entry = z.object({ id: z.string(), kind: z.enum(ENTRY_KINDS), occurredOn: z.string(), followUpOn: z.string().nullable(), text: z.string(), author: z.string(), createdAt: z.string() });
const InvestigationFields = {
  id: z.string(), pupilId: z.string(), givenName: z.string(), familyName: z.string(), className: z.string().nullable(), openedOn: z.string(),
  openedBy: z.string(), reason: z.string(), status: z.enum(['open', 'closed']), closedOn: z.string().nullable(), conclusion: z.string().nullable(),
  version: z.number(), nextFollowUp: z.string().nullable(),
};
const InvestigationBody = z.object({ ...InvestigationFields, mayManage: z.boolean(), entries: z.array(Entry) });
const ListBody = z.object({ today: z.string(), mayOpen: z.boolean(), investigations: z.array(z.object({ ...InvestigationFields, entryCount: z.number() })) });
const Text = (max: number) => StoredText.trim().min(1).max(max);
const IdParams = z.object({ investigationId: Uuid });

const overviewAccess = { access: { roles: ['teacher' as const, 'administrator' as const, 'principal' as const] }, scope: 'unit' as const };
const investigationAccess = { roles: ['teacher' as const, 'principal' as const, 'student_health' as const] };

export interface AbsenceServices {
  pupil: ReturnType<typeof pupilAbsenceService>;
  overview: ReturnType<typeof absenceOverviewService>;
  settings: ReturnType<typeof absenceSettingsService>;
  investigations: ReturnType<typeof investigationService>;
}

/** Absence sums, the overview and its export, the unit's settings and the investigations. */
export const absenceRoutes = (s: AbsenceServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/pupils/:pupilId/absence', {
    config: { access: { roles: ['teacher', 'student_health', 'administrator', 'principal', 'guardian', 'pupil'] }, scope: 'pupil' },
    schema: { tags, summary: 'One pupil\'s absence over a period (default: the current term up to today): deviations and why each is valid or invalid, sums per subject and term, the share of lesson minutes',
      params: z.object({ pupilId: Uuid }), querystring: Period, response: { 200: PupilAbsenceBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.pupil.get(actorOf(req), req.params.pupilId, req.query));

  app.get('/api/absence/overview', {
    config: overviewAccess,
    schema: { tags, summary: 'Absence per pupil of a class or mentor group (or the unit) over a period, highlighted pupils, per-week buckets',
      querystring: OverviewQuery, response: { 200: OverviewBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.overview.get(actorOf(req), req.query));

  app.get('/api/absence/overview.xlsx', {
    config: overviewAccess,
    schema: { tags, summary: 'The overview as an Excel file (Swedish headers; minutes and shares as numbers)',
      querystring: OverviewQuery, response: { 200: z.any(), 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req, reply) => {
    const overview = await s.overview.get(actorOf(req), req.query);
    reply.headers({ 'content-disposition': attachment(overviewFileName(overview)), 'cache-control': 'no-store' });
    return reply.type(XLSX).send(await overviewWorkbook(overview));
  });

  app.get('/api/absence/settings', {
    config: { access: { roles: ['administrator', 'principal'] }, scope: 'actor' },
    schema: { tags, summary: 'The current unit\'s absence settings (defaults when none are saved)', response: { 200: SettingsBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.settings.get(actorOf(req)));

  app.put('/api/absence/settings', {
    config: { access: { roles: ['administrator'] }, scope: 'actor' },
    schema: { tags, summary: 'Change the current unit\'s absence settings (version-checked: 409 when stale)', body: SettingsBody,
      response: { 200: SettingsBody, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.settings.update(actorOf(req), req.body));

  app.get('/api/absence/investigations', {
    config: { access: investigationAccess, scope: 'actor' },
    schema: { tags, summary: 'The absence investigations I may read: open ones first, follow-ups due first', response: { 200: ListBody, ...authErrors } },
  }, async (req) => s.investigations.list(actorOf(req)));

  app.post('/api/absence/investigations', {
    config: { access: { roles: ['principal'] }, scope: 'pupil' },
    schema: { tags, summary: 'Open an absence investigation for a pupil of the unit (principal); audited',
      body: z.object({ pupilId: Uuid, reason: Text(2000), openedOn: IsoDate }),
      response: { 200: InvestigationBody, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.investigations.open(actorOf(req), req.body));

  app.get('/api/absence/investigations/:investigationId', {
    config: { access: investigationAccess, scope: 'pupil' },
    schema: { tags, summary: 'One absence investigation with its entries', params: IdParams, response: { 200: InvestigationBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.investigations.get(actorOf(req), req.params.investigationId));

  app.post('/api/absence/investigations/:investigationId/entries', {
    config: { access: investigationAccess, scope: 'pupil' },
    schema: { tags, summary: 'Add a contact with the home, a measure (with follow-up date), a follow-up or a note; audited', params: IdParams,
      body: z.object({ kind: z.enum(ENTRY_KINDS), occurredOn: IsoDate, followUpOn: IsoDate.nullable(), text: Text(4000) }),
      response: { 200: InvestigationBody, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.investigations.addEntry(actorOf(req), req.params.investigationId, req.body));

  app.post('/api/absence/investigations/:investigationId/close', {
    config: { access: { roles: ['principal'] }, scope: 'pupil' },
    schema: { tags, summary: 'Close the investigation with a conclusion (principal; version-checked); audited', params: IdParams,
      body: z.object({ conclusion: Text(4000), closedOn: IsoDate, version: z.number().int().nullable().describe('The version read; anything else (null too) is 409 with the current value') }),
      response: { 200: InvestigationBody, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.investigations.close(actorOf(req), req.params.investigationId, req.body));
};
