import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { person } from '../org/tables.js';
import { organiserId } from '../platform/db/columns.js';

/**
 * A deviation from attendance (absence, late arrival, leaving early) in MINUTES, valid (giltig:
 * reported by a guardian, granted leave) or invalid (ogiltig). Only deviations are stored, never a row
 * per present pupil. The absence capability fills it; the term grade document sums the invalid minutes.
 */
export const attendanceDeviation = pgTable('attendance_deviation', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  occurredOn: date('occurred_on').notNull(),
  kind: text('kind').notNull(),
  minutes: integer('minutes').notNull(),
  valid: boolean('valid').notNull(),
  subjectCode: text('subject_code'),
  groupId: uuid('group_id'),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  index('attendance_deviation_pupil_ix').on(t.organiserId, t.pupilId, t.occurredOn),
  foreignKey({ columns: [t.organiserId, t.pupilId], foreignColumns: [person.organiserId, person.id] }),
  check('attendance_deviation_kind_ck', sql`${t.kind} in ('absent','late','left_early')`),
  check('attendance_deviation_minutes_ck', sql`${t.minutes} > 0`),
]);
