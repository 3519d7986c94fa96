import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';
import type { AccountService } from './account-service.js';

const State = z.enum(['none', 'active', 'must_change', 'disabled']);
const Account = z.object({ accountId: z.string().nullable(), username: z.string().nullable(), state: State });
const Person = z.object({ personId: z.string(), givenName: z.string(), familyName: z.string(), account: Account });
const ClassSummary = z.object({ id: z.string(), name: z.string(), schoolYear: z.number().nullable(), pupils: z.number(), withLogin: z.number() });
const ClassAccounts = z.object({ class: z.object({ id: z.string(), name: z.string() }), pupils: z.array(Person) });
const StaffAccount = Person.extend({ roles: z.array(z.string()), manageable: z.boolean() });
const Shown = z.object({ accountId: z.string(), personId: z.string(), name: z.string(), username: z.string(), password: z.string(), state: State });
const AccountOnly = z.object({ accountId: z.string(), username: z.string(), state: State });
const AccountParams = z.object({ accountId: Uuid });
const admin = (scope: 'actor' | 'unit') => ({ access: { roles: ['administrator' as const] }, scope });
const tags = ['accounts'];
/** PDFs and one-time passwords: never kept by a browser or proxy cache. */
const noStore = { 'cache-control': 'no-store' };

/** The login page of this server as the administrator reached it: where the letters send people. */
const origin = (req: FastifyRequest) => ({ loginAddress: `${req.protocol}://${req.host}/login` });

export const accountRoutes = (s: AccountService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/admin/accounts/classes', { config: admin('actor'),
    schema: { tags, summary: 'The unit\'s classes with how many pupils have a login', response: { 200: z.array(ClassSummary), ...authErrors } },
  }, async (req) => s.classes(actorOf(req)));

  app.get('/api/admin/accounts/classes/:classId', { config: admin('unit'),
    schema: { tags, summary: 'The pupils of a class and their account state', params: z.object({ classId: Uuid }),
      response: { 200: ClassAccounts, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.classPupils(actorOf(req), req.params.classId));

  app.get('/api/admin/accounts/staff', { config: admin('actor'),
    schema: { tags, summary: 'Staff of the unit and their account state', response: { 200: z.array(StaffAccount), ...authErrors } },
  }, async (req) => s.staff(actorOf(req)));

  app.post('/api/admin/accounts/classes/:classId/letters', { config: admin('unit'),
    schema: { tags, summary: 'Credential letters (PDF, one page per pupil) for chosen pupils of a class: creates missing accounts and gives the others a new password',
      params: z.object({ classId: Uuid }), body: z.object({ personIds: z.array(Uuid).min(1).max(500) }),
      response: { 200: z.any(), 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => {
    const out = await s.classLetters(actorOf(req), req.params.classId, req.body.personIds, origin(req));
    return reply.type('application/pdf').headers({ 'content-disposition': out.disposition, ...noStore }).send(out.document);
  });

  app.post('/api/admin/accounts', { config: admin('unit'),
    schema: { tags, summary: 'Create a login for a pupil or staff member of the unit; the initial password is in this answer only',
      body: z.object({ personId: Uuid }), response: { 200: Shown, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => reply.headers(noStore).send(await s.create(actorOf(req), req.body.personId)));

  app.post('/api/admin/accounts/:accountId/password', { config: admin('unit'),
    schema: { tags, summary: 'A new initial password (shown once, must be changed at login); the person\'s sessions end',
      params: AccountParams, response: { 200: Shown, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => reply.headers(noStore).send(await s.resetShown(actorOf(req), req.params.accountId)));

  app.post('/api/admin/accounts/:accountId/letter', { config: admin('unit'),
    schema: { tags, summary: 'A new initial password on a one-page credential letter (PDF); the person\'s sessions end',
      params: AccountParams, response: { 200: z.any(), ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => {
    const out = await s.resetLetter(actorOf(req), req.params.accountId, origin(req));
    return reply.type('application/pdf').headers({ 'content-disposition': out.disposition, ...noStore }).send(out.document);
  });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/api/admin/accounts/:accountId/${verb}`, { config: admin('unit'),
      schema: { tags, summary: disabled ? 'Disable an account: nobody can log in with it, its sessions end' : 'Enable a disabled account',
        params: AccountParams, response: { 200: AccountOnly, ...authErrors, 404: ErrorBody } },
    }, async (req) => s.setDisabled(actorOf(req), req.params.accountId, disabled));
  }
};
