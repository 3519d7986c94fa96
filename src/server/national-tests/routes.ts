import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SUB_TEST_OUTCOMES, TEST_GRADES } from '../../domain/national-tests/result.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import type { NationalTestService } from './service.js';

const tags = ['national-tests'];
const registrars = { roles: ['teacher' as const, 'administrator' as const] };
const SubjectCode = z.string().regex(/^[A-Z0-9]{1,8}$/, 'a subject code such as MA');
/** Checked by the rules (422 with a reason), after the scope: '2025/2026'. */
const SchoolYear = StoredText.max(9);
const GradeYear = z.union([z.literal(3), z.literal(6), z.literal(9)]);

const Result = z.object({
  testGrade: z.enum(TEST_GRADES).nullable(), notParticipated: z.boolean(), subTests: z.record(z.string(), z.enum(SUB_TEST_OUTCOMES)).nullable(),
  version: z.number(), finished: z.boolean(), updatedOn: z.string(),
});
const Grid = z.object({
  group: z.object({ id: z.string(), name: z.string(), type: z.string(), schoolYear: z.number().nullable() }),
  subjectCode: z.string(), gradeYear: z.number(), schoolYear: z.string(), subTests: z.array(z.string()).nullable(),
  pupils: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), result: Result.nullable(), editable: z.boolean() })),
});
const RegisterBody = z.object({
  subjectCode: SubjectCode, gradeYear: GradeYear, schoolYear: SchoolYear,
  testGrade: z.enum(TEST_GRADES).nullable().optional().describe('Years 6 and 9: the test grade A–F'),
  notParticipated: z.boolean().optional().describe('Did not take part (deltog ej)'),
  subTests: z.record(z.string().regex(/^[A-Z]$/), z.enum(SUB_TEST_OUTCOMES)).nullable().optional().describe('Year 3: every sub-test registered so far'),
  version: z.number().int().positive().nullable().optional().describe('The version read; null or absent for a new result'),
});
const PupilResults = z.object({
  pupil: z.object({ id: z.string(), name: z.string() }),
  results: z.array(z.object({
    subject: z.object({ code: z.string(), name: z.string() }), gradeYear: z.number(), schoolYear: z.string(),
    testGrade: z.string().nullable(), notParticipated: z.boolean(),
    subTests: z.array(z.object({ code: z.string(), outcome: z.enum(SUB_TEST_OUTCOMES).nullable() })).nullable(),
    finished: z.boolean(), updatedOn: z.string(),
  })),
});

export const nationalTestRoutes = (service: NationalTestService): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/national-tests', {
    config: { access: registrars, scope: 'unit' },
    schema: { tags, summary: 'A class or teaching group of my unit: its pupils with their results in one subject\'s national test of a year',
      querystring: z.object({
        groupId: Uuid, subjectCode: SubjectCode, gradeYear: z.enum(['3', '6', '9']).transform(Number),
        schoolYear: SchoolYear.optional().describe('Absent: the current school year'),
      }),
      response: { 200: Grid, 400: ErrorBody, ...authErrors, 404: ErrorBody, 422: ErrorBody } },
  }, async (req) => service.forGroup(actorOf(req), req.query));

  app.put('/api/national-tests/:pupilId', {
    config: { access: registrars, scope: 'pupil' },
    schema: { tags, summary: 'Register a pupil\'s national test result (a test grade, did not take part, or year 3\'s sub-tests); an empty result removes it. Version-checked, audited',
      params: z.object({ pupilId: Uuid }), body: RegisterBody,
      response: { 200: z.object({ pupilId: z.string(), result: Result.nullable() }), 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } },
  }, async (req) => service.register(actorOf(req), req.params.pupilId, req.body));

  app.get('/api/pupils/:pupilId/national-tests', {
    config: { access: { roles: ['pupil', 'guardian', 'teacher', 'administrator', 'principal'] }, scope: 'pupil' },
    schema: { tags, summary: 'A pupil\'s national test results; at home (pupil, guardians) only finished ones',
      params: z.object({ pupilId: Uuid }), response: { 200: PupilResults, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.ofPupil(actorOf(req), req.params.pupilId));
};
