import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../domain/access/roles.js';
import { one, type Queryable } from '../db/database.js';
import { forbidden, unauthenticated } from '../http/errors.js';
import type { Actor } from './actor.js';

/**
 * The one place that decides what an actor may see and do. Services ask `require*` before they act;
 * stores put the `*Scope` fragments in their WHERE clause, so a row outside the scope is never found.
 */

/** Actions the UI may offer, by role. The server checks each again when it is taken. */
const ACTIONS_BY_ROLE: Record<Role, string[]> = {
  teacher: ['start.view', 'me.contact.edit', 'groups.view.own', 'pupils.view.own', 'grades.register', 'attendance.register', 'national-tests.register',
    'absence.view', 'absence.overview', 'absence.investigations.view',
    'curriculum.view', 'plannings.view', 'plannings.edit', 'assessments.register', 'pupil-support.view', 'pupil-support.edit',
    'followup.view', 'followup.reflect'],
  administrator: ['start.view', 'me.contact.edit', 'groups.view.unit', 'pupils.view.unit', 'pupils.view.own', 'staff.view.unit', 'grades.administer', 'register.administer',
    'attendance.register', 'national-tests.register', 'absence.view', 'absence.overview', 'absence.settings.view', 'absence.settings.edit',
    'curriculum.view', 'assessments.scale.edit', 'national-tests.import',
    // the organiser-level administrator only (requireOrganiserAdministrator as well)
    'ss12000.clients.manage', 'ss12000.import'],
  principal: ['start.view', 'me.contact.edit', 'groups.view.unit', 'pupils.view.unit', 'pupils.view.own', 'delegations.view.unit', 'delegations.manage', 'staff.view.unit',
    'absence.view', 'absence.overview', 'absence.settings.view', 'absence.investigations.view', 'absence.investigations.manage',
    'curriculum.view', 'plannings.view', 'assessments.scale.edit', 'pupil-support.view', 'pupil-support.edit', 'action-programmes.decide',
    'followup.view', 'followup.measures'],
  analyst: ['start.view', 'me.contact.edit', 'units.view.organiser', 'followup.view', 'followup.background.import', 'followup.reference.edit'],
  guardian: ['start.view', 'me.contact.edit', 'children.view', 'absence.view', 'plannings.view', 'pupil-support.view'],
  pupil: ['start.view', 'me.contact.edit', 'self.view', 'consents.manage', 'absence.view', 'plannings.view', 'pupil-support.view'],
  // elevhälsa: the unit's pupils' absence and the investigations, never grades or the pupil record
  student_health: ['start.view', 'me.contact.edit', 'absence.view', 'absence.investigations.view'],
};

