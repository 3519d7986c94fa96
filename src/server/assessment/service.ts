import { sql, type SQL } from 'drizzle-orm';
import { latestOf, levelLabel, stepsOrNone } from '../../domain/assessment/matrix.js';
import { DEFAULT_YOUNG_SCALE, levelProblem } from '../../domain/assessment/steps.js';
import { byPersonName } from '../../domain/org/sorting.js';
import { shareAssessmentsProblem } from '../../domain/planning/planning.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit, auditStatement } from '../platform/audit/audit.js';
import { one, type Db } from '../platform/db/database.js';
import { AppError, badRequest, conflict, notFound } from '../platform/http/errors.js';
import { cellId } from './cell-id.js';
import { readCell, readHistory, readMatrix, readPlanningHead, readSaveFacts, writeCell, type MatrixCell } from './matrix-store.js';
import { readPupilAssessments, readPupilHead, readPupilSubjects, readSubjectRequirements, type PupilAssessmentRow } from './pupil-store.js';

export interface CellInput { pupilId: string; requirementId: string; level: string | null; comment: string | null; version: number | null }

const scaleOf = (stored: string[] | null) => (stored?.length ? stored : [...DEFAULT_YOUNG_SCALE]);

const cellBody = (c: MatrixCell) => ({
  pupilId: c.pupilId, requirementId: c.requirementId, level: c.level, label: levelLabel(c.level, c.pupilYear), comment: c.comment,
  pupilYear: c.pupilYear, assessedOn: c.assessedOn, assessedByName: c.assessedByName, version: c.version,
});

/**
 * Bedömning: the matrix of a planning (its requirements × the pupils of its groups today) and saving one cell,
 * the history of a cell, sharing a planning's assessments with pupils and guardians, and the pupil's
 * knowledge matrix (kunskapsmatris) across plannings of a subject.
 */
