import { sql, type SQL } from 'drizzle-orm';
import type { PlanningStatus } from '../../domain/planning/planning.js';
import { inForce, planningGroupChoiceScope, planningOwned, planningScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface PlanningRow {
  id: string; unitId: string; subjectCode: string; subjectName: string; curriculumVersionId: string; curriculumLabel: string;
  title: string; periodStart: string; periodEnd: string; learningHtml: string; teachingHtml: string; assessmentHtml: string;
  status: PlanningStatus; publishedAt: string | null; assessmentsShared: boolean; copiedFrom: string | null; version: number;
  updatedAt: string; owned: boolean;
}
export interface PlanningGroupRow { planningId: string; id: string; name: string; type: string; schoolYear: number | null }
interface Stage { stageId: string; stageName: string; yearFrom: number; yearTo: number }
export interface OwnerRow { planningId: string; id: string; givenName: string; familyName: string }

const select = (actor: Actor) => sql`select pl.id, pl.school_unit_id as "unitId", pl.subject_code as "subjectCode", sj.name as "subjectName",
    pl.curriculum_version_id as "curriculumVersionId", v.label as "curriculumLabel", pl.title,
    to_char(pl.period_start, 'YYYY-MM-DD') as "periodStart", to_char(pl.period_end, 'YYYY-MM-DD') as "periodEnd",
    pl.learning_html as "learningHtml", pl.teaching_html as "teachingHtml", pl.assessment_html as "assessmentHtml", pl.status,
    to_char(pl.published_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "publishedAt", pl.assessments_shared as "assessmentsShared",
    pl.copied_from as "copiedFrom", pl.version, to_char(pl.updated_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "updatedAt",
    (${planningOwned(actor)}) as owned
  from planning pl join subject sj on sj.code = pl.subject_code join curriculum_version v on v.id = pl.curriculum_version_id
  where ${planningScope(actor)}`;

/** A planning the actor may read (locked for the transaction's write when asked), else undefined. */
export const findPlanning = (q: Q, actor: Actor, id: string, lock = false) =>
  one<PlanningRow>(q, sql`${select(actor)} and pl.id = ${id} ${lock ? sql`for update of pl` : sql``}`);

export interface ListFilter { status?: PlanningStatus; subjectCode?: string; groupId?: string; pupilId?: string }

/** The plannings the actor may read, narrowed by the filter; newest period first. */
export function listPlannings(q: Q, actor: Actor, f: ListFilter) {
  const where: SQL[] = [];
  if (f.status) where.push(sql`pl.status = ${f.status}`);
  if (f.subjectCode) where.push(sql`pl.subject_code = ${f.subjectCode}`);
  if (f.groupId) where.push(sql`exists (select 1 from planning_group x where x.organiser_id = pl.organiser_id and x.planning_id = pl.id and x.group_id = ${f.groupId})`);
  if (f.pupilId) {
    where.push(sql`exists (select 1 from planning_group x join group_membership m on m.organiser_id = x.organiser_id and m.group_id = x.group_id
      where x.organiser_id = pl.organiser_id and x.planning_id = pl.id and m.person_id = ${f.pupilId} and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)})`);
  }
  const extra = where.length ? sql` and ${sql.join(where, sql` and `)}` : sql``;
  return rows<PlanningRow>(q, sql`${select(actor)}${extra} order by pl.period_start desc, pl.title, pl.id`);
}

export const groupsOf = (q: Q, organiserId: string, planningIds: string[]) => rows<PlanningGroupRow>(q, sql`select pg.planning_id as "planningId",
    g.id, g.name, g.group_type as type, g.school_year as "schoolYear"
  from planning_group pg join student_group g on g.organiser_id = pg.organiser_id and g.id = pg.group_id
  where pg.organiser_id = ${organiserId} and pg.planning_id = any(${sql.param(planningIds)}::uuid[]) order by g.name, g.id`);

export const ownersOf = (q: Q, organiserId: string, planningIds: string[]) => rows<OwnerRow>(q, sql`select po.planning_id as "planningId",
    p.id, p.given_name as "givenName", p.family_name as "familyName"
  from planning_owner po join person p on p.organiser_id = po.organiser_id and p.id = po.person_id
  where po.organiser_id = ${organiserId} and po.planning_id = any(${sql.param(planningIds)}::uuid[])`);

export const pickedContent = (q: Q, organiserId: string, planningId: string) => rows<{ id: string; heading: string; text: string } & Stage>(q,
  sql`select c.id, c.heading, c.text, st.id as "stageId", st.name as "stageName", st.year_from as "yearFrom", st.year_to as "yearTo" from planning_content pc
    join central_content c on c.id = pc.content_id join syllabus_stage st on st.id = c.stage_id
   where pc.organiser_id = ${organiserId} and pc.planning_id = ${planningId} order by pc.position`);

export const pickedRequirements = (q: Q, organiserId: string, planningId: string) => rows<{ id: string; paragraph: number; text: string;
  choices: Record<string, string> } & Stage>(q,
  sql`select r.id, r.paragraph, r.text, r.choices, st.id as "stageId", st.name as "stageName", st.year_from as "yearFrom", st.year_to as "yearTo" from planning_requirement pr
    join knowledge_requirement r on r.id = pr.requirement_id join syllabus_stage st on st.id = r.stage_id
   where pr.organiser_id = ${organiserId} and pr.planning_id = ${planningId} order by pr.position`);

/** The groups among `ids` the teacher may plan for, with their type and subject. */
export const choosableGroups = (q: Q, actor: Actor, ids: string[]) => rows<{ id: string; name: string; type: string; subjectCode: string | null; schoolYear: number | null }>(q,
  sql`select g.id, g.name, g.group_type as type, g.subject_code as "subjectCode", g.school_year as "schoolYear" from student_group g
   where ${planningGroupChoiceScope(actor)} ${ids.length ? sql`and g.id = any(${sql.param(ids)}::uuid[])` : sql``} order by g.name, g.id`);

/** Of `ids`, those that are central content (or knowledge requirements) of the syllabus. */
export async function idsInSyllabus(q: Q, syllabusId: string, table: 'content' | 'requirement', ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const t = table === 'content' ? sql`central_content` : sql`knowledge_requirement`;
  const found = await rows<{ id: string }>(q, sql`select x.id from ${t} x join syllabus_stage st on st.id = x.stage_id
    where st.syllabus_id = ${syllabusId} and x.id = any(${sql.param(ids)}::uuid[])`);
  return new Set(found.map((r) => r.id));
}

/** Teachers with a duty at the actor's unit today (who may co-own a planning), by family and given name. */
export const unitTeachers = (q: Q, actor: Actor) => rows<{ id: string; givenName: string; familyName: string }>(q,
  sql`select distinct p.id, p.given_name as "givenName", p.family_name as "familyName" from duty d
    join person p on p.organiser_id = d.organiser_id and p.id = d.person_id
   where d.organiser_id = ${actor.organiserId} and d.school_unit_id = ${actor.unitId} and d.role = 'teacher'
     and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}`);

/** Requirements of the planning that have assessments recorded (they cannot be unpicked). */
export const assessedRequirements = (q: Q, organiserId: string, planningId: string) => rows<{ id: string }>(q,
  sql`select distinct requirement_id as id from assessment where organiser_id = ${organiserId} and planning_id = ${planningId}`);

/** Writes the groups and picks of a planning, replacing what it had. */
export async function writeLinks(q: Q, organiserId: string, planningId: string, links: { groupIds?: string[]; contentIds?: string[]; requirementIds?: string[] }) {
  const ord = (ids: string[]) => ids.map((_, i) => i);
  if (links.groupIds) {
    await q.execute(sql`delete from planning_group where organiser_id = ${organiserId} and planning_id = ${planningId}`);
    await q.execute(sql`insert into planning_group (organiser_id, planning_id, group_id)
      select ${organiserId}, ${planningId}, g from unnest(${sql.param(links.groupIds)}::uuid[]) g`);
  }
  if (links.contentIds) {
    await q.execute(sql`delete from planning_content where organiser_id = ${organiserId} and planning_id = ${planningId}`);
    if (links.contentIds.length) await q.execute(sql`insert into planning_content (organiser_id, planning_id, content_id, position)
      select ${organiserId}, ${planningId}, c, p from unnest(${sql.param(links.contentIds)}::uuid[], ${sql.param(ord(links.contentIds))}::int2[]) as x(c, p)`);
  }
  if (links.requirementIds) {
    await q.execute(sql`delete from planning_requirement where organiser_id = ${organiserId} and planning_id = ${planningId}`);
    if (links.requirementIds.length) await q.execute(sql`insert into planning_requirement (organiser_id, planning_id, requirement_id, position)
      select ${organiserId}, ${planningId}, r, p from unnest(${sql.param(links.requirementIds)}::uuid[], ${sql.param(ord(links.requirementIds))}::int2[]) as x(r, p)`);
  }
}
