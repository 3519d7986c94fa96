import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { person, schoolUnit, subject } from '../org/tables.js';
import { organiserId } from '../platform/db/columns.js';

/**
 * Nationellt prov: a pupil's result in a subject's national test in year 3, 6 or 9 of a school year. Years 6
 * and 9 give a test grade (provbetyg, A–F); year 3 records only the sub-tests (delprov) as met / not met.
 * "Did not take part" is recorded as such, never as a grade.
 */
export const nationalTestResult = pgTable('national_test_result', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  subjectCode: text('subject_code').notNull().references(() => subject.code),
  gradeYear: smallint('grade_year').notNull(),
  /** The school year of the test, '2025/2026'. */
  schoolYear: text('school_year').notNull(),
  testGrade: text('test_grade'),
  notParticipated: boolean('not_participated').notNull().default(false),
  /** Year 3: { [subTestCode]: 'met' | 'not_met' | 'absent' }. */
  subTests: jsonb('sub_tests'),
  registeredBy: uuid('registered_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.pupilId], foreignColumns: [person.organiserId, person.id] }),
  foreignKey({ columns: [t.organiserId, t.schoolUnitId], foreignColumns: [schoolUnit.organiserId, schoolUnit.id] }),
  unique('national_test_result_uq').on(t.organiserId, t.pupilId, t.subjectCode, t.gradeYear, t.schoolYear),
  check('national_test_year_ck', sql`${t.gradeYear} in (3, 6, 9)`),
  check('national_test_grade_ck', sql`${t.testGrade} is null or ${t.testGrade} in ('A','B','C','D','E','F')`),
  check('national_test_year3_ck', sql`${t.gradeYear} <> 3 or ${t.testGrade} is null`),
  check('national_test_not_participated_ck', sql`not ${t.notParticipated} or (${t.testGrade} is null and ${t.subTests} is null)`),
  index('national_test_unit_ix').on(t.organiserId, t.schoolUnitId, t.schoolYear, t.subjectCode),
]);
