import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Curriculum as versioned reference data, shared by all organisers (like `subject`). A version is one
 * curriculum as published (Lgr11 revised 2018, Lgr22 …); its syllabuses, stages, central content and
 * knowledge requirements never change once imported, so plannings and assessments made against a version
 * keep their meaning when a newer one arrives. Ids are stable (derived from the version and the position
 * in the source), so importing the same files again changes nothing.
 */
export const curriculumVersion = pgTable('curriculum_version', {
  id: uuid('id').primaryKey(),
  /** Short name, e.g. 'Lgr11', 'Lgr22'. */
  name: text('name').notNull(),
  /** What the UI shows, e.g. 'Lgr11 (demo, revised 2018)'. */
  label: text('label').notNull(),
  /** The day the version came into force; the newest one in force is offered for new plannings. */
  validFrom: date('valid_from').notNull(),
  /** Where the files came from. */
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('curriculum_version_uq').on(t.name, t.validFrom)]);

/** Kursplan: one subject's syllabus within a version (code GRGRMAT01, designation MA). */
export const syllabus = pgTable('syllabus', {
  id: uuid('id').primaryKey(),
  versionId: uuid('version_id').notNull().references(() => curriculumVersion.id),
  code: text('code').notNull(),
  designation: text('designation'),
  name: text('name').notNull(),
  description: text('description'),
  /** The aim of the subject: [{ heading, lines[] }]. */
  purposes: jsonb('purposes').notNull(),
}, (t) => [unique('syllabus_uq').on(t.versionId, t.code)]);

/** A stage of a syllabus: years 1–3, 4–6 or 7–9 (the source's "course"). */
export const syllabusStage = pgTable('syllabus_stage', {
  id: uuid('id').primaryKey(),
  syllabusId: uuid('syllabus_id').notNull().references(() => syllabus.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  yearFrom: smallint('year_from').notNull(),
  yearTo: smallint('year_to').notNull(),
}, (t) => [
  unique('syllabus_stage_uq').on(t.syllabusId, t.code),
  check('syllabus_stage_years_ck', sql`${t.yearFrom} between 1 and 9 and ${t.yearFrom} <= ${t.yearTo} and ${t.yearTo} <= 9`),
]);

/** Centralt innehåll: one line under a heading of a stage; what a planning picks. */
export const centralContent = pgTable('central_content', {
  id: uuid('id').primaryKey(),
  stageId: uuid('stage_id').notNull().references(() => syllabusStage.id),
  heading: text('heading').notNull(),
  text: text('text').notNull(),
  position: integer('position').notNull(),
}, (t) => [index('central_content_stage_ix').on(t.stageId, t.position)]);

/**
 * Kunskapskrav (betygskriterium since Lgr22): one requirement of a stage, with its text (blanks where the
 * steps differ) and the wording per step: { E, C, A } for years 6 and 9, { G } for year 3.
 */
export const knowledgeRequirement = pgTable('knowledge_requirement', {
  id: uuid('id').primaryKey(),
  stageId: uuid('stage_id').notNull().references(() => syllabusStage.id),
  paragraph: smallint('paragraph').notNull(),
  position: integer('position').notNull(),
  text: text('text').notNull(),
  choices: jsonb('choices').notNull(),
}, (t) => [index('knowledge_requirement_stage_ix').on(t.stageId, t.position)]);

