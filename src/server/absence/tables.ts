import { sql } from 'drizzle-orm';
import {
  boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, time, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { person, schoolUnit, studentGroup, term } from '../org/tables.js';
import { createdAt, organiserId } from '../platform/db/columns.js';

const personFk = (cols: any[]) => foreignKey({ columns: cols as any, foreignColumns: [person.organiserId, person.id] });
const unitFk = (cols: any[]) => foreignKey({ columns: cols as any, foreignColumns: [schoolUnit.organiserId, schoolUnit.id] });
const groupFk = (cols: any[]) => foreignKey({ columns: cols as any, foreignColumns: [studentGroup.organiserId, studentGroup.id] });

/** Schemarad: a weekly lesson slot of a teaching group in a term (weekday 1 = Monday … 5 = Friday). */
export const lessonSlot = pgTable('lesson_slot', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  groupId: uuid('group_id').notNull(),
  termId: uuid('term_id').notNull(),
  weekday: smallint('weekday').notNull(),
  startTime: time('start_time').notNull(),
  endTime: time('end_time').notNull(),
  room: text('room'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  groupFk([t.organiserId, t.groupId]),
  foreignKey({ columns: [t.organiserId, t.termId], foreignColumns: [term.organiserId, term.id] }),
  check('lesson_slot_weekday_ck', sql`${t.weekday} between 1 and 7`),
  check('lesson_slot_time_ck', sql`${t.startTime} < ${t.endTime}`),
  index('lesson_slot_group_ix').on(t.organiserId, t.groupId, t.termId),
]);

/**
 * Lektion: one lesson on one day, generated from a slot over the term (holidays skipped) or added alone.
 * A cancelled lesson stays, marked, so its pupils are not counted absent. The unit and minutes are kept on
 * the row so that a unit's term of lessons is summed without joins.
 */
export const lesson = pgTable('lesson', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  groupId: uuid('group_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  slotId: uuid('slot_id'),
  lessonDate: date('lesson_date').notNull(),
  startTime: time('start_time').notNull(),
  endTime: time('end_time').notNull(),
  minutes: smallint('minutes').notNull(),
  room: text('room'),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  cancelReason: text('cancel_reason'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  groupFk([t.organiserId, t.groupId]),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('lesson_time_ck', sql`${t.startTime} < ${t.endTime} and ${t.minutes} > 0`),
  uniqueIndex('lesson_slot_day_uq').on(t.organiserId, t.slotId, t.lessonDate),
  index('lesson_group_day_ix').on(t.organiserId, t.groupId, t.lessonDate),
  index('lesson_unit_day_ix').on(t.organiserId, t.schoolUnitId, t.lessonDate),
]);

/** Which lessons have been reported (närvaro registrerad): one row per lesson, never one per present pupil. */
export const rollCall = pgTable('roll_call', {
  organiserId: organiserId(),
  lessonId: uuid('lesson_id').notNull(),
  reportedBy: uuid('reported_by').notNull(),
  reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.lessonId] }),
  foreignKey({ columns: [t.organiserId, t.lessonId], foreignColumns: [lesson.organiserId, lesson.id] }),
  personFk([t.organiserId, t.reportedBy]),
]);

/**
 * A deviation from attendance (absence, late arrival, leaving early) in MINUTES, valid (giltig:
 * reported by a guardian, granted leave) or invalid (ogiltig). Only deviations are stored, never a row
 * per present pupil. `valid` follows from the facts (domain/absence/validity.ts): an absence is valid when
 * a guardian's report or granted leave covers the lesson, and the row names that report or leave; late
 * arrival and leaving early are invalid. The term grade document sums the invalid minutes.
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
  /** The lesson it was registered on (null for a deviation brought in from elsewhere). */
  lessonId: uuid('lesson_id'),
  /** The guardian's report or the granted leave that makes it valid. */
  absenceReportId: uuid('absence_report_id'),
  leaveId: uuid('leave_id'),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  index('attendance_deviation_pupil_ix').on(t.organiserId, t.pupilId, t.occurredOn),
  uniqueIndex('attendance_deviation_lesson_uq').on(t.organiserId, t.lessonId, t.pupilId),
  personFk([t.organiserId, t.pupilId]),
  check('attendance_deviation_kind_ck', sql`${t.kind} in ('absent','late','left_early')`),
  check('attendance_deviation_minutes_ck', sql`${t.minutes} > 0`),
]);

/**
 * Frånvaroanmälan: absence reported in advance (or for today) by a guardian, the pupil where the unit
 * allows it, or staff. Whole days (times null) or part of one day (from_time–to_time). Overlapping reports
 * of the same pupil are merged into one row. No medical reason is stored.
 */
