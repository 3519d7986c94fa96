import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { person } from '../org/tables.js';
import { createdAt, organiserId } from '../platform/db/columns.js';

/** A local login (username + argon2id hash). People who log in through SSO or e-ID may have none. */
export const account = pgTable('account', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  personId: uuid('person_id').notNull(),
  username: text('username').notNull(),
  passwordHash: text('password_hash'),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('account_username_uq').on(t.organiserId, t.username),
  unique('account_person_uq').on(t.organiserId, t.personId),
  foreignKey({ columns: [t.organiserId, t.personId], foreignColumns: [person.organiserId, person.id] }),
]);

/** Server-side session. The cookie holds a random token; only its SHA-256 is stored. */
export const session = pgTable('session', {
  organiserId: organiserId(),
  tokenHash: text('token_hash').notNull(),
  personId: uuid('person_id').notNull(),
  accountId: uuid('account_id').notNull(),
  role: text('role').notNull(),
  unitId: uuid('unit_id'),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  /** Last request in the session (kept to the minute): idle sessions end. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.tokenHash] }),
  foreignKey({ columns: [t.organiserId, t.accountId], foreignColumns: [account.organiserId, account.id] }).onDelete('cascade'),
  index('session_expires_ix').on(t.expiresAt),
]);

/** Failed-login counters per key ('account:<username>' or 'ip:<address>'), in a sliding window. */
export const loginThrottle = pgTable('login_throttle', {
  organiserId: organiserId(),
  key: text('key').notNull(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().default(sql`now()`),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
}, (t) => [primaryKey({ columns: [t.organiserId, t.key] })]);

/** A person's remembered choices (e.g. which grade columns to show), by key. */
export const userPreference = pgTable('user_preference', {
  organiserId: organiserId(),
  personId: uuid('person_id').notNull(),
  key: text('key').notNull(),
  value: jsonb('value').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.personId, t.key] }),
  foreignKey({ columns: [t.organiserId, t.personId], foreignColumns: [person.organiserId, person.id] }),
]);
