import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';
import type { documentService } from './document-service.js';

const Doc = z.object({ id: z.string(), pupilId: z.string(), name: z.string(), kind: z.enum(['term', 'final']), termId: z.string(), sha256: z.string(),
  createdAt: z.string(), signedBy: z.string().nullable(), signedAt: z.string().nullable(), handedOutAt: z.string().nullable() });
const Kind = z.enum(['term', 'final']);

export const documentRoutes = (s: ReturnType<typeof documentService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/grading/documents', { config: { access: { roles: ['administrator', 'principal', 'teacher'] }, scope: 'actor' },
    schema: { tags: ['grading'], summary: 'The unit\'s grade documents of this term', querystring: z.object({ kind: Kind }),
      response: { 200: z.object({ term: z.object({ id: z.string(), label: z.string() }), documents: z.array(Doc) }), ...authErrors } },
  }, async (req) => s.list(actorOf(req), req.query.kind));
  app.post('/api/grading/documents', { config: { access: { roles: ['administrator'] }, scope: 'actor' },
    schema: { tags: ['grading'], summary: 'Make grade documents for pupils whose grades are all locked (the others are reported)',
      body: z.object({ kind: Kind, pupilIds: z.array(Uuid).min(1).max(2000) }),
      response: { 200: z.object({ produced: z.array(z.string()), failed: z.array(z.object({ pupilId: z.string(), reason: z.string() })) }), ...authErrors } },
  }, async (req) => s.produce(actorOf(req), req.body));
  app.get('/api/grading/documents/:documentId/pdf', { config: { access: { roles: ['administrator', 'principal', 'teacher', 'pupil', 'guardian'] }, scope: 'pupil' },
    schema: { tags: ['grading'], summary: 'A grade document as PDF/A', params: z.object({ documentId: Uuid }), response: { 200: z.any(), ...authErrors, 404: ErrorBody } },
  }, async (req, reply) => reply.type('application/pdf').header('content-disposition', 'inline; filename="betyg.pdf"').send(await s.pdf(actorOf(req), req.params.documentId)));
  app.post('/api/grading/documents/:documentId/sign', { config: { access: { roles: ['principal', 'teacher', 'administrator'] }, scope: 'unit' },
    schema: { tags: ['grading'], summary: 'Sign a grade document (final: principal only; term: principal or delegate)', params: z.object({ documentId: Uuid }),
      response: { 200: Doc.omit({ name: true }).extend({ name: z.string() }), ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.sign(actorOf(req), req.params.documentId));
  app.post('/api/grading/documents/hand-out', { config: { access: { roles: ['administrator', 'principal'] }, scope: 'actor' },
    schema: { tags: ['grading'], summary: 'Hand out signed documents: then the pupil and guardians see the grades', body: z.object({ documentIds: z.array(Uuid).min(1).max(2000) }),
      response: { 200: z.object({ handedOut: z.array(z.string()) }), 400: ErrorBody, ...authErrors } },
  }, async (req) => s.handOut(actorOf(req), req.body.documentIds));
};