export function assessmentMatrixService(db: Db) {
  return {
    async matrix(actor: Actor, planningId: string) {
      requireAction(actor, 'plannings.view');
      const m = await readMatrix(db, actor, planningId);
      if (!m) throw notFound('Planning not found');
      const scale = scaleOf(m.scale);
      return {
        planning: { id: m.id, title: m.title, subjectCode: m.subjectCode, subjectName: m.subjectName, status: m.status,
          assessmentsShared: m.assessmentsShared, periodStart: m.periodStart, periodEnd: m.periodEnd, groups: m.groups },
        mayAssess: m.mayAssess, mayShare: m.mayShare, today: actor.today, scale,
        requirements: m.requirements.map(({ position: _p, ...r }) => r),
        pupils: m.pupils.sort(byPersonName).map((p) => ({ ...p, steps: stepsOrNone(p.year, scale) })),
        cells: m.cells.map(cellBody),
      };
    },

    /** Saves one cell (level null clears it): checked against the pupil's year and the version read. Two
     *  statements in one transaction: the facts, then the write with its history and audit rows. */
    async save(actor: Actor, planningId: string, input: CellInput) {
      requireAction(actor, 'assessments.register');
      return db.transaction(async (tx) => {
        const facts = await readSaveFacts(tx, actor, planningId, input.pupilId, input.requirementId);
        if (!facts) throw notFound('Planning not found among those you assess');
        if (!facts.requirement) throw notFound('The requirement is not one of the planning\'s');
        if (!facts.pupil) throw notFound('The pupil is not a member of the planning\'s groups today');
        const year = facts.pupil.year;
        if (year === null) throw new AppError(409, 'no_school_year', 'The pupil has no enrolment at the unit today: no steps apply');
        const scale = scaleOf(facts.scale);
        const problem = input.level === null ? null : levelProblem(input.level, year, scale);
        if (problem) throw new AppError(422, 'invalid_level', problem, { steps: stepsOrNone(year, scale) });
        const current = facts.current;
        if ((current?.version ?? null) !== input.version) {
          throw conflict('stale_version', 'Someone else changed this assessment', { current });
        }
        if (input.level === null && current === null) return { ...input, label: null, version: null, assessedOn: null, assessedByName: null, pupilYear: year };
        const id = cellId(actor.organiserId, planningId, input.pupilId, input.requirementId);
        const comment = input.level === null ? null : input.comment?.trim() || null;
        const auditRow = (written: SQL) => auditStatement({
          organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip,
          action: input.level === null ? 'assessment.cleared' : 'assessment.saved', entityType: 'assessment', entityId: id,
          details: { personId: input.pupilId, unitId: facts.schoolUnitId, planningId, requirementId: input.requirementId,
            before: current ? { level: current.level, comment: current.comment } : null, after: input.level === null ? null : { level: input.level, comment } },
        }, written);
        const written = await writeCell(tx, actor, { id, planningId, pupilId: input.pupilId, requirementId: input.requirementId,
          level: input.level, comment, pupilYear: year, expectedVersion: input.version }, auditRow);
        if (!written) {
          const now = await readCell(tx, actor.organiserId, planningId, input.pupilId, input.requirementId);
          throw conflict('stale_version', 'Someone else changed this assessment', { current: now ?? null });
        }
        return {
          pupilId: input.pupilId, requirementId: input.requirementId, level: input.level, label: input.level === null ? null : levelLabel(input.level, year),
          comment, pupilYear: year, assessedOn: input.level === null ? null : actor.today, assessedByName: input.level === null ? null : actor.name,
          version: input.level === null ? null : written.version,
        };
      });
    },

    async history(actor: Actor, planningId: string, pupilId: string, requirementId: string) {
      requireAction(actor, 'plannings.view');
      const head = await readPlanningHead(db, actor, planningId, 'read');
      if (!head) throw notFound('Planning not found');
      const events = await readHistory(db, actor.organiserId, cellId(actor.organiserId, planningId, pupilId, requirementId));
      return { events: events.map((e) => ({ ...e, recordedAt: new Date(e.recordedAt).toISOString() })) };
    },

    /** Shows (or hides) the planning's assessments to its pupils and their guardians: owners only, a published planning only. */
    async share(actor: Actor, planningId: string, shared: boolean) {
      requireAction(actor, 'plannings.edit');
      return db.transaction(async (tx) => {
        const head = await readPlanningHead(tx, actor, planningId, 'own');
        if (!head) throw notFound('Planning not found among yours');
        const problem = shared ? shareAssessmentsProblem(head.status) : null;
        if (problem) throw conflict(problem, 'Only a published planning\'s assessments can be shared');
        if (head.assessmentsShared !== shared) {
          await tx.execute(sql`update planning set assessments_shared = ${shared}, updated_at = now()
            where organiser_id = ${actor.organiserId} and id = ${planningId}`);
          await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip,
            action: shared ? 'planning.assessments_shared' : 'planning.assessments_unshared', entityType: 'planning', entityId: planningId,
            details: { unitId: head.schoolUnitId, planningId } });
        }
        return { assessmentsShared: shared };
      });
    },

    /** The pupil's kunskapsmatris for a subject: the requirements of the stage of the pupil's year (and any other
     *  assessed) × the plannings that assessed them, with the latest level per requirement. */
    async knowledgeMatrix(actor: Actor, pupilId: string, subject: string | undefined) {
      requireAction(actor, 'plannings.view');
      const pupil = await readPupilHead(db, actor, pupilId);
      if (!pupil) throw notFound('Pupil not found');
      const subjects = await readPupilSubjects(db, actor, pupilId);
      const code = subject ?? subjects[0]?.code ?? null;
      if (code === null) return { pupil, subjects: [], subject: null, plannings: [], requirements: [] };
      if (subject && !subjects.some((s) => s.code === subject)) {
        if (!(await one(db, sql`select 1 as yes from subject where code = ${subject}`))) throw badRequest('No such subject', 'unknown_subject');
      }
      const found = await readPupilAssessments(db, actor, pupilId, code);
      const requirements = await readSubjectRequirements(db, actor.today, code, pupil.year, [...new Set(found.map((a) => a.requirementId))]);
      const plannings = [...new Map(found.map((a) => [a.planningId, { id: a.planningId, title: a.title, periodStart: a.periodStart, periodEnd: a.periodEnd }])).values()];
      const view = (a: PupilAssessmentRow) => ({ planningId: a.planningId, level: a.level, label: levelLabel(a.level, a.pupilYear), comment: a.comment,
        assessedOn: a.assessedOn, assessedByName: a.assessedByName });
      return {
        pupil, subjects: subjects.map(({ code: c, name }) => ({ code: c, name })), subject: code, plannings,
        requirements: requirements.map((r) => {
          const mine = found.filter((a) => a.requirementId === r.id);
          const latest = latestOf(mine);
          return { ...r, cells: mine.map(view), latest: latest ? view(latest) : null };
        }),
      };
    },

    /** The pupil's assessments the actor may read, per subject and planning (the portal's "Bedömningar"). */
    async pupilAssessments(actor: Actor, pupilId: string) {
      requireAction(actor, 'plannings.view');
      const pupil = await readPupilHead(db, actor, pupilId);
      if (!pupil) throw notFound('Pupil not found');
      const found = await readPupilAssessments(db, actor, pupilId, null);
      const texts = await readSubjectRequirements(db, actor.today, '', null, [...new Set(found.map((a) => a.requirementId))]);
      const textOf = new Map(texts.map((r) => [r.id, r]));
      type Shown = { requirementId: string; text: string; choices: Record<string, string>; level: string; label: string; comment: string | null; assessedOn: string };
      const plannings = new Map<string, { id: string; title: string; subjectCode: string; subjectName: string; periodStart: string; periodEnd: string; assessments: Shown[] }>();
      for (const a of found) {
        const p = plannings.get(a.planningId) ?? { id: a.planningId, title: a.title, subjectCode: a.subjectCode, subjectName: a.subjectName,
          periodStart: a.periodStart, periodEnd: a.periodEnd, assessments: [] };
        const r = textOf.get(a.requirementId);
        p.assessments.push({ requirementId: a.requirementId, text: r?.text ?? '', choices: r?.choices ?? {}, level: a.level,
          label: levelLabel(a.level, a.pupilYear), comment: a.comment, assessedOn: a.assessedOn });
        plannings.set(a.planningId, p);
      }
      const order = new Map(texts.map((r, i) => [r.id, i]));
      for (const p of plannings.values()) p.assessments.sort((a, b) => order.get(a.requirementId)! - order.get(b.requirementId)!);
      return { pupil, plannings: [...plannings.values()] };
    },
  };
}

export type AssessmentMatrixService = ReturnType<typeof assessmentMatrixService>;
