import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COLUMNS } from '../../domain/grading/columns.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { assessmentService } from './assessment-service.js';
import type { confirmService } from './confirm-service.js';
import type { periodService } from './period-service.js';
import type { registerService } from './register-service.js';

const Period = z.object({ from: z.string(), to: z.string(), daysLeft: z.number(), open: z.boolean() }).nullable();
const Term = z.object({ id: z.string(), label: z.string(), kind: z.enum(['HT', 'VT']) });
const Subject = z.object({ code: z.string(), name: z.string() });
export const CellBody = z.object({
  column: z.enum(COLUMNS), allowed: z.boolean(),
  blocked: z.enum(['no_school_year', 'before_first_graded_year', 'after_last_term_grade', 'final_only_in_year_9', 'grades_not_requested']).nullable(),
  steps: z.array(z.string()), gradeId: z.string().nullable(), value: z.string().nullable(),
  state: z.string().nullable(), version: z.number().nullable(), carriedOver: z.boolean(),
  by: z.object({ id: z.string(), name: z.string() }).nullable(), at: z.string().nullable(), writtenAssessment: z.enum(['missing', 'done']).nullable(),
});
const Assessment = z.object({ gradeId: z.string(), value: z.string().nullable(), required: z.boolean(), editable: z.boolean(),
  knowledgeDevelopment: z.string(), supportMeasures: z.string(), version: z.number().nullable(), writtenBy: z.string().nullable(), writtenAt: z.string().nullable() });
const groupParams = z.object({ groupId: Uuid });
const teacher = { access: { roles: ['teacher' as const] } };
const admin = { access: { roles: ['administrator' as const] } };

export interface GradingServices {
  register: ReturnType<typeof registerService>; confirm: ReturnType<typeof confirmService>;
  assessment: ReturnType<typeof assessmentService>; periods: ReturnType<typeof periodService>;
}

