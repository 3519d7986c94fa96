import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organiser, person, schoolUnit, studentGroup, term } from '../org/tables.js';
import { organiserId } from '../platform/db/columns.js';

/** Running the register (issue: administration, imports, the new school year). */

/** The organiser's settings: switched-on modules (the menu shows only those), default grading periods. */
export const organiserSetting = pgTable('organiser_setting', {
  organiserId: organiserId().primaryKey(),
  /** Module keys switched on, e.g. 'grading', 'absence', 'planning', 'followup'. */
  modules: text('modules').array().notNull().default(sql`'{grading,absence,planning,followup}'::text[]`),
  /** Default grading period per term kind, as month-day pairs ('MM-DD'): { HT: { from, to }, VT: { from, to } }. */
  defaultGradingPeriods: jsonb('default_grading_periods'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [foreignKey({ columns: [t.organiserId], foreignColumns: [organiser.id] })]);

/** A holiday or break (lov) within a term: organiser-wide (unit null) or for one unit. */
export const holiday = pgTable('holiday', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  termId: uuid('term_id').notNull(),
  schoolUnitId: uuid('school_unit_id'),
  name: text('name').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.termId], foreignColumns: [term.organiserId, term.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.organiserId, t.schoolUnitId], foreignColumns: [schoolUnit.organiserId, schoolUnit.id] }),
  check('holiday_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
  index('holiday_term_ix').on(t.organiserId, t.termId),
]);

/** A teacher's report that a group is wrong ("this pupil should not be here"); the administrator's to-do. */
export const groupReport = pgTable('group_report', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  groupId: uuid('group_id').notNull(),
  /** The pupil it is about, if one (null: e.g. a pupil missing from the group, named in the message). */
  pupilId: uuid('pupil_id'),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  reportedBy: uuid('reported_by').notNull(),
  reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  status: text('status').notNull().default('open'),
  resolvedBy: uuid('resolved_by'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolution: text('resolution'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.schoolUnitId], foreignColumns: [schoolUnit.organiserId, schoolUnit.id] }),
  foreignKey({ columns: [t.organiserId, t.groupId], foreignColumns: [studentGroup.organiserId, studentGroup.id] }),
  foreignKey({ columns: [t.organiserId, t.pupilId], foreignColumns: [person.organiserId, person.id] }),
  foreignKey({ columns: [t.organiserId, t.reportedBy], foreignColumns: [person.organiserId, person.id] }),
  check('group_report_kind_ck', sql`${t.kind} in ('pupil_missing','pupil_not_in_group','wrong_teacher','other')`),
  check('group_report_status_ck', sql`${t.status} in ('open','resolved','rejected')`),
  index('group_report_unit_ix').on(t.organiserId, t.schoolUnitId, t.status),
]);

/**
 * Läsårsskifte applied to one unit: what it created and what it ended, so it can be undone until the
 * first grade of the new school year is registered. Last year's grades, absence and documents are never
 * touched by it.
 */
export const yearRollover = pgTable('year_rollover', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  fromSchoolYear: text('from_school_year').notNull(),
  toSchoolYear: text('to_school_year').notNull(),
  /** { created: { table: ids[] }, ended: { table: [{ id, previousEndDate }] }, options } */
  changes: jsonb('changes').notNull(),
  appliedBy: uuid('applied_by').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  undoneBy: uuid('undone_by'),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.schoolUnitId], foreignColumns: [schoolUnit.organiserId, schoolUnit.id] }),
  foreignKey({ columns: [t.organiserId, t.appliedBy], foreignColumns: [person.organiserId, person.id] }),
  index('year_rollover_unit_ix').on(t.organiserId, t.schoolUnitId),
]);

