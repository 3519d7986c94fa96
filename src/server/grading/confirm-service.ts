import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Column } from '../../domain/grading/columns.js';
import { periodProblem } from '../../domain/grading/period.js';
import { writtenAssessmentRequired } from '../../domain/grading/written-assessment.js';
import { gradeHistoryScope, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, rows, type Db } from '../platform/db/database.js';
import { AppError, forbidden, notFound } from '../platform/http/errors.js';
import { findPeriod } from './period-store.js';
import { findGradingGroup, listGradeRows, listGroupPupils } from './register-queries.js';
import { loadGradingTerms, termOfColumn } from './terms.js';

/** Bekräfta betyg, and the administrator's removal of a confirmation (with a reason). */
export function confirmService(db: Db) {
  /** Confirms the column's registered grades of the chosen pupils. All or nothing: an F final grade
   *  without its written assessment refuses the whole request. Pupils without a grade are skipped. */
  async function confirm(actor: Actor, groupId: string, input: { column: Column; pupilIds: string[] }) {
    requireAction(actor, 'grades.register');
    const terms = await loadGradingTerms(db, actor.organiserId, actor.today);
    const term = terms && termOfColumn(terms, input.column);
    if (!terms || !term) throw new AppError(400, 'column_not_allowed', 'That term does not exist');
    return db.transaction(async (tx) => {
      const group = await findGradingGroup(tx, actor, groupId);
      if (!group) throw notFound('Group not found');
      if (!group.is_grader) throw forbidden('Only a grading teacher of the group confirms its grades');
      const period = await findPeriod(tx, actor.organiserId, actor.unitId!, term.id);
      const outside = periodProblem(period ?? null, actor.today);
      if (outside) throw new AppError(400, outside, 'Outside the grading period');
      const members = new Set((await listGroupPupils(tx, actor, groupId)).map((p) => p.id));
      const notMembers = input.pupilIds.filter((id) => !members.has(id));
      if (notMembers.length) throw new AppError(400, 'not_in_group', 'Some pupils are not in the group', { pupilIds: notMembers });
      const grades = (await listGradeRows(tx, actor.organiserId, group.subject_code, input.pupilIds, terms))
        .filter((g) => (input.column === 'final' ? g.kind === 'final' : g.kind === 'term' && g.term_id === term.id));
      const missing = grades.filter((g) => writtenAssessmentRequired(input.column, g.value) && !g.assessment_written).map((g) => g.pupil_id);
      if (missing.length) throw new AppError(400, 'written_assessment_missing', 'An F final grade needs its written assessment before it is confirmed', { pupilIds: missing });
      const toConfirm = grades.filter((g) => g.value !== null && g.state === 'registered');
      for (const g of toConfirm) {
        await tx.execute(sql`update grade set state = 'confirmed', confirmed_by = ${actor.personId}, confirmed_at = now(), version = version + 1
          where organiser_id = ${actor.organiserId} and id = ${g.id}`);
        await tx.execute(sql`insert into grade_event (organiser_id, id, grade_id, actor_id, action, from_value, to_value, from_state, to_state)
          values (${actor.organiserId}, ${randomUUID()}, ${g.id}, ${actor.personId}, 'confirmed', ${g.value}, ${g.value}, 'registered', 'confirmed')`);
      }
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grade.confirmed', entityType: 'group', entityId: groupId, details: { column: input.column, gradeIds: toConfirm.map((g) => g.id) }, ip: actor.ip });
      const confirmed = new Set(toConfirm.map((g) => g.pupil_id));
      return {
        confirmed: [...confirmed],
        skipped: input.pupilIds.filter((id) => !confirmed.has(id)),
      };
    });
  }

  /** The administrator removes a confirmation at the teacher's request; the teacher may then change it. */
  async function unconfirm(actor: Actor, gradeId: string, reason: string) {
    requireAction(actor, 'grades.administer');
    return db.transaction(async (tx) => {
      const g = await one<{ id: string; value: string | null; state: string }>(tx, sql`
        select gr.id, gr.value, gr.state from grade gr
          join student_group g on g.organiser_id = gr.organiser_id and g.id = gr.group_id
         where gr.organiser_id = ${actor.organiserId} and gr.id = ${gradeId} and g.school_unit_id = ${actor.unitId}
         for update of gr`);
      if (!g) throw notFound('Grade not found');
      if (g.state !== 'confirmed') throw new AppError(409, 'not_confirmed', g.state === 'registered' ? 'The grade is not confirmed' : 'The grade is decided or locked');
      await tx.execute(sql`update grade set state = 'registered', confirmed_by = null, confirmed_at = null, version = version + 1
        where organiser_id = ${actor.organiserId} and id = ${gradeId}`);
      await tx.execute(sql`insert into grade_event (organiser_id, id, grade_id, actor_id, action, from_value, to_value, from_state, to_state, reason)
        values (${actor.organiserId}, ${randomUUID()}, ${gradeId}, ${actor.personId}, 'unconfirmed', ${g.value}, ${g.value}, 'confirmed', 'registered', ${reason})`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grade.unconfirmed', entityType: 'grade', entityId: gradeId, details: { reason }, ip: actor.ip });
      return { gradeId, state: 'registered' as const };
    });
  }

  /** A grade's full history: value, by whom, when, why. */
  async function history(actor: Actor, gradeId: string) {
    const visible = await one(db, sql`select 1 from grade gr join student_group g on g.organiser_id = gr.organiser_id and g.id = gr.group_id
      where gr.id = ${gradeId} and ${gradeHistoryScope(actor)}`);
    if (!visible) throw notFound('Grade not found');
    return rows<{ at: string; by: string; action: string; fromValue: string | null; toValue: string | null; fromState: string | null; toState: string | null; reason: string | null }>(db, sql`
      select to_char(e.occurred_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI:SS') as at, p.given_name || ' ' || p.family_name as by,
             e.action, e.from_value as "fromValue", e.to_value as "toValue", e.from_state as "fromState", e.to_state as "toState", e.reason
        from grade_event e join person p on p.organiser_id = e.organiser_id and p.id = e.actor_id
       where e.organiser_id = ${actor.organiserId} and e.grade_id = ${gradeId} order by e.occurred_at, e.id`);
  }

  return { confirm, unconfirm, history };
}
