import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { centralContent, curriculumVersion, knowledgeRequirement } from '../curriculum/tables.js';
import { groupFk, personFk, subject, unitFk } from '../org/tables.js';
import { createdAt, organiserId, updatedAt } from '../platform/db/columns.js';

/**
 * Pedagogisk planering: a teacher's planning for an area of work in a subject, for one or more groups of a
 * unit, against one curriculum version. Draft → published; a published planning is visible to the pupils of
 * its groups and their guardians. The rich texts are stored sanitised (see domain/planning/rich-text).
 */
export const planning = pgTable('planning', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  subjectCode: text('subject_code').notNull().references(() => subject.code),
  curriculumVersionId: uuid('curriculum_version_id').notNull().references(() => curriculumVersion.id),
  title: text('title').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  /** Vad eleverna ska lära sig (sanitised HTML). */
  learningHtml: text('learning_html').notNull().default(''),
  /** Hur: the teaching, the work (sanitised HTML). */
  teachingHtml: text('teaching_html').notNull().default(''),
  /** Hur det bedöms (sanitised HTML). */
  assessmentHtml: text('assessment_html').notNull().default(''),
  status: text('status').notNull().default('draft'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  /** The planning's assessments are shown to pupils and guardians (only once the planning is published). */
  assessmentsShared: boolean('assessments_shared').notNull().default(false),
  copiedFrom: uuid('copied_from'),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unitFk([t.organiserId, t.schoolUnitId]),
  personFk([t.organiserId, t.createdBy]),
  check('planning_status_ck', sql`${t.status} in ('draft','published')`),
  check('planning_period_ck', sql`${t.periodStart} <= ${t.periodEnd}`),
  check('planning_shared_ck', sql`not ${t.assessmentsShared} or ${t.status} = 'published'`),
  index('planning_unit_ix').on(t.organiserId, t.schoolUnitId, t.subjectCode),
]);

const planningFk = (cols: any[]) => foreignKey({ columns: cols as any, foreignColumns: [planning.organiserId, planning.id] }).onDelete('cascade');

/** The groups a planning is for (a teaching group or a class). */
export const planningGroup = pgTable('planning_group', {
  organiserId: organiserId(),
  planningId: uuid('planning_id').notNull(),
  groupId: uuid('group_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.planningId, t.groupId] }),
  planningFk([t.organiserId, t.planningId]),
  groupFk([t.organiserId, t.groupId]),
  index('planning_group_group_ix').on(t.organiserId, t.groupId),
]);

/** The teachers who own (may edit) a planning; several may co-own one. */
export const planningOwner = pgTable('planning_owner', {
  organiserId: organiserId(),
  planningId: uuid('planning_id').notNull(),
  personId: uuid('person_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.planningId, t.personId] }),
  planningFk([t.organiserId, t.planningId]),
  personFk([t.organiserId, t.personId]),
  index('planning_owner_person_ix').on(t.organiserId, t.personId),
]);

/** Central content items the planning covers, picked from its curriculum version. */
export const planningContent = pgTable('planning_content', {
  organiserId: organiserId(),
  planningId: uuid('planning_id').notNull(),
  contentId: uuid('content_id').notNull().references(() => centralContent.id),
  position: smallint('position').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.planningId, t.contentId] }),
  planningFk([t.organiserId, t.planningId]),
]);

/** Knowledge requirements the planning covers and assesses, picked from its curriculum version. */
export const planningRequirement = pgTable('planning_requirement', {
  organiserId: organiserId(),
  planningId: uuid('planning_id').notNull(),
  requirementId: uuid('requirement_id').notNull().references(() => knowledgeRequirement.id),
  position: smallint('position').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.planningId, t.requirementId] }),
  planningFk([t.organiserId, t.planningId]),
]);

/**
 * Bedömning: the level a pupil has reached on one requirement of a planning. One current row per cell;
 * every save also appends to `assessment_event`, so the history is kept. `level` is one of the steps valid
 * for the pupil's school year when it was assessed (domain/assessment/steps).
 */
export const assessment = pgTable('assessment', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  planningId: uuid('planning_id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  requirementId: uuid('requirement_id').notNull(),
  level: text('level').notNull(),
  comment: text('comment'),
  /** The pupil's school year when assessed (decides which steps were valid). */
  pupilYear: smallint('pupil_year').notNull(),
  assessedOn: date('assessed_on').notNull(),
  assessedBy: uuid('assessed_by').notNull(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('assessment_cell_uq').on(t.organiserId, t.planningId, t.pupilId, t.requirementId),
  planningFk([t.organiserId, t.planningId]),
  personFk([t.organiserId, t.pupilId]),
  index('assessment_pupil_ix').on(t.organiserId, t.pupilId),
]);

/** Every saved assessment, oldest first: the cell's history. */
export const assessmentEvent = pgTable('assessment_event', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  assessmentId: uuid('assessment_id').notNull(),
  level: text('level'),
  comment: text('comment'),
  assessedOn: date('assessed_on').notNull(),
  assessedBy: uuid('assessed_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  index('assessment_event_cell_ix').on(t.organiserId, t.assessmentId, t.recordedAt),
]);

/** The steps a unit uses for years 4–5 (default "Inte ännu / På väg / Uppnått"): labels in order. */
export const assessmentScale = pgTable('assessment_scale', {
  organiserId: organiserId(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  steps: jsonb('steps').notNull(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.schoolUnitId] }),
  unitFk([t.organiserId, t.schoolUnitId]),
]);
