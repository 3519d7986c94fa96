import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor.js';
import { guardianSeesChild, inForce, pupilScope } from './access.js';

/**
 * The access module's scopes for learning and pupil support: plannings, assessments, development talks,
 * extra adaptations and action programmes. Part of the one access module (re-exported by access.ts); kept in
 * a file of its own so each file stays about one concept.
 */

/** The teacher teaches or mentors, today at the current unit, a group the pupil (SQL) is a member of today. */
const teachesOrMentorsPupil = (actor: Actor, pupil: SQL) => sql`exists (select 1 from group_membership m
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${actor.unitId}
    join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = ${actor.personId}
  where m.organiser_id = ${actor.organiserId} and m.person_id = ${pupil}
    and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)} and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)})`;

/** The guardian may see the child (SQL) today. */
const guardsChild = (actor: Actor, child: SQL) => sql`exists (select 1 from guardianship gu join person cp on cp.organiser_id = gu.organiser_id and cp.id = gu.child_id
  where gu.organiser_id = ${actor.organiserId} and gu.child_id = ${child} and gu.guardian_id = ${actor.personId} and ${guardianSeesChild(sql`gu`, sql`cp`, actor.today)})`;

/**
 * Plannings (alias `pl`) the actor may read. Staff: the owners, the teachers and mentors (today) of its
 * groups, and the principal of its unit. Pupils and guardians: a published planning of a group the pupil
 * (the guardian's child) is a member of today. Nobody else (administrator, analyst, student health).
 */
export function planningScope(actor: Actor): SQL {
  const unit = sql`pl.organiser_id = ${actor.organiserId} and pl.school_unit_id = ${actor.unitId}`;
  const memberToday = (who: SQL) => sql`exists (select 1 from planning_group pg join group_membership m
      on m.organiser_id = pg.organiser_id and m.group_id = pg.group_id
    where pg.organiser_id = pl.organiser_id and pg.planning_id = pl.id and m.person_id = ${who} and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)})`;
  switch (actor.role) {
    case 'principal':
      return unit;
    case 'teacher':
      return sql`${unit} and (${planningOwned(actor)} or exists (select 1 from planning_group pg join group_staff gs
          on gs.organiser_id = pg.organiser_id and gs.group_id = pg.group_id and gs.person_id = ${actor.personId}
        where pg.organiser_id = pl.organiser_id and pg.planning_id = pl.id and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)}))`;
    case 'pupil':
      return sql`pl.organiser_id = ${actor.organiserId} and pl.status = 'published' and ${memberToday(sql`${actor.personId}::uuid`)}`;
    case 'guardian':
      return sql`pl.organiser_id = ${actor.organiserId} and pl.status = 'published' and exists (select 1 from planning_group pg
          join group_membership m on m.organiser_id = pg.organiser_id and m.group_id = pg.group_id
        where pg.organiser_id = pl.organiser_id and pg.planning_id = pl.id and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
          and ${guardsChild(actor, sql`m.person_id`)})`;
    default:
      return sql`false`;
  }
}

/** The teacher owns planning `pl` (at their current unit): they may edit, publish, copy and share it. */
export function planningOwned(actor: Actor): SQL {
  if (actor.role !== 'teacher') return sql`false`;
  return sql`pl.organiser_id = ${actor.organiserId} and pl.school_unit_id = ${actor.unitId} and exists (select 1 from planning_owner po
    where po.organiser_id = pl.organiser_id and po.planning_id = pl.id and po.person_id = ${actor.personId})`;
}

/**
 * Groups (alias `g`) a teacher may make a planning for: a class or teaching group of their current unit that
 * has not ended, with an assignment of theirs (teacher or mentor) in force today or beginning later — so that
 * a planning can be copied for next school year's groups once they are set up. Added for plannings: the
 * read scope (`groupScope`) knows only today's assignments.
 */
export function planningGroupChoiceScope(actor: Actor): SQL {
  if (actor.role !== 'teacher') return sql`false`;
  return sql`g.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId} and g.group_type in ('class', 'teaching')
    and (g.end_date is null or g.end_date >= ${actor.today}::date) and exists (select 1 from group_staff gs
      where gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = ${actor.personId}
        and (gs.end_date is null or gs.end_date >= ${actor.today}::date))`;
}

