import { sql } from 'drizzle-orm';
import { followupGroupScope, followupUnitScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

/** The small reads around the follow-up's aggregates: what the actor may open, and the labels. */
type Q = Pick<Queryable, 'execute'>;

export const findUnit = (q: Q, actor: Actor, unitId: string) =>
  one<{ id: string; name: string }>(q, sql`select u.id, u.name from school_unit u where u.id = ${unitId} and ${followupUnitScope(actor)}`);

export interface FollowupGroup { id: string; name: string; unit_id: string; unit_name: string; subject_code: string | null; grade_year: number | null; start_date: string }
export const findGroup = (q: Q, actor: Actor, groupId: string) =>
  one<FollowupGroup>(q, sql`select g.id, g.name, g.school_unit_id as unit_id, u.name as unit_name, g.subject_code, g.school_year as grade_year,
      g.start_date::text as start_date
    from student_group g join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id
    where g.id = ${groupId} and ${followupGroupScope(actor)}`);

/** The school years with analysed grades of the group (newest first). */
export async function groupSchoolYears(q: Q, organiserId: string, groupId: string, gradeYear: 6 | 9): Promise<string[]> {
  const found = await rows<{ school_year: string }>(q, sql`select distinct t.school_year from grade gr
    join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id and t.kind = 'VT'
    where gr.organiser_id = ${organiserId} and gr.group_id = ${groupId} and gr.kind = ${gradeYear === 6 ? 'term' : 'final'} and gr.value is not null`);
  return found.map((r) => r.school_year).sort().reverse();
}

export async function organiserName(q: Q, organiserId: string): Promise<string> {
  return (await one<{ name: string }>(q, sql`select name from organiser where id = ${organiserId}`))?.name ?? '';
}

export async function subjectsById(q: Q) {
  const found = await rows<{ code: string; name: string; sort_order: number }>(q, sql`select code, name, sort_order from subject`);
  return new Map(found.map((s) => [s.code, { name: s.name, sortOrder: s.sort_order }]));
}

export async function unitNames(q: Q, organiserId: string) {
  const found = await rows<{ id: string; name: string }>(q, sql`select id, name from school_unit where organiser_id = ${organiserId}`);
  return new Map(found.map((u) => [u.id, u.name]));
}

export async function groupNames(q: Q, organiserId: string, unitId: string) {
  const found = await rows<{ id: string; name: string }>(q, sql`select id, name from student_group where organiser_id = ${organiserId} and school_unit_id = ${unitId}`);
  return new Map(found.map((g) => [g.id, g.name]));
}

export async function personNames(q: Q, organiserId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const found = await rows<{ id: string; name: string }>(q, sql`select id, given_name || ' ' || family_name as name from person
    where organiser_id = ${organiserId} and id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(found.map((p) => [p.id, p.name]));
}

export interface UnitBackgroundRow { unit_id: string; school_year: string; parents_education: number | null; foreign_background_share: number | null;
  boys_share: number | null; newly_arrived_share: number | null; source: string }
export const unitBackgrounds = (q: Q, organiserId: string, unitId: string | null) =>
  rows<UnitBackgroundRow>(q, sql`select school_unit_id as unit_id, school_year, parents_education::float8 as parents_education,
      foreign_background_share::float8 as foreign_background_share, boys_share::float8 as boys_share, newly_arrived_share::float8 as newly_arrived_share, source
    from unit_background where organiser_id = ${organiserId} ${unitId ? sql`and school_unit_id = ${unitId}` : sql``}`);

export interface PupilGradeRow { id: string; given_name: string; family_name: string; subject_code: string; value: string; test_grade: string | null; not_participated: boolean | null }
/** The group's pupils behind its figures (for its grading teacher and the principal only). */
export const groupPupils = (q: Q, organiserId: string, groupId: string, gradeYear: 6 | 9, schoolYear: string) =>
  rows<PupilGradeRow>(q, sql`select p.id, p.given_name, p.family_name, gr.subject_code, gr.value, n.test_grade, n.not_participated
    from grade gr
    join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id and t.kind = 'VT' and t.school_year = ${schoolYear}
    join person p on p.organiser_id = gr.organiser_id and p.id = gr.pupil_id
    left join national_test_result n on n.organiser_id = gr.organiser_id and n.pupil_id = gr.pupil_id and n.subject_code = gr.subject_code
      and n.grade_year = ${gradeYear} and n.school_year = t.school_year
    where gr.organiser_id = ${organiserId} and gr.group_id = ${groupId} and gr.kind = ${gradeYear === 6 ? 'term' : 'final'} and gr.value is not null`);

/** The groups the actor may open with analysed grades in a school year (teacher: own graded; principal: the unit). */
export const listGroups = (q: Q, actor: Actor, schoolYear: string | null) =>
  rows<{ id: string; name: string; subject_code: string | null; subject_name: string | null; grade_year: number; school_year: string; pupils: number }>(q, sql`
    select g.id, g.name, g.subject_code, s.name as subject_name, g.school_year::int as grade_year, t.school_year, count(distinct gr.pupil_id)::int as pupils
    from student_group g
    join grade gr on gr.organiser_id = g.organiser_id and gr.group_id = g.id and gr.value is not null
      and gr.kind = case when g.school_year = 6 then 'term' else 'final' end
    join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id and t.kind = 'VT'
    left join subject s on s.code = g.subject_code
    where ${followupGroupScope(actor)} and g.school_year in (6, 9) ${schoolYear ? sql`and t.school_year = ${schoolYear}` : sql``}
    group by g.id, g.name, g.subject_code, s.name, g.school_year, t.school_year
    order by t.school_year desc, g.name`);
