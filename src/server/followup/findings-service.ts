import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  findingOrder, findingProblem, measureProblem, measureState, needsMeasure, type Assessment, type MeasureKind, type TargetKind,
} from '../../domain/followup/findings.js';
import { BREAKDOWNS } from './report-schemas.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db, type Queryable } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import { findFinding, findMeasure, listFindings, type FindingFilter, type FindingRow } from './findings-store.js';

type Q = Pick<Queryable, 'execute'>;
export interface FindingInput { schoolYear: string; subjectCode?: string | null; gradeYear?: 6 | 9 | null; targetKind: TargetKind;
  targetRef?: string | null; targetLabel: string; assessment: Assessment; cause: string }
export interface MeasureInput { kind: MeasureKind; description: string; responsible: string; followUpDate: string }
export interface MeasureEdit { description: string; responsible: string; followUpDate: string; followedUpOn: string | null; outcome: string; version: number | null }
export interface ListQuery { schoolYear?: string; unitId?: string; targetKind?: TargetKind; targetRef?: string; subjectCode?: string; gradeYear?: number }

/** A pupil group of the report's breakdowns: '<dimension>:<value>' ('sex:F', 'newly_arrived:true'). */
const PUPIL_GROUP = new RegExp(`^(${BREAKDOWNS.filter((b) => b !== 'teacher').join('|')}):[\\w.-]{1,40}$`);
const unprocessable = (code: string, message: string) => new AppError(422, code, message);

/** What the reader sees of a finding: its measures with their state, and whether it needs a measure. */
const shown = (f: FindingRow, today: string) => ({
  ...f, needsMeasure: needsMeasure(f), measures: f.measures.map((m) => ({ ...m, state: measureState(m, today) })),
});

/**
 * The principal's findings on deviations and the measures decided (insatser). The principal records them for
 * the unit (audited, version-checked); the analyst reads all units'; a teacher reads those about the unit, a
 * pupil group, their own groups and themselves (followupFindingScope). A target group is a group of the unit,
 * a target teacher a teacher of the unit.
 */
