import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { byPersonName } from '../../domain/org/sorting.js';
import { groupScope, inForce } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';

const GroupBody = z.object({
  id: z.string(), name: z.string(), groupType: z.enum(['class', 'teaching', 'mentor']), schoolYear: z.number().nullable(),
  subject: z.object({ code: z.string(), name: z.string() }).nullable(),
  unit: z.object({ id: z.string(), name: z.string() }),
  staff: z.array(z.object({ id: z.string(), name: z.string(), assignment: z.string(), grader: z.boolean() })),
  pupils: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), from: z.string() })),
});

/** One group with its current staff and pupils, if the actor may see it (else 404: nothing leaks). A
 *  pupil sees the group's staff and themself, not their classmates (whose records are not theirs to see). */
export function groupService(db: Db) {
  return {
    async get(actor: Actor, groupId: string): Promise<z.infer<typeof GroupBody>> {
      const g = await one<any>(db, sql`
        select g.id, g.name, g.group_type, g.school_year, g.subject_code, s.name as subject_name, u.id as unit_id, u.name as unit_name
          from student_group g join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id
          left join subject s on s.code = g.subject_code
         where g.id = ${groupId} and ${groupScope(actor)}`);
      if (!g) throw notFound('Group not found');
      const staff = await rows<any>(db, sql`
        select p.id, p.given_name || ' ' || p.family_name as name, gs.assignment, gs.grader
          from group_staff gs join person p on p.organiser_id = gs.organiser_id and p.id = gs.person_id
         where gs.organiser_id = ${actor.organiserId} and gs.group_id = ${groupId}
           and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)}`);
      const pupils = await rows<any>(db, sql`
        select p.id, p.given_name, p.family_name, to_char(m.start_date, 'YYYY-MM-DD') as start_date
          from group_membership m join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
         where m.organiser_id = ${actor.organiserId} and m.group_id = ${groupId}
           and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
           ${actor.role === 'pupil' ? sql`and m.person_id = ${actor.personId}` : sql``}`);
      return {
        id: g.id, name: g.name, groupType: g.group_type, schoolYear: g.school_year,
        subject: g.subject_code ? { code: g.subject_code, name: g.subject_name } : null,
        unit: { id: g.unit_id, name: g.unit_name },
        staff: staff.map((s) => ({ id: s.id, name: s.name, assignment: s.assignment, grader: s.grader })),
        pupils: pupils.map((p) => ({ id: p.id, givenName: p.given_name, familyName: p.family_name, from: p.start_date })).sort(byPersonName),
      };
    },
  };
}

export const groupRoutes = (service: ReturnType<typeof groupService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/groups/:groupId', {
    config: { access: { roles: ['teacher', 'administrator', 'principal', 'pupil'] }, scope: 'unit' },
    schema: { tags: ['org'], summary: 'A class or teaching group with its staff and pupils', params: z.object({ groupId: Uuid }),
      response: { 200: GroupBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.get(actorOf(req), req.params.groupId));
};
