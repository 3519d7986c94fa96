import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FOLLOW_UP_OUTCOMES } from '../../domain/development-talks/talk.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, StoredText, Uuid } from '../platform/http/schemas.js';
import type { developmentTalkService } from './talks.js';
import { talkClassOverview } from './class-overview.js';
import type { Db } from '../platform/db/database.js';

const tags = ['development-talks'];
const Text = (max: number) => StoredText.max(max);
const Pupil = z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), className: z.string().nullable() });
const Goal = { goal: z.string(), pupilDoes: z.string(), schoolDoes: z.string(), homeDoes: z.string() };
export const TalkBody = z.object({
  id: z.string(), pupilId: z.string(), unitId: z.string(), heldOn: z.string(), status: z.enum(['planned', 'held']), participants: z.string(),
  summary: z.string(), sharedAt: z.string().nullable(), createdBy: z.string(), version: z.number(), pupil: Pupil,
  subjects: z.array(z.object({ code: z.string(), name: z.string(),
    comments: z.array(z.object({ teacherId: z.string(), teacher: z.string(), comment: z.string(), updatedAt: z.string() })) })),
  goals: z.array(z.object({ id: z.string(), ...Goal })),
  followUps: z.array(z.object({ goalId: z.string(), talkId: z.string(), talkHeldOn: z.string(), ...Goal,
    outcome: z.enum(FOLLOW_UP_OUTCOMES).nullable(), note: z.string().nullable() })).describe('Goals of earlier talks of the pupil, followed up at this one'),
  mayEdit: z.boolean(), mayComment: z.array(z.string()).describe('The subjects the caller may comment on'),
});
const TalkSummary = z.object({ id: z.string(), heldOn: z.string(), status: z.enum(['planned', 'held']), sharedAt: z.string().nullable(), createdBy: z.string() });
const ListBody = z.object({ pupil: Pupil, today: z.string(), mayPlan: z.boolean(), talks: z.array(TalkSummary),
  shared: z.array(TalkBody).describe('For the pupil and guardians: the shared talks in full') });
const PreparationBody = z.object({ today: z.string(), missing: z.number(), talks: z.array(z.object({
  talkId: z.string(), pupilId: z.string(), givenName: z.string(), familyName: z.string(), className: z.string().nullable(), heldOn: z.string(),
  subjects: z.array(z.object({ code: z.string(), name: z.string(), commented: z.boolean() })) })) });
const TalkParams = z.object({ talkId: Uuid });
const Version = z.object({ version: z.number().int().nullable().describe('The version read; anything else (null too) is 409 with the current talk') });
const changeErrors = { 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody };
const staff = ['teacher' as const, 'principal' as const];
const readers = { roles: ['teacher' as const, 'principal' as const, 'guardian' as const, 'pupil' as const] };

/** Utvecklingssamtal: plan, comment per subject, write up with goals and follow-ups, hold, share, read at home. */
const ClassesBody = z.object({ from: z.string().nullable(), to: z.string().nullable(), classes: z.array(z.object({ id: z.string(), name: z.string(),
  pupils: z.array(z.object({ pupilId: z.string(), givenName: z.string(), familyName: z.string(), talkId: z.string().nullable(), heldOn: z.string().nullable(),
    status: z.enum(['planned', 'held']).nullable(), shared: z.boolean().nullable() })) })) });

export const developmentTalkRoutes = (s: ReturnType<typeof developmentTalkService>, db: Db): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/development-talks/classes', {
    config: { access: { roles: staff }, scope: 'actor' },
    schema: { tags, summary: 'The mentor\'s classes (the principal: the unit\'s) with each pupil\'s latest development talk this term',
      response: { 200: ClassesBody, ...authErrors } },
  }, async (req) => talkClassOverview(db, actorOf(req)));

  app.get('/api/pupils/:pupilId/development-talks', {
    config: { access: readers, scope: 'pupil' },
    schema: { tags, summary: 'A pupil\'s development talks: staff see those they may read; the pupil and guardians the shared ones in full',
      params: z.object({ pupilId: Uuid }), response: { 200: ListBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.list(actorOf(req), req.params.pupilId));

  app.post('/api/pupils/:pupilId/development-talks', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Plan a development talk for the pupil (their mentor or the principal); audited',
      params: z.object({ pupilId: Uuid }), body: z.object({ heldOn: IsoDate, participants: Text(500).default('') }),
      response: { 200: TalkBody, ...changeErrors } },
  }, async (req) => s.plan(actorOf(req), req.params.pupilId, req.body));

  app.get('/api/development-talks/preparation', {
    config: { access: { roles: ['teacher'] }, scope: 'actor' },
    schema: { tags, summary: '"Inför utvecklingssamtal": coming talks of pupils I teach, with my subjects and whether I have commented',
      response: { 200: PreparationBody, ...authErrors } },
  }, async (req) => s.preparation(actorOf(req)));

  app.get('/api/development-talks/:talkId', {
    config: { access: readers, scope: 'pupil' },
    schema: { tags, summary: 'One development talk: comments per subject, goals, follow-up of earlier goals', params: TalkParams,
      response: { 200: TalkBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.get(actorOf(req), req.params.talkId));

  app.put('/api/development-talks/:talkId', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Write up the talk: date, participants, summary, agreed goals, follow-up of earlier goals (mentor or principal; version-checked); audited',
      params: TalkParams, body: Version.extend({
        heldOn: IsoDate, participants: Text(500), summary: Text(8000),
        goals: z.array(z.object({ id: Uuid.nullable(), goal: Text(1000), pupilDoes: Text(1000), schoolDoes: Text(1000), homeDoes: Text(1000) })).max(20),
        followUps: z.array(z.object({ goalId: Uuid, outcome: z.enum(FOLLOW_UP_OUTCOMES).nullable(), note: Text(1000) })).max(40),
      }), response: { 200: TalkBody, ...changeErrors } },
  }, async (req) => s.save(actorOf(req), req.params.talkId, req.body));

  app.post('/api/development-talks/:talkId/hold', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Mark the talk held (on or after its day; version-checked); audited', params: TalkParams, body: Version,
      response: { 200: TalkBody, ...changeErrors } },
  }, async (req) => s.hold(actorOf(req), req.params.talkId, req.body.version));

  app.post('/api/development-talks/:talkId/share', {
    config: { access: { roles: staff }, scope: 'pupil' },
    schema: { tags, summary: 'Share the held talk with the pupil and the guardians; it is read-only from then on; audited', params: TalkParams, body: Version,
      response: { 200: TalkBody, ...changeErrors } },
  }, async (req) => s.share(actorOf(req), req.params.talkId, req.body.version));

  app.put('/api/development-talks/:talkId/comments/:subjectCode', {
    config: { access: { roles: ['teacher'] }, scope: 'pupil' },
    schema: { tags, summary: 'My comment on the pupil\'s progress in a subject I teach them (empty: removed); audited',
      params: z.object({ talkId: Uuid, subjectCode: z.string().regex(/^[A-Z0-9]{1,10}$/) }), body: z.object({ comment: Text(2000) }),
      response: { 200: TalkBody, ...changeErrors } },
  }, async (req) => s.comment(actorOf(req), req.params.talkId, req.params.subjectCode, req.body.comment));
};
