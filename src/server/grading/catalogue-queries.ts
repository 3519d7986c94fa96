import { sql } from 'drizzle-orm';
import type { Column } from '../../domain/grading/columns.js';
import { inForce } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface CatalogueLine {
  pupil_id: string; given_name: string; family_name: string; civic_no: string | null; grade_id: string | null; value: string | null; state: string | null;
  /** The pupil's enrolment in force: school form ('GR', 'GRS'), year, whether grades were asked for (null/false without one). */
  school_form: string | null; school_year: number | null; grades_requested: boolean;
}

/** Each current pupil of the group with the grade registered in this group for the column. */
export const catalogueLines = (q: Q, actor: Actor, groupId: string, column: Column, termId: string) => rows<CatalogueLine>(q, sql`
  select p.id as pupil_id, p.given_name, p.family_name, p.civic_no, gr.id as grade_id, gr.value, gr.state,
         e.school_form, e.school_year, coalesce(e.grades_requested, false) as grades_requested
    from group_membership m
    join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
    left join lateral (select e.school_form, e.school_year, e.grades_requested from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
             and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)} order by e.start_date desc limit 1) e on true
    left join grade gr on gr.organiser_id = m.organiser_id and gr.pupil_id = m.person_id and gr.group_id = m.group_id
      and ${column === 'final' ? sql`gr.kind = 'final'` : sql`gr.kind = 'term' and gr.term_id = ${termId}`}
   where m.organiser_id = ${actor.organiserId} and m.group_id = ${groupId} and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}`);

export interface GraderRow { person_id: string; name: string; licensed: boolean }

/** The group's grading teachers, with the licence flag of their duty at the group's unit. */
export const groupGraders = (q: Q, actor: Actor, groupId: string) => rows<GraderRow>(q, sql`
  select p.id as person_id, p.given_name || ' ' || p.family_name as name,
         coalesce((select bool_or(d.licensed) from duty d where d.organiser_id = g.organiser_id and d.person_id = p.id
                     and d.school_unit_id = g.school_unit_id and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}), false) as licensed
    from group_staff gs
    join student_group g on g.organiser_id = gs.organiser_id and g.id = gs.group_id
    join person p on p.organiser_id = gs.organiser_id and p.id = gs.person_id
   where gs.organiser_id = ${actor.organiserId} and gs.group_id = ${groupId} and gs.grader and gs.assignment = 'teacher'
     and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)}`);

export interface SignatureRow { signer_id: string; name: string; licensed: boolean; signed_at: string; content_sha256: string }

export const catalogueSignatures = (q: Q, actor: Actor, groupId: string, termId: string, kind: 'term' | 'final') => rows<SignatureRow>(q, sql`
  select s.signer_id, p.given_name || ' ' || p.family_name as name, s.licensed,
         to_char(s.signed_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as signed_at, s.content_sha256
    from catalogue_signature s join person p on p.organiser_id = s.organiser_id and p.id = s.signer_id
   where s.organiser_id = ${actor.organiserId} and s.group_id = ${groupId} and s.term_id = ${termId} and s.kind = ${kind}
   order by s.signed_at`);

export interface DisagreementParties {
  /** The group has a grading teacher whose duty at the group's unit carries no licence. */
  has_unlicensed: boolean;
  /** The licensed grading teachers of the group qualified (behöriga) in the subject. */
  qualified_licensed: string[];
}

/** Who grades the group, for a disagreement between an unlicensed and a licensed teacher: the grading
 *  teachers in force, with the licence and subjects of their teacher duty at the group's unit. */
export const disagreementParties = async (q: Q, actor: Actor, groupId: string, subjectCode: string): Promise<DisagreementParties> => {
  const graders = await rows<{ person_id: string; licensed: boolean; qualified: boolean }>(q, sql`
    select gs.person_id, d.licensed, ${subjectCode} = any(d.qualified_subjects) as qualified
      from group_staff gs
      join student_group g on g.organiser_id = gs.organiser_id and g.id = gs.group_id
      join duty d on d.organiser_id = gs.organiser_id and d.person_id = gs.person_id and d.school_unit_id = g.school_unit_id
       and d.role = 'teacher' and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}
     where gs.organiser_id = ${actor.organiserId} and gs.group_id = ${groupId} and gs.grader and gs.assignment = 'teacher'
       and ${inForce(sql`gs.start_date`, sql`gs.end_date`, actor.today)}`);
  return {
    has_unlicensed: graders.some((g) => !g.licensed),
    qualified_licensed: [...new Set(graders.filter((g) => g.licensed && g.qualified).map((g) => g.person_id))],
  };
};
