import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  adaptationOrder, adaptationProblem, adaptationStatus, changeProblem, evaluationProblem, noteProblem, shareAdaptationProblem,
  type AdaptationFact, type AdaptationProblem,
} from '../../domain/extra-adaptations/adaptation.js';
import { pupilSupportWriterScope, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db, type Queryable } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import { isStaff, pupilSubjects, requireSupportPupil, responsibleCandidates } from '../development-talks/pupil-context.js';
import { findAdaptation, listAdaptations, listNotes, type AdaptationRow } from './adaptation-store.js';

type Q = Pick<Queryable, 'execute'>;

export interface AdaptationInput { subjectCode: string | null; description: string; startDate: string; endDate: string | null; responsibleId: string; followUpOn: string | null }

const STATUS: Record<AdaptationProblem, number> = {
  end_before_start: 400, follow_up_before_start: 400, not_responsible_candidate: 400, note_before_start: 400, evaluation_before_start: 400,
  evaluated: 409, already_shared: 409,
};
const refuse = (p: AdaptationProblem) => new AppError(STATUS[p], p, `Refused: ${p}`);
const fact = (a: AdaptationRow): AdaptationFact => ({ startDate: a.startDate, endDate: a.endDate, followUpOn: a.followUpOn, evaluatedOn: a.evaluatedOn, shared: a.sharedAt !== null });

/**
 * Extra anpassningar. The pupil's teachers, mentor and principal write them (pupilSupportWriterScope): in a
 * subject or in general, with a responsible chosen from the pupil's staff and the principal, follow-up notes
 * and an evaluation that closes it; shared, the pupil and the guardians read it. Every change audited.
 */
