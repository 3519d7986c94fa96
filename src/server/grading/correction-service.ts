import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { correctionProblem, type CorrectionKind } from '../../domain/grading/correction.js';
import type { GradeStep } from '../../domain/grading/scale.js';
import { inForce, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/http/errors.js';

const refusals = {
  not_decided: 'Only a decided or locked grade is corrected this way; before that the teacher changes it',
  no_reason: 'A correction needs its reason',
  same_value: 'The new grade is the same as the old',
  lowers_grade: 'An ändring may never lower the grade (only a rättelse of an obvious clerical error may)',
} as const;

/**
 * Rättelse or ändring of a decided grade: decided by the teacher who set it, or by the principal when
 * that teacher is not available; entered by the administrator with the reason. The old value stays in
 * the grade's history beside the new one.
 */
export function correctionService(db: Db) {
  async function correct(actor: Actor, gradeId: string, input: { kind: CorrectionKind; value: GradeStep; reason: string; decidedBy: string }) {
    requireAction(actor, 'grades.administer');
    return db.transaction(async (tx) => {
      const g = await one<{ id: string; value: GradeStep; state: string; registered_by: string; graders: string[]; principal: boolean; allowed_steps_grs: boolean }>(tx, sql`
        select gr.id, gr.value, gr.state, gr.registered_by,
               coalesce((select array_agg(gs.person_id) from group_staff gs where gs.organiser_id = gr.organiser_id
                  and gs.group_id = gr.group_id and gs.grader), '{}') as graders,
               exists (select 1 from duty d where d.organiser_id = gr.organiser_id and d.person_id = ${input.decidedBy}
                  and d.role = 'principal' and d.school_unit_id = g.school_unit_id
                  and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}) as principal,
               coalesce((select e.school_form = 'GRS' from enrolment e where e.organiser_id = gr.organiser_id and e.person_id = gr.pupil_id
                  order by e.start_date desc limit 1), false) as allowed_steps_grs
          from grade gr join student_group g on g.organiser_id = gr.organiser_id and g.id = gr.group_id
         where gr.organiser_id = ${actor.organiserId} and gr.id = ${gradeId} and g.school_unit_id = ${actor.unitId}
         for update of gr`);
      if (!g) throw notFound('Grade not found');
      if (g.allowed_steps_grs && (input.value === 'F' || input.value === '-')) {
        throw new AppError(400, 'step_not_allowed', 'Anpassad grundskola has no F or –');
      }
      const problem = correctionProblem(input.kind, g.state, g.value, input.value, input.reason);
      if (problem) throw new AppError(400, problem, refusals[problem]);
      const decider = input.decidedBy === g.registered_by || g.graders.includes(input.decidedBy) || g.principal;
      if (!decider) throw new AppError(400, 'decider_not_allowed', 'A correction is decided by the teacher who set the grade or by the principal');
      await tx.execute(sql`update grade set value = ${input.value}, version = version + 1 where organiser_id = ${actor.organiserId} and id = ${gradeId}`);
      await tx.execute(sql`insert into grade_event (organiser_id, id, grade_id, actor_id, action, from_value, to_value, from_state, to_state, reason, decided_by)
        values (${actor.organiserId}, ${randomUUID()}, ${gradeId}, ${actor.personId}, ${input.kind}, ${g.value}, ${input.value}, ${g.state}, ${g.state}, ${input.reason}, ${input.decidedBy})`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: `grade.${input.kind}`, entityType: 'grade', entityId: gradeId,
        details: { from: g.value, to: input.value, reason: input.reason, decidedBy: input.decidedBy }, ip: actor.ip });
      return { gradeId, value: input.value, state: g.state };
    });
  }
  return { correct };
}
