import { sql } from 'drizzle-orm';
import {
  boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, organiserId, updatedAt } from '../platform/db/columns.js';

/** Huvudman. One per deployment today; every tenant table is keyed by it. */
export const organiser = pgTable('organiser', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  organisationNumber: text('organisation_number'),
  contact: text('contact'),
  createdAt: createdAt(),
});

const byOrganiser = (t: { organiserId: any }) =>
  foreignKey({ columns: [t.organiserId], foreignColumns: [organiser.id] });

/** Skolenhet. */
export const schoolUnit = pgTable('school_unit', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  name: text('name').notNull(),
  schoolUnitCode: text('school_unit_code').notNull(),
  schoolForms: text('school_forms').array().notNull(),
  municipalityCode: text('municipality_code'),
  streetAddress: text('street_address'),
  postalCode: text('postal_code'),
  city: text('city'),
  email: text('email'),
  phone: text('phone'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('school_unit_code_uq').on(t.organiserId, t.schoolUnitCode),
  byOrganiser(t),
]);

/** Termin (HT/VT) of a school year, organiser-wide. */
export const term = pgTable('term', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  schoolYear: text('school_year').notNull(), // '2026/2027'
  kind: text('kind').notNull(), // 'HT' | 'VT'
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('term_uq').on(t.organiserId, t.schoolYear, t.kind),
  check('term_kind_ck', sql`${t.kind} in ('HT','VT')`),
  check('term_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
  byOrganiser(t),
]);

/** Ämne: reference data shared by all organisers (code = designation on grade documents). */
export const subject = pgTable('subject', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  syllabusCode: text('syllabus_code').notNull(),
  sortOrder: smallint('sort_order').notNull(),
});

/** Per-organiser subject settings, e.g. the first school year with term grades (default 6). */
export const subjectSetting = pgTable('subject_setting', {
  organiserId: organiserId(),
  subjectCode: text('subject_code').notNull().references(() => subject.code),
  firstGradedYear: smallint('first_graded_year').notNull().default(6),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.subjectCode] }),
  check('subject_setting_year_ck', sql`${t.firstGradedYear} between 1 and 9`),
  byOrganiser(t),
]);

/** Person: pupil, guardian or staff member (roles come from relations). */
export const person = pgTable('person', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  civicNo: text('civic_no'), // 12 digits (or TF-number with letters), normalised
  civicNoKind: text('civic_no_kind'), // 'personnummer' | 'samordningsnummer' | 'temporary'
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  sex: text('sex'), // 'F' | 'M' | 'X' (unknown/other)
  birthDate: date('birth_date'),
  securityMarking: text('security_marking').notNull().default('none'),
  email: text('email'),
  phone: text('phone'),
  workEmail: text('work_email'),
  workPhone: text('work_phone'),
  streetAddress: text('street_address'),
  postalCode: text('postal_code'),
  city: text('city'),
  status: text('status').notNull().default('active'),
  newlyArrivedDate: date('newly_arrived_date'),
  swedishAsSecondLanguage: boolean('swedish_as_second_language').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('person_civic_no_uq').on(t.organiserId, t.civicNo),
  check('person_marking_ck', sql`${t.securityMarking} in ('none','confidential','protected')`),
  check('person_kind_ck', sql`${t.civicNoKind} in ('personnummer','samordningsnummer','temporary')`),
  check('person_status_ck', sql`${t.status} in ('active','inactive')`),
  byOrganiser(t),
]);

export const personFk = (cols: any[]) => foreignKey({ columns: cols as any, foreignColumns: [person.organiserId, person.id] });
export const unitFk = (cols: any[]) => foreignKey({ columns: cols as any, foreignColumns: [schoolUnit.organiserId, schoolUnit.id] });

