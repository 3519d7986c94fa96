import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment } from '../accounts/letters-pdf.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { supportDeadlineService } from '../pupil-support/deadlines.js';
import type { ActionProgrammeService } from './service.js';

const tags = ['action-programmes'];
const Text = (max: number) => StoredText.trim().min(1).max(max);
const Draft = (max: number) => StoredText.trim().max(max);
const Status = z.enum(['investigation', 'no_programme', 'programme', 'evaluated']);
const Attention = z.enum(['decision', 'evaluation', 'follow_up']).nullable();
const Pupil = z.object({ id: z.string(), givenName: z.string(), familyName: z.string() });

const CaseFields = {
  id: z.string(), pupilId: z.string(), givenName: z.string(), familyName: z.string(), className: z.string().nullable(),
  schoolUnitId: z.string(), unitName: z.string(), status: Status,
  investigationReason: z.string(), investigationStartedOn: z.string(), investigationFindings: z.string(), investigatedBy: z.string(),
  decision: z.enum(['programme', 'no_programme']).nullable(), decisionReason: z.string().nullable(), decidedBy: z.string().nullable(), decidedOn: z.string().nullable(),
  needs: z.string(), evaluateBy: z.string().nullable(), evaluation: z.string().nullable(), evaluatedOn: z.string().nullable(),
  guardiansInformedOn: z.string().nullable(), sharedAt: z.string().nullable(), version: z.number(),
  nextFollowUp: z.string().nullable().describe('The earliest follow-up of a measure not yet followed up (programmes in force)'),
};
const Summary = z.object({ ...CaseFields, attention: Attention.describe('What the case waits for: the decision, the evaluation or a follow-up due within 14 days') });
const Measure = z.object({ id: z.string(), measure: z.string(), responsibleId: z.string(), responsible: z.string(), followUpOn: z.string(),
  followUpNote: z.string().nullable(), followedUpOn: z.string().nullable(), mayFollowUp: z.boolean() });
const CaseBody = z.object({
  ...CaseFields, today: z.string(), measures: z.array(Measure),
  may: z.object({ edit: z.boolean(), decide: z.boolean(), manage: z.boolean(), evaluate: z.boolean() }).describe('What the page offers the actor; the server checks each again'),
  decidedByDelegate: z.boolean(),
  responsibleOptions: z.array(z.object({ id: z.string(), name: z.string() })).describe('Staff who may be responsible for a measure (while the draft is editable)'),
});
const ProgrammeParams = z.object({ programmeId: Uuid });
const Version = z.number().int().nullable().describe('The version read; anything else (null too) is 409 with the current case');
const caseErrors = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

const staff = ['teacher' as const, 'principal' as const];
const readers = { roles: [...staff, 'guardian' as const, 'pupil' as const] };

