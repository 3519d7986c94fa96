import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../../platform/http/schemas.js';
import type { calendarService } from './calendar.js';

const Span = z.object({ startDate: IsoDate, endDate: IsoDate });
const HolidayBody = z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(), editable: z.boolean() });
const TermBody = z.object({ id: z.string(), schoolYear: z.string(), kind: z.enum(['HT', 'VT']), startDate: z.string(), endDate: z.string(),
  holidays: z.array(HolidayBody) });
const SchoolYears = z.array(z.object({ schoolYear: z.string(), terms: z.array(TermBody) }));
const HolidayFields = Span.extend({ name: StoredText.max(100).transform((s) => s.trim()).refine((s) => s.length > 0, 'A name is needed') });

const administrators = { access: { roles: ['administrator' as const] } };
const refusals = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody };

export const calendarRoutes = (service: ReturnType<typeof calendarService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/admin/terms', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: 'School years with their terms and holidays', response: { 200: SchoolYears, ...authErrors } },
  }, async (req) => service.list(actorOf(req)));
  app.post('/api/admin/terms', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: 'Create a school year with its HT and VT (organiser-level administrator)',
      body: z.object({ schoolYear: z.string().max(20), ht: Span, vt: Span }), response: { 200: SchoolYears, ...refusals } },
  }, async (req) => service.createSchoolYear(actorOf(req), req.body));
  app.put('/api/admin/terms/:termId', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: "Change a term's dates (organiser-level administrator)", params: z.object({ termId: Uuid }), body: Span,
      response: { 200: SchoolYears, ...refusals } },
  }, async (req) => service.changeTerm(actorOf(req), req.params.termId, req.body));
  app.post('/api/admin/holidays', {
    config: { ...administrators, scope: 'unit' },
    schema: { tags: ['organisation'], summary: 'Add a holiday to a term: for the whole organiser (organiser-level administrator) or one unit',
      body: HolidayFields.extend({ termId: Uuid, unitId: Uuid.nullable() }), response: { 200: SchoolYears, ...refusals } },
  }, async (req) => service.addHoliday(actorOf(req), req.body));
  app.put('/api/admin/holidays/:holidayId', {
    config: { ...administrators, scope: 'unit' },
    schema: { tags: ['organisation'], summary: "Change a holiday's name and dates", params: z.object({ holidayId: Uuid }), body: HolidayFields,
      response: { 200: SchoolYears, ...refusals } },
  }, async (req) => service.changeHoliday(actorOf(req), req.params.holidayId, req.body));
  app.delete('/api/admin/holidays/:holidayId', {
    config: { ...administrators, scope: 'unit' },
    schema: { tags: ['organisation'], summary: 'Remove a holiday entered by mistake', params: z.object({ holidayId: Uuid }),
      response: { 200: SchoolYears, ...refusals } },
  }, async (req) => service.removeHoliday(actorOf(req), req.params.holidayId));
};
