import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organiserId } from '../db/columns.js';

/** Append-only audit trail; a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditEvent = pgTable('audit_event', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  actorPersonId: uuid('actor_person_id'),
  actorRole: text('actor_role'),
  actorUnitId: uuid('actor_unit_id'),
  action: text('action').notNull(),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  details: jsonb('details'),
  ip: text('ip'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  index('audit_entity_ix').on(t.organiserId, t.entityType, t.entityId),
  index('audit_time_ix').on(t.organiserId, t.occurredAt),
  // the register's history per person and per group (details.personId / guardianId / groupId, see ARCHITECTURE.md)
  index('audit_person_ix').on(t.organiserId, sql`(${t.details}->>'personId')`).where(sql`(${t.details}->>'personId') is not null`),
  index('audit_guardian_ix').on(t.organiserId, sql`(${t.details}->>'guardianId')`).where(sql`(${t.details}->>'guardianId') is not null`),
  index('audit_group_ix').on(t.organiserId, sql`(${t.details}->>'groupId')`).where(sql`(${t.details}->>'groupId') is not null`),
]);
