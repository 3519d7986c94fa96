import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { personFk, subject, unitFk } from '../org/tables.js';
import { createdAt, organiserId, updatedAt } from '../platform/db/columns.js';

/**
 * Documentation about one pupil that the school shares with the home: development talks, extra adaptations
 * and action programmes. Each row belongs to the pupil's unit (`school_unit_id`); who may read it is
 * `pupilSupportScope` in the access module. `shared_at` set = the pupil and the guardians may read it.
 */

/** Utvecklingssamtal. The mentor prepares it (teachers add comments per subject), holds it and shares it. */
export const developmentTalk = pgTable('development_talk', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  heldOn: date('held_on').notNull(),
  /** Who took part, as written (e.g. "Elev, vårdnadshavare, mentor Anna Berg"). */
  participants: text('participants').notNull().default(''),
  /** The talk's summary of the pupil's progress and well-being. */
  summary: text('summary').notNull().default(''),
  status: text('status').notNull().default('planned'),
  sharedAt: timestamp('shared_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.pupilId]),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('development_talk_status_ck', sql`${t.status} in ('planned','held')`),
  index('development_talk_pupil_ix').on(t.organiserId, t.pupilId, t.heldOn),
]);

const talkFk = (cols: any[]) => foreignKey({ columns: cols as any, foreignColumns: [developmentTalk.organiserId, developmentTalk.id] }).onDelete('cascade');

/** A teacher's short comment on the pupil's progress in a subject, collected before the talk. */
export const developmentTalkComment = pgTable('development_talk_comment', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  talkId: uuid('talk_id').notNull(),
  subjectCode: text('subject_code').notNull().references(() => subject.code),
  teacherId: uuid('teacher_id').notNull(),
  comment: text('comment').notNull(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  unique('development_talk_comment_uq').on(t.organiserId, t.talkId, t.subjectCode, t.teacherId),
  talkFk([t.organiserId, t.talkId]),
  personFk([t.organiserId, t.teacherId]),
]);

/** An agreed goal of a talk and who does what; followed up at a later talk. */
export const developmentTalkGoal = pgTable('development_talk_goal', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  talkId: uuid('talk_id').notNull(),
  goal: text('goal').notNull(),
  /** Who does what: the pupil, the school, the home (free text). */
  pupilDoes: text('pupil_does').notNull().default(''),
  schoolDoes: text('school_does').notNull().default(''),
  homeDoes: text('home_does').notNull().default(''),
  /** The follow-up, written at a later talk. */
  followUpTalkId: uuid('follow_up_talk_id'),
  followUpOutcome: text('follow_up_outcome'),
  followUpNote: text('follow_up_note'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  talkFk([t.organiserId, t.talkId]),
  check('development_talk_goal_outcome_ck', sql`${t.followUpOutcome} is null or ${t.followUpOutcome} in ('met','partly','not_met')`),
]);

/** Extra anpassning: in a subject or general (subject null), with a responsible member of staff. */
export const extraAdaptation = pgTable('extra_adaptation', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  subjectCode: text('subject_code').references(() => subject.code),
  description: text('description').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  responsibleId: uuid('responsible_id').notNull(),
  /** The next planned follow-up: shown to the responsible staff as a deadline. */
  followUpOn: date('follow_up_on'),
  evaluation: text('evaluation'),
  evaluatedOn: date('evaluated_on'),
  sharedAt: timestamp('shared_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.pupilId]),
  personFk([t.organiserId, t.responsibleId]),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('extra_adaptation_dates_ck', sql`${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
  index('extra_adaptation_pupil_ix').on(t.organiserId, t.pupilId),
  index('extra_adaptation_responsible_ix').on(t.organiserId, t.responsibleId),
]);

/** A follow-up note on an extra adaptation. */
export const extraAdaptationNote = pgTable('extra_adaptation_note', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  adaptationId: uuid('adaptation_id').notNull(),
  notedOn: date('noted_on').notNull(),
  note: text('note').notNull(),
  authorId: uuid('author_id').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.adaptationId], foreignColumns: [extraAdaptation.organiserId, extraAdaptation.id] }).onDelete('cascade'),
]);

/**
 * Åtgärdsprogram, the statutory workflow (skollagen 3 kap.): an investigation of the need for special
 * support → the decision (a programme, or none) by the principal or their delegate (decide_action_programme)
 * → the programme's needs and measures → evaluation. States and their rules: domain/pupil-support/action-programme.
 */
export const actionProgramme = pgTable('action_programme', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  pupilId: uuid('pupil_id').notNull(),
  schoolUnitId: uuid('school_unit_id').notNull(),
  status: text('status').notNull().default('investigation'),
  /** Why the need is investigated (signals from staff, the pupil, the home). */
  investigationReason: text('investigation_reason').notNull(),
  investigationStartedOn: date('investigation_started_on').notNull(),
  /** What the investigation found (pedagogical, social, medical aspects as relevant). */
  investigationFindings: text('investigation_findings').notNull().default(''),
  investigatedBy: uuid('investigated_by').notNull(),
  /** The decision: 'programme' (needs special support) or 'no_programme'. */
  decision: text('decision'),
  decisionReason: text('decision_reason'),
  decidedBy: uuid('decided_by'),
  decidedOn: date('decided_on'),
  /** The pupil's needs, as the programme states them. */
  needs: text('needs').notNull().default(''),
  /** When the programme as a whole is evaluated (a deadline for the responsible staff). */
  evaluateBy: date('evaluate_by'),
  evaluation: text('evaluation'),
  evaluatedOn: date('evaluated_on'),
  guardiansInformedOn: date('guardians_informed_on'),
  sharedAt: timestamp('shared_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  personFk([t.organiserId, t.pupilId]),
  personFk([t.organiserId, t.investigatedBy]),
  unitFk([t.organiserId, t.schoolUnitId]),
  check('action_programme_status_ck', sql`${t.status} in ('investigation','no_programme','programme','evaluated')`),
  check('action_programme_decision_ck', sql`(${t.status} = 'investigation') = (${t.decision} is null)
    and (${t.decision} is null or (${t.decision} in ('programme','no_programme') and ${t.decidedBy} is not null and ${t.decidedOn} is not null))
    and (${t.status} not in ('programme','evaluated') or ${t.decision} = 'programme')
    and (${t.status} <> 'no_programme' or ${t.decision} = 'no_programme')`),
  index('action_programme_pupil_ix').on(t.organiserId, t.pupilId),
  index('action_programme_unit_ix').on(t.organiserId, t.schoolUnitId, t.status),
]);

/** A measure of a programme: what is done, who is responsible, when it is followed up. */
export const actionProgrammeMeasure = pgTable('action_programme_measure', {
  organiserId: organiserId(),
  id: uuid('id').notNull(),
  programmeId: uuid('programme_id').notNull(),
  measure: text('measure').notNull(),
  responsibleId: uuid('responsible_id').notNull(),
  followUpOn: date('follow_up_on').notNull(),
  followUpNote: text('follow_up_note'),
  followedUpOn: date('followed_up_on'),
}, (t) => [
  primaryKey({ columns: [t.organiserId, t.id] }),
  foreignKey({ columns: [t.organiserId, t.programmeId], foreignColumns: [actionProgramme.organiserId, actionProgramme.id] }).onDelete('cascade'),
  personFk([t.organiserId, t.responsibleId]),
  index('action_programme_measure_responsible_ix').on(t.organiserId, t.responsibleId, t.followUpOn),
]);
