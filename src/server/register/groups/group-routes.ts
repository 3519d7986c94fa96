import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GROUP_TYPES } from '../../../domain/register/groups.js';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../../platform/http/schemas.js';
import type { groupAdminService } from './group-service.js';
import type { membershipService } from './membership-service.js';
import { ReportBody } from './report-routes.js';

const Range = { startDate: z.string(), endDate: z.string().nullable() };
const GroupRowBody = z.object({
  id: z.string(), name: z.string(), groupType: z.enum(GROUP_TYPES), schoolYear: z.number().nullable(),
  subject: z.object({ code: z.string(), name: z.string() }).nullable(), ...Range,
  pupilCount: z.number(), teachers: z.array(z.string()), mentors: z.array(z.string()), openReports: z.number(),
});
const MembershipBody = z.object({ id: z.string(), pupilId: z.string(), givenName: z.string(), familyName: z.string(), ...Range });
const StaffBody = z.object({ id: z.string(), personId: z.string(), name: z.string(), assignment: z.enum(['teacher', 'mentor']), grader: z.boolean(), ...Range });
const HistoryBody = z.object({ id: z.string(), at: z.string(), action: z.string(), actor: z.string().nullable(), details: z.record(z.string(), z.unknown()).nullable() });
const GroupDetail = z.object({ group: GroupRowBody, memberships: z.array(MembershipBody), staff: z.array(StaffBody), reports: z.array(ReportBody), history: z.array(HistoryBody) });
const Options = z.object({
  subjects: z.array(z.object({ code: z.string(), name: z.string() })),
  staff: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) })),
  pupils: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), schoolYear: z.number(), classId: z.string().nullable(), className: z.string().nullable() })),
});

const Name = StoredText.max(80);
const NewGroup = z.object({
  name: Name, groupType: z.enum(GROUP_TYPES), subjectCode: z.string().max(20).nullable(), schoolYear: z.number().int().min(0).max(10).nullable(),
  startDate: IsoDate, endDate: IsoDate.nullable(),
});
const EndBody = z.object({ endDate: IsoDate });
const GroupParams = z.object({ groupId: Uuid });
const unitAdmin = { access: { roles: ['administrator' as const] }, scope: 'unit' as const };
const actorAdmin = { access: { roles: ['administrator' as const] }, scope: 'actor' as const };
const errors = { ...authErrors, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const groupAdminRoutes = (groups: ReturnType<typeof groupAdminService>, members: ReturnType<typeof membershipService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/admin/groups', {
    config: actorAdmin,
    schema: { tags: ['register'], summary: 'The unit\'s classes, teaching groups and mentor groups', querystring: z.object({ status: z.enum(['current', 'ended', 'all']).default('current') }),
      response: { 200: z.array(GroupRowBody), ...authErrors } },
  }, async (req) => groups.list(actorOf(req), req.query.status));
  app.get('/api/admin/groups/options', {
    config: actorAdmin,
    schema: { tags: ['register'], summary: 'Subjects, staff and enrolled pupils of the unit, for the group forms', response: { 200: Options, ...authErrors } },
  }, async (req) => groups.options(actorOf(req)));
  app.post('/api/admin/groups', {
    config: actorAdmin,
    schema: { tags: ['register'], summary: 'Create a class, teaching group or mentor group', body: NewGroup, response: { 200: GroupRowBody, ...errors } },
  }, async (req) => groups.create(actorOf(req), req.body));
  app.get('/api/admin/groups/:groupId', {
    config: unitAdmin,
    schema: { tags: ['register'], summary: 'A group with its pupils, staff, reports and history', params: GroupParams, response: { 200: GroupDetail, ...errors } },
  }, async (req) => groups.get(actorOf(req), req.params.groupId));
  app.put('/api/admin/groups/:groupId', {
    config: unitAdmin,
    schema: { tags: ['register'], summary: 'Rename a group (409 stale_name when renamed meanwhile)', params: GroupParams,
      body: z.object({ name: Name, previousName: StoredText.max(200) }), response: { 200: GroupRowBody, ...errors } },
  }, async (req) => groups.rename(actorOf(req), req.params.groupId, req.body));
  app.post('/api/admin/groups/:groupId/end', {
    config: unitAdmin,
    schema: { tags: ['register'], summary: 'End a group on a date (409 unconfirmed_grades unless confirm)', params: GroupParams,
      body: EndBody.extend({ confirm: z.boolean().default(false) }),
      response: { 200: GroupRowBody.extend({ unconfirmed: z.object({ grades: z.number(), pupils: z.number() }) }), ...errors } },
  }, async (req) => groups.end(actorOf(req), req.params.groupId, req.body));
  app.post('/api/admin/groups/:groupId/members', {
    config: unitAdmin,
    schema: { tags: ['register'], summary: 'Add one or several pupils from a date (all or nothing)', params: GroupParams,
      body: z.object({ pupilIds: z.array(Uuid).min(1).max(500), startDate: IsoDate, endDate: IsoDate.nullable() }),
      response: { 200: z.object({ added: z.number(), memberships: z.array(MembershipBody) }), ...errors } },
  }, async (req) => members.addPupils(actorOf(req), req.params.groupId, req.body));
  app.post('/api/admin/groups/:groupId/members/:membershipId/end', {
    config: unitAdmin,
    schema: { tags: ['register'], summary: 'End a pupil\'s membership with a date (never deleted)', params: GroupParams.extend({ membershipId: Uuid }),
      body: EndBody, response: { 200: z.array(MembershipBody), ...errors } },
  }, async (req) => members.endMembership(actorOf(req), req.params.groupId, req.params.membershipId, req.body));
  app.post('/api/admin/groups/:groupId/staff', {
    config: unitAdmin,
    schema: { tags: ['register'], summary: 'Add a teacher (grader or not) or a mentor with dates', params: GroupParams,
      body: z.object({ personId: Uuid, assignment: z.enum(['teacher', 'mentor']), grader: z.boolean(), startDate: IsoDate, endDate: IsoDate.nullable() }),
      response: { 200: z.array(StaffBody), ...errors } },
  }, async (req) => members.addStaff(actorOf(req), req.params.groupId, req.body));
  app.post('/api/admin/groups/:groupId/staff/:staffId/end', {
    config: unitAdmin,
    schema: { tags: ['register'], summary: 'End a staff member\'s assignment to the group with a date', params: GroupParams.extend({ staffId: Uuid }),
      body: EndBody, response: { 200: z.array(StaffBody), ...errors } },
  }, async (req) => members.endStaff(actorOf(req), req.params.groupId, req.params.staffId, req.body));
};
