import { doublePrecision, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { organiserId } from '../platform/db/columns.js';

/** The additive counts and sums of a set of analysed grades (the columns of report-aggregate.ts). */
const measureColumns = () => ({
  graded: integer('graded').notNull(),
  cA: integer('c_a').notNull(),
  cB: integer('c_b').notNull(),
  cC: integer('c_c').notNull(),
  cD: integer('c_d').notNull(),
  cE: integer('c_e').notNull(),
  cF: integer('c_f').notNull(),
  cDash: integer('c_dash').notNull(),
  gpSum: doublePrecision('gp_sum').notNull(),
  nBoth: integer('n_both').notNull(),
  nLower: integer('n_lower').notNull(),
  nSame: integer('n_same').notNull(),
  nHigher: integer('n_higher').notNull(),
  /** Pupils by grade steps of grade minus test, −5 … +5. */
  steps: integer('steps').array().notNull(),
  diffSum: doublePrecision('diff_sum').notNull(),
  diffSq: doublePrecision('diff_sq').notNull(),
  bothGp: doublePrecision('both_gp').notNull(),
  bothTp: doublePrecision('both_tp').notNull(),
  notTaken: integer('not_taken').notNull(),
});

/** The pupils' background values a fact is kept per (the breakdowns of the report). */
const backgroundColumns = () => ({
  /** 'F' | 'M' | 'U' (unknown) */
  sex: text('sex').notNull(),
  /** 'true' | 'false' */
  newly: text('newly').notNull(),
  sva: text('sva').notNull(),
  /** parents' post-secondary education, per pupil where held: 'true' | 'false' | 'U' */
  pps: text('pps').notNull(),
  /** foreign background, per pupil where held: 'true' | 'false' | 'U' */
  fb: text('fb').notNull(),
});

/**
 * The follow-up's analysed grades, pre-aggregated: one row per school unit, teaching group, subject, grade year,
 * school year and combination of the pupils' background values, with additive counts and sums (the columns of
 * report-aggregate.ts). Derived data: rebuilt from grade, national_test_result, person, pupil_background,
 * term and student_group for every (unit, school year) that triggers on those tables marked in
 * followup_dirty — so a report reads a few thousand rows instead of joining a million grades.
 */
export const followupFact = pgTable('followup_fact', {
  organiserId: organiserId(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  schoolYear: text('school_year').notNull(),
  gradeYear: smallint('grade_year').notNull(),
  groupId: uuid('group_id').notNull(),
  subjectCode: text('subject_code').notNull(),
  ...backgroundColumns(),
  ...measureColumns(),
}, (t) => [
  primaryKey({ name: 'followup_fact_pk', columns: [t.organiserId, t.schoolUnitId, t.schoolYear, t.gradeYear, t.groupId, t.subjectCode, t.sex, t.newly, t.sva, t.pps, t.fb] }),
  index('followup_fact_year_ix').on(t.organiserId, t.gradeYear, t.schoolYear),
]);

/** A (unit, school year) whose facts must be rebuilt before the next report: marked by triggers. */
export const followupDirty = pgTable('followup_dirty', {
  organiserId: organiserId(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  schoolYear: text('school_year').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.schoolUnitId, t.schoolYear] }),
]);

/**
 * The same facts summed over the groups of a unit: the organiser's overview reads these (a tenth of the rows of
 * followup_fact), rebuilt together with followup_fact for the marked (unit, school year) pairs.
 */
export const followupUnitFact = pgTable('followup_unit_fact', {
  organiserId: organiserId(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  schoolYear: text('school_year').notNull(),
  gradeYear: smallint('grade_year').notNull(),
  subjectCode: text('subject_code').notNull(),
  ...backgroundColumns(),
  ...measureColumns(),
}, (t) => [
  primaryKey({ name: 'followup_unit_fact_pk', columns: [t.organiserId, t.schoolUnitId, t.schoolYear, t.gradeYear, t.subjectCode, t.sex, t.newly, t.sva, t.pps, t.fb] }),
  index('followup_unit_fact_year_ix').on(t.organiserId, t.gradeYear, t.schoolYear),
]);