/** Tjänstgöring: a staff member's duty at a unit (unit null = organiser level: analyst, organiser-level administrator). */
export const duty = pgTable('duty', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  personId: uuid('person_id').notNull(),
  schoolUnitId: uuid('school_unit_id'),
  role: text('role').notNull(),
  licensed: boolean('licensed').notNull().default(false),
  qualifiedSubjects: text('qualified_subjects').array().notNull().default(sql`'{}'::text[]`),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.personId]),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('duty_role_ck', sql`${t.role} in ('teacher','administrator','principal','analyst','student_health')`),
  // an analyst has no unit; an administrator without a unit is the organiser-level administrator (all units)
  check('duty_unit_ck', sql`case when ${t.role} = 'analyst' then ${t.schoolUnitId} is null
    when ${t.role} = 'administrator' then true else ${t.schoolUnitId} is not null end`),
  index('duty_person_ix').on(t.organiserId, t.personId),
  index('duty_unit_ix').on(t.organiserId, t.schoolUnitId),
]);

/** Delegation: the principal hands a named kind of decision to a named staff member for a period. */
export const delegation = pgTable('delegation', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  principalId: uuid('principal_id').notNull(),
  delegateId: uuid('delegate_id').notNull(),
  decisionKind: text('decision_kind').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  /** Withdrawn by the principal before its end date; it stays on record. */
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unitFk([t.organiserId, t.schoolUnitId]),
  personFk([t.organiserId, t.principalId]),
  personFk([t.organiserId, t.delegateId]),
  check('delegation_dates_ck', sql`${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
]);

/** Inskrivning: a pupil at a unit, school year and school form (GR, GRS = anpassad grundskola, …). */
export const enrolment = pgTable('enrolment', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  personId: uuid('person_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  schoolYear: smallint('school_year').notNull(),
  schoolForm: text('school_form').notNull(),
  gradesRequested: boolean('grades_requested').notNull().default(false),
  adaptedTimetable: boolean('adapted_timetable').notNull().default(false),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.personId]),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('enrolment_year_ck', sql`${t.schoolYear} between 0 and 10`),
  index('enrolment_person_ix').on(t.organiserId, t.personId),
  index('enrolment_unit_ix').on(t.organiserId, t.schoolUnitId),
]);

/** Vårdnadshavare relation, with dates. */
export const guardianship = pgTable('guardianship', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  guardianId: uuid('guardian_id').notNull(),
  childId: uuid('child_id').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.guardianId]),
  personFk([t.organiserId, t.childId]),
  index('guardianship_guardian_ix').on(t.organiserId, t.guardianId),
  index('guardianship_child_ix').on(t.organiserId, t.childId),
]);

/** Grupp: class (klass), teaching group (undervisningsgrupp) or mentor group. */
export const studentGroup = pgTable('student_group', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  name: text('name').notNull(),
  groupType: text('group_type').notNull(),
  subjectCode: text('subject_code').references(() => subject.code),
  schoolYear: smallint('school_year'),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('group_type_ck', sql`${t.groupType} in ('class','teaching','mentor')`),
  check('group_subject_ck', sql`(${t.groupType} = 'teaching') = (${t.subjectCode} is not null)`),
  index('group_unit_ix').on(t.organiserId, t.schoolUnitId),
]);

export const groupFk = (cols: any[]) => foreignKey({ columns: cols as any, foreignColumns: [studentGroup.organiserId, studentGroup.id] });

/** A pupil's membership of a group, with dates (a moved pupil keeps the old row). */
export const groupMembership = pgTable('group_membership', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  groupId: uuid('group_id').notNull(),
  personId: uuid('person_id').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  groupFk([t.organiserId, t.groupId]),
  personFk([t.organiserId, t.personId]),
  index('membership_group_ix').on(t.organiserId, t.groupId),
  index('membership_person_ix').on(t.organiserId, t.personId),
]);

/** A staff member assigned to a group: teacher (with the grader flag) or mentor. */
export const groupStaff = pgTable('group_staff', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  groupId: uuid('group_id').notNull(),
  personId: uuid('person_id').notNull(),
  assignment: text('assignment').notNull(),
  grader: boolean('grader').notNull().default(false),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  groupFk([t.organiserId, t.groupId]),
  personFk([t.organiserId, t.personId]),
  check('group_staff_assignment_ck', sql`${t.assignment} in ('teacher','mentor')`),
  index('group_staff_group_ix').on(t.organiserId, t.groupId),
  index('group_staff_person_ix').on(t.organiserId, t.personId),
]);
