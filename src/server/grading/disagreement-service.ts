import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GRADE_STEPS, type GradeStep } from '../../domain/grading/scale.js';
import { whoDecidesDisagreement } from '../../domain/grading/signing.js';
import { groupScope, inForce } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { auditStatement } from '../platform/audit/audit.js';
import { one, type Db } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../platform/http/schemas.js';
import { disagreementParties, type DisagreementParties } from './catalogue-queries.js';

/** Whether the actor decides a disagreement in a group with these grading teachers: the licensed grading
 *  teacher qualified in the subject, otherwise the principal of the unit (the same rule the catalogue offers). */
export function mayDecideDisagreement(actor: Pick<Actor, 'role' | 'personId'>, parties: DisagreementParties): boolean {
  if (!parties.has_unlicensed) return false;
  return whoDecidesDisagreement(parties.qualified_licensed.length > 0) === 'principal'
    ? actor.role === 'principal'
    : actor.role === 'teacher' && parties.qualified_licensed.includes(actor.personId);
}

/**
 * A teacher without a licence and the licensed teacher who grades with them disagree on a grade: the
 * licensed teacher decides when qualified in the subject, otherwise the principal. The decision sets the
 * grade, confirmed, and is recorded in its history (who decided, why). A signature already given on the
 * catalogue no longer counts when this changes a grade in it: its signer signs again.
 */
export function disagreementService(db: Db) {
  async function decide(actor: Actor, gradeId: string, input: { value: GradeStep; reason: string }) {
    const g = await one<{ id: string; value: string | null; state: string; version: number; group_id: string; subject_code: string; grs: boolean }>(db, sql`
      select gr.id, gr.value, gr.state, gr.version, gr.group_id, gr.subject_code,
             coalesce((select e.school_form = 'GRS' from enrolment e where e.organiser_id = gr.organiser_id and e.person_id = gr.pupil_id
                        and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)} order by e.start_date desc limit 1), false) as grs
        from grade gr join student_group g on g.organiser_id = gr.organiser_id and g.id = gr.group_id
       where gr.organiser_id = ${actor.organiserId} and gr.id = ${gradeId} and ${groupScope(actor)}`);
    if (!g) throw notFound('Grade not found');
    const parties = await disagreementParties(db, actor, g.group_id, g.subject_code);
    if (!parties.has_unlicensed) throw new AppError(400, 'no_unlicensed_grader', 'The group has no grading teacher without a licence');
    const decider = whoDecidesDisagreement(parties.qualified_licensed.length > 0);
    if (!mayDecideDisagreement(actor, parties)) {
      throw decider === 'principal'
        ? new AppError(403, 'principal_decides', 'No licensed grading teacher is qualified in the subject: the principal decides')
        : new AppError(403, 'licensed_teacher_decides', 'The licensed teacher qualified in the subject decides');
    }
    if (g.state !== 'registered' && g.state !== 'confirmed') throw new AppError(409, 'decided_or_locked', 'The grade is already decided');
    if (g.grs && (input.value === 'F' || input.value === '-')) throw new AppError(400, 'step_not_allowed', 'Anpassad grundskola has no F or –');
    const reason = input.reason.trim();
    if (reason.length < 3) throw new AppError(400, 'no_reason', 'The decision needs its reason');
    const audited = auditStatement({ organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action: 'grade.disagreement_decided', entityType: 'grade', entityId: gradeId, details: { from: g.value, to: input.value, reason, decider }, ip: actor.ip }, sql`saved`);
    // The decision settles the grade: it is confirmed, so neither teacher changes it in the register
    // (the administrator can still remove the confirmation, with a reason).
    const written = await one<{ n: number }>(db, sql`with saved as (update grade set value = ${input.value}, state = 'confirmed', version = version + 1
        where organiser_id = ${actor.organiserId} and id = ${gradeId} and version = ${g.version} returning id),
      event as (insert into grade_event (organiser_id, id, grade_id, actor_id, action, from_value, to_value, from_state, to_state, reason, decided_by)
        select ${actor.organiserId}::uuid, ${randomUUID()}::uuid, saved.id, ${actor.personId}::uuid, 'disagreement_decided', ${g.value}, ${input.value},
               ${g.state}, 'confirmed', ${reason}, ${actor.personId}::uuid from saved),
      audited as (${audited})
      select count(*)::int as n from saved`);
    // nothing written: the grade changed (or was signed) since it was read
    if (!written || written.n === 0) throw conflict('stale_version', 'Someone else changed the grade: look at it again before deciding');
    return { gradeId, value: input.value, decidedBy: decider };
  }
  return { decide };
}

export const disagreementRoutes = (service: ReturnType<typeof disagreementService>): FastifyPluginAsyncZod => async (app) => {
  app.post('/api/grading/grades/:gradeId/disagreement', { config: { access: { roles: ['teacher', 'principal'] }, scope: 'unit' },
    schema: { tags: ['grading'], summary: 'Decide a grade the unlicensed and the licensed teacher disagree on (licensed teacher if qualified, else the principal)',
      params: z.object({ gradeId: Uuid }), body: z.object({ value: z.enum(GRADE_STEPS), reason: StoredText.max(2000) }),
      response: { 200: z.object({ gradeId: z.string(), value: z.string(), decidedBy: z.enum(['licensed_teacher', 'principal']) }), 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => service.decide(actorOf(req), req.params.gradeId, req.body));
};
