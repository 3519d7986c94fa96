import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
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