export const actionProgrammeRoutes = (s: ActionProgrammeService, deadlines: ReturnType<typeof supportDeadlineService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/pupils/:pupilId/action-programmes', {
    config: { access: readers, scope: 'pupil' },
    schema: { tags, summary: 'A pupil\'s action programmes the actor may read (pupil and guardians: the shared ones), and whether they may start an investigation',
      params: z.object({ pupilId: Uuid }),
      response: { 200: z.object({ pupil: Pupil, today: z.string(), mayStart: z.boolean(), programmes: z.array(Summary) }), ...authErrors, 404: ErrorBody } },
  }, async (req) => s.ofPupil(actorOf(req), req.params.pupilId));

  app.get('/api/action-programmes', {
    config: { access: { roles: staff }, scope: 'actor' },
    schema: { tags, summary: 'The action programmes at the current unit the actor may read (the principal: all): investigations awaiting decision, programmes in force, closed',
      response: { 200: z.object({ today: z.string(), programmes: z.array(Summary) }), ...authErrors } },
  }, async (req) => s.ofUnit(actorOf(req)));

  app.post('/api/action-programmes', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Start the investigation of a pupil\'s need for special support (the pupil\'s teacher, mentor or the principal); audited',
      body: z.object({ pupilId: Uuid, reason: Text(4000), startedOn: IsoDate }), response: { 200: CaseBody, ...caseErrors } },
  }, async (req) => s.start(actorOf(req), req.body));

  app.get('/api/action-programmes/:programmeId', {
    config: { access: readers, scope: 'pupil' },
    schema: { tags, summary: 'One case: the investigation, the programme and its measures, the decision, follow-ups and the evaluation',
      params: ProgrammeParams, response: { 200: CaseBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.get(actorOf(req), req.params.programmeId));

  app.put('/api/action-programmes/:programmeId', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Save the investigation\'s findings and the draft programme (needs, measures, evaluation date) until the decision; version-checked, audited',
      params: ProgrammeParams,
      body: z.object({
        investigationFindings: Draft(8000), needs: Draft(8000), evaluateBy: IsoDate.nullable(),
        measures: z.array(z.object({ measure: Text(2000), responsibleId: Uuid, followUpOn: IsoDate })).max(30), version: Version,
      }),
      response: { 200: CaseBody, ...caseErrors } },
  }, async (req) => s.saveDraft(actorOf(req), req.params.programmeId, req.body));

  app.post('/api/action-programmes/:programmeId/decision', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Decide: a programme or none, with reasons (the principal of the unit, or a delegate with decide_action_programme; else 403); audited',
      params: ProgrammeParams, body: z.object({ decision: z.enum(['programme', 'no_programme']), reason: Text(4000), version: Version }),
      response: { 200: CaseBody, ...caseErrors } },
  }, async (req) => s.decide(actorOf(req), req.params.programmeId, req.body));

  app.get('/api/action-programmes/:programmeId/decision.pdf', {
    config: { access: readers, scope: 'pupil' },
    schema: { tags, summary: 'The decision document (PDF/A) with the programme and how to appeal; 409 before the decision',
      params: ProgrammeParams, response: { 200: z.any(), ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => {
    const { pdf, fileName } = await s.decisionPdf(actorOf(req), req.params.programmeId);
    return reply.type('application/pdf').headers({ 'content-disposition': attachment(fileName), 'cache-control': 'no-store' }).send(pdf);
  });

  app.post('/api/action-programmes/:programmeId/guardians-informed', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Record the day the guardians were informed of the decision; audited',
      params: ProgrammeParams, body: z.object({ informedOn: IsoDate, version: Version }), response: { 200: CaseBody, ...caseErrors } },
  }, async (req) => s.guardiansInformed(actorOf(req), req.params.programmeId, req.body));

  app.post('/api/action-programmes/:programmeId/share', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Share the decided case with the pupil and the guardians (read-only, with the decision document); audited',
      params: ProgrammeParams, body: z.object({ version: Version }), response: { 200: CaseBody, ...caseErrors } },
  }, async (req) => s.share(actorOf(req), req.params.programmeId, req.body.version));

  app.post('/api/action-programmes/:programmeId/measures/:measureId/follow-up', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Record a follow-up of a measure of a programme in force (its responsible, the pupil\'s teachers, the principal), optionally with the next follow-up date; audited',
      params: z.object({ programmeId: Uuid, measureId: Uuid }),
      body: z.object({ note: Text(4000), followedUpOn: IsoDate, nextFollowUpOn: IsoDate.nullable() }), response: { 200: CaseBody, ...caseErrors } },
  }, async (req) => s.followUp(actorOf(req), req.params.programmeId, req.params.measureId, req.body));

  app.post('/api/action-programmes/:programmeId/evaluation', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Evaluate the programme, which closes it; version-checked, audited',
      params: ProgrammeParams, body: z.object({ evaluation: Text(8000), evaluatedOn: IsoDate, version: Version }), response: { 200: CaseBody, ...caseErrors } },
  }, async (req) => s.evaluate(actorOf(req), req.params.programmeId, req.body));

  app.get('/api/me/support-deadlines', {
    config: { access: { roles: staff }, scope: 'actor' },
    schema: { tags, summary: 'Att följa upp: my deadlines of pupil support at the current unit (measures, programme evaluations, extra adaptations), overdue or due within 14 days',
      response: { 200: z.object({ today: z.string(), deadlines: z.array(z.object({
        kind: z.enum(['measure_follow_up', 'programme_evaluation', 'adaptation_follow_up', 'followup_measure']), id: z.string(), due: z.string(), overdue: z.boolean(),
        pupil: Pupil.nullable().describe('Null for a followup_measure'), text: z.string().nullable(), programmeId: z.string().nullable() })) }), ...authErrors } },
  }, async (req) => deadlines.mine(actorOf(req)));
};
