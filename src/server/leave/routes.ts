import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { LeaveService } from './service.js';

const tags = ['leave'];
const Application = z.object({
  id: z.string(), pupilId: z.string(), pupilName: z.string(), schoolUnitId: z.string(), fromDate: z.string(), toDate: z.string(),
  reason: z.string(), status: z.enum(['pending', 'granted', 'refused', 'withdrawn']), appliedBy: z.string(), appliedByName: z.string(),
  createdAt: z.string(), decidedByName: z.string().nullable(), decidedAt: z.string().nullable(), decisionReason: z.string().nullable(), version: z.number(),
});
const Pending = Application.extend({ className: z.string().nullable(), validMinutes: z.number(), invalidMinutes: z.number() });
const NewLeave = z.object({
  pupilId: Uuid, fromDate: IsoDate, toDate: IsoDate,
  reason: StoredText.min(1).max(500).describe('what the leave is for, in the guardian\'s words (e.g. "Familjeresa"); never a medical reason'),
});
const Decision = z.object({
  decision: z.enum(['granted', 'refused']), reason: StoredText.max(500).nullable().optional().describe('required when refused'), version: z.number().int().nullable().describe('the version of the application as seen (required: a stale one is refused with 409)'),
});
const deciders = { roles: ['principal' as const, 'administrator' as const, 'teacher' as const] };

/** Leave applications (ledighetsansökan) and the decision of the principal or their delegate. */
export const leaveRoutes = (service: LeaveService): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/leave-applications', {
    config: { access: { roles: ['guardian'] }, scope: 'pupil' },
    schema: { tags, summary: 'Apply for leave for a child in custody', body: NewLeave, response: { 200: Application, ...authErrors, 404: ErrorBody, 422: ErrorBody } },
  }, async (req) => service.apply(actorOf(req), req.body));

  app.get('/api/leave-applications', {
    config: { access: { roles: ['guardian', 'pupil', 'administrator', 'principal'] }, scope: 'pupil' },
    schema: { tags, summary: 'A pupil\'s leave applications: every guardian with custody sees them, the pupil their own',
      querystring: z.object({ pupilId: Uuid }),
      response: { 200: z.object({ pupil: z.object({ id: z.string(), name: z.string(), className: z.string().nullable(), unitName: z.string().nullable() }), today: z.string(), applications: z.array(Application) }), ...authErrors, 404: ErrorBody } },
  }, async (req) => service.list(actorOf(req), req.query.pupilId));

  app.get('/api/leave-applications/pending', {
    config: { access: deciders, scope: 'actor' },
    schema: { tags, summary: 'The current unit\'s pending applications, for the principal or the delegate of leave decisions (others: mayDecide false, none)',
      response: { 200: z.object({ mayDecide: z.boolean(), applications: z.array(Pending) }), ...authErrors } },
  }, async (req) => service.pending(actorOf(req)));

  app.post('/api/leave-applications/:leaveApplicationId/withdraw', {
    config: { access: { roles: ['guardian'] }, scope: 'pupil' },
    schema: { tags, summary: 'Withdraw a pending application', params: z.object({ leaveApplicationId: Uuid }),
      response: { 200: Application, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => service.withdraw(actorOf(req), req.params.leaveApplicationId));

  app.post('/api/leave-applications/:leaveApplicationId/decision', {
    config: { access: deciders, scope: 'unit' },
    schema: { tags, summary: 'Grant or refuse (with a reason) a pending application; version-checked', params: z.object({ leaveApplicationId: Uuid }), body: Decision,
      response: { 200: Application, ...authErrors, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } },
  }, async (req) => service.decide(actorOf(req), req.params.leaveApplicationId, req.body));
};
