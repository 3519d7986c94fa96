import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { entryProblem, investigationOrder, nextFollowUp, type EntryKind } from '../../domain/absence/investigation.js';
import { pupilScope, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db, type Queryable } from '../platform/db/database.js';
import { badRequest, conflict, notFound } from '../platform/http/errors.js';
import { findInvestigation, listEntries, listInvestigations, type InvestigationRow } from './investigation-store.js';

export interface OpenInput { pupilId: string; reason: string; openedOn: string }
export interface EntryInput { kind: EntryKind; occurredOn: string; followUpOn: string | null; text: string }
export interface CloseInput { conclusion: string; closedOn: string; version: number | null }

/** The investigations the actor may read, with their next follow-up, in the list's order. */
export async function visibleInvestigations(q: Pick<Queryable, 'execute'>, actor: Actor) {
  const list = await listInvestigations(q, actor);
  const entries = list.length ? await listEntries(q, actor.organiserId, list.map((i) => i.id)) : [];
  return list.map((i) => {
    const own = entries.filter((e) => e.investigationId === i.id);
    return { ...i, entryCount: own.length, nextFollowUp: i.status === 'open' ? nextFollowUp(own) : null };
  }).sort(investigationOrder(actor.today));
}

/**
 * Frånvaroutredning. The principal opens and closes one for a pupil of the unit; the principal, the pupil's
 * mentor and the unit's student health staff read it and add entries (contacts with the home, measures,
 * follow-ups, notes). Nobody else finds it (404). Every change is audited with the pupil and the unit.
 */
export function investigationService(db: Db) {
  const auditOf = (q: Pick<Queryable, 'execute'>, actor: Actor, action: string, id: string, pupilId: string, more: Record<string, unknown> = {}) =>
    audit(q, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action, entityType: 'absence_investigation', entityId: id, details: { personId: pupilId, unitId: actor.unitId, ...more }, ip: actor.ip });
  const notAfterToday = (actor: Actor, date: string) => { if (date > actor.today) throw badRequest('The date lies in the future', 'date_in_future'); };

  async function detail(q: Pick<Queryable, 'execute'>, actor: Actor, id: string) {
    const inv = await findInvestigation(q, actor, id);
    if (!inv) throw notFound('Investigation not found');
    const entries = await listEntries(q, actor.organiserId, [id]);
    return { ...inv, nextFollowUp: inv.status === 'open' ? nextFollowUp(entries) : null,
      mayManage: actor.role === 'principal', entries: entries.map(({ investigationId: _i, seq: _s, ...e }) => e) };
  }

  return {
    async list(actor: Actor) {
      requireAction(actor, 'absence.investigations.view');
      return { today: actor.today, mayOpen: actor.role === 'principal', investigations: await visibleInvestigations(db, actor) };
    },

    async get(actor: Actor, id: string) {
      requireAction(actor, 'absence.investigations.view');
      return detail(db, actor, id);
    },

    async open(actor: Actor, input: OpenInput) {
      requireAction(actor, 'absence.investigations.manage');
      notAfterToday(actor, input.openedOn);
      return db.transaction(async (tx) => {
        const pupil = await one<{ id: string }>(tx, sql`select p.id from person p where p.id = ${input.pupilId} and ${pupilScope(actor)} for update`);
        if (!pupil) throw notFound('Pupil not found');
        const open = await one<{ id: string }>(tx, sql`select id from absence_investigation where organiser_id = ${actor.organiserId}
          and pupil_id = ${input.pupilId} and school_unit_id = ${actor.unitId} and status = 'open'`);
        if (open) throw conflict('investigation_open', 'The pupil already has an open investigation', { id: open.id });
        const id = randomUUID();
        await tx.execute(sql`insert into absence_investigation (organiser_id, id, pupil_id, school_unit_id, opened_by, opened_on, reason)
          values (${actor.organiserId}, ${id}, ${input.pupilId}, ${actor.unitId}, ${actor.personId}, ${input.openedOn}, ${input.reason})`);
        await auditOf(tx, actor, 'absence_investigation.opened', id, input.pupilId, { openedOn: input.openedOn });
        return detail(tx, actor, id);
      });
    },

    async addEntry(actor: Actor, id: string, input: EntryInput) {
      requireAction(actor, 'absence.investigations.view');
      notAfterToday(actor, input.occurredOn);
      return db.transaction(async (tx) => {
        const inv = await findInvestigation(tx, actor, id, true);
        if (!inv) throw notFound('Investigation not found');
        const problem = entryProblem(inv.status, input);
        if (problem === 'closed') throw conflict('investigation_closed', 'The investigation is closed');
        if (problem) throw badRequest(`The entry is not usable: ${problem}`, problem);
        const entryId = randomUUID();
        await tx.execute(sql`insert into absence_investigation_entry (organiser_id, id, investigation_id, kind, occurred_on, follow_up_on, text, author_id)
          values (${actor.organiserId}, ${entryId}, ${id}, ${input.kind}, ${input.occurredOn}, ${input.followUpOn}, ${input.text}, ${actor.personId})`);
        await tx.execute(sql`update absence_investigation set version = version + 1 where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'absence_investigation.entry_added', id, inv.pupilId, { entryId, kind: input.kind });
        return detail(tx, actor, id);
      });
    },

    async close(actor: Actor, id: string, input: CloseInput) {
      requireAction(actor, 'absence.investigations.manage');
      notAfterToday(actor, input.closedOn);
      return db.transaction(async (tx) => {
        const inv: InvestigationRow | undefined = await findInvestigation(tx, actor, id, true);
        if (!inv) throw notFound('Investigation not found');
        if (inv.status === 'closed') throw conflict('investigation_closed', 'The investigation is already closed');
        if (inv.version !== input.version) throw conflict('stale_version', 'Someone else changed the investigation', { current: await detail(tx, actor, id) });
        if (input.closedOn < inv.openedOn) throw badRequest('Closed before it was opened', 'closed_before_opened');
        await tx.execute(sql`update absence_investigation set status = 'closed', closed_on = ${input.closedOn}, conclusion = ${input.conclusion},
            version = version + 1 where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'absence_investigation.closed', id, inv.pupilId, { closedOn: input.closedOn });
        return detail(tx, actor, id);
      });
    },
  };
}
