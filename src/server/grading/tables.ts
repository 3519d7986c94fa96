import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { person, schoolUnit, studentGroup, subject, term } from '../org/tables.js';
import { organiserId } from '../platform/db/columns.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Betygsperiod: the dates in which teachers of a unit may register grades for a term (optional). */
export const gradingPeriod = pgTable('grading_period', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  termId: uuid('term_id').notNull(),
  fromDate: date('from_date').notNull(),
  toDate: date('to_date').notNull(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('grading_period_uq').on(t.organiserId, t.schoolUnitId, t.termId),
  foreignKey({ columns: [t.organiserId, t.schoolUnitId], foreignColumns: [schoolUnit.organiserId, schoolUnit.id] }),
  foreignKey({ columns: [t.organiserId, t.termId], foreignColumns: [term.organiserId, term.id] }),
  check('grading_period_dates_ck', sql`${t.fromDate} <= ${t.toDate}`),
]);

/**
 * A grade of one pupil in one subject: a term grade (kind 'term', one per term) or the final grade
 * (kind 'final', one per subject, whatever term it was given in). Its state moves in the fixed order
 * registered → confirmed → decided → locked; every change is a grade_event.
 */
export const grade = pgTable('grade', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  subjectCode: text('subject_code').notNull().references(() => subject.code),
  groupId: uuid('group_id').notNull(),
  termId: uuid('term_id').notNull(),
  kind: text('kind').notNull(),
  /** Null: the teacher cleared the cell (the row and its history stay). */
  value: text('value'),
  carriedOver: boolean('carried_over').notNull().default(false),
  state: text('state').notNull().default('registered'),
  version: integer('version').notNull().default(1),
  registeredBy: uuid('registered_by').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  confirmedBy: uuid('confirmed_by'),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  uniqueIndex('grade_term_uq').on(t.organiserId, t.pupilId, t.subjectCode, t.termId).where(sql`${t.kind} = 'term'`),
  uniqueIndex('grade_final_uq').on(t.organiserId, t.pupilId, t.subjectCode).where(sql`${t.kind} = 'final'`),
  index('grade_group_ix').on(t.organiserId, t.groupId, t.termId),
  /** A pupil's grades (the follow-up's triggers find the units a changed test result or person touches). */
  index('grade_pupil_ix').on(t.organiserId, t.pupilId),
  foreignKey({ columns: [t.organiserId, t.pupilId], foreignColumns: [person.organiserId, person.id] }),
  foreignKey({ columns: [t.organiserId, t.groupId], foreignColumns: [studentGroup.organiserId, studentGroup.id] }),
  foreignKey({ columns: [t.organiserId, t.termId], foreignColumns: [term.organiserId, term.id] }),
  foreignKey({ columns: [t.organiserId, t.registeredBy], foreignColumns: [person.organiserId, person.id] }),
  check('grade_kind_ck', sql`${t.kind} in ('term','final')`),
  check('grade_value_ck', sql`${t.value} is null or ${t.value} in ('A','B','C','D','E','F','-')`),
  check('grade_state_ck', sql`${t.state} in ('registered','confirmed','decided','locked')`),
]);

/** The history of a grade: who did what, when, from which value and state to which, and why. */
export const gradeEvent = pgTable('grade_event', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  gradeId: uuid('grade_id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').notNull(),
  action: text('action').notNull(),
  fromValue: text('from_value'),
  toValue: text('to_value'),
  fromState: text('from_state'),
  toState: text('to_state'),
  reason: text('reason'),
  /** For a rättelse or ändring: who decided it (the grading teacher, or the principal). */
  decidedBy: uuid('decided_by'),
  /** The client's id for the save: a repeated request is applied once. */
  requestId: uuid('request_id'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  uniqueIndex('grade_event_request_uq').on(t.organiserId, t.requestId).where(sql`${t.requestId} is not null`),
  index('grade_event_grade_ix').on(t.organiserId, t.gradeId, t.occurredAt),
  foreignKey({ columns: [t.organiserId, t.gradeId], foreignColumns: [grade.organiserId, grade.id] }).onDelete('cascade'),
]);

/** Skriftlig bedömning attached to an F (or –) final grade. */
export const writtenAssessment = pgTable('written_assessment', {
  organiserId: organiserId(),
  gradeId: uuid('grade_id').notNull(),
  knowledgeDevelopment: text('knowledge_development').notNull().default(''),
  supportMeasures: text('support_measures').notNull().default(''),
  version: integer('version').notNull().default(1),
  writtenBy: uuid('written_by').notNull(),
  writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.gradeId] }),
  foreignKey({ columns: [t.organiserId, t.gradeId], foreignColumns: [grade.organiserId, grade.id] }).onDelete('cascade'),
]);

/** A signature on a grade catalogue (one group, one term, term or final grades). */
export const catalogueSignature = pgTable('catalogue_signature', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  groupId: uuid('group_id').notNull(),
  termId: uuid('term_id').notNull(),
  kind: text('kind').notNull(),
  signerId: uuid('signer_id').notNull(),
  licensed: boolean('licensed').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  /** SHA-256 of what was signed: each pupil's grade in the catalogue. */
  contentSha256: text('content_sha256').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('catalogue_signature_uq').on(t.organiserId, t.groupId, t.termId, t.kind, t.signerId),
  foreignKey({ columns: [t.organiserId, t.groupId], foreignColumns: [studentGroup.organiserId, studentGroup.id] }),
  foreignKey({ columns: [t.organiserId, t.signerId], foreignColumns: [person.organiserId, person.id] }),
  check('catalogue_signature_kind_ck', sql`${t.kind} in ('term','final')`),
]);

/** A produced grade document (terminsbetyg or slutbetyg) of one pupil: the PDF as made, signed, handed out. */
export const gradeDocument = pgTable('grade_document', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  kind: text('kind').notNull(),
  termId: uuid('term_id').notNull(),
  content: bytea('content').notNull(),
  sha256: text('sha256').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  signedBy: uuid('signed_by'),
  signedAt: timestamp('signed_at', { withTimezone: true }),
  handedOutBy: uuid('handed_out_by'),
  handedOutAt: timestamp('handed_out_at', { withTimezone: true }),
  /** A newer document of the same pupil, kind and term replaced this one (e.g. after a correction). */
  supersededAt: timestamp('superseded_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  index('grade_document_pupil_ix').on(t.organiserId, t.pupilId, t.kind, t.termId),
  foreignKey({ columns: [t.organiserId, t.pupilId], foreignColumns: [person.organiserId, person.id] }),
  foreignKey({ columns: [t.organiserId, t.schoolUnitId], foreignColumns: [schoolUnit.organiserId, schoolUnit.id] }),
  check('grade_document_kind_ck', sql`${t.kind} in ('term','final')`),
]);