export function allowedActions(actor: Pick<Actor, 'role'>): string[] {
  return ACTIONS_BY_ROLE[actor.role];
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function requireAction(actor: Actor, action: string): void {
  if (!ACTIONS_BY_ROLE[actor.role].includes(action)) throw forbidden(`Role ${actor.role} may not ${action}`);
}

/** Organiser-level administration (units, terms, the organiser's settings) is for an administrator whose
 *  duty has no unit: the organiser-level administrator. A unit's administrator is refused (403). */
export async function requireOrganiserAdministrator(q: Pick<Queryable, 'execute'>, actor: Actor): Promise<void> {
  if (actor.role !== 'administrator' || !(await isOrganiserAdministrator(q, actor))) {
    throw forbidden('Only the organiser-level administrator may change this');
  }
}

export async function isOrganiserAdministrator(q: Pick<Queryable, 'execute'>, actor: Pick<Actor, 'organiserId' | 'personId' | 'today'>): Promise<boolean> {
  const found = await one(q, sql`select 1 as yes from duty d where d.organiser_id = ${actor.organiserId} and d.person_id = ${actor.personId}
    and d.role = 'administrator' and d.school_unit_id is null and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)} limit 1`);
  return found !== undefined;
}

/** A relation row (duty, membership, guardianship …) is in force on the actor's day. */
export const inForce = (start: SQL, end: SQL, today: string) => inForceOn(start, end, sql`${today}::date`);

/** The same, with the day given as SQL (e.g. a column of a batch of requests). */
export const inForceOn = (start: SQL, end: SQL, today: SQL) => sql`${start} <= ${today} and (${end} is null or ${end} >= ${today})`;

/**
 * A teacher given as SQL: the parameters of one actor (`teacherRef`), or the columns of a batch of
 * requests, each row its own teacher — so a batched statement applies the very same scope as a single one.
 */
export interface TeacherRef { organiserId: SQL; personId: SQL; unitId: SQL; today: SQL }
const teacherRef = (a: Actor): TeacherRef =>
  ({ organiserId: sql`${a.organiserId}`, personId: sql`${a.personId}`, unitId: sql`${a.unitId}`, today: sql`${a.today}::date` });

/** Group `g` is taught or mentored by the teacher, at their current unit. */
export const teacherGroupScope = (t: TeacherRef): SQL => sql`g.organiser_id = ${t.organiserId} and g.school_unit_id = ${t.unitId} and exists (
        select 1 from group_staff gs where gs.organiser_id = g.organiser_id and gs.group_id = g.id
          and gs.person_id = ${t.personId} and ${inForceOn(sql`gs.start_date`, sql`gs.end_date`, t.today)})`;

/** Teaching group `g` is graded by the teacher (a teacher of it with the grader flag), at their current unit. */
export const teacherGradesScope = (t: TeacherRef): SQL => sql`g.organiser_id = ${t.organiserId} and g.school_unit_id = ${t.unitId} and g.group_type = 'teaching' and exists (
    select 1 from group_staff gs where gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = ${t.personId}
      and gs.assignment = 'teacher' and gs.grader and ${inForceOn(sql`gs.start_date`, sql`gs.end_date`, t.today)})`;

/** Groups the actor may see (alias `g` for student_group). */
export function groupScope(actor: Actor): SQL {
  const org = sql`g.organiser_id = ${actor.organiserId}`;
  switch (actor.role) {
    case 'teacher':
      return teacherGroupScope(teacherRef(actor));
    case 'administrator':
    case 'principal':
      return sql`${org} and g.school_unit_id = ${actor.unitId}`;
    case 'pupil':
      return sql`${org} and exists (
        select 1 from group_membership m where m.organiser_id = g.organiser_id and m.group_id = g.id
          and m.person_id = ${actor.personId} and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)})`;
    case 'analyst':
    case 'guardian':
    case 'student_health':
      return sql`false`;
  }
}

/** The child's date of birth as a number YYYYMMDD (person alias given): the birth date, else the civic
 *  number's first eight digits, a samordningsnummer's day less 60. Mirrors domain/portal/guardian-access. */
const birthKey = (p: SQL) => sql`coalesce(to_char(${p}.birth_date, 'YYYYMMDD')::int,
  case when ${p}.civic_no ~ '^[0-9]{8}' then left(${p}.civic_no, 8)::int - case when ${p}.civic_no_kind = 'samordningsnummer' then 60 else 0 end end)`;

/** The person (alias given) is 18 or older on `today` (the 18th birthday counts); unknown birth: under 18. */
export const isAdultSql = (p: SQL, today: string) => sql`coalesce(${birthKey(p)} + 180000 <= ${Number(today.replaceAll('-', ''))}, false)`;

/**
 * The guardianship row (alias `gu`) lets its guardian see the child (person alias `p`) today: the relation
 * is in force and the child is under 18, or has consented to this guardian (a consent not revoked).
 * Mirrors `guardianMaySee` in domain/portal/guardian-access.
 */
export const guardianSeesChild = (gu: SQL, p: SQL, today: string) => sql`${inForce(sql`${gu}.start_date`, sql`${gu}.end_date`, today)}
  and (not ${isAdultSql(p, today)} or exists (select 1 from guardian_consent gc where gc.organiser_id = ${gu}.organiser_id
    and gc.pupil_id = ${gu}.child_id and gc.guardian_id = ${gu}.guardian_id and gc.revoked_at is null))`;

/** Pupils (persons, alias `p`) whose record the actor may open. Mirrors domain/access/pupil-access. */
export function pupilScope(actor: Actor): SQL {
  const org = sql`p.organiser_id = ${actor.organiserId}`;
  const today = actor.today;
  switch (actor.role) {
    case 'pupil':
      return sql`${org} and p.id = ${actor.personId}`;
    case 'guardian':
      return sql`${org} and exists (
        select 1 from guardianship gu where gu.organiser_id = p.organiser_id and gu.child_id = p.id
          and gu.guardian_id = ${actor.personId} and ${guardianSeesChild(sql`gu`, sql`p`, today)})`;
    case 'teacher':
      return sql`${org} and exists (
        select 1 from group_membership m
          join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${actor.unitId}
          join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = ${actor.personId}
        where m.organiser_id = p.organiser_id and m.person_id = p.id
          and ${inForce(sql`m.start_date`, sql`m.end_date`, today)} and ${inForce(sql`gs.start_date`, sql`gs.end_date`, today)})`;
    case 'administrator':
    case 'principal':
    case 'student_health':
      return sql`${org} and exists (
        select 1 from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
          and e.school_unit_id = ${actor.unitId} and ${inForce(sql`e.start_date`, sql`e.end_date`, today)})`;
    case 'analyst':
      return sql`false`;
  }
}

/** The teaching groups (alias `g`) of the teacher's current unit in which they taught pupil `pupilId` since
 *  `since`: the teacher's assignment and the pupil's membership overlapped and had begun by today. */
const taughtGroups = (actor: Actor, since: string, pupilId: SQL) => sql`from group_membership m
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${actor.unitId} and g.group_type = 'teaching'
    join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = ${actor.personId} and gs.assignment = 'teacher'
  where m.organiser_id = ${actor.organiserId} and m.person_id = ${pupilId}
    and m.start_date <= ${actor.today}::date and gs.start_date <= ${actor.today}::date
    and coalesce(m.end_date, 'infinity'::date) >= ${since}::date and coalesce(gs.end_date, 'infinity'::date) >= ${since}::date
    and m.start_date <= coalesce(gs.end_date, 'infinity'::date) and gs.start_date <= coalesce(m.end_date, 'infinity'::date)`;

/** Pupils (alias `p`) whose pupil page the actor may open: the pupil scope, and for a teacher also the
 *  pupils they taught since `since` (the start of last school year) in a teaching group of their unit. */
export function pupilPageScope(actor: Actor, since: string): SQL {
  if (actor.role !== 'teacher') return pupilScope(actor);
  return sql`(${pupilScope(actor)} or (p.organiser_id = ${actor.organiserId} and exists (select 1 ${taughtGroups(actor, since, sql`p.id`)})))`;
}

/** The subject codes (column `subject_code`) the teacher teaches or taught the pupil since `since`. */
export const subjectsTaughtTo = (actor: Actor, since: string, pupilId: string): SQL =>
  actor.role === 'teacher' ? sql`select distinct g.subject_code ${taughtGroups(actor, since, sql`${pupilId}::uuid`)}` : sql`select null::text as subject_code where false`;

/** The teacher is mentor of the pupil today: a mentor assignment in force on a class or mentor group of
 *  their current unit that the pupil is a member of today (a boolean SQL expression). */
export const mentorsPupil = (actor: Actor, pupilId: string): SQL => actor.role !== 'teacher' ? sql`false` : sql`exists (select 1
    from group_membership m
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${actor.unitId} and g.group_type in ('class', 'mentor')
    join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = ${actor.personId} and gs.assignment = 'mentor'
  where m.organiser_id = ${actor.organiserId} and m.person_id = ${pupilId}::uuid
    and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)} and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)})`;

/** The pupils a staff member is linked to at the current unit ("Mina elever"), as a query of `person_id`: a
 *  teacher's through the classes and groups they teach or mentor today, every pupil enrolled at the unit for
 *  its administrator and principal. Always within pupilScope, so each of them can be opened. */
export function linkedPupils(actor: Actor): SQL {
  switch (actor.role) {
    case 'teacher':
      return sql`select m.person_id from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
        where ${teacherGroupScope(teacherRef(actor))} and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}`;
    case 'administrator':
    case 'principal':
      return sql`select e.person_id from enrolment e where e.organiser_id = ${actor.organiserId} and e.school_unit_id = ${actor.unitId}
        and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)}`;
    default:
      return sql`select null::uuid as person_id where false`;
  }
}

/** The actor grades group `g` (alias): a teacher of it with the grader flag, at the current unit. */
export function graderScope(actor: Actor): SQL {
  return actor.role === 'teacher' ? teacherGradesScope(teacherRef(actor)) : sql`false`;
}

/** Grades (alias `gr`, joined to its group as `g`) whose history the actor may read: staff who teach or
 *  mentor the group, and the administrator and principal of its unit. */
export function gradeHistoryScope(actor: Actor): SQL {
  const unit = sql`gr.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId}`;
  switch (actor.role) {
    case 'administrator':
    case 'principal':
      return unit;
    case 'teacher':
      return sql`${unit} and exists (select 1 from group_staff gs where gs.organiser_id = g.organiser_id
        and gs.group_id = g.id and gs.person_id = ${actor.personId})`;
    default:
      return sql`false`;
  }
}

/** People (alias `p`) of the actor's unit register, for its administrator: pupils ever enrolled at the unit,
 *  guardians of those pupils and staff with a duty there, current or ended (so that history stays reachable).
 *  A person of another unit is simply not found. */
export function registerPersonScope(actor: Actor): SQL {
  if (actor.role !== 'administrator' || !actor.unitId) return sql`false`;
  const unit = actor.unitId;
  return sql`p.organiser_id = ${actor.organiserId} and (
    exists (select 1 from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id and e.school_unit_id = ${unit})
    or exists (select 1 from duty d where d.organiser_id = p.organiser_id and d.person_id = p.id and d.school_unit_id = ${unit})
    or exists (select 1 from guardianship gu join enrolment ce on ce.organiser_id = gu.organiser_id and ce.person_id = gu.child_id
                and ce.school_unit_id = ${unit} where gu.organiser_id = p.organiser_id and gu.guardian_id = p.id))`;
}

/** Lessons (alias `l`, joined to its group as `g`) whose roll call the actor may take: a teacher of the group
 *  (a `teacher` assignment in force today, at the current unit), or the administrator of the lesson's unit,
 *  who may correct any lesson of it. A lesson outside it is simply not found. */
export function rollCallScope(actor: Actor): SQL {
  const unit = sql`l.organiser_id = ${actor.organiserId} and l.school_unit_id = ${actor.unitId}`;
  switch (actor.role) {
    case 'teacher':
      return sql`${unit} and exists (select 1 from group_staff gs where gs.organiser_id = l.organiser_id and gs.group_id = l.group_id
        and gs.person_id = ${actor.personId} and gs.assignment = 'teacher' and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)})`;
    case 'administrator':
      return unit;
    default:
      return sql`false`;
  }
}

/** Absence investigations (alias `ai`) the actor may read: the principal and student health of the pupil's
 *  unit, and the pupil's mentor (today, at the current unit). Nobody else: not other teachers, not the
 *  administrator, not guardians. */
export function investigationScope(actor: Actor): SQL {
  const unit = sql`ai.organiser_id = ${actor.organiserId} and ai.school_unit_id = ${actor.unitId}`;
  switch (actor.role) {
    case 'principal':
    case 'student_health':
      return unit;
    case 'teacher':
      return sql`${unit} and exists (select 1 from group_membership m
        join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${actor.unitId} and g.group_type in ('class', 'mentor')
        join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = ${actor.personId} and gs.assignment = 'mentor'
       where m.organiser_id = ai.organiser_id and m.person_id = ai.pupil_id
         and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)} and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)})`;
    default:
      return sql`false`;
  }
}

/** Classes and mentor groups (alias `g`) whose absence overview the actor may see: the mentor's own, every
 *  class and mentor group of the unit for its administrator and principal. */
export function absenceOverviewGroupScope(actor: Actor): SQL {
  const unit = sql`g.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId} and g.group_type in ('class', 'mentor')`;
  switch (actor.role) {
    case 'administrator':
    case 'principal':
      return unit;
    case 'teacher':
      return sql`${unit} and exists (select 1 from group_staff gs where gs.organiser_id = g.organiser_id and gs.group_id = g.id
        and gs.person_id = ${actor.personId} and gs.assignment = 'mentor' and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)})`;
    default:
      return sql`false`;
  }
}

// plannings, assessments and pupil-support documentation
export * from './learning-scopes.js';
// the follow-up of grades and national test grades
export * from './followup-scopes.js';
