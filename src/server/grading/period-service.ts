import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import { suggestedPeriod } from '../../domain/register/organiser-settings.js';
import { readOrganiserProfile } from '../register/organisation/settings-store.js';
import { findPeriod, listPeriods } from './period-store.js';
import { loadGradingTerms, termLabel } from './terms.js';

/** The administrator sets the unit's grading period per term (optional; without one registration is open). */
export function periodService(db: Db) {
  async function list(actor: Actor) {
    requireAction(actor, 'grades.administer');
    const terms = await loadGradingTerms(db, actor.organiserId, actor.today);
    const periods = await listPeriods(db, actor.organiserId, actor.unitId!);
    const { defaultGradingPeriods } = await readOrganiserProfile(db, actor.organiserId);
    return [terms?.ht, terms?.vt].filter((t) => !!t).map((t) => {
      const p = periods.find((x) => x.term_id === t!.id);
      return { term: { id: t!.id, label: termLabel(t!), startDate: t!.startDate, endDate: t!.endDate },
        period: p ? { from: p.from, to: p.to, version: p.version } : null, suggested: suggestedPeriod(defaultGradingPeriods, t!) };
    });
  }

  async function set(actor: Actor, termId: string, input: { from: string; to: string; version: number | null }) {
    requireAction(actor, 'grades.administer');
    if (input.from > input.to) throw new AppError(400, 'end_before_start', 'The period must end on or after its first day');
    await db.transaction(async (tx) => {
      const term = await one(tx, sql`select 1 from term where organiser_id = ${actor.organiserId} and id = ${termId}`);
      if (!term) throw notFound('Term not found');
      const current = await findPeriod(tx, actor.organiserId, actor.unitId!, termId);
      if ((current?.version ?? null) !== input.version) {
        throw conflict('stale_version', 'Someone else changed the period', { current: current ? { from: current.from, to: current.to, version: current.version } : null });
      }
      await tx.execute(sql`insert into grading_period (organiser_id, id, school_unit_id, term_id, from_date, to_date)
          values (${actor.organiserId}, ${randomUUID()}, ${actor.unitId}, ${termId}, ${input.from}, ${input.to})
        on conflict (organiser_id, school_unit_id, term_id) do update set from_date = excluded.from_date, to_date = excluded.to_date,
          version = grading_period.version + 1`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grading_period.set', entityType: 'term', entityId: termId, details: { before: current ?? null, after: { from: input.from, to: input.to } }, ip: actor.ip });
    });
    return (await list(actor)).find((x) => x.term.id === termId) ?? null;
  }

  /** Removes the period: registration is open again for that term. */
  async function remove(actor: Actor, termId: string) {
    requireAction(actor, 'grades.administer');
    await db.transaction(async (tx) => {
      const current = await findPeriod(tx, actor.organiserId, actor.unitId!, termId);
      if (!current) throw notFound('No period is set for that term');
      await tx.execute(sql`delete from grading_period where organiser_id = ${actor.organiserId} and school_unit_id = ${actor.unitId} and term_id = ${termId}`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grading_period.removed', entityType: 'term', entityId: termId, details: { before: current }, ip: actor.ip });
    });
    return (await list(actor)).find((x) => x.term.id === termId) ?? null;
  }

  return { list, set, remove };
}
