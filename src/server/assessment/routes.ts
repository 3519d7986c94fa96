import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import type { assessmentScaleService } from './scale.js';
import type { AssessmentMatrixService } from './service.js';

const tags = ['assessment'];
const staff = { roles: ['teacher' as const, 'principal' as const] };
const readers = { roles: ['teacher' as const, 'principal' as const, 'guardian' as const, 'pupil' as const] };
const PlanningParams = z.object({ planningId: Uuid });
const PupilParams = z.object({ pupilId: Uuid });
const Choices = z.record(z.string(), z.string());
const Step = z.object({ key: z.string(), label: z.string() });
const Requirement = z.object({ id: z.string(), paragraph: z.number(), text: z.string().describe('With <strong> around what differs between steps'), choices: Choices, stageName: z.string() });

const Cell = z.object({
  pupilId: z.string(), requirementId: z.string(), level: z.string().nullable(), label: z.string().nullable(), comment: z.string().nullable(),
  pupilYear: z.number(), assessedOn: z.string().nullable(), assessedByName: z.string().nullable(), version: z.number().nullable(),
});
const MatrixBody = z.object({
  planning: z.object({ id: z.string(), title: z.string(), subjectCode: z.string(), subjectName: z.string(), status: z.enum(['draft', 'published']),
    assessmentsShared: z.boolean(), periodStart: z.string(), periodEnd: z.string(), groups: z.array(z.object({ id: z.string(), name: z.string() })) }),
  mayAssess: z.boolean(), mayShare: z.boolean(), today: z.string(), scale: z.array(z.string()),
  requirements: z.array(Requirement),
  pupils: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), year: z.number().nullable(), steps: z.array(Step) })),
  cells: z.array(Cell),
});
const CellInput = z.object({
  pupilId: Uuid, requirementId: Uuid,
  level: StoredText.max(40).nullable().describe('A step of the pupil\'s year (not_yet/E/C/A in years 6–9, not_yet/met in 1–3, the unit\'s labels in 4–5); null clears the cell'),
  comment: StoredText.max(2000).nullable(),
  version: z.number().int().nullable().describe('The version read; null for an empty cell. Anything else is 409 with the current value'),
});
const HistoryBody = z.object({ events: z.array(z.object({ level: z.string().nullable(), comment: z.string().nullable(), assessedOn: z.string(),
  assessedByName: z.string(), recordedAt: z.string() })) });
const Shown = z.object({ planningId: z.string(), level: z.string(), label: z.string(), comment: z.string().nullable(), assessedOn: z.string(), assessedByName: z.string() });
const Pupil = z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), year: z.number().nullable() });
const KnowledgeMatrixBody = z.object({
  pupil: Pupil, subjects: z.array(z.object({ code: z.string(), name: z.string() })), subject: z.string().nullable(),
  plannings: z.array(z.object({ id: z.string(), title: z.string(), periodStart: z.string(), periodEnd: z.string() })),
  requirements: z.array(Requirement.extend({ yearFrom: z.number(), yearTo: z.number(), cells: z.array(Shown), latest: Shown.nullable() })),
});
const PupilAssessmentsBody = z.object({
  pupil: Pupil,
  plannings: z.array(z.object({ id: z.string(), title: z.string(), subjectCode: z.string(), subjectName: z.string(), periodStart: z.string(), periodEnd: z.string(),
    assessments: z.array(z.object({ requirementId: z.string(), text: z.string(), choices: Choices, level: z.string(), label: z.string(),
      comment: z.string().nullable(), assessedOn: z.string() })) })),
});
const ScaleBody = z.object({ steps: z.array(z.string()), isDefault: z.boolean(), defaultSteps: z.array(z.string()) });
const refusals = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody };

/** Bedömning: the planning's matrix and its cells, sharing, the pupil's kunskapsmatris and the unit's scale for years 4–5. */
export const assessmentRoutes = (s: { matrix: AssessmentMatrixService; scale: ReturnType<typeof assessmentScaleService> }): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/plannings/:planningId/matrix', {
    config: { access: staff, scope: 'unit' },
    schema: { tags, summary: 'The assessment matrix of a planning: its requirements × the pupils of its groups today, each pupil\'s steps, every cell',
      params: PlanningParams, response: { 200: MatrixBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.matrix.matrix(actorOf(req), req.params.planningId));

  app.put('/api/plannings/:planningId/assessments', {
    config: { access: { roles: ['teacher'] }, scope: 'pupil' },
    schema: { tags, summary: 'Save one cell of the matrix (owners and teachers of the planning\'s groups): the level checked against the pupil\'s year, version-checked, history kept; audited',
      params: PlanningParams, body: CellInput, response: { 200: Cell, ...refusals, 422: ErrorBody } },
  }, async (req) => s.matrix.save(actorOf(req), req.params.planningId, req.body));

  app.get('/api/plannings/:planningId/assessments/history', {
    config: { access: staff, scope: 'pupil' },
    schema: { tags, summary: 'Every save of one cell, newest first', params: PlanningParams,
      querystring: z.object({ pupilId: Uuid, requirementId: Uuid }), response: { 200: HistoryBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.matrix.history(actorOf(req), req.params.planningId, req.query.pupilId, req.query.requirementId));

  app.post('/api/plannings/:planningId/share-assessments', {
    config: { access: { roles: ['teacher'] }, scope: 'unit' },
    schema: { tags, summary: 'Show the planning\'s assessments to its pupils and their guardians, or stop (owners; a published planning only); audited',
      params: PlanningParams, body: z.object({ shared: z.boolean() }), response: { 200: z.object({ assessmentsShared: z.boolean() }), ...refusals } },
  }, async (req) => s.matrix.share(actorOf(req), req.params.planningId, req.body.shared));

  app.get('/api/pupils/:pupilId/knowledge-matrix', {
    config: { access: readers, scope: 'pupil' },
    schema: { tags, summary: 'The pupil\'s kunskapsmatris in a subject: requirements × the plannings that assessed them, the latest level of each (pupils and guardians: shared assessments only)',
      params: PupilParams, querystring: z.object({ subject: z.string().max(10).optional() }), response: { 200: KnowledgeMatrixBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.matrix.knowledgeMatrix(actorOf(req), req.params.pupilId, req.query.subject));

  app.get('/api/pupils/:pupilId/assessments', {
    config: { access: readers, scope: 'pupil' },
    schema: { tags, summary: 'The pupil\'s assessments per planning (pupils and guardians: shared assessments of published plannings only)',
      params: PupilParams, response: { 200: PupilAssessmentsBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.matrix.pupilAssessments(actorOf(req), req.params.pupilId));

  app.get('/api/assessment-scale', {
    config: { access: { roles: ['administrator', 'principal'] }, scope: 'actor' },
    schema: { tags, summary: 'The current unit\'s steps for assessing years 4–5', response: { 200: ScaleBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.scale.get(actorOf(req)));

  app.put('/api/assessment-scale', {
    config: { access: { roles: ['administrator', 'principal'] }, scope: 'actor' },
    schema: { tags, summary: 'Change the current unit\'s steps for years 4–5 (2–6 labels); `previous` is the scale read (409 when it changed); audited',
      body: z.object({ steps: z.array(StoredText.max(40)).min(1).max(10), previous: z.array(StoredText.max(40)).max(10) }),
      response: { 200: ScaleBody, ...refusals } },
  }, async (req) => s.scale.update(actorOf(req), req.body));
};