/** The actor may assess on planning `pl`: an owner, or a teacher (teacher assignment, today) of one of its groups. */
export function planningAssessorScope(actor: Actor): SQL {
  if (actor.role !== 'teacher') return sql`false`;
  return sql`(${planningOwned(actor)} or (pl.organiser_id = ${actor.organiserId} and pl.school_unit_id = ${actor.unitId} and exists (
    select 1 from planning_group pg join group_staff gs on gs.organiser_id = pg.organiser_id and gs.group_id = pg.group_id
      and gs.person_id = ${actor.personId} and gs.assignment = 'teacher'
    where pg.organiser_id = pl.organiser_id and pg.planning_id = pl.id and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)})))`;
}

/**
 * Assessments (alias `a`, joined to its planning as `pl`) the actor may read: staff who may read the planning
 * (and the pupil's mentor, through `pupilScope` of a teacher), the pupil and the guardians only when the
 * planning is published and its assessments are shared, and only their own (child's) rows.
 */
export function assessmentScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'pupil':
      return sql`a.organiser_id = ${actor.organiserId} and a.pupil_id = ${actor.personId} and pl.status = 'published' and pl.assessments_shared`;
    case 'guardian':
      return sql`a.organiser_id = ${actor.organiserId} and pl.status = 'published' and pl.assessments_shared and ${guardsChild(actor, sql`a.pupil_id`)}`;
    case 'principal':
      return sql`a.organiser_id = ${actor.organiserId} and pl.school_unit_id = ${actor.unitId}`;
    case 'teacher':
      return sql`a.organiser_id = ${actor.organiserId} and pl.school_unit_id = ${actor.unitId} and (${planningScope(actor)} or ${teachesOrMentorsPupil(actor, sql`a.pupil_id`)})`;
    default:
      return sql`false`;
  }
}

/**
 * Pupil-support documentation (alias given: a development talk, an extra adaptation or an action programme,
 * each with `pupil_id`, `school_unit_id`, `shared_at`): the principal of its unit, the pupil's teachers and
 * mentor (today, at that unit), and the pupil and guardians once it is shared. Nobody else — not the
 * administrator, not student health, not another unit.
 */
export function pupilSupportScope(actor: Actor, alias: SQL): SQL {
  const unit = sql`${alias}.organiser_id = ${actor.organiserId} and ${alias}.school_unit_id = ${actor.unitId}`;
  switch (actor.role) {
    case 'principal':
      return unit;
    case 'teacher':
      return sql`${unit} and ${teachesOrMentorsPupil(actor, sql`${alias}.pupil_id`)}`;
    case 'pupil':
      return sql`${alias}.organiser_id = ${actor.organiserId} and ${alias}.pupil_id = ${actor.personId} and ${alias}.shared_at is not null`;
    case 'guardian':
      return sql`${alias}.organiser_id = ${actor.organiserId} and ${alias}.shared_at is not null and ${guardsChild(actor, sql`${alias}.pupil_id`)}`;
    default:
      return sql`false`;
  }
}

/** Pupils (alias `p`) about whom the actor may write pupil-support documentation: the principal (pupils enrolled
 *  at the unit) and the pupil's teachers and mentor today. */
export function pupilSupportWriterScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'principal':
      return pupilScope(actor);
    case 'teacher':
      return sql`p.organiser_id = ${actor.organiserId} and ${teachesOrMentorsPupil(actor, sql`p.id`)}`;
    default:
      return sql`false`;
  }
}

/** The staff member (teacher role) holds a `decide_action_programme` delegation in force at the current unit. */
export const decidesActionProgrammes = (actor: Actor): SQL => actor.role !== 'teacher' || !actor.unitId ? sql`false` : sql`exists (select 1 from delegation dl
  where dl.organiser_id = ${actor.organiserId} and dl.school_unit_id = ${actor.unitId} and dl.delegate_id = ${actor.personId}
    and dl.decision_kind = 'decide_action_programme' and dl.revoked_at is null and ${inForce(sql`dl.start_date`, sql`dl.end_date`, actor.today)})`;

/**
 * Action programmes (alias `ap`) the actor may read: `pupilSupportScope`, and at the current unit also a
 * teacher who must act on the case although they do not teach the pupil — the principal's delegate for the
 * decision (`decide_action_programme` in force), and a staff member responsible for one of its measures.
 */
export function actionProgrammeScope(actor: Actor): SQL {
  if (actor.role !== 'teacher') return pupilSupportScope(actor, sql`ap`);
  return sql`(${pupilSupportScope(actor, sql`ap`)} or (ap.organiser_id = ${actor.organiserId} and ap.school_unit_id = ${actor.unitId} and (
    ${decidesActionProgrammes(actor)} or exists (select 1 from action_programme_measure apm
      where apm.organiser_id = ap.organiser_id and apm.programme_id = ap.id and apm.responsible_id = ${actor.personId}))))`;
}
