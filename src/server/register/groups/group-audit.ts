import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { audit } from '../../platform/audit/audit.js';
import type { Queryable } from '../../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

/** One audit row about a group or its memberships, staff or reports: details carry `groupId` (and
 *  `personId` when it is about a person), so the group's and the person's history find it. */
export function auditGroup(q: Q, actor: Actor, action: string, entity: { type: string; id: string }, details: { groupId: string; personId?: string | null } & Record<string, unknown>) {
  return audit(q, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
    action, entityType: entity.type, entityId: entity.id, details: { ...details, unitId: actor.unitId }, ip: actor.ip });
}

/** Many audit rows of one kind in one multi-row insert (several pupils added at once). */
export async function auditGroupRows(q: Q, actor: Actor, action: string, entityType: string, items: { entityId: string; details: { groupId: string; personId: string } & Record<string, unknown> }[]) {
  if (items.length === 0) return;
  const ids = items.map(() => randomUUID());
  const entityIds = items.map((i) => i.entityId);
  const details = items.map((i) => JSON.stringify({ ...i.details, unitId: actor.unitId }));
  await q.execute(sql`
    insert into audit_event (organiser_id, id, actor_person_id, actor_role, actor_unit_id, action, entity_type, entity_id, details, ip)
    select ${actor.organiserId}::uuid, x.id, ${actor.personId}::uuid, ${actor.role}, ${actor.unitId}::uuid, ${action}, ${entityType}, x.entity_id, x.details::jsonb, ${actor.ip}
      from unnest(${sql.param(ids)}::uuid[], ${sql.param(entityIds)}::text[], ${sql.param(details)}::text[]) as x(id, entity_id, details)`);
}
