import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor.js';

/**
 * The access module's scopes for the follow-up of grades and national test grades (uppföljning). Part of the
 * one access module (re-exported by access.ts). Three levels, as Skolverket's general advice has them:
 * the teacher follows up the groups they graded, the principal the unit, the organiser's analyst all units
 * — the analyst only ever as aggregates, never an individual pupil.
 */

/** A grader assignment of the teacher on group `g` (alias), at any time: the groups whose grades they set. */
const gradedByTeacher = (actor: Actor) => sql`exists (select 1 from group_staff gs where gs.organiser_id = g.organiser_id
  and gs.group_id = g.id and gs.person_id = ${actor.personId} and gs.assignment = 'teacher' and gs.grader)`;

/** Groups (alias `g`) whose follow-up the actor may open: a teacher's own graded groups at their current
 *  unit (this and earlier years), every group of the principal's unit, every group of the organiser for the
 *  analyst (as aggregates). */
export function followupGroupScope(actor: Actor): SQL {
  const org = sql`g.organiser_id = ${actor.organiserId}`;
  switch (actor.role) {
    case 'teacher':
      return sql`${org} and g.school_unit_id = ${actor.unitId} and ${gradedByTeacher(actor)}`;
    case 'principal':
      return sql`${org} and g.school_unit_id = ${actor.unitId}`;
    case 'analyst':
      return org;
    default:
      return sql`false`;
  }
}

/** School units (alias `u`) whose whole follow-up the actor may open: the principal's own unit, every unit
 *  of the organiser for the analyst. A teacher sees the unit only as the comparison beside their groups. */
export function followupUnitScope(actor: Actor): SQL {
  const org = sql`u.organiser_id = ${actor.organiserId}`;
  switch (actor.role) {
    case 'principal':
      return sql`${org} and u.id = ${actor.unitId}`;
    case 'analyst':
      return org;
    default:
      return sql`false`;
  }
}

/** Whether the actor may see the pupils behind a group's figures (name, grade, test grade): the group's
 *  grading teacher and the unit's principal. The analyst never does. The group must be in followupGroupScope. */
export const followupShowsPupils = (actor: Actor): boolean => actor.role === 'teacher' || actor.role === 'principal';

/**
 * Findings and measures (alias `f` for followup_finding) the actor may read: the principal those of the
 * unit, the analyst all units'. A teacher reads those of their unit about the unit as a whole or a pupil
 * group, and those about their own graded groups or themselves — never another teacher's.
 */
export function followupFindingScope(actor: Actor): SQL {
  const org = sql`f.organiser_id = ${actor.organiserId}`;
  switch (actor.role) {
    case 'principal':
      return sql`${org} and f.school_unit_id = ${actor.unitId}`;
    case 'analyst':
      return org;
    case 'teacher':
      return sql`${org} and f.school_unit_id = ${actor.unitId} and (f.target_kind in ('unit', 'pupil_group')
        or (f.target_kind = 'teacher' and f.target_ref = ${actor.personId}::text)
        or (f.target_kind = 'group' and exists (select 1 from student_group g where g.organiser_id = f.organiser_id
          and g.id::text = f.target_ref and ${gradedByTeacher(actor)})))`;
    default:
      return sql`false`;
  }
}

/** Teacher reflections (alias `r` for followup_reflection) the actor may read: their own, and for the
 *  principal every reflection on a group of the unit. */
export function followupReflectionScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'teacher':
      return sql`r.organiser_id = ${actor.organiserId} and r.author_id = ${actor.personId}`;
    case 'principal':
      return sql`r.organiser_id = ${actor.organiserId} and exists (select 1 from student_group g
        where g.organiser_id = r.organiser_id and g.id = r.group_id and g.school_unit_id = ${actor.unitId})`;
    default:
      return sql`false`;
  }
}
