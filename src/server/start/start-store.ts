import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/access/actor.js';
import { groupScope, inForce, pupilScope } from '../platform/access/access.js';
import { one, rows, type Queryable } from '../platform/db/database.js';
import { joinCurrentPlacement } from '../org/pupil-placement.js';
import { groupStaffNames } from '../org/group-staff-names.js';

type Q = Pick<Queryable, 'execute'>;

/** Pupils currently in group g (alias g), as a scalar subquery. */
const pupilCount = (today: string) => sql`(select count(*)::int from group_membership m
  where m.organiser_id = g.organiser_id and m.group_id = g.id and ${inForce(sql`m.start_date`, sql`m.end_date`, today)})`;


export interface GroupRow {
  id: string; name: string; group_type: 'class' | 'teaching' | 'mentor'; school_year: number | null;
  subject_code: string | null; subject_name: string | null; pupil_count: number;
  my_assignments: string[]; my_grader: boolean; teachers: string[]; mentors: string[];
}

/** The groups the actor may see at their unit, current today, with counts and (on request) staff names. */
export function listGroups(q: Q, actor: Actor, opts: { staffNames?: boolean } = {}) {
  const names = opts.staffNames
    ? sql`${groupStaffNames('teacher', actor.today)} as teachers, ${groupStaffNames('mentor', actor.today)} as mentors`
    : sql`'{}'::text[] as teachers, '{}'::text[] as mentors`;
  return rows<GroupRow>(q, sql`
    select g.id, g.name, g.group_type, g.school_year, g.subject_code, s.name as subject_name,
           ${pupilCount(actor.today)} as pupil_count,
           coalesce((select array_agg(distinct gs.assignment) from group_staff gs where gs.organiser_id = g.organiser_id
              and gs.group_id = g.id and gs.person_id = ${actor.personId} and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)}), '{}') as my_assignments,
           coalesce((select bool_or(gs.grader) from group_staff gs where gs.organiser_id = g.organiser_id
              and gs.group_id = g.id and gs.person_id = ${actor.personId} and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)}), false) as my_grader,
           ${names}
      from student_group g left join subject s on s.code = g.subject_code
     where ${groupScope(actor)} and ${inForce(sql`g.start_date`, sql`g.end_date`, actor.today)}`);
}

export interface UnitRow { id: string; name: string; school_unit_code: string; school_forms: string[]; pupil_count: number; staff_count: number; class_count: number }

const unitFacts = (today: string) => sql`
  select u.id, u.name, u.school_unit_code, u.school_forms,
    (select count(distinct e.person_id)::int from enrolment e where e.organiser_id = u.organiser_id and e.school_unit_id = u.id
       and ${inForce(sql`e.start_date`, sql`e.end_date`, today)}) as pupil_count,
    (select count(distinct d.person_id)::int from duty d where d.organiser_id = u.organiser_id and d.school_unit_id = u.id
       and ${inForce(sql`d.start_date`, sql`d.end_date`, today)}) as staff_count,
    (select count(*)::int from student_group g where g.organiser_id = u.organiser_id and g.school_unit_id = u.id
       and g.group_type = 'class' and ${inForce(sql`g.start_date`, sql`g.end_date`, today)}) as class_count
  from school_unit u`;

/** The actor's current unit, without counts (cheap: for the teacher's and administrator's start). */
export const findUnitRef = (q: Q, actor: Actor) =>
  one<{ id: string; name: string; school_unit_code: string }>(q, sql`select u.id, u.name, u.school_unit_code from school_unit u
    where u.organiser_id = ${actor.organiserId} and u.id = ${actor.unitId}`);

/** The actor's current unit with pupil, staff and class counts (the principal's start). */
export const findUnit = (q: Q, actor: Actor) =>
  one<UnitRow>(q, sql`${unitFacts(actor.today)} where u.organiser_id = ${actor.organiserId} and u.id = ${actor.unitId}`);

export const listOrganiserUnits = (q: Q, actor: Actor) =>
  rows<UnitRow>(q, sql`${unitFacts(actor.today)} where u.organiser_id = ${actor.organiserId}`);

export interface DelegationRow { id: string; decision_kind: string; delegate_id: string; delegate_name: string; start_date: string; end_date: string | null; revoked: boolean }

export const listUnitDelegations = (q: Q, actor: Actor) =>
  rows<DelegationRow>(q, sql`
    select d.id, d.decision_kind, d.delegate_id, p.given_name || ' ' || p.family_name as delegate_name,
           to_char(d.start_date, 'YYYY-MM-DD') as start_date, to_char(d.end_date, 'YYYY-MM-DD') as end_date,
           d.revoked_at is not null as revoked
      from delegation d join person p on p.organiser_id = d.organiser_id and p.id = d.delegate_id
     where d.organiser_id = ${actor.organiserId} and d.school_unit_id = ${actor.unitId}
     order by d.start_date desc`);

export interface PupilSummaryRow {
  id: string; given_name: string; family_name: string; unit_id: string | null; unit_name: string | null;
  school_year: number | null; class_name: string | null;
}

/** Pupils in the actor's pupil scope, each with current enrolment and class (used for guardian and pupil). */
export const listVisiblePupils = (q: Q, actor: Actor) =>
  rows<PupilSummaryRow>(q, sql`
    select p.id, p.given_name, p.family_name, e.school_unit_id as unit_id, u.name as unit_name, e.school_year, c.name as class_name
      from person p
      ${joinCurrentPlacement(actor.today)}
     where ${pupilScope(actor)}`);
