import { sql, type SQL } from 'drizzle-orm';
import type { TermRef } from '../../domain/grading/period.js';
import type { GradeFact } from '../../domain/pupils/grade-table.js';
import { inForce, mentorsPupil, pupilPageScope, subjectsTaughtTo } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';
import { joinCurrentPlacement } from '../org/pupil-placement.js';
import { groupStaffNames } from '../org/group-staff-names.js';

/** Read model of the staff's pupil page: person, placement, guardians, groups and grades (SQL only). */
type Q = Pick<Queryable, 'execute'>;

export interface ContactRow { email: string | null; phone: string | null; street_address: string | null; postal_code: string | null; city: string | null }
export interface PersonRow extends ContactRow { id: string; given_name: string; family_name: string; security_marking: 'none' | 'confidential' | 'protected' }
export interface PupilRow extends PersonRow {
  civic_no: string | null; birth_date: string | null; school_unit_id: string | null; unit_name: string | null;
  school_year: number | null; school_form: string | null;
}
export interface GroupRow {
  id: string; name: string; subject_code: string; subject_name: string; sort_order: number; unit_name: string;
  start_date: string; end_date: string | null; current: boolean; teachers: string[];
}

export const readTerms = (q: Q, organiserId: string) => rows<TermRef>(q, sql`select id, school_year as "schoolYear", kind,
    to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate" from term where organiser_id = ${organiserId}`);

/** The pupil with their enrolment and unit today, if the actor may open their page. */
export const readPupil = (q: Q, actor: Actor, pupilId: string, since: string) => one<PupilRow>(q, sql`
  select p.id, p.given_name, p.family_name, p.security_marking, p.civic_no, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date,
         p.email, p.phone, p.street_address, p.postal_code, p.city,
         e.school_unit_id, u.name as unit_name, e.school_year, e.school_form
    from person p
    ${joinCurrentPlacement(actor.today)}
   where p.organiser_id = ${actor.organiserId} and p.id = ${pupilId} and ${pupilPageScope(actor, since)}`);

/** The pupil's class today and its mentors (read apart: as a lateral join of the query above it cost
 *  several times the rest of that query). */
export const readClass = (q: Q, actor: Actor, pupilId: string) => one<{ id: string; name: string; mentors: string[] }>(q, sql`
  select g.id, g.name, ${groupStaffNames('mentor', actor.today)} as mentors
    from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
   where m.organiser_id = ${actor.organiserId} and m.person_id = ${pupilId} and g.group_type = 'class'
     and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)} limit 1`);

/** A teacher's relation to the pupil: mentor of their class today, and the subjects they teach or taught them. */
export async function readTeacherRelation(q: Q, actor: Actor, pupilId: string, since: string) {
  const r = await one<{ mentor: boolean; subjects: string[] | null }>(q, sql`select ${mentorsPupil(actor, pupilId)} as mentor,
    array(${subjectsTaughtTo(actor, since, pupilId)}) as subjects`);
  return { mentor: !!r?.mentor, subjects: (r?.subjects ?? []).filter((s): s is string => !!s) };
}

/** The pupil's guardians today (custody in force), with their contact as stored. */
export const readGuardians = (q: Q, actor: Actor, pupilId: string) => rows<PersonRow>(q, sql`
  select p.id, p.given_name, p.family_name, p.security_marking, p.email, p.phone, p.street_address, p.postal_code, p.city
    from guardianship gu join person p on p.organiser_id = gu.organiser_id and p.id = gu.guardian_id
   where gu.organiser_id = ${actor.organiserId} and gu.child_id = ${pupilId} and ${inForce(sql`gu.start_date`, sql`gu.end_date`, actor.today)}`);

/** `subjects`: null for every subject, else only these. */
const subjectFilter = (column: SQL, subjects: readonly string[] | null) =>
  subjects === null ? sql`true` : sql`${column} = any(${sql.param([...subjects])}::text[])`;

/** The pupil's teaching groups since `since` (membership begun by today), each with its teachers: today's
 *  for a current membership, those who taught the group while the pupil was in it for an ended one. */
export const readGroups = (q: Q, actor: Actor, pupilId: string, since: string, subjects: readonly string[] | null) => rows<GroupRow>(q, sql`
  select g.id, g.name, g.subject_code, s.name as subject_name, s.sort_order, u.name as unit_name,
         to_char(m.start_date, 'YYYY-MM-DD') as start_date, to_char(m.end_date, 'YYYY-MM-DD') as end_date,
         (m.end_date is null or m.end_date >= ${actor.today}::date) as current,
         coalesce((select array_agg(tp.given_name || ' ' || tp.family_name order by tp.family_name, tp.given_name)
             from group_staff gs join person tp on tp.organiser_id = gs.organiser_id and tp.id = gs.person_id
            where gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'teacher'
              and gs.start_date <= least(coalesce(m.end_date, ${actor.today}::date), ${actor.today}::date)
              and coalesce(gs.end_date, 'infinity'::date) >= case when m.end_date is null or m.end_date >= ${actor.today}::date
                                                                 then ${actor.today}::date else m.start_date end), '{}') as teachers
    from group_membership m
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type = 'teaching'
    join subject s on s.code = g.subject_code
    join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id
   where m.organiser_id = ${actor.organiserId} and m.person_id = ${pupilId} and m.start_date <= ${actor.today}::date
     and coalesce(m.end_date, 'infinity'::date) >= ${since}::date and ${subjectFilter(sql`g.subject_code`, subjects)}`);

/** Every grade of the pupil in the given subjects, with its term's school year and kind. Term and final grades
 *  are read apart so that each uses its own (partial) index on the pupil; one scan for both would read every grade. */
export const readGrades = (q: Q, actor: Actor, pupilId: string, subjects: readonly string[] | null) => {
  const ofKind = (kind: 'term' | 'final') => sql`select * from grade where organiser_id = ${actor.organiserId} and pupil_id = ${pupilId} and kind = ${kind}`;
  return rows<GradeFact>(q, sql`
  select gr.subject_code as "subjectCode", s.name as "subjectName", s.sort_order as "sortOrder", t.school_year as "schoolYear",
         t.kind as "termKind", gr.kind, gr.value, gr.state, gr.carried_over as "carriedOver"
    from (${ofKind('term')} union all ${ofKind('final')}) gr
    join subject s on s.code = gr.subject_code
    join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id
   where gr.value is not null and ${subjectFilter(sql`gr.subject_code`, subjects)}`);
};