export function extraAdaptationService(db: Db) {
  const auditOf = (q: Q, actor: Actor, action: string, a: Pick<AdaptationRow, 'id' | 'pupilId' | 'unitId'>, more: Record<string, unknown> = {}) =>
    audit(q, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action, entityType: 'extra_adaptation', entityId: a.id, details: { personId: a.pupilId, unitId: a.unitId, ...more }, ip: actor.ip });

  /** The actor writes about the pupil (teacher or mentor today, or the principal of their unit). */
  const writes = async (q: Q, actor: Actor, pupilId: string) => isStaff(actor)
    && !!(await one(q, sql`select 1 as yes from person p where p.id = ${pupilId} and ${pupilSupportWriterScope(actor)}`));

  async function withNotes(q: Q, actor: Actor, list: AdaptationRow[]) {
    const notes = list.length ? await listNotes(q, actor.organiserId, list.map((a) => a.id)) : [];
    return list.map((a) => ({ ...a, status: adaptationStatus(fact(a), actor.today),
      notes: notes.filter((n) => n.adaptationId === a.id).map(({ adaptationId: _a, ...n }) => n) }));
  }

  async function one_(q: Q, actor: Actor, id: string) {
    const a = await findAdaptation(q, actor, id);
    if (!a) throw notFound('Extra adaptation not found');
    return (await withNotes(q, actor, [a]))[0];
  }

  async function checked(q: Q, actor: Actor, pupilId: string, unitId: string, input: AdaptationInput) {
    const candidates = await responsibleCandidates(q, actor.organiserId, pupilId, unitId, actor.today);
    const problem = adaptationProblem(input, candidates.map((c) => c.id));
    if (problem) throw refuse(problem);
  }

  /** The adaptation, locked, when the actor may write about its pupil; a stale version is 409 (`undefined`: not checked). */
  async function locked(q: Q, actor: Actor, id: string, version: number | null | undefined) {
    const a = await findAdaptation(q, actor, id, true);
    if (!a || !(await writes(q, actor, a.pupilId))) throw notFound('Extra adaptation not found');
    const problem = changeProblem(fact(a));
    if (problem) throw refuse(problem);
    if (version !== undefined && a.version !== version) throw conflict('stale_version', 'Someone else changed the adaptation', { current: await one_(q, actor, id) });
    return a;
  }

  return {
    async list(actor: Actor, pupilId: string) {
      requireAction(actor, 'pupil-support.view');
      const pupil = await requireSupportPupil(db, actor, pupilId);
      const mayEdit = await writes(db, actor, pupilId);
      const adaptations = (await withNotes(db, actor, await listAdaptations(db, actor, pupilId))).sort(adaptationOrder(actor.today));
      return {
        pupil, today: actor.today, mayEdit, adaptations,
        responsibleOptions: mayEdit ? await responsibleCandidates(db, actor.organiserId, pupilId, actor.unitId!, actor.today) : [],
        subjects: mayEdit ? await pupilSubjects(db, actor.organiserId, pupilId, actor.unitId!, actor.today) : [],
      };
    },

    async create(actor: Actor, pupilId: string, input: AdaptationInput) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        await requireSupportPupil(tx, actor, pupilId);
        await checked(tx, actor, pupilId, actor.unitId!, input);
        const id = randomUUID();
        await tx.execute(sql`insert into extra_adaptation (organiser_id, id, pupil_id, school_unit_id, subject_code, description, start_date, end_date,
            responsible_id, follow_up_on, created_by)
          values (${actor.organiserId}, ${id}, ${pupilId}, ${actor.unitId}, ${input.subjectCode}, ${input.description}, ${input.startDate}, ${input.endDate},
            ${input.responsibleId}, ${input.followUpOn}, ${actor.personId})`);
        await auditOf(tx, actor, 'extra_adaptation.created', { id, pupilId, unitId: actor.unitId! }, { subjectCode: input.subjectCode, responsibleId: input.responsibleId });
        return one_(tx, actor, id);
      });
    },

    async update(actor: Actor, id: string, input: AdaptationInput & { version: number | null }) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const a = await locked(tx, actor, id, input.version);
        await checked(tx, actor, a.pupilId, a.unitId, input);
        await tx.execute(sql`update extra_adaptation set subject_code = ${input.subjectCode}, description = ${input.description},
            start_date = ${input.startDate}, end_date = ${input.endDate}, responsible_id = ${input.responsibleId}, follow_up_on = ${input.followUpOn},
            version = version + 1, updated_at = now() where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'extra_adaptation.changed', a, { subjectCode: input.subjectCode, responsibleId: input.responsibleId });
        return one_(tx, actor, id);
      });
    },

    /** A dated follow-up note by the actor; it may set the next follow-up date. */
    async addNote(actor: Actor, id: string, input: { notedOn: string; note: string; nextFollowUpOn: string | null }) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const a = await locked(tx, actor, id, undefined);
        const problem = noteProblem(fact(a), input.notedOn) ?? (input.nextFollowUpOn !== null && input.nextFollowUpOn < a.startDate ? 'follow_up_before_start' : null);
        if (problem) throw refuse(problem);
        const noteId = randomUUID();
        await tx.execute(sql`insert into extra_adaptation_note (organiser_id, id, adaptation_id, noted_on, note, author_id)
          values (${actor.organiserId}, ${noteId}, ${id}, ${input.notedOn}, ${input.note}, ${actor.personId})`);
        await tx.execute(sql`update extra_adaptation set follow_up_on = ${input.nextFollowUpOn}, version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'extra_adaptation.note_added', a, { noteId, nextFollowUpOn: input.nextFollowUpOn });
        return one_(tx, actor, id);
      });
    },

    async evaluate(actor: Actor, id: string, input: { evaluation: string; evaluatedOn: string; version: number | null }) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const a = await locked(tx, actor, id, input.version);
        const problem = evaluationProblem(fact(a), input.evaluatedOn);
        if (problem) throw refuse(problem);
        await tx.execute(sql`update extra_adaptation set evaluation = ${input.evaluation}, evaluated_on = ${input.evaluatedOn}, follow_up_on = null,
            end_date = coalesce(least(end_date, ${input.evaluatedOn}::date), ${input.evaluatedOn}::date), version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'extra_adaptation.evaluated', a, { evaluatedOn: input.evaluatedOn });
        return one_(tx, actor, id);
      });
    },

    async share(actor: Actor, id: string, version: number | null) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const a = await findAdaptation(tx, actor, id, true);
        if (!a || !(await writes(tx, actor, a.pupilId))) throw notFound('Extra adaptation not found');
        const problem = shareAdaptationProblem(fact(a));
        if (problem) throw refuse(problem);
        if (a.version !== version) throw conflict('stale_version', 'Someone else changed the adaptation', { current: await one_(tx, actor, id) });
        await tx.execute(sql`update extra_adaptation set shared_at = now(), version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'extra_adaptation.shared', a);
        return one_(tx, actor, id);
      });
    },
  };
}
