import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { Queryable } from '../db/database.js';

export interface AuditEntry {
  organiserId: string;
  actorPersonId?: string | null;
  actorRole?: string | null;
  actorUnitId?: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
}

/** Appends one audit row. Call it inside the same transaction as the write it records. */
export async function audit(q: Pick<Queryable, 'execute'>, e: AuditEntry): Promise<void> {
  await q.execute(auditStatement(e));
}

/** The INSERT of one audit row, to run alone or as part of a larger statement (one round trip). With
 *  `onlyIf`, a relation of that statement (e.g. a CTE of the written row), the row is written only when
 *  the relation has a row, so a write that changed nothing leaves no audit row. */
export function auditStatement(e: AuditEntry, onlyIf?: SQL): SQL {
  const values = sql`${e.organiserId}::uuid, ${randomUUID()}::uuid, ${e.actorPersonId ?? null}::uuid, ${e.actorRole ?? null}, ${e.actorUnitId ?? null}::uuid,
            ${e.action}, ${e.entityType ?? null}, ${e.entityId ?? null}, ${e.details ? JSON.stringify(e.details) : null}::jsonb, ${e.ip ?? null}`;
  return sql`
    insert into audit_event (organiser_id, id, actor_person_id, actor_role, actor_unit_id, action, entity_type, entity_id, details, ip)
    ${onlyIf ? sql`select ${values} from ${onlyIf}` : sql`values (${values})`}`;
}

/** Audit rows of many changes (or reads) by one actor, written as one statement. `details` carries
 *  personId/groupId/unitId as the history convention asks. */
export class AuditBatch {
  private actions: string[] = [];
  private types: string[] = [];
  private ids: string[] = [];
  private details: string[] = [];
  add(action: string, entityType: string, entityId: string, details: Record<string, unknown>) {
    this.actions.push(action); this.types.push(entityType); this.ids.push(entityId); this.details.push(JSON.stringify(details));
  }
  get size() { return this.actions.length; }
  async write(q: Pick<Queryable, 'execute'>, actor: Actor) {
    if (!this.size) return;
    const p = (values: unknown[]) => sql.param(values);
    await q.execute(sql`insert into audit_event (organiser_id, id, actor_person_id, actor_role, actor_unit_id, action, entity_type, entity_id, details, ip)
      select ${actor.organiserId}::uuid, gen_random_uuid(), ${actor.personId}::uuid, ${actor.role}, ${actor.unitId}::uuid, a, t, i, d::jsonb, ${actor.ip}
        from unnest(${p(this.actions)}::text[], ${p(this.types)}::text[], ${p(this.ids)}::text[], ${p(this.details)}::text[]) as x(a, t, i, d)`);
  }
}
