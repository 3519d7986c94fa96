import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
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
  await q.execute(sql`
    insert into audit_event (organiser_id, id, actor_person_id, actor_role, actor_unit_id, action, entity_type, entity_id, details, ip)
    values (${e.organiserId}, ${randomUUID()}, ${e.actorPersonId ?? null}, ${e.actorRole ?? null}, ${e.actorUnitId ?? null},
            ${e.action}, ${e.entityType ?? null}, ${e.entityId ?? null}, ${e.details ? JSON.stringify(e.details) : null}::jsonb, ${e.ip ?? null})`);
}
