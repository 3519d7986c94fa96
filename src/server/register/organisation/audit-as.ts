import type { Actor } from '../../platform/access/actor.js';
import { audit, type AuditEntry } from '../../platform/audit/audit.js';
import type { Queryable } from '../../platform/db/database.js';

/** One audit row of an organisation change, written by the actor in the caller's transaction. */
export const auditAs = (tx: Pick<Queryable, 'execute'>, actor: Actor, e: Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'details'>) =>
  audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip, ...e });
