import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { mayDecide } from '../../domain/access/delegation.js';
import {
  caseAttention, contentEditProblem, decisionProblem, evaluationProblem, followUpProblem, statusAfterDecision,
  type ActionProgrammeDecision, type ActionProgrammeProblem,
} from '../../domain/pupil-support/action-programme.js';
import { pupilScope, pupilSupportWriterScope, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db, type Queryable } from '../platform/db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../platform/http/errors.js';
import { renderDecisionDocument } from './decision-pdf.js';
import { documentFacts, findProgramme, listMeasures, listProgrammes, programmeDelegations, responsibleOptions, type ProgrammeRow } from './store.js';

type Q = Pick<Queryable, 'execute'>;

export interface StartInput { pupilId: string; reason: string; startedOn: string }
export interface DraftInput {
  investigationFindings: string; needs: string; evaluateBy: string | null;
  measures: { measure: string; responsibleId: string; followUpOn: string }[]; version: number | null;
}
export interface DecisionInput { decision: ActionProgrammeDecision; reason: string; version: number | null }
export interface InformedInput { informedOn: string; version: number | null }
export interface FollowUpInput { note: string; followedUpOn: string; nextFollowUpOn: string | null }
export interface EvaluationInput { evaluation: string; evaluatedOn: string; version: number | null }

const PROBLEM_STATUS: Record<ActionProgrammeProblem, number> = {
  not_decider: 403, already_decided: 409, decided_content_fixed: 409, not_a_programme: 409, evaluation_before_decision: 409,
  no_findings: 422, no_reason: 422, no_needs: 422, no_measures: 422, no_evaluation_date: 422, no_evaluation: 422,
};
const refuse = (problem: ActionProgrammeProblem) => new AppError(PROBLEM_STATUS[problem], problem, `The action programme cannot change so: ${problem}`);

/**
 * Åtgärdsprogram: a teacher, mentor or the principal starts the investigation of a pupil's need for special
 * support and drafts the programme; the principal of the unit (or a delegate with decide_action_programme)
 * decides — a programme or none, with reasons; then the decision document, the guardians informed, sharing
 * with the pupil and guardians, follow-ups of the measures and the evaluation that closes it. Reads go
 * through `actionProgrammeScope` (404 outside it); every change is version-checked where it races and audited.
 */
