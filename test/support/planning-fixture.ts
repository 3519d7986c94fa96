/**
 * Plannings for tests, written straight into the tables (the planning API is its own part): a planning of a
 * subject for groups of a unit, with owners and the first requirements of the subject's stage for a year.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one, rows, type Queryable } from '../../src/server/platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface PlanningSpec {
  unit: string;
  subjectCode: string;
  /** Group names at the unit (a teaching group such as '9A MA', or a class such as '5A'). */
  groups: string[];
  /** Usernames of the owners. */
  owners: string[];
  /** The school year whose stage the requirements are picked from. */
  year: number;
  requirements?: number;
  status?: 'draft' | 'published';
  shared?: boolean;
  title?: string;
}

export interface TestPlanning { id: string; requirementIds: string[]; groupIds: string[] }

export const personOf = async (q: Q, username: string) =>
  (await one<{ id: string }>(q, sql`select person_id as id from account where username = ${username}`))!.id;

export async function insertPlanning(q: Q, organiserId: string, spec: PlanningSpec): Promise<TestPlanning> {
  const unitId = (await one<{ id: string }>(q, sql`select id from school_unit where organiser_id = ${organiserId} and name = ${spec.unit}`))!.id;
  const groupIds = (await rows<{ id: string }>(q, sql`select id from student_group where organiser_id = ${organiserId}
    and school_unit_id = ${unitId} and name = any(${sql.param(spec.groups)}::text[]) and (end_date is null or end_date >= current_date) order by name`)).map((g) => g.id);
  if (groupIds.length !== spec.groups.length) throw new Error(`planning fixture: groups ${spec.groups.join(', ')} not all at ${spec.unit}`);
  const version = (await one<{ id: string }>(q, sql`select id from curriculum_version where valid_from <= current_date order by valid_from desc limit 1`))!.id;
  const requirementIds = (await rows<{ id: string }>(q, sql`select k.id from knowledge_requirement k join syllabus_stage st on st.id = k.stage_id
      join syllabus sy on sy.id = st.syllabus_id
    where sy.version_id = ${version} and sy.code = (select syllabus_code from subject where code = ${spec.subjectCode})
      and ${spec.year}::int between st.year_from and st.year_to
    order by (st.name like '%,%'), st.code, k.position limit ${spec.requirements ?? 4}`)).map((r) => r.id);
  const id = randomUUID();
  const status = spec.status ?? 'published';
  const owners = await Promise.all(spec.owners.map((u) => personOf(q, u)));
  await q.execute(sql`insert into planning (organiser_id, id, school_unit_id, subject_code, curriculum_version_id, title, period_start, period_end,
      learning_html, status, published_at, assessments_shared, created_by)
    values (${organiserId}, ${id}, ${unitId}, ${spec.subjectCode}, ${version}, ${spec.title ?? `Provplanering ${spec.subjectCode}`},
      current_date - 30, current_date + 30, '<p>Vi arbetar med problemlösning.</p>', ${status}, ${status === 'published' ? sql`now()` : null},
      ${spec.shared ?? false}, ${owners[0]})`);
  await q.execute(sql`insert into planning_group (organiser_id, planning_id, group_id)
    select ${organiserId}, ${id}, g from unnest(${sql.param(groupIds)}::uuid[]) g`);
  await q.execute(sql`insert into planning_owner (organiser_id, planning_id, person_id)
    select ${organiserId}, ${id}, p from unnest(${sql.param(owners)}::uuid[]) p`);
  await q.execute(sql`insert into planning_requirement (organiser_id, planning_id, requirement_id, position)
    select ${organiserId}, ${id}, r, n::int2 from unnest(${sql.param(requirementIds)}::uuid[]) with ordinality as t(r, n)`);
  return { id, requirementIds, groupIds };
}

/** The members today of a group of the unit, with their enrolment year. */
export const membersOf = (q: Q, organiserId: string, unit: string, group: string) => rows<{ id: string; year: number }>(q, sql`
  select m.person_id as id, e.school_year as year from group_membership m
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.name = ${group} and (g.end_date is null or g.end_date >= current_date)
    join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id and u.name = ${unit}
    join enrolment e on e.organiser_id = m.organiser_id and e.person_id = m.person_id and e.school_unit_id = u.id
      and e.start_date <= current_date and (e.end_date is null or e.end_date >= current_date)
  where m.organiser_id = ${organiserId} and m.start_date <= current_date and (m.end_date is null or m.end_date >= current_date) order by m.person_id`);
