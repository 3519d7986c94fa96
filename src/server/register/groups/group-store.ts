import { sql, type SQL } from 'drizzle-orm';
import { inForce } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, rows, type Queryable } from '../../platform/db/database.js';
import { groupStaffNames } from '../../org/group-staff-names.js';

/** SQL reads of the administrator's groups: always scoped to the actor's organiser and current unit. */
type Q = Pick<Queryable, 'execute'>;

const day = (col: SQL) => sql`to_char(${col}, 'YYYY-MM-DD')`;
/** The day a group's figures are taken on: today, or its last day once it has ended, or its first before it starts. */
const asOf = (today: string) => sql`least(greatest(${today}::date, g.start_date), coalesce(g.end_date, ${today}::date))`;
export const unitGroup = (actor: Actor) => sql`g.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId}`;


export interface GroupRow {
  id: string; name: string; groupType: 'class' | 'teaching' | 'mentor'; schoolYear: number | null;
  subject: { code: string; name: string } | null; startDate: string; endDate: string | null;
  pupilCount: number; teachers: string[]; mentors: string[]; openReports: number;
}

const groupColumns = (actor: Actor) => sql`
  g.id, g.name, g.group_type as "groupType", g.school_year as "schoolYear",
  case when g.subject_code is null then null else json_build_object('code', g.subject_code, 'name', s.name) end as subject,
  ${day(sql`g.start_date`)} as "startDate", ${day(sql`g.end_date`)} as "endDate",
  (select count(distinct m.person_id)::int from group_membership m where m.organiser_id = g.organiser_id and m.group_id = g.id
     and m.start_date <= ${asOf(actor.today)} and (m.end_date is null or m.end_date >= ${asOf(actor.today)})) as "pupilCount",
  ${groupStaffNames('teacher', actor.today)} as teachers, ${groupStaffNames('mentor', actor.today)} as mentors,
  (select count(*)::int from group_report r where r.organiser_id = g.organiser_id and r.group_id = g.id and r.status = 'open') as "openReports"`;

/** The unit's groups: current (not yet past their last day), ended, or all. */
export function listGroups(q: Q, actor: Actor, status: 'current' | 'ended' | 'all') {
  const filter = status === 'current' ? sql`and (g.end_date is null or g.end_date >= ${actor.today}::date)`
    : status === 'ended' ? sql`and g.end_date < ${actor.today}::date` : sql``;
  return rows<GroupRow>(q, sql`select ${groupColumns(actor)} from student_group g left join subject s on s.code = g.subject_code
    where ${unitGroup(actor)} ${filter}`);
}

export const findGroup = (q: Q, actor: Actor, groupId: string) => one<GroupRow>(q, sql`select ${groupColumns(actor)}
  from student_group g left join subject s on s.code = g.subject_code where ${unitGroup(actor)} and g.id = ${groupId}`);

export interface MembershipRow { id: string; pupilId: string; givenName: string; familyName: string; startDate: string; endDate: string | null }

export const listMemberships = (q: Q, actor: Actor, groupId: string) => rows<MembershipRow>(q, sql`
  select m.id, m.person_id as "pupilId", p.given_name as "givenName", p.family_name as "familyName",
         ${day(sql`m.start_date`)} as "startDate", ${day(sql`m.end_date`)} as "endDate"
    from group_membership m join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
   where m.organiser_id = ${actor.organiserId} and m.group_id = ${groupId}`);

export interface StaffRow { id: string; personId: string; name: string; assignment: 'teacher' | 'mentor'; grader: boolean; startDate: string; endDate: string | null }

export const listStaff = (q: Q, actor: Actor, groupId: string) => rows<StaffRow>(q, sql`
  select gs.id, gs.person_id as "personId", p.given_name || ' ' || p.family_name as name, gs.assignment, gs.grader,
         ${day(sql`gs.start_date`)} as "startDate", ${day(sql`gs.end_date`)} as "endDate"
    from group_staff gs join person p on p.organiser_id = gs.organiser_id and p.id = gs.person_id
   where gs.organiser_id = ${actor.organiserId} and gs.group_id = ${groupId}`);

export interface HistoryRow { id: string; at: string; action: string; actor: string | null; details: Record<string, unknown> | null }

/** The group's history: every audit row about the group, its memberships and staff (details.groupId). */
export const groupHistory = (q: Q, actor: Actor, groupId: string) => rows<HistoryRow>(q, sql`
  select a.id, to_char(a.occurred_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as at, a.action,
         p.given_name || ' ' || p.family_name as actor, a.details
    from audit_event a left join person p on p.organiser_id = a.organiser_id and p.id = a.actor_person_id
   where a.organiser_id = ${actor.organiserId} and a.details->>'groupId' = ${groupId}
   order by a.occurred_at desc, a.id limit 200`);

/** Pupils enrolled at the unit today, with their class today (if any): who may be added to a group. */
export const enrolledPupils = (q: Q, actor: Actor) => rows<{ id: string; givenName: string; familyName: string; schoolYear: number; classId: string | null; className: string | null }>(q, sql`
  select p.id, p.given_name as "givenName", p.family_name as "familyName", e.school_year as "schoolYear", c.id as "classId", c.name as "className"
    from enrolment e join person p on p.organiser_id = e.organiser_id and p.id = e.person_id
    left join lateral (select g.id, g.name from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
                        and g.group_type = 'class' and g.school_unit_id = e.school_unit_id
                        where m.organiser_id = e.organiser_id and m.person_id = e.person_id
                          and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)} limit 1) c on true
   where e.organiser_id = ${actor.organiserId} and e.school_unit_id = ${actor.unitId}
     and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)}`);

/** Staff with a duty at the unit today: who may teach or mentor its groups. */
export const unitStaff = (q: Q, actor: Actor) => rows<{ id: string; name: string; roles: string[] }>(q, sql`
  select p.id, p.given_name || ' ' || p.family_name as name, array_agg(distinct d.role order by d.role) as roles
    from duty d join person p on p.organiser_id = d.organiser_id and p.id = d.person_id
   where d.organiser_id = ${actor.organiserId} and d.school_unit_id = ${actor.unitId}
     and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}
   group by p.id, p.given_name, p.family_name`);

export const subjects = (q: Q) => rows<{ code: string; name: string }>(q, sql`select code, name from subject order by sort_order, code`);

/** Grades of the group in the current term that are registered but not yet confirmed (a value set, not cleared). */
export async function unconfirmedGrades(q: Q, actor: Actor, groupId: string, termId: string | null) {
  if (!termId) return { grades: 0, pupils: 0 };
  return (await one<{ grades: number; pupils: number }>(q, sql`
    select count(*)::int as grades, count(distinct gr.pupil_id)::int as pupils from grade gr
     where gr.organiser_id = ${actor.organiserId} and gr.group_id = ${groupId} and gr.term_id = ${termId}
       and gr.state = 'registered' and gr.value is not null`))!;
}
