import { sql, type SQL } from 'drizzle-orm';
import { inForce, planningAssessorScope, planningOwned, planningScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface MatrixRequirement { id: string; paragraph: number; position: number; text: string; choices: Record<string, string>; stageName: string }
export interface MatrixPupil { id: string; givenName: string; familyName: string; year: number | null }
export interface MatrixCell {
  pupilId: string; requirementId: string; level: string; comment: string | null; pupilYear: number;
  assessedOn: string; assessedBy: string; assessedByName: string; version: number;
}
export interface MatrixFacts {
  id: string; title: string; subjectCode: string; subjectName: string; status: 'draft' | 'published'; assessmentsShared: boolean;
  periodStart: string; periodEnd: string; schoolUnitId: string; mayAssess: boolean; mayShare: boolean;
  scale: string[] | null;
  groups: { id: string; name: string }[];
  requirements: MatrixRequirement[];
  pupils: MatrixPupil[];
  cells: MatrixCell[];
}

/** The pupils who are members, today, of one of the planning's groups (alias `pl`). Used as a derived table (a
 *  correlated `in (…)` would be run once per person of the organiser). */
const membersToday = (actor: Actor) => sql`select distinct m.person_id from planning_group pg join group_membership m
    on m.organiser_id = pg.organiser_id and m.group_id = pg.group_id
  where pg.organiser_id = pl.organiser_id and pg.planning_id = pl.id and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}`;

/** The pupil's (SQL) school year at the planning's unit today: the enrolment in force there. */
export const pupilYearAt = (actor: Actor, pupil: SQL, unit: SQL) => sql`(select e.school_year from enrolment e
  where e.organiser_id = ${actor.organiserId} and e.person_id = ${pupil} and e.school_unit_id = ${unit}
    and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)} order by e.start_date desc limit 1)`;

/** The unit's scale for years 4–5 (null: the default). */
const unitScale = sql`(select s.steps from assessment_scale s where s.organiser_id = pl.organiser_id and s.school_unit_id = pl.school_unit_id)`;

/**
 * The whole matrix of a planning in one statement: the planning (in the actor's planning scope), its
 * requirements with their wording, the members of its groups today with their school year at the unit, and
 * every cell. Undefined when the planning is not the actor's to see.
 */
export const readMatrix = (q: Q, actor: Actor, planningId: string) => one<MatrixFacts>(q, sql`select pl.id, pl.title,
    pl.subject_code as "subjectCode", (select s.name from subject s where s.code = pl.subject_code) as "subjectName",
    pl.status, pl.assessments_shared as "assessmentsShared", pl.period_start::text as "periodStart", pl.period_end::text as "periodEnd",
    pl.school_unit_id as "schoolUnitId", ${planningAssessorScope(actor)} as "mayAssess", ${planningOwned(actor)} as "mayShare",
    ${unitScale} as scale,
    coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name) from planning_group pg
      join student_group g on g.organiser_id = pg.organiser_id and g.id = pg.group_id
      where pg.organiser_id = pl.organiser_id and pg.planning_id = pl.id), '[]'::json) as groups,
    coalesce((select json_agg(json_build_object('id', k.id, 'paragraph', k.paragraph, 'position', pr.position, 'text', k.text,
        'choices', k.choices, 'stageName', st.name) order by pr.position, k.position)
      from planning_requirement pr join knowledge_requirement k on k.id = pr.requirement_id join syllabus_stage st on st.id = k.stage_id
      where pr.organiser_id = pl.organiser_id and pr.planning_id = pl.id), '[]'::json) as requirements,
    coalesce((select json_agg(json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
        'year', ${pupilYearAt(actor, sql`p.id`, sql`pl.school_unit_id`)}))
      from (${membersToday(actor)}) mt join person p on p.organiser_id = pl.organiser_id and p.id = mt.person_id), '[]'::json) as pupils,
    coalesce((select json_agg(json_build_object('pupilId', a.pupil_id, 'requirementId', a.requirement_id, 'level', a.level,
        'comment', a.comment, 'pupilYear', a.pupil_year, 'assessedOn', a.assessed_on::text, 'assessedBy', a.assessed_by,
        'assessedByName', (select ap.given_name || ' ' || ap.family_name from person ap where ap.organiser_id = a.organiser_id and ap.id = a.assessed_by),
        'version', a.version))
      from assessment a where a.organiser_id = pl.organiser_id and a.planning_id = pl.id), '[]'::json) as cells
  from planning pl where ${planningScope(actor)} and pl.id = ${planningId}`, { prepared: true });

export interface SaveFacts {
  status: 'draft' | 'published'; schoolUnitId: string; scale: string[] | null;
  requirement: boolean;
  pupil: { id: string; givenName: string; familyName: string; year: number | null } | null;
  current: { level: string; comment: string | null; version: number } | null;
}

/** Everything one save needs, in one statement: the planning where the actor may assess (undefined
 *  otherwise), whether the requirement is the planning's, the pupil when a member of its groups today with
 *  their year at the unit, the unit's scale and the cell as stored. */
export const readSaveFacts = (q: Q, actor: Actor, planningId: string, pupilId: string, requirementId: string) => one<SaveFacts>(q, sql`select
    pl.status, pl.school_unit_id as "schoolUnitId", ${unitScale} as scale,
    exists (select 1 from planning_requirement pr where pr.organiser_id = pl.organiser_id and pr.planning_id = pl.id
      and pr.requirement_id = ${requirementId}) as requirement,
    (select json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
        'year', ${pupilYearAt(actor, sql`p.id`, sql`pl.school_unit_id`)})
      from person p where p.organiser_id = pl.organiser_id and p.id = ${pupilId} and exists (select 1 from planning_group pg
        join group_membership m on m.organiser_id = pg.organiser_id and m.group_id = pg.group_id
        where pg.organiser_id = pl.organiser_id and pg.planning_id = pl.id and m.person_id = p.id
          and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)})) as pupil,
    (select json_build_object('level', a.level, 'comment', a.comment, 'version', a.version) from assessment a
      where a.organiser_id = pl.organiser_id and a.planning_id = pl.id and a.pupil_id = ${pupilId} and a.requirement_id = ${requirementId}) as current
  from planning pl where ${planningAssessorScope(actor)} and pl.id = ${planningId}`, { prepared: true });

export interface CellWrite {
  id: string; planningId: string; pupilId: string; requirementId: string;
  level: string | null; comment: string | null; pupilYear: number; expectedVersion: number | null;
}

/**
 * One save in one statement, version-checked in its WHERE clause: a new cell is inserted only when none
 * exists, a stored one updated or removed (level null) only at the version read. The history row and the
 * audit row are written only when the cell was written. Returns the cell's new version (0 when removed),
 * or undefined when the version was stale.
 */
export async function writeCell(q: Q, actor: Actor, w: CellWrite, auditRow: (written: SQL) => SQL): Promise<{ version: number } | undefined> {
  const cell = sql`organiser_id = ${actor.organiserId} and planning_id = ${w.planningId} and pupil_id = ${w.pupilId} and requirement_id = ${w.requirementId}`;
  let write: SQL;
  if (w.level === null) {
    write = sql`delete from assessment where ${cell} and version = ${w.expectedVersion ?? -1} returning id, 0 as version`;
  } else if (w.expectedVersion === null) {
    write = sql`insert into assessment (organiser_id, id, planning_id, pupil_id, requirement_id, level, comment, pupil_year, assessed_on, assessed_by, version)
      values (${actor.organiserId}, ${w.id}, ${w.planningId}, ${w.pupilId}, ${w.requirementId}, ${w.level}, ${w.comment}, ${w.pupilYear},
        ${actor.today}::date, ${actor.personId},
        1 + (select count(*)::int from assessment_event e where e.organiser_id = ${actor.organiserId} and e.assessment_id = ${w.id}))
      on conflict (organiser_id, planning_id, pupil_id, requirement_id) do nothing returning id, version`;
  } else {
    write = sql`update assessment set level = ${w.level}, comment = ${w.comment}, pupil_year = ${w.pupilYear}, assessed_on = ${actor.today}::date,
        assessed_by = ${actor.personId}, updated_at = now(), version = version + 1
      where ${cell} and version = ${w.expectedVersion} returning id, version`;
  }
  return one<{ version: number }>(q, sql`with w as (${write}),
    e as (insert into assessment_event (organiser_id, id, assessment_id, level, comment, assessed_on, assessed_by)
      select ${actor.organiserId}, gen_random_uuid(), w.id, ${w.level}, ${w.comment}, ${actor.today}::date, ${actor.personId} from w returning 1),
    au as (${auditRow(sql`w`)} returning 1)
    select version from w`);
}

export interface HistoryRow { level: string | null; comment: string | null; assessedOn: string; assessedByName: string; recordedAt: string }

/** The cell's saves, newest first. */
export const readHistory = (q: Q, organiserId: string, cellId: string) => rows<HistoryRow>(q, sql`select e.level, e.comment,
    e.assessed_on::text as "assessedOn", coalesce(p.given_name || ' ' || p.family_name, '') as "assessedByName", e.recorded_at as "recordedAt"
  from assessment_event e left join person p on p.organiser_id = e.organiser_id and p.id = e.assessed_by
  where e.organiser_id = ${organiserId} and e.assessment_id = ${cellId} order by e.recorded_at desc, e.id`);

/** The planning (status, shared) when the actor may read it / owns it. */
export const readPlanningHead = (q: Q, actor: Actor, planningId: string, scope: 'read' | 'own') => one<{ id: string; status: 'draft' | 'published'; assessmentsShared: boolean; schoolUnitId: string; title: string }>(q,
  sql`select pl.id, pl.status, pl.assessments_shared as "assessmentsShared", pl.school_unit_id as "schoolUnitId", pl.title from planning pl
    where ${scope === 'own' ? planningOwned(actor) : planningScope(actor)} and pl.id = ${planningId}`);

/** The cell as stored now (a save that lost a race answers 409 with it). */
export const readCell = (q: Q, organiserId: string, planningId: string, pupilId: string, requirementId: string) => one<{ level: string; comment: string | null; version: number }>(q,
  sql`select level, comment, version from assessment where organiser_id = ${organiserId} and planning_id = ${planningId}
    and pupil_id = ${pupilId} and requirement_id = ${requirementId}`);
