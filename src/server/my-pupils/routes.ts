import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MY_PUPIL_COLUMNS } from '../../domain/pupils/my-pupils.js';
import { attachment } from '../accounts/letters-pdf.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import { csvStream, fileName, xlsxStream } from './export.js';
import type { MyPupilsService } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const staff = { access: { roles: ['teacher' as const, 'administrator' as const, 'principal' as const] }, scope: 'actor' as const };
const tags = ['my-pupils'];

/** What is shown: one of the actor's groups (else all), a search by name or civic number, and the columns. */
const ListQuery = z.object({
  groupId: Uuid.optional(),
  q: StoredText.max(100).optional(),
  columns: z.string().max(300).regex(/^[A-Za-z,]*$/, 'column names separated by commas').optional()
    .describe(`Comma-separated, of: ${MY_PUPIL_COLUMNS.join(', ')}. Absent: className, groups, civicNo for a teacher, className, civicNo for the unit's administrator and principal; empty: names only`),
});
const Column = z.enum(MY_PUPIL_COLUMNS);
const Guardian = z.object({ name: z.string(), phone: z.string().nullable().optional(), protected: z.boolean() });
const Pupil = z.object({
  id: z.string(), givenName: z.string(), familyName: z.string(),
  /** Protected registration: address and contact are null here, "Skyddad" on the page. */
  protected: z.boolean(),
  className: z.string().nullable().optional(), groups: z.array(z.string()).optional(), civicNo: z.string().nullable().optional(),
  birthDate: z.string().nullable().optional(), email: z.string().nullable().optional(), phone: z.string().nullable().optional(),
  address: z.string().nullable().optional(), guardians: z.array(Guardian).optional(),
});
const ListBody = z.object({
  columns: z.array(Column),
  group: z.object({ id: z.string(), name: z.string(), type: z.string() }).nullable(),
  total: z.number(),
  pupils: z.array(Pupil),
});
const GroupsBody = z.object({
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(['class', 'teaching', 'mentor']), subjectCode: z.string().nullable(), pupils: z.number() })),
});

/** "Mina elever" for teachers, and for the unit's administrator and principal (every pupil of the unit). */
export const myPupilsRoutes = (service: MyPupilsService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/my-pupils', {
    config: staff,
    schema: { tags, summary: 'The pupils I am linked to at this unit (through my classes and groups), with the columns asked for',
      querystring: ListQuery.extend({ view: z.enum(['list', 'print']).default('list').describe('print: the print view (audited as such)') }),
      response: { 200: ListBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.list(actorOf(req), req.query));

  app.get('/api/my-pupils/groups', {
    config: staff,
    schema: { tags, summary: 'My classes and groups at this unit (the selector of "Mina elever")', response: { 200: GroupsBody, ...authErrors } },
  }, async (req) => service.groups(actorOf(req)));

  app.get('/api/my-pupils/export', {
    config: staff,
    schema: { tags, summary: 'The same list as a file: xlsx, or CSV for Excel (UTF-8 with BOM, semicolons); audited',
      querystring: ListQuery.extend({ format: z.enum(['csv', 'xlsx']) }),
      response: { 200: z.any(), 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { format, ...query } = req.query;
    const list = await service.forExport(actor, query, format);
    const disposition = attachment(fileName(list.group, actor.today, format));
    reply.headers({ 'content-disposition': disposition, 'cache-control': 'no-store' });
    return format === 'xlsx' ? reply.type(XLSX).send(xlsxStream(list)) : reply.type('text/csv; charset=utf-8').send(csvStream(list));
  });
};
