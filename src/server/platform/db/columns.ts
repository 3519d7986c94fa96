import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every tenant table starts with the organiser and carries it in its keys (DESIGN.md §1). */
export const organiserId = () => uuid('organiser_id').notNull();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
