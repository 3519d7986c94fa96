import { sql } from 'drizzle-orm';
import { assessmentScope, inForce, pupilScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface PupilHead { id: string; givenName: string; familyName: string; year: number | null }

/** The pupil in the actor's pupil scope (undefined otherwise: 404), with their school year today — at the
 *  actor's unit when enrolled there, else at the unit they are enrolled at. */
export const readPupilHead = (q: Q, actor: Actor, pupilId: string) => one<PupilHead>(q, sql`select p.id, p.given_name as "givenName",
    p.family_name as "familyName", (select e.school_year from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
      and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)}
      order by (e.school_unit_id is not distinct from ${actor.unitId}::uuid) desc, e.start_date desc limit 1) as year
  from person p where ${pupilScope(actor)} and p.id = ${pupilId}`);

export interface PupilAssessmentRow {
  planningId: string; title: string; subjectCode: string; subjectName: string; periodStart: string; periodEnd: string;
  requirementId: string; level: string; comment: string | null; pupilYear: number; assessedOn: string; updatedAt: string; assessedByName: string;
}

/** The pupil's assessments the actor may read (assessmentScope: for the pupil and guardians only shared ones of
 *  published plannings), of one subject or all. */
export const readPupilAssessments = (q: Q, actor: Actor, pupilId: string, subjectCode: string | null) => rows<PupilAssessmentRow>(q, sql`select
    pl.id as "planningId", pl.title, pl.subject_code as "subjectCode", s.name as "subjectName",
    pl.period_start::text as "periodStart", pl.period_end::text as "periodEnd",
    a.requirement_id as "requirementId", a.level, a.comment, a.pupil_year as "pupilYear", a.assessed_on::text as "assessedOn",
    a.updated_at::text as "updatedAt", coalesce(ap.given_name || ' ' || ap.family_name, '') as "assessedByName"
  from assessment a join planning pl on pl.organiser_id = a.organiser_id and pl.id = a.planning_id
    join subject s on s.code = pl.subject_code
    left join person ap on ap.organiser_id = a.organiser_id and ap.id = a.assessed_by
  where a.organiser_id = ${actor.organiserId} and a.pupil_id = ${pupilId} and ${assessmentScope(actor)}
    ${subjectCode ? sql`and pl.subject_code = ${subjectCode}` : sql``}
  order by pl.period_start, pl.id`);

export interface RequirementRow { id: string; paragraph: number; text: string; choices: Record<string, string>; stageName: string; yearFrom: number; yearTo: number }

/** The requirements of a subject's syllabus at the stage of `year` in the curriculum version in force today (one
 *  stage: the plain one before a variant such as "språkval"), and the requirements `alsoIds` (assessed ones,
 *  of any stage or version). In the syllabus's order. */
export const readSubjectRequirements = (q: Q, today: string, subjectCode: string, year: number | null, alsoIds: string[]) => rows<RequirementRow>(q, sql`
  select k.id, k.paragraph, k.text, k.choices, st.name as "stageName", st.year_from as "yearFrom", st.year_to as "yearTo"
  from knowledge_requirement k join syllabus_stage st on st.id = k.stage_id
  where k.id = any(${sql.param(alsoIds)}::uuid[]) or k.stage_id = (select st2.id from syllabus_stage st2 join syllabus sy on sy.id = st2.syllabus_id
      where sy.code = (select syllabus_code from subject where code = ${subjectCode})
        and sy.version_id = (select v.id from curriculum_version v where v.valid_from <= ${today}::date order by v.valid_from desc limit 1)
        and ${year ?? -1}::int between st2.year_from and st2.year_to
      order by (st2.name like '%,%'), st2.code limit 1)
  order by st.year_from, st.code, k.position`);

/** Subjects to offer for the pupil's matrix: those of the pupil's teaching groups today and of the
 *  assessments the actor may read. */
export const readPupilSubjects = (q: Q, actor: Actor, pupilId: string) => rows<{ code: string; name: string; sortOrder: number }>(q, sql`
  select s.code, s.name, s.sort_order as "sortOrder" from subject s where s.code in (
    select g.subject_code from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
      where m.organiser_id = ${actor.organiserId} and m.person_id = ${pupilId} and g.subject_code is not null
        and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
    union
    select pl.subject_code from assessment a join planning pl on pl.organiser_id = a.organiser_id and pl.id = a.planning_id
      where a.organiser_id = ${actor.organiserId} and a.pupil_id = ${pupilId} and ${assessmentScope(actor)})
  order by s.sort_order`);
