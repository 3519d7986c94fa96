import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';
import type { curriculumService } from './service.js';

const tags = ['curriculum'];
const Version = z.object({ id: z.string(), name: z.string(), label: z.string(), validFrom: z.string() });
const Syllabus = z.object({ id: z.string(), code: z.string(), designation: z.string().nullable(), name: z.string() });
export const Requirement = z.object({ id: z.string(), paragraph: z.number(), text: z.string(),
  choices: z.record(z.string(), z.string()).describe('The wording per step (E, C, A; G in year 3); <strong> marks what differs between steps') });
export const ContentHeading = z.object({ heading: z.string(), items: z.array(z.object({ id: z.string(), text: z.string() })) });
export const Stage = z.object({ id: z.string(), code: z.string(), name: z.string(), yearFrom: z.number(), yearTo: z.number(),
  content: z.array(ContentHeading), requirements: z.array(Requirement) });
export const SyllabusBody = Syllabus.extend({
  versionId: z.string(), versionLabel: z.string(), description: z.string().nullable(),
  purposes: z.array(z.object({ heading: z.string(), lines: z.array(z.string()) })), stages: z.array(Stage),
});
const access = { access: 'session' as const, scope: 'none' as const };

/** The curriculum (kursplaner): versions, the syllabuses of a version, one syllabus in full. Public text. */
export const curriculumRoutes = (s: ReturnType<typeof curriculumService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/curriculum/versions', {
    config: access,
    schema: { tags, summary: 'Curriculum versions, newest first; `current` is the one offered for new plannings (the newest in force today)',
      response: { 200: z.array(Version.extend({ current: z.boolean() })), ...authErrors } },
  }, async (req) => s.versions(actorOf(req)));

  app.get('/api/curriculum/versions/:versionId/syllabuses', {
    config: access,
    schema: { tags, summary: 'The syllabuses of a version, with the subject codes that follow each', params: z.object({ versionId: Uuid }),
      response: { 200: z.object({ version: Version, syllabuses: z.array(Syllabus.extend({ subjectCodes: z.array(z.string()) })) }), ...authErrors, 404: ErrorBody } },
  }, async (req) => s.syllabuses(req.params.versionId));

  app.get('/api/curriculum/syllabuses/:syllabusId', {
    config: access,
    schema: { tags, summary: 'One syllabus: purpose, stages with central content under headings, knowledge requirements per step',
      params: z.object({ syllabusId: Uuid }), response: { 200: SyllabusBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => s.syllabus(req.params.syllabusId));
};
