import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { person } from '../org/tables.js';
import { createdAt, organiserId } from '../platform/db/columns.js';

/** A person's identity at an OpenID provider (issuer + subject), linked after a first match by personnummer. */
export const identityLink = pgTable('identity_link', {
  organiserId: organiserId(),
  issuer: text('issuer').notNull(),
  subject: text('subject').notNull(),
  personId: uuid('person_id').notNull(),
  createdAt: createdAt(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.issuer, t.subject] }),
  foreignKey({ columns: [t.organiserId, t.personId], foreignColumns: [person.organiserId, person.id] }),
  index('identity_link_person_ix').on(t.organiserId, t.personId),
]);