export const absenceReport = pgTable('absence_report', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  reportedBy: uuid('reported_by').notNull(),
  reporterRole: text('reporter_role').notNull(),
  fromDate: date('from_date').notNull(),
  toDate: date('to_date').notNull(),
  fromTime: time('from_time'),
  toTime: time('to_time'),
  createdAt: createdAt(),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  withdrawnBy: uuid('withdrawn_by'),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.pupilId]),
  personFk([t.organiserId, t.reportedBy]),
  check('absence_report_role_ck', sql`${t.reporterRole} in ('guardian','pupil','staff')`),
  check('absence_report_dates_ck', sql`${t.fromDate} <= ${t.toDate}`),
  check('absence_report_times_ck', sql`(${t.fromTime} is null and ${t.toTime} is null)
    or (${t.fromTime} is not null and ${t.toTime} is not null and ${t.fromTime} < ${t.toTime} and ${t.fromDate} = ${t.toDate})`),
  index('absence_report_pupil_ix').on(t.organiserId, t.pupilId, t.fromDate),
]);

/** Ledighetsansökan: a guardian applies for leave; the principal or the delegate (decide_leave) decides. */
export const leaveApplication = pgTable('leave_application', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  appliedBy: uuid('applied_by').notNull(),
  fromDate: date('from_date').notNull(),
  toDate: date('to_date').notNull(),
  /** What the leave is for, in the guardian's words (e.g. a family journey). Not a medical reason. */
  reason: text('reason').notNull(),
  status: text('status').notNull().default('pending'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionReason: text('decision_reason'),
  createdAt: createdAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.pupilId]),
  personFk([t.organiserId, t.appliedBy]),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('leave_status_ck', sql`${t.status} in ('pending','granted','refused','withdrawn')`),
  check('leave_dates_ck', sql`${t.fromDate} <= ${t.toDate}`),
  check('leave_decision_ck', sql`(${t.status} in ('granted','refused')) = (${t.decidedBy} is not null)`),
  index('leave_pupil_ix').on(t.organiserId, t.pupilId, t.fromDate),
  index('leave_unit_ix').on(t.organiserId, t.schoolUnitId, t.status),
]);

/** A unit's absence settings: the reporting window, whether pupils may report, the follow-up thresholds. */
export const unitAbsenceSetting = pgTable('unit_absence_setting', {
  organiserId: organiserId(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  /** How many days ahead a guardian may report (0 = today only). */
  reportDaysAhead: smallint('report_days_ahead').notNull().default(14),
  /** How many days back a guardian may report (0 = not backwards in time). */
  reportDaysBack: smallint('report_days_back').notNull().default(0),
  /** Pupils may report their own absence (e.g. upper years); off by default. */
  pupilMayReport: boolean('pupil_may_report').notNull().default(false),
  /** Highlight a pupil whose absence exceeds this share of the period's lesson minutes (percent). */
  thresholdPercent: smallint('threshold_percent').notNull().default(10),
  /** Highlight a pupil with at least this many late arrivals / early leavings in the period. */
  shortAbsenceCount: smallint('short_absence_count').notNull().default(5),
  /** Tell guardians the same day when a pupil has invalid absence. */
  sameDayNotice: boolean('same_day_notice').notNull().default(true),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.schoolUnitId] }),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('unit_absence_window_ck', sql`${t.reportDaysAhead} between 0 and 365 and ${t.reportDaysBack} between 0 and 31`),
  check('unit_absence_threshold_ck', sql`${t.thresholdPercent} between 1 and 100 and ${t.shortAbsenceCount} between 1 and 100`),
]);

/**
 * Frånvaroutredning: the principal's investigation of a pupil's repeated or long absence. Visible to the
 * principal, the pupil's mentor and the unit's student health staff.
 */
export const absenceInvestigation = pgTable('absence_investigation', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  openedBy: uuid('opened_by').notNull(),
  openedOn: date('opened_on').notNull(),
  /** Why it was opened (the absence pattern seen), in the principal's words. */
  reason: text('reason').notNull(),
  status: text('status').notNull().default('open'),
  closedOn: date('closed_on'),
  conclusion: text('conclusion'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.pupilId]),
  personFk([t.organiserId, t.openedBy]),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('absence_investigation_status_ck', sql`${t.status} in ('open','closed')`),
  check('absence_investigation_closed_ck', sql`(${t.status} = 'closed') = (${t.closedOn} is not null)`),
  index('absence_investigation_pupil_ix').on(t.organiserId, t.pupilId),
  index('absence_investigation_unit_ix').on(t.organiserId, t.schoolUnitId, t.status),
]);

/** An entry of an investigation: a contact with the home, a measure, a follow-up or a note. */
export const absenceInvestigationEntry = pgTable('absence_investigation_entry', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  investigationId: uuid('investigation_id').notNull(),
  kind: text('kind').notNull(),
  occurredOn: date('occurred_on').notNull(),
  /** For a measure: when it is to be followed up. */
  followUpOn: date('follow_up_on'),
  text: text('text').notNull(),
  authorId: uuid('author_id').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.investigationId], foreignColumns: [absenceInvestigation.organiserId, absenceInvestigation.id] }),
  personFk([t.organiserId, t.authorId]),
  check('absence_investigation_entry_kind_ck', sql`${t.kind} in ('contact','measure','follow_up','note')`),
  index('absence_investigation_entry_ix').on(t.organiserId, t.investigationId, t.occurredOn),
]);
