import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { mayDecide } from '../../domain/access/delegation.js';
import { applicationProblem, decisionProblem, withdrawProblem, type LeaveDecision } from '../../domain/leave/leave.js';
import { revalidateAbsence } from '../absence-reports/cover-effect.js';
import { pupilInScope } from '../absence-reports/store.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { rows, type Db } from '../platform/db/database.js';
import { AppError, conflict, forbidden, notFound } from '../platform/http/errors.js';
import { leaveById, leaveDelegations, leaveOf, leaveOfUnit, pendingOfUnit, type LeaveRow } from './store.js';

export interface NewLeave { pupilId: string; fromDate: string; toDate: string; reason: string }
export interface Decision { decision: LeaveDecision; reason?: string | null; version: number | null }

const APPLICATION_MESSAGES = {
  dates_reversed: 'The last day comes before the first',
  starts_in_past: 'Leave is applied for in advance (from today on)',
  reason_required: 'Say what the leave is for',
} as const;

const auditOf = (actor: Actor, action: string, row: Pick<LeaveRow, 'id' | 'pupilId' | 'schoolUnitId'>, details: Record<string, unknown>) => ({
  organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
  action, entityType: 'leave_application', entityId: row.id, details: { personId: row.pupilId, unitId: row.schoolUnitId, ...details }, ip: actor.ip,
});

/** Ledighet: guardians apply, the principal of the pupil's unit or their delegate (decide_leave) decides. */
export function leaveService(db: Db) {
  /** The principal of the current unit always decides; a staff member through a delegation in force. */
  async function decides(actor: Actor): Promise<boolean> {
    if (!actor.unitId) return false;
    return mayDecide({ personId: actor.personId, isPrincipalOfUnit: actor.role === 'principal' }, 'decide_leave', actor.unitId,
      await leaveDelegations(db, actor), actor.today);
  }

  async function apply(actor: Actor, input: NewLeave) {
    const pupil = await pupilInScope(db, actor, input.pupilId);
    if (!pupil.unitId) throw new AppError(422, 'not_enrolled', 'The child is not enrolled at a school unit today');
    const problem = applicationProblem(input, actor.today);
    if (problem) throw new AppError(422, problem, APPLICATION_MESSAGES[problem]);
    const id = randomUUID();
    const reason = input.reason.trim();
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into leave_application (organiser_id, id, pupil_id, school_unit_id, applied_by, from_date, to_date, reason)
        values (${actor.organiserId}, ${id}, ${pupil.id}, ${pupil.unitId}, ${actor.personId}, ${input.fromDate}, ${input.toDate}, ${reason})`);
      await audit(tx, auditOf(actor, 'leave.applied', { id, pupilId: pupil.id, schoolUnitId: pupil.unitId! }, { fromDate: input.fromDate, toDate: input.toDate, reason }));
    });
    return (await leaveById(db, actor.organiserId, id))!;
  }

  async function list(actor: Actor, pupilId: string) {
    const pupil = await pupilInScope(db, actor, pupilId);
    return { pupil: { id: pupil.id, name: pupil.name, className: pupil.className, unitName: pupil.unitName }, today: actor.today,
      applications: await leaveOf(db, actor.organiserId, pupil.id) };
  }

  async function withdraw(actor: Actor, id: string) {
    const found = await leaveById(db, actor.organiserId, id);
    if (!found) throw notFound('Leave application not found');
    await pupilInScope(db, actor, found.pupilId); // another family's application: 404
    if (withdrawProblem(found.status)) throw conflict('not_pending', 'Only a pending application can be withdrawn', { status: found.status });
    await db.transaction(async (tx) => {
      const done = await rows<{ id: string }>(tx, sql`update leave_application set status = 'withdrawn', version = version + 1
        where organiser_id = ${actor.organiserId} and id = ${id} and status = 'pending' returning id`);
      if (!done.length) throw conflict('not_pending', 'Only a pending application can be withdrawn');
      await audit(tx, auditOf(actor, 'leave.withdrawn', found, {}));
    });
    return (await leaveById(db, actor.organiserId, id))!;
  }

  async function pending(actor: Actor) {
    if (!(await decides(actor))) return { mayDecide: false, applications: [] };
    return { mayDecide: true, applications: await pendingOfUnit(db, actor) };
  }

  async function decide(actor: Actor, id: string, input: Decision) {
    const found = await leaveOfUnit(db, actor, id);
    if (!found) throw notFound('Leave application not found');
    if (!(await decides(actor))) throw forbidden('Leave is decided by the principal or the staff member the principal delegated it to');
    const problem = decisionProblem(found.status, input.decision, input.reason);
    if (problem === 'not_pending') throw conflict('not_pending', `The application is ${found.status} and cannot be decided`, { status: found.status });
    if (problem) throw new AppError(422, problem, 'A refusal needs a reason');
    if (input.version === null) throw new AppError(422, 'version_required', 'Send the version of the application you decide on');
    if (found.version !== input.version) throw conflict('version_conflict', 'The application was changed meanwhile', { current: found });
    const reason = input.reason?.trim() || null;
    await db.transaction(async (tx) => {
      const done = await rows<{ id: string }>(tx, sql`update leave_application set status = ${input.decision}, decided_by = ${actor.personId},
          decided_at = now(), decision_reason = ${reason}, version = version + 1
        where organiser_id = ${actor.organiserId} and id = ${id} and status = 'pending' and version = ${input.version} returning id`);
      if (!done.length) throw conflict('version_conflict', 'The application was changed meanwhile');
      const changes = await revalidateAbsence(tx, actor.organiserId, found.pupilId, found.fromDate, found.toDate);
      await audit(tx, auditOf(actor, `leave.${input.decision}`, found, { fromDate: found.fromDate, toDate: found.toDate, reason, madeValid: changes.filter((c) => c.valid).map((c) => c.id) }));
    });
    return (await leaveById(db, actor.organiserId, id))!;
  }

  return { apply, list, withdraw, pending, decide };
}

export type LeaveService = ReturnType<typeof leaveService>;