export function findingService(db: Db) {
  const auditOf = (q: Q, actor: Actor, action: string, entityType: string, id: string, details: Record<string, unknown>) =>
    audit(q, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action, entityType, entityId: id, details: { unitId: actor.unitId, ...details }, ip: actor.ip });

  async function detail(q: Q, actor: Actor, id: string) {
    const f = await findFinding(q, actor, id);
    if (!f) throw notFound('Finding not found');
    return shown(f, actor.today);
  }

  /** The target exists where the finding is recorded: a group of the unit, a teacher of the unit, a known pupil group. */
  async function checkTarget(q: Q, actor: Actor, kind: TargetKind, ref: string | null) {
    if (kind === 'group') {
      const found = await one(q, sql`select 1 from student_group g where g.organiser_id = ${actor.organiserId}
        and g.id::text = ${ref} and g.school_unit_id = ${actor.unitId}`);
      if (!found) throw notFound('Group not found');
    } else if (kind === 'teacher') {
      const found = await one(q, sql`select 1 from person p where p.organiser_id = ${actor.organiserId} and p.id::text = ${ref} and (
          exists (select 1 from duty d where d.organiser_id = p.organiser_id and d.person_id = p.id and d.role = 'teacher' and d.school_unit_id = ${actor.unitId})
          or exists (select 1 from group_staff gs join student_group g on g.organiser_id = gs.organiser_id and g.id = gs.group_id
            where gs.organiser_id = p.organiser_id and gs.person_id = p.id and gs.assignment = 'teacher' and g.school_unit_id = ${actor.unitId}))`);
      if (!found) throw notFound('Teacher not found');
    } else if (kind === 'pupil_group' && !PUPIL_GROUP.test(ref ?? '')) {
      throw unprocessable('unknown_pupil_group', 'A pupil group is given as dimension:value, e.g. sex:F');
    }
  }

  return {
    async list(actor: Actor, query: ListQuery) {
      requireAction(actor, 'followup.view');
      const filter: FindingFilter = {
        unitIds: query.unitId ? [query.unitId] : undefined, schoolYears: query.schoolYear ? [query.schoolYear] : undefined,
        target: query.targetKind ? { kind: query.targetKind, ref: query.targetKind === 'unit' ? null : query.targetRef ?? '' } : undefined,
        subjectCode: query.subjectCode, gradeYear: query.gradeYear,
      };
      const found = findingOrder(await listFindings(db, actor, filter), actor.today);
      return { today: actor.today, mayRecord: actor.role === 'principal', findings: found.map((f) => shown(f, actor.today)) };
    },

    async create(actor: Actor, input: FindingInput) {
      requireAction(actor, 'followup.measures');
      const targetRef = input.targetKind === 'unit' ? null : input.targetRef?.trim() || null;
      const problem = findingProblem({ targetKind: input.targetKind, targetRef, targetLabel: input.targetLabel });
      if (problem) throw unprocessable(problem, 'The finding does not name its target');
      return db.transaction(async (tx) => {
        if (input.subjectCode && !(await one(tx, sql`select 1 from subject where code = ${input.subjectCode}`))) throw unprocessable('unknown_subject', 'No such subject');
        await checkTarget(tx, actor, input.targetKind, targetRef);
        const id = randomUUID();
        await tx.execute(sql`insert into followup_finding (organiser_id, id, school_unit_id, school_year, subject_code, grade_year, target_kind,
            target_ref, target_label, assessment, cause, recorded_by)
          values (${actor.organiserId}, ${id}, ${actor.unitId}, ${input.schoolYear}, ${input.subjectCode ?? null}, ${input.gradeYear ?? null},
            ${input.targetKind}, ${targetRef}, ${input.targetLabel.trim()}, ${input.assessment}, ${input.cause.trim()}, ${actor.personId})`);
        await auditOf(tx, actor, 'followup.finding.recorded', 'followup_finding', id, { findingId: id, schoolYear: input.schoolYear,
          subjectCode: input.subjectCode ?? null, targetKind: input.targetKind, targetRef, assessment: input.assessment });
        return detail(tx, actor, id);
      });
    },

    async update(actor: Actor, id: string, input: { assessment: Assessment; cause: string; version: number | null }) {
      requireAction(actor, 'followup.measures');
      return db.transaction(async (tx) => {
        const f = await findFinding(tx, actor, id, true);
        if (!f) throw notFound('Finding not found');
        if (f.version !== input.version) throw conflict('stale_version', 'Someone else changed the finding', { current: shown(f, actor.today) });
        await tx.execute(sql`update followup_finding set assessment = ${input.assessment}, cause = ${input.cause.trim()}, version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'followup.finding.updated', 'followup_finding', id, { findingId: id,
          changed: [...(f.assessment !== input.assessment ? ['assessment'] : []), ...(f.cause !== input.cause.trim() ? ['cause'] : [])], assessment: input.assessment });
        return detail(tx, actor, id);
      });
    },

    async addMeasure(actor: Actor, findingId: string, input: MeasureInput) {
      requireAction(actor, 'followup.measures');
      const problem = measureProblem(input, actor.today);
      if (problem) throw unprocessable(problem, 'A measure needs a description and a follow-up date from today on');
      return db.transaction(async (tx) => {
        if (!(await findFinding(tx, actor, findingId, true))) throw notFound('Finding not found');
        const id = randomUUID();
        await tx.execute(sql`insert into followup_measure (organiser_id, id, finding_id, kind, description, responsible, follow_up_date, created_by)
          values (${actor.organiserId}, ${id}, ${findingId}, ${input.kind}, ${input.description.trim()}, ${input.responsible.trim()}, ${input.followUpDate}, ${actor.personId})`);
        await auditOf(tx, actor, 'followup.measure.decided', 'followup_measure', id, { findingId, measureId: id, kind: input.kind, followUpDate: input.followUpDate });
        return detail(tx, actor, findingId);
      });
    },

    async updateMeasure(actor: Actor, measureId: string, input: MeasureEdit) {
      requireAction(actor, 'followup.measures');
      return db.transaction(async (tx) => {
        const m = await findMeasure(tx, actor, measureId);
        if (!m) throw notFound('Measure not found');
        if (m.version !== input.version) throw conflict('stale_version', 'Someone else changed the measure', { current: await detail(tx, actor, m.findingId) });
        const problem = measureProblem(input, actor.today, { followUpDateChanged: input.followUpDate !== m.followUpDate });
        if (problem) throw unprocessable(problem, 'The measure cannot be stored');
        await tx.execute(sql`update followup_measure set description = ${input.description.trim()}, responsible = ${input.responsible.trim()},
            follow_up_date = ${input.followUpDate}, followed_up_on = ${input.followedUpOn}, outcome = ${input.outcome.trim()}, version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${measureId}`);
        const changed = (['description', 'responsible', 'followUpDate', 'followedUpOn', 'outcome'] as const)
          .filter((k) => (typeof input[k] === 'string' ? (input[k] as string).trim() : input[k]) !== m[k]);
        await auditOf(tx, actor, input.followedUpOn && !m.followedUpOn ? 'followup.measure.followed_up' : 'followup.measure.updated', 'followup_measure', measureId,
          { findingId: m.findingId, measureId, changed, followedUpOn: input.followedUpOn });
        return detail(tx, actor, m.findingId);
      });
    },
  };
}
