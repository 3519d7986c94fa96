import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Queryable } from '../platform/db/database.js';
import { conflict, notFound } from '../platform/http/errors.js';
import type { Ended } from './rollover-plan.js';
import { AuditBatch, CREATED_TABLES, ENDED_TABLES, removeCreated, restoreEnds, type EndedTable } from './rollover-write.js';

type Q = Pick<Queryable, 'execute'>;

export interface RolloverChanges {
  created: Record<(typeof CREATED_TABLES)[number] | 'term', string[]>;
  ended: Record<EndedTable, Ended[]>;
  endDate: string;
  newYearStarts: string;
  counts: Record<string, unknown>;
}
export interface RolloverRecord { id: string; fromSchoolYear: string; toSchoolYear: string; changes: RolloverChanges; appliedAt: string; undoneAt: string | null }

export type UndoRefusal = 'new_year_grades' | 'new_year_changed' | 'later_rollover';
const refusalMessages: Record<UndoRefusal, string> = {
  new_year_grades: 'A grade of the new school year has been registered at the unit; the rollover can no longer be undone',
  new_year_changed: 'Next year\'s groups have been used since the rollover (pupils or staff added, reports, signatures); the rollover can no longer be undone',
  later_rollover: 'A later rollover of this unit is applied; undo that one first',
};

const p = (values: unknown[]) => sql.param(values);

/** Why the rollover can no longer be taken back, or null when it can. */
export async function undoRefusal(q: Q, actor: Actor, r: RolloverRecord): Promise<UndoRefusal | null> {
  const org = actor.organiserId;
  const groups = r.changes.created.student_group;
  const found = await one<{ grades: boolean; used: boolean; later: boolean }>(q, sql`select
      exists (select 1 from grade gr join student_group g on g.organiser_id = gr.organiser_id and g.id = gr.group_id
        join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id
        where gr.organiser_id = ${org} and g.school_unit_id = ${actor.unitId} and t.school_year = ${r.toSchoolYear})
      or exists (select 1 from grade gr where gr.organiser_id = ${org} and gr.group_id = any(${p(groups)}::uuid[])) as grades,
      exists (select 1 from group_membership m where m.organiser_id = ${org} and m.group_id = any(${p(groups)}::uuid[])
          and not (m.id = any(${p(r.changes.created.group_membership)}::uuid[])))
        or exists (select 1 from group_staff s where s.organiser_id = ${org} and s.group_id = any(${p(groups)}::uuid[])
          and not (s.id = any(${p(r.changes.created.group_staff)}::uuid[])))
        or exists (select 1 from group_report gp where gp.organiser_id = ${org} and gp.group_id = any(${p(groups)}::uuid[]))
        or exists (select 1 from catalogue_signature cs where cs.organiser_id = ${org} and cs.group_id = any(${p(groups)}::uuid[])) as used,
      exists (select 1 from year_rollover y where y.organiser_id = ${org} and y.school_unit_id = ${actor.unitId} and y.undone_at is null
        and y.id <> ${r.id} and y.applied_at > (select applied_at from year_rollover where organiser_id = ${org} and id = ${r.id})) as later`);
  if (found?.grades) return 'new_year_grades';
  if (found?.later) return 'later_rollover';
  if (found?.used) return 'new_year_changed';
  return null;
}

/** Takes a rollover back inside the caller's transaction: removes what it created, gives ended rows their
 *  end dates back (where nobody changed them since), audits each change, and marks the rollover undone. */
export async function undoRollover(tx: Q, actor: Actor, rolloverId: string) {
  const r = await one<RolloverRecord>(tx, sql`select id, from_school_year as "fromSchoolYear", to_school_year as "toSchoolYear", changes,
      applied_at as "appliedAt", undone_at as "undoneAt"
    from year_rollover where organiser_id = ${actor.organiserId} and school_unit_id = ${actor.unitId} and id = ${rolloverId}`);
  if (!r) throw notFound('Rollover not found');
  if (r.undoneAt) throw conflict('already_undone', 'This rollover has already been undone');
  const refusal = await undoRefusal(tx, actor, r);
  if (refusal) throw conflict(refusal, refusalMessages[refusal]);

  const batch = new AuditBatch();
  const removed: Record<string, number> = {};
  for (const table of CREATED_TABLES) removed[table] = await removeCreated(tx, actor, table, r.changes.created[table] ?? [], batch, r.id);
  // The terms stay when anything else uses them: another unit's rollover, holidays, grading periods, grades.
  removed.term = await removeCreated(tx, actor, 'term', r.changes.created.term ?? [], batch, r.id, sql`
    not exists (select 1 from year_rollover y where y.organiser_id = t.organiser_id and y.to_school_year = t.school_year
      and y.undone_at is null and y.id <> ${r.id})
    and not exists (select 1 from holiday h where h.organiser_id = t.organiser_id and h.term_id = t.id)
    and not exists (select 1 from grading_period gp where gp.organiser_id = t.organiser_id and gp.term_id = t.id)
    and not exists (select 1 from grade gr where gr.organiser_id = t.organiser_id and gr.term_id = t.id)`);
  const restored: Record<string, number> = {};
  const changedSince: Record<string, number> = {};
  for (const table of ENDED_TABLES) {
    const list = r.changes.ended[table] ?? [];
    restored[table] = await restoreEnds(tx, actor, table, list, r.changes.endDate, batch, r.id);
    changedSince[table] = list.length - restored[table];
  }
  await tx.execute(sql`update year_rollover set undone_at = now(), undone_by = ${actor.personId}
    where organiser_id = ${actor.organiserId} and id = ${r.id}`);
  await batch.write(tx, actor);
  const result = { id: r.id, fromSchoolYear: r.fromSchoolYear, toSchoolYear: r.toSchoolYear, removed, restored, changedSince };
  await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
    action: 'school_year.rollover_undone', entityType: 'year_rollover', entityId: r.id, ip: actor.ip, details: { unitId: actor.unitId, ...result } });
  return result;
}
