import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody } from '../platform/http/schemas.js';
import type { startService } from './start-service.js';

const Ref = z.object({ id: z.string(), name: z.string() });
const Subject = z.object({ code: z.string(), name: z.string() });
const ClassItem = z.object({ id: z.string(), name: z.string(), schoolYear: z.number().nullable(), pupilCount: z.number() });

export const StartBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('teacher'), unit: Ref, mentorClasses: z.array(ClassItem), classes: z.array(ClassItem),
    groups: z.array(z.object({ id: z.string(), name: z.string(), subject: Subject, pupilCount: z.number(), grader: z.boolean() })) }),
  z.object({ kind: z.literal('administrator'), unit: Ref.extend({ schoolUnitCode: z.string() }),
    classes: z.array(ClassItem.extend({ mentors: z.array(z.string()) })),
    groups: z.array(z.object({ id: z.string(), name: z.string(), subject: Subject, pupilCount: z.number(), teachers: z.array(z.string()) })) }),
  z.object({ kind: z.literal('principal'),
    unit: Ref.extend({ schoolUnitCode: z.string(), schoolForms: z.array(z.string()), pupilCount: z.number(), staffCount: z.number(), classCount: z.number() }),
    delegations: z.array(z.object({ id: z.string(), decisionKind: z.string(), delegate: Ref, from: z.string(), to: z.string().nullable(), revoked: z.boolean(), active: z.boolean() })) }),
  z.object({ kind: z.literal('analyst'), organiser: z.object({ name: z.string() }),
    units: z.array(Ref.extend({ schoolUnitCode: z.string(), schoolForms: z.array(z.string()), pupilCount: z.number() })) }),
  z.object({ kind: z.literal('guardian'),
    children: z.array(z.object({ id: z.string(), name: z.string(), unit: Ref.nullable(), className: z.string().nullable(), schoolYear: z.number().nullable() })) }),
  z.object({ kind: z.literal('pupil'),
    self: z.object({ id: z.string(), name: z.string(), unit: Ref.nullable(), className: z.string().nullable(), schoolYear: z.number().nullable() }),
    groups: z.array(z.object({ id: z.string(), name: z.string(), subject: Subject.nullable() })) }),
  z.object({ kind: z.literal('student_health'), unit: Ref,
    investigations: z.array(z.object({ id: z.string(), pupilId: z.string(), name: z.string(), className: z.string().nullable(),
      openedOn: z.string(), nextFollowUp: z.string().nullable() })) }),
]);

export const startRoutes = (service: ReturnType<typeof startService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/start', {
    config: { access: 'session', scope: 'actor' },
    schema: { tags: ['start'], summary: 'The start page of the current role', response: { 200: StartBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.start(actorOf(req)));
};