export function actionProgrammeService(db: Db) {
  const auditOf = (q: Q, actor: Actor, action: string, p: Pick<ProgrammeRow, 'id' | 'pupilId' | 'schoolUnitId'>, more: Record<string, unknown> = {}) =>
    audit(q, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action, entityType: 'action_programme', entityId: p.id, details: { personId: p.pupilId, unitId: p.schoolUnitId, ...more }, ip: actor.ip });
  const notAfterToday = (actor: Actor, date: string) => { if (date > actor.today) throw badRequest('The date lies in the future', 'date_in_future'); };

  async function decides(q: Q, actor: Actor, p: Pick<ProgrammeRow, 'schoolUnitId'>): Promise<boolean> {
    if (actor.unitId !== p.schoolUnitId) return false;
    return mayDecide({ personId: actor.personId, isPrincipalOfUnit: actor.role === 'principal' }, 'decide_action_programme', p.schoolUnitId,
      actor.role === 'teacher' ? await programmeDelegations(q, actor) : [], actor.today);
  }

  const isStaff = (actor: Actor) => actor.role === 'teacher' || actor.role === 'principal';

  async function detail(q: Q, actor: Actor, id: string) {
    const p = await findProgramme(q, actor, id);
    if (!p) throw notFound('Action programme not found');
    const measures = await listMeasures(q, actor.organiserId, id);
    const mayDecideIt = isStaff(actor) && await decides(q, actor, p);
    const mayEdit = p.mayWrite && p.status === 'investigation';
    const mayManage = isStaff(actor) && (p.mayWrite || mayDecideIt);
    const { mayWrite: _w, decidedById, ...rest } = p;
    return {
      ...rest, today: actor.today,
      measures: measures.map(({ programmeId: _p, ...m }) => ({ ...m, mayFollowUp: p.status === 'programme' && isStaff(actor) && (mayManage || m.responsibleId === actor.personId) })),
      may: { edit: mayEdit, decide: mayDecideIt && p.status === 'investigation', manage: mayManage && p.status !== 'investigation',
        evaluate: mayManage && p.status === 'programme' },
      decidedByDelegate: decidedById !== null && !(await decidedAsPrincipal(q, p)),
      responsibleOptions: mayEdit ? await responsibleOptions(q, actor, p.schoolUnitId) : [],
    };
  }

  /** The decider held a principal duty at the unit on the day of the decision. */
  async function decidedAsPrincipal(q: Q, p: ProgrammeRow) {
    const found = await one(q, sql`select 1 as yes from duty d join action_programme ap on ap.organiser_id = d.organiser_id and ap.id = ${p.id}
      where d.person_id = ap.decided_by and d.school_unit_id = ap.school_unit_id and d.role = 'principal'
        and d.start_date <= ap.decided_on and (d.end_date is null or d.end_date >= ap.decided_on) limit 1`);
    return found !== undefined;
  }

  /** Loads the case for a change, locked; refuses a stale version (409 with the current case). */
  async function forChange(tx: Q, actor: Actor, id: string, version: number | null | 'unchecked') {
    const p = await findProgramme(tx, actor, id, true);
    if (!p) throw notFound('Action programme not found');
    if (version !== 'unchecked' && p.version !== version) throw conflict('stale_version', 'Someone else changed the action programme', { current: await detail(tx, actor, id) });
    return p;
  }

  const bump = (tx: Q, actor: Actor, id: string, set: ReturnType<typeof sql>) =>
    tx.execute(sql`update action_programme set ${set}, version = version + 1, updated_at = now() where organiser_id = ${actor.organiserId} and id = ${id}`);

  async function manageable(tx: Q, actor: Actor, p: ProgrammeRow) {
    if (!p.mayWrite && !(await decides(tx, actor, p))) throw forbidden('Only the pupil\'s teachers, mentor, the principal or the decider may do this');
    if (p.status === 'investigation') throw conflict('not_decided', 'The action programme has not been decided yet');
  }

  return {
    async ofPupil(actor: Actor, pupilId: string) {
      requireAction(actor, 'pupil-support.view');
      const pupil = await one<{ id: string; givenName: string; familyName: string }>(db, sql`select p.id, p.given_name as "givenName", p.family_name as "familyName"
        from person p where p.id = ${pupilId} and ${pupilScope(actor)}`);
      if (!pupil) throw notFound('Pupil not found');
      const mayStart = isStaff(actor) && (await one(db, sql`select 1 as yes from person p where p.id = ${pupilId} and ${pupilSupportWriterScope(actor)}`)) !== undefined;
      const list = await listProgrammes(db, actor, pupilId);
      return { pupil, today: actor.today, mayStart, programmes: list.map(({ mayWrite: _w, decidedById: _d, ...p }) => ({ ...p, attention: caseAttention(p, actor.today) })) };
    },

    async ofUnit(actor: Actor) {
      requireAction(actor, 'pupil-support.view');
      const list = await listProgrammes(db, actor, null);
      return { today: actor.today, programmes: list.map(({ mayWrite: _w, decidedById: _d, ...p }) => ({ ...p, attention: caseAttention(p, actor.today) })) };
    },

    async get(actor: Actor, id: string) {
      requireAction(actor, 'pupil-support.view');
      return detail(db, actor, id);
    },

    async start(actor: Actor, input: StartInput) {
      requireAction(actor, 'pupil-support.edit');
      notAfterToday(actor, input.startedOn);
      return db.transaction(async (tx) => {
        const pupil = await one<{ id: string }>(tx, sql`select p.id from person p where p.id = ${input.pupilId} and ${pupilSupportWriterScope(actor)} for update`);
        if (!pupil) throw notFound('Pupil not found');
        const open = await one<{ id: string }>(tx, sql`select id from action_programme where organiser_id = ${actor.organiserId}
          and pupil_id = ${input.pupilId} and school_unit_id = ${actor.unitId} and status = 'investigation'`);
        if (open) throw conflict('investigation_open', 'The pupil\'s need of support is already being investigated', { id: open.id });
        const id = randomUUID();
        await tx.execute(sql`insert into action_programme (organiser_id, id, pupil_id, school_unit_id, investigation_reason, investigation_started_on, investigated_by)
          values (${actor.organiserId}, ${id}, ${input.pupilId}, ${actor.unitId}, ${input.reason}, ${input.startedOn}, ${actor.personId})`);
        await auditOf(tx, actor, 'action_programme.investigation_started', { id, pupilId: input.pupilId, schoolUnitId: actor.unitId! }, { startedOn: input.startedOn });
        return detail(tx, actor, id);
      });
    },

    async saveDraft(actor: Actor, id: string, input: DraftInput) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const p = await forChange(tx, actor, id, input.version);
        if (!p.mayWrite) throw forbidden('Only the pupil\'s teachers, mentor or the principal write the programme');
        const problem = contentEditProblem(p.status);
        if (problem) throw refuse(problem);
        const allowed = new Set((await responsibleOptions(tx, actor, p.schoolUnitId)).map((s) => s.id));
        if (input.measures.some((m) => !allowed.has(m.responsibleId))) throw new AppError(422, 'unknown_responsible', 'A measure\'s responsible is not staff of the unit');
        await bump(tx, actor, id, sql`investigation_findings = ${input.investigationFindings}, needs = ${input.needs}, evaluate_by = ${input.evaluateBy}`);
        await tx.execute(sql`delete from action_programme_measure where organiser_id = ${actor.organiserId} and programme_id = ${id}`);
        for (const m of input.measures) {
          await tx.execute(sql`insert into action_programme_measure (organiser_id, id, programme_id, measure, responsible_id, follow_up_on)
            values (${actor.organiserId}, ${randomUUID()}, ${id}, ${m.measure}, ${m.responsibleId}, ${m.followUpOn})`);
        }
        await auditOf(tx, actor, 'action_programme.draft_saved', p, { measures: input.measures.length, evaluateBy: input.evaluateBy });
        return detail(tx, actor, id);
      });
    },

    async decide(actor: Actor, id: string, input: DecisionInput) {
      requireAction(actor, 'pupil-support.view');
      return db.transaction(async (tx) => {
        const p = await forChange(tx, actor, id, 'unchecked');
        const measures = await listMeasures(tx, actor.organiserId, id);
        const problem = decisionProblem({ ...p, measures }, input.decision,
          { mayDecide: await decides(tx, actor, p), reason: input.reason, decidedOn: actor.today });
        if (problem) throw refuse(problem);
        if (p.version !== input.version) throw conflict('stale_version', 'Someone else changed the action programme', { current: await detail(tx, actor, id) });
        await bump(tx, actor, id, sql`status = ${statusAfterDecision(input.decision)}, decision = ${input.decision}, decision_reason = ${input.reason},
          decided_by = ${actor.personId}, decided_on = ${actor.today}`);
        await auditOf(tx, actor, `action_programme.decided`, p, { decision: input.decision, decidedOn: actor.today });
        return detail(tx, actor, id);
      });
    },

    async guardiansInformed(actor: Actor, id: string, input: InformedInput) {
      requireAction(actor, 'pupil-support.view');
      notAfterToday(actor, input.informedOn);
      return db.transaction(async (tx) => {
        const p = await forChange(tx, actor, id, input.version);
        await manageable(tx, actor, p);
        if (p.decidedOn && input.informedOn < p.decidedOn) throw new AppError(422, 'informed_before_decision', 'The guardians were informed before the decision');
        await bump(tx, actor, id, sql`guardians_informed_on = ${input.informedOn}`);
        await auditOf(tx, actor, 'action_programme.guardians_informed', p, { informedOn: input.informedOn });
        return detail(tx, actor, id);
      });
    },

    async share(actor: Actor, id: string, version: number | null) {
      requireAction(actor, 'pupil-support.view');
      return db.transaction(async (tx) => {
        const p = await forChange(tx, actor, id, version);
        await manageable(tx, actor, p);
        if (p.sharedAt) throw conflict('already_shared', 'The action programme is already shared with the pupil and guardians');
        await bump(tx, actor, id, sql`shared_at = now()`);
        await auditOf(tx, actor, 'action_programme.shared', p);
        return detail(tx, actor, id);
      });
    },

    async followUp(actor: Actor, id: string, measureId: string, input: FollowUpInput) {
      requireAction(actor, 'pupil-support.view');
      notAfterToday(actor, input.followedUpOn);
      return db.transaction(async (tx) => {
        const p = await forChange(tx, actor, id, 'unchecked');
        const measure = (await listMeasures(tx, actor.organiserId, id)).find((m) => m.id === measureId);
        if (!measure) throw notFound('Measure not found');
        if (!isStaff(actor) || (!p.mayWrite && measure.responsibleId !== actor.personId && !(await decides(tx, actor, p)))) {
          throw forbidden('Only the measure\'s responsible, the pupil\'s teachers, mentor or the principal follow it up');
        }
        const problem = followUpProblem(p.status);
        if (problem) throw refuse(problem);
        if (p.decidedOn && input.followedUpOn < p.decidedOn) throw new AppError(422, 'follow_up_before_decision', 'A follow-up comes after the decision');
        if (input.nextFollowUpOn !== null && input.nextFollowUpOn <= input.followedUpOn) throw new AppError(422, 'next_follow_up_not_later', 'The next follow-up comes after this one');
        const entry = `${input.followedUpOn}: ${input.note}`;
        await tx.execute(sql`update action_programme_measure set followed_up_on = ${input.followedUpOn},
            follow_up_note = case when follow_up_note is null or follow_up_note = '' then ${entry} else follow_up_note || E'\n' || ${entry} end,
            follow_up_on = coalesce(${input.nextFollowUpOn}::date, follow_up_on)
          where organiser_id = ${actor.organiserId} and id = ${measureId}`);
        await bump(tx, actor, id, sql`status = status`);
        await auditOf(tx, actor, 'action_programme.measure_followed_up', p, { measureId, followedUpOn: input.followedUpOn, nextFollowUpOn: input.nextFollowUpOn });
        return detail(tx, actor, id);
      });
    },

    async evaluate(actor: Actor, id: string, input: EvaluationInput) {
      requireAction(actor, 'pupil-support.view');
      notAfterToday(actor, input.evaluatedOn);
      return db.transaction(async (tx) => {
        const p = await forChange(tx, actor, id, input.version);
        if (!isStaff(actor) || (!p.mayWrite && !(await decides(tx, actor, p)))) throw forbidden('Only the pupil\'s teachers, mentor, the principal or the decider evaluate');
        const problem = evaluationProblem(p.status, input.evaluation);
        if (problem) throw refuse(problem);
        if (p.decidedOn && input.evaluatedOn < p.decidedOn) throw new AppError(422, 'evaluation_before_decision_date', 'The evaluation comes after the decision');
        await bump(tx, actor, id, sql`status = 'evaluated', evaluation = ${input.evaluation}, evaluated_on = ${input.evaluatedOn}`);
        await auditOf(tx, actor, 'action_programme.evaluated', p, { evaluatedOn: input.evaluatedOn });
        return detail(tx, actor, id);
      });
    },

    /** The decision document, made from the case as decided (its content is fixed by the decision). */
    async decisionPdf(actor: Actor, id: string) {
      requireAction(actor, 'pupil-support.view');
      const p = await findProgramme(db, actor, id);
      if (!p) throw notFound('Action programme not found');
      if (!p.decision || !p.decidedOn || !p.decidedBy) throw conflict('not_decided', 'The action programme has not been decided yet');
      const [measures, facts] = await Promise.all([listMeasures(db, actor.organiserId, id), documentFacts(db, actor.organiserId, p.pupilId, p.schoolUnitId)]);
      const name = `${p.givenName} ${p.familyName}`;
      const pdf = await renderDecisionDocument({
        pupil: { name, civicNo: facts?.civicNo ?? null, className: p.className },
        unit: { name: p.unitName, code: facts?.unitCode ?? '', organiser: facts?.organiser ?? '' },
        investigation: { reason: p.investigationReason, startedOn: p.investigationStartedOn, findings: p.investigationFindings },
        decision: p.decision, decisionReason: p.decisionReason ?? '', decidedOn: p.decidedOn,
        decider: { name: p.decidedBy, asDelegate: !(await decidedAsPrincipal(db, p)) },
        needs: p.needs, evaluateBy: p.evaluateBy, measures,
      });
      return { pdf, fileName: `Beslut åtgärdsprogram – ${name} – ${p.decidedOn}.pdf` };
    },
  };
}

export type ActionProgrammeService = ReturnType<typeof actionProgrammeService>;
