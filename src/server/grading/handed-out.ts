import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meritValue } from '../../domain/grading/merit.js';
import type { GradeStep } from '../../domain/grading/scale.js';
import { pupilScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';

/**
 * What the pupil and the guardians see of grades: only grades whose document has been handed out
 * (a term grade with its term's document, a final grade with the final grade document), and those documents.
 */
export function handedOutService(db: Db) {
  return {
    async grades(actor: Actor, pupilId: string) {
      const pupil = await one<{ id: string; name: string }>(db, sql`select p.id, p.given_name || ' ' || p.family_name as name
        from person p where p.id = ${pupilId} and ${pupilScope(actor)}`);
      if (!pupil) throw notFound('Pupil not found');
      const grades = await rows<{ kind: 'term' | 'final'; term_id: string; term_label: string; subject_code: string; subject_name: string; value: string; carried_over: boolean }>(db, sql`
        select gr.kind, gr.term_id, t.kind || ' ' || case when t.kind = 'HT' then left(t.school_year, 4) else right(t.school_year, 4) end as term_label,
               gr.subject_code, s.name as subject_name, gr.value, gr.carried_over
          from grade gr join subject s on s.code = gr.subject_code join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id
         where gr.organiser_id = ${actor.organiserId} and gr.pupil_id = ${pupilId} and gr.value is not null and exists (
           select 1 from grade_document d where d.organiser_id = gr.organiser_id and d.pupil_id = gr.pupil_id and d.kind = gr.kind
             and d.superseded_at is null and d.handed_out_at is not null and (gr.kind = 'final' or d.term_id = gr.term_id))
         order by t.start_date desc, s.sort_order`);
      const documents = await rows<{ id: string; kind: string; term_label: string; handed_out_at: string }>(db, sql`
        select d.id, d.kind, t.kind || ' ' || case when t.kind = 'HT' then left(t.school_year, 4) else right(t.school_year, 4) end as term_label,
               to_char(d.handed_out_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as handed_out_at
          from grade_document d join term t on t.organiser_id = d.organiser_id and t.id = d.term_id
         where d.organiser_id = ${actor.organiserId} and d.pupil_id = ${pupilId} and d.handed_out_at is not null and d.superseded_at is null
         order by d.handed_out_at desc`);
      const finals = grades.filter((g) => g.kind === 'final');
      const terms = [...new Map(grades.filter((g) => g.kind === 'term').map((g) => [g.term_id, g.term_label])).entries()];
      const item = (g: (typeof grades)[number]) => ({ subject: { code: g.subject_code, name: g.subject_name }, value: g.value, carriedOver: g.carried_over });
      return {
        pupil,
        terms: terms.map(([termId, label]) => ({ termId, label, grades: grades.filter((g) => g.kind === 'term' && g.term_id === termId).map(item) })),
        final: finals.length ? { grades: finals.map(item), meritValue: meritValue(finals.map((g) => ({ subjectCode: g.subject_code, value: g.value as GradeStep }))) } : null,
        documents: documents.map((d) => ({ id: d.id, kind: d.kind, termLabel: d.term_label, handedOutAt: d.handed_out_at })),
      };
    },
  };
}

const Item = z.object({ subject: z.object({ code: z.string(), name: z.string() }), value: z.string(), carriedOver: z.boolean() });
export const handedOutRoutes = (service: ReturnType<typeof handedOutService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/pupils/:pupilId/grades', { config: { access: { roles: ['pupil', 'guardian', 'administrator', 'principal'] }, scope: 'pupil' },
    schema: { tags: ['grading'], summary: 'The grades handed out to the pupil, and their grade documents', params: z.object({ pupilId: Uuid }),
      response: { 200: z.object({ pupil: z.object({ id: z.string(), name: z.string() }),
        terms: z.array(z.object({ termId: z.string(), label: z.string(), grades: z.array(Item) })),
        final: z.object({ grades: z.array(Item), meritValue: z.number() }).nullable(),
        documents: z.array(z.object({ id: z.string(), kind: z.string(), termLabel: z.string(), handedOutAt: z.string() })) }), ...authErrors, 404: ErrorBody } },
  }, async (req) => service.grades(actorOf(req), req.params.pupilId));
};