export const gradingRoutes = (s: GradingServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/grading/groups', { config: { ...teacher, scope: 'actor' }, schema: { tags: ['grading'], summary: 'Betygsprocess: the groups I grade this term, with progress and the grading period',
    response: { 200: z.object({ term: Term, period: Period, groups: z.array(z.object({ id: z.string(), name: z.string(), subject: Subject,
      pupils: z.number(), expected: z.number(), graded: z.number(), confirmed: z.number() })) }), ...authErrors, 409: ErrorBody } },
  }, async (req) => s.register.overview(actorOf(req)));

  app.get('/api/grading/groups/:groupId', { config: { access: { roles: ['teacher', 'administrator', 'principal'] }, scope: 'unit' },
    schema: { tags: ['grading'], summary: 'The grade register of a teaching group', params: groupParams,
      response: { 200: z.object({ group: z.object({ id: z.string(), name: z.string(), subject: Subject, unit: z.object({ id: z.string(), name: z.string() }) }),
        term: Term, period: Period, columns: z.array(z.object({ key: z.enum(COLUMNS), label: z.string() })), canEdit: z.boolean(),
        pupils: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), schoolYear: z.number().nullable(), schoolForm: z.string().nullable(),
          cells: z.object({ HT: CellBody, VT: CellBody, final: CellBody }) })) }), ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.register.register(actorOf(req), req.params.groupId));

  app.put('/api/grading/groups/:groupId/cells', { config: { ...teacher, scope: 'unit' }, schema: { tags: ['grading'], summary: 'Save one grade at once (idempotent per requestId; version-checked)',
    params: groupParams, body: z.object({ pupilId: Uuid, column: z.enum(COLUMNS), value: z.string().max(1).nullable(), version: z.number().int().nullable(), requestId: Uuid,
      /** Överfört: carry over the latest earlier term grade (value is then ignored). */ carryOver: z.boolean().optional() }),
    response: { 200: CellBody, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.register.saveCell(actorOf(req), req.params.groupId, req.body));

  app.post('/api/grading/groups/:groupId/confirm', { config: { ...teacher, scope: 'unit' }, schema: { tags: ['grading'], summary: 'Bekräfta betyg: confirm a column for some or all pupils',
    params: groupParams, body: z.object({ column: z.enum(COLUMNS), pupilIds: z.array(Uuid).min(1).max(500) }),
    response: { 200: z.object({ confirmed: z.array(z.string()), skipped: z.array(z.string()) }), 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.confirm.confirm(actorOf(req), req.params.groupId, req.body));

  app.post('/api/grading/grades/:gradeId/unconfirm', { config: { ...admin, scope: 'unit' }, schema: { tags: ['grading'], summary: 'Remove a confirmation (administrator, with a reason)',
    params: z.object({ gradeId: Uuid }), body: z.object({ reason: StoredText.trim().min(3).max(1000) }),
    response: { 200: z.object({ gradeId: z.string(), state: z.literal('registered') }), 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.confirm.unconfirm(actorOf(req), req.params.gradeId, req.body.reason));

  app.get('/api/grading/grades/:gradeId/history', { config: { access: { roles: ['teacher', 'administrator', 'principal'] }, scope: 'unit' },
    schema: { tags: ['grading'], summary: 'A grade\'s full history', params: z.object({ gradeId: Uuid }),
      response: { 200: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), fromValue: z.string().nullable(), toValue: z.string().nullable(),
        fromState: z.string().nullable(), toState: z.string().nullable(), reason: z.string().nullable() })), ...authErrors, 404: ErrorBody } },
  }, async (req) => s.confirm.history(actorOf(req), req.params.gradeId));

  const assessmentParams = z.object({ groupId: Uuid, pupilId: Uuid });
  app.get('/api/grading/groups/:groupId/pupils/:pupilId/written-assessment', { config: { access: { roles: ['teacher', 'administrator', 'principal'] }, scope: 'unit' },
    schema: { tags: ['grading'], summary: 'The written assessment of an F or – final grade', params: assessmentParams,
      response: { 200: Assessment, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.assessment.get(actorOf(req), req.params.groupId, req.params.pupilId));
  app.put('/api/grading/groups/:groupId/pupils/:pupilId/written-assessment', { config: { ...teacher, scope: 'unit' },
    schema: { tags: ['grading'], summary: 'Write the assessment (knowledge development, support measures)', params: assessmentParams,
      body: z.object({ knowledgeDevelopment: StoredText.max(20_000), supportMeasures: StoredText.max(20_000),
        version: z.number().int().nullable() }),
      response: { 200: Assessment, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.assessment.save(actorOf(req), req.params.groupId, req.params.pupilId, req.body));

  const PeriodOfTerm = z.object({ term: z.object({ id: z.string(), label: z.string(), startDate: z.string(), endDate: z.string() }),
    period: z.object({ from: z.string(), to: z.string(), version: z.number() }).nullable(),
    /** The organiser's default grading period for the term, to pre-fill a period not yet set. */
    suggested: z.object({ from: z.string(), to: z.string() }).nullable() });
  app.get('/api/grading/periods', { config: { ...admin, scope: 'actor' }, schema: { tags: ['grading'], summary: 'The unit\'s grading periods for this school year',
    response: { 200: z.array(PeriodOfTerm), ...authErrors } } }, async (req) => s.periods.list(actorOf(req)));
  app.put('/api/grading/periods/:termId', { config: { ...admin, scope: 'actor' }, schema: { tags: ['grading'], summary: 'Set the unit\'s grading period for a term',
    params: z.object({ termId: Uuid }), body: z.object({ from: IsoDate, to: IsoDate, version: z.number().int().nullable() }),
    response: { 200: PeriodOfTerm.nullable(), 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => s.periods.set(actorOf(req), req.params.termId, req.body));
  app.delete('/api/grading/periods/:termId', { config: { ...admin, scope: 'actor' }, schema: { tags: ['grading'], summary: 'Remove the unit\'s grading period for a term (registration open)',
    params: z.object({ termId: Uuid }), response: { 200: PeriodOfTerm.nullable(), ...authErrors, 404: ErrorBody } },
  }, async (req) => s.periods.remove(actorOf(req), req.params.termId));
};
