import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COLUMNS } from '../../domain/grading/columns.js';
import { GRADE_STEPS } from '../../domain/grading/scale.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import type { catalogueService } from './catalogue-service.js';
import type { correctionService } from './correction-service.js';

const CatalogueBody = z.object({
  group: z.object({ id: z.string(), name: z.string(), subject: z.object({ code: z.string(), name: z.string() }), unit: z.object({ id: z.string(), name: z.string() }) }),
  term: z.object({ id: z.string(), label: z.string() }), column: z.enum(COLUMNS),
  lines: z.array(z.object({ pupilId: z.string(), gradeId: z.string().nullable(), name: z.string(), value: z.string().nullable(), state: z.string().nullable(),
    steps: z.array(z.enum(GRADE_STEPS)).describe('The grade steps for the pupil\'s school form (anpassad grundskola: A–E)') })),
  teachers: z.array(z.object({ id: z.string(), name: z.string(), licensed: z.boolean() })),
  /** Pupils who should have a grade in the column and have none (signing decides only the grades there are). */
  missing: z.array(z.object({ pupilId: z.string(), name: z.string() })),
  /** inForce false: given before a grade in the catalogue changed; the signer signs again. */
  signatures: z.array(z.object({ signerId: z.string(), name: z.string(), licensed: z.boolean(), signedAt: z.string(), inForce: z.boolean() })),
  decided: z.boolean(), canSign: z.boolean(),
  canDecideDisagreement: z.boolean().describe('The actor decides a disagreement between the unlicensed and the licensed grading teacher on a grade not yet decided (licensed teacher qualified in the subject, else the principal)'),
});
const params = z.object({ groupId: Uuid });
const query = z.object({ column: z.enum(COLUMNS) });
const staff = { access: { roles: ['teacher' as const, 'administrator' as const, 'principal' as const] } };

export const catalogueRoutes = (s: { catalogue: ReturnType<typeof catalogueService>; correction: ReturnType<typeof correctionService> }): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/grading/groups/:groupId/catalogue', { config: { ...staff, scope: 'unit' }, schema: { tags: ['grading'], summary: 'Betygskatalog of a group for a column: lines, teachers, signatures',
    params, querystring: query, response: { 200: CatalogueBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.catalogue.view(actorOf(req), req.params.groupId, req.query.column));

  app.get('/api/grading/groups/:groupId/catalogue.pdf', { config: { ...staff, scope: 'unit' }, schema: { tags: ['grading'], summary: 'Betygskatalog as PDF/A (print and sign)',
    params, querystring: query, response: { 200: z.any(), 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req, reply) => {
    const pdf = await s.catalogue.pdf(actorOf(req), req.params.groupId, req.query.column);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="betygskatalog-${req.query.column}.pdf"`).send(pdf);
  });

  app.post('/api/grading/groups/:groupId/catalogue/sign', { config: { access: { roles: ['teacher'] }, scope: 'unit' }, schema: { tags: ['grading'],
    summary: 'Sign the catalogue (a teacher without licence signs together with a licensed one); complete → grades decided',
    params, body: query, response: { 200: CatalogueBody, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.catalogue.sign(actorOf(req), req.params.groupId, req.body.column));

  app.post('/api/grading/groups/:groupId/lock', { config: { access: { roles: ['administrator'] }, scope: 'unit' }, schema: { tags: ['grading'],
    summary: 'Lock the group\'s decided grades for a column', params, body: query,
    response: { 200: z.object({ locked: z.number() }), 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.catalogue.lock(actorOf(req), req.params.groupId, req.body.column));

  app.post('/api/grading/grades/:gradeId/correction', { config: { access: { roles: ['administrator'] }, scope: 'unit' }, schema: { tags: ['grading'],
    summary: 'Record a rättelse or ändring of a decided grade (decided by the grading teacher or the principal)',
    params: z.object({ gradeId: Uuid }),
    body: z.object({ kind: z.enum(['rattelse', 'andring']), value: z.enum(GRADE_STEPS), reason: StoredText.trim().max(2000), decidedBy: Uuid }),
    response: { 200: z.object({ gradeId: z.string(), value: z.string(), state: z.string() }), 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.correction.correct(actorOf(req), req.params.gradeId, req.body));
};
