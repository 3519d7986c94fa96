import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { person } from '../org/tables.js';
import { createdAt, organiserId } from '../platform/db/columns.js';

/**
 * An in-app notice to a person (e.g. a guardian told the same day of a child's invalid absence). At most one
 * notice of a kind per recipient, pupil and day: a second invalid absence the same day does not repeat it.
 */
export const notice = pgTable('notice', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  recipientId: uuid('recipient_id').notNull(),
  pupilId: uuid('pupil_id'),
  kind: text('kind').notNull(),
  day: date('day').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.recipientId], foreignColumns: [person.organiserId, person.id] }),
  uniqueIndex('notice_once_a_day_uq').on(t.organiserId, t.recipientId, t.kind, t.pupilId, t.day),
  index('notice_recipient_ix').on(t.organiserId, t.recipientId, t.createdAt),
]);

/** E-mail waiting to be sent through SMTP; written in the same transaction as its notice, sent after commit. */
export const mailOutbox = pgTable('mail_outbox', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  noticeId: uuid('notice_id'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  check('mail_outbox_status_ck', sql`${t.status} in ('pending','sent','failed')`),
  index('mail_outbox_pending_ix').on(t.status, t.createdAt),
]);

/**
 * A notice to be made, written in the transaction of what it tells (the roll call that recorded a pupil's
 * invalid absence), so that it is as durable as the absence itself; made into notices and e-mail shortly
 * after commit by the notice worker (or its sweep), then deleted. One per pupil, day and kind.
 */
export const noticeRequest = pgTable('notice_request', {
  organiserId: organiserId(),
  pupilId: uuid('pupil_id').notNull(),
  day: date('day').notNull(),
  kind: text('kind').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.organiserId, t.pupilId, t.day, t.kind] })]);
