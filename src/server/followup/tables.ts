import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { person, schoolUnit, studentGroup, subject } from '../org/tables.js';
import { createdAt, organiserId, updatedAt } from '../platform/db/columns.js';

/**
 * Background of a school unit's pupils in one school year, as published statistics give it (SCB register
 * data via Skolverket): schools seldom hold these per pupil. Imported from a file per unit and year.
 * `parentsEducation` is the unit's mean level on the 1–3 scale (1 compulsory school, 2 upper secondary,
 * 3 post-secondary, the higher-educated parent); shares are 0–1. Share of boys and of newly arrived pupils
 * may be given here; where absent they are computed from the pupils' own data.
 */
export const unitBackground = pgTable('unit_background', {
  organiserId: organiserId(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  /** '2025/2026' */
  schoolYear: text('school_year').notNull(),
  parentsEducation: numeric('parents_education', { precision: 4, scale: 3, mode: 'number' }),
  foreignBackgroundShare: numeric('foreign_background_share', { precision: 4, scale: 3, mode: 'number' }),
  boysShare: numeric('boys_share', { precision: 4, scale: 3, mode: 'number' }),
  newlyArrivedShare: numeric('newly_arrived_share', { precision: 4, scale: 3, mode: 'number' }),
  /** Where the figures come from, e.g. 'SCB/Skolverket 2025'. */
  source: text('source').notNull(),
  importedBy: uuid('imported_by').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.schoolUnitId, t.schoolYear] }),
  foreignKey({ columns: [t.organiserId, t.schoolUnitId], foreignColumns: [schoolUnit.organiserId, schoolUnit.id] }),
  check('unit_background_education_ck', sql`${t.parentsEducation} is null or ${t.parentsEducation} between 1 and 3`),
  check('unit_background_shares_ck', sql`(${t.foreignBackgroundShare} is null or ${t.foreignBackgroundShare} between 0 and 1)
    and (${t.boysShare} is null or ${t.boysShare} between 0 and 1) and (${t.newlyArrivedShare} is null or ${t.newlyArrivedShare} between 0 and 1)`),
]);

/**
 * Register background of one pupil, only where the organiser holds it lawfully (imported from a file):
 * whether a parent has post-secondary education, and foreign background. Analysed only as aggregates.
 */
export const pupilBackground = pgTable('pupil_background', {
  organiserId: organiserId(),
  pupilId: uuid('pupil_id').notNull(),
  parentsPostSecondary: boolean('parents_post_secondary'),
  foreignBackground: boolean('foreign_background'),
  source: text('source').notNull(),
  importedBy: uuid('imported_by').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.pupilId] }),
  foreignKey({ columns: [t.organiserId, t.pupilId], foreignColumns: [person.organiserId, person.id] }),
]);

/**
 * A teacher's reflection on a group's grades against the national test (the questions of Skolverket's
 * general advice, ch. 4): answers per question and free notes. The unit's principal reads it.
 */
export const followupReflection = pgTable('followup_reflection', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  groupId: uuid('group_id').notNull(),
  authorId: uuid('author_id').notNull(),
  /** { [questionKey]: text } */
  answers: jsonb('answers').notNull().default({}),
  notes: text('notes').notNull().default(''),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('followup_reflection_uq').on(t.organiserId, t.groupId, t.authorId),
  foreignKey({ columns: [t.organiserId, t.groupId], foreignColumns: [studentGroup.organiserId, studentGroup.id] }),
  foreignKey({ columns: [t.organiserId, t.authorId], foreignColumns: [person.organiserId, person.id] }),
]);

/**
 * The principal's finding on a deviation: what it concerns (the unit, a group, a teacher's groups or a pupil
 * group, in a subject and school year), whether it is justified, and the cause found.
 */
export const followupFinding = pgTable('followup_finding', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  schoolYear: text('school_year').notNull(),
  /** Null: all subjects. */
  subjectCode: text('subject_code').references(() => subject.code),
  gradeYear: smallint('grade_year'),
  /** 'unit' | 'group' | 'teacher' | 'pupil_group' */
  targetKind: text('target_kind').notNull(),
  /** The group id, the teacher's person id, or the pupil group ('sex:F', 'newly_arrived:true' …); null for the unit. */
  targetRef: text('target_ref'),
  /** The target as it read when recorded ('Matematik 9B', 'flickor'). */
  targetLabel: text('target_label').notNull(),
  /** 'justified' | 'unjustified' | 'investigating' */
  assessment: text('assessment').notNull(),
  cause: text('cause').notNull().default(''),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  index('followup_finding_unit_ix').on(t.organiserId, t.schoolUnitId, t.schoolYear),
  foreignKey({ columns: [t.organiserId, t.schoolUnitId], foreignColumns: [schoolUnit.organiserId, schoolUnit.id] }),
  foreignKey({ columns: [t.organiserId, t.recordedBy], foreignColumns: [person.organiserId, person.id] }),
  check('followup_finding_target_ck', sql`${t.targetKind} in ('unit','group','teacher','pupil_group')`),
  check('followup_finding_assessment_ck', sql`${t.assessment} in ('justified','unjustified','investigating')`),
  check('followup_finding_grade_year_ck', sql`${t.gradeYear} is null or ${t.gradeYear} in (6, 9)`),
]);

/**
 * A measure (insats) decided on a finding, of the kinds Skolverket's general advice lists, with whoever is
 * responsible and a follow-up date; the follow-up records what came of it.
 */
export const followupMeasure = pgTable('followup_measure', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  findingId: uuid('finding_id').notNull(),
  kind: text('kind').notNull(),
  description: text('description').notNull(),
  responsible: text('responsible').notNull().default(''),
  followUpDate: date('follow_up_date').notNull(),
  followedUpOn: date('followed_up_on'),
  outcome: text('outcome').notNull().default(''),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  index('followup_measure_finding_ix').on(t.organiserId, t.findingId),
  foreignKey({ columns: [t.organiserId, t.findingId], foreignColumns: [followupFinding.organiserId, followupFinding.id] }).onDelete('cascade'),
  check('followup_measure_kind_ck', sql`${t.kind} in ('co_assessment','competence_development','regulations','test_consultation',
    'organisation','resources','teaching_development','other')`),
]);

/**
 * National reference figures uploaded by the organiser, replacing the shipped file
 * (reference/followup/national-figures.json) from then on; every upload is kept.
 */
export const followupReference = pgTable('followup_reference', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  content: jsonb('content').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
]);
