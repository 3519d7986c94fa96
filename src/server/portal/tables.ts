import { foreignKey, index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { person } from '../org/tables.js';
import { createdAt, organiserId } from '../platform/db/columns.js';

/**
 * A pupil of 18 or more lets a former guardian go on seeing their school information (DOMAIN.md §5).
 * Recorded when given, revocable: a revoked row stays, with revoked_at.
 */
export const guardianConsent = pgTable('guardian_consent', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  guardianId: uuid('guardian_id').notNull(),
  givenAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.pupilId], foreignColumns: [person.organiserId, person.id] }),
  foreignKey({ columns: [t.organiserId, t.guardianId], foreignColumns: [person.organiserId, person.id] }),
  index('guardian_consent_pupil_ix').on(t.organiserId, t.pupilId),
  index('guardian_consent_guardian_ix').on(t.organiserId, t.guardianId),
]);
