import { sql } from 'drizzle-orm';
import { writtenAssessmentApplies, writtenAssessmentRequired } from '../../domain/grading/written-assessment.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db, type Queryable } from '../platform/db/database.js';
import { AppError, conflict, forbidden, notFound } from '../platform/http/errors.js';
import { findGrade, findGradingGroup, listGroupPupils } from './register-queries.js';
import { loadGradingTerms } from './terms.js';

export interface AssessmentBody {
  gradeId: string; value: string | null; required: boolean; editable: boolean;
  knowledgeDevelopment: string; supportMeasures: string; version: number | null;
  writtenBy: string | null; writtenAt: string | null;
}

/** Skriftlig bedömning of a pupil's F or – final grade in the group's subject. */
export function assessmentService(db: Db) {
  async function target(q: Pick<Queryable, 'execute'>, actor: Actor, groupId: string, pupilId: string, lock = false) {
    const group = await findGradingGroup(q, actor, groupId);
    if (!group) throw notFound('Group not found');
    if (!(await listGroupPupils(q, actor, groupId)).some((p) => p.id === pupilId)) throw notFound('Pupil not found in the group');
    const terms = await loadGradingTerms(q, actor.organiserId, actor.today);
    const grade = terms && await findGrade(q, actor.organiserId, pupilId, group.subject_code, 'final', terms.current.id, lock);
    if (!grade || !writtenAssessmentApplies('final', grade.value)) {
      throw new AppError(400, 'no_assessment_needed', 'A written assessment belongs to a final grade F or –');
    }
    return { group, grade };
  }

  const read = async (q: Pick<Queryable, 'execute'>, actor: Actor, grade: { id: string; value: string | null; state: string }, isGrader: boolean): Promise<AssessmentBody> => {
    const wa = await one<{ knowledge_development: string; support_measures: string; version: number; written_by: string; written_at: string }>(q, sql`
      select wa.knowledge_development, wa.support_measures, wa.version, p.given_name || ' ' || p.family_name as written_by,
             to_char(wa.written_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as written_at
        from written_assessment wa join person p on p.organiser_id = wa.organiser_id and p.id = wa.written_by
       where wa.organiser_id = ${actor.organiserId} and wa.grade_id = ${grade.id}`);
    return {
      gradeId: grade.id, value: grade.value, required: writtenAssessmentRequired('final', grade.value),
      editable: isGrader && grade.state === 'registered',
      knowledgeDevelopment: wa?.knowledge_development ?? '', supportMeasures: wa?.support_measures ?? '', version: wa?.version ?? null,
      writtenBy: wa?.written_by ?? null, writtenAt: wa?.written_at ?? null,
    };
  };

  async function get(actor: Actor, groupId: string, pupilId: string) {
    const { group, grade } = await target(db, actor, groupId, pupilId);
    return read(db, actor, grade, group.is_grader);
  }

  /** Written and signed by the grading teacher; frozen with the grade once it is confirmed. */
  async function save(actor: Actor, groupId: string, pupilId: string, input: { knowledgeDevelopment: string; supportMeasures: string; version: number | null }) {
    requireAction(actor, 'grades.register');
    return db.transaction(async (tx) => {
      const { group, grade } = await target(tx, actor, groupId, pupilId, true);
      if (!group.is_grader) throw forbidden('Only a grading teacher of the group writes the assessment');
      const current = await read(tx, actor, grade, true);
      if (grade.state !== 'registered') throw conflict('not_editable', 'The grade is confirmed: its written assessment can no longer be changed', { current });
      if (current.version !== input.version) throw conflict('stale_version', 'Someone else changed the written assessment', { current });
      await tx.execute(sql`insert into written_assessment (organiser_id, grade_id, knowledge_development, support_measures, written_by)
          values (${actor.organiserId}, ${grade.id}, ${input.knowledgeDevelopment}, ${input.supportMeasures}, ${actor.personId})
        on conflict (organiser_id, grade_id) do update set knowledge_development = excluded.knowledge_development,
          support_measures = excluded.support_measures, written_by = excluded.written_by, written_at = now(),
          version = written_assessment.version + 1`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grade.written_assessment_saved', entityType: 'grade', entityId: grade.id, ip: actor.ip });
      return read(tx, actor, grade, true);
    });
  }

  return { get, save };
}
