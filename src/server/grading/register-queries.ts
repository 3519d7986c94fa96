import { sql, type SQL } from 'drizzle-orm';
import type { Column } from '../../domain/grading/columns.js';
import { graderScope, groupScope, inForce, inForceOn, teacherGradesScope, teacherGroupScope, type TeacherRef } from '../platform/access/access.js';
import { batcher } from '../platform/db/batcher.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';
import type { GradingTerms } from './terms.js';

type Q = Pick<Queryable, 'execute'>;

export interface RegisterGroupRow {
  id: string; name: string; subject_code: string; subject_name: string; school_unit_id: string; unit_name: string;
  first_graded_year: number; is_grader: boolean;
  /** The grading period of the term asked for (null when none is set or no term was asked for). */
  period_from: string | null; period_to: string | null;
}

/** A teaching group the actor may see, with what grading needs to know of it (and, given a term, its grading period). */
export const findGradingGroup = (q: Q, actor: Actor, groupId: string, periodTermId?: string) => one<RegisterGroupRow>(q, sql`
  select g.id, g.name, g.subject_code, s.name as subject_name, g.school_unit_id, u.name as unit_name,
         coalesce(ss.first_graded_year, 6)::int as first_graded_year, (${graderScope(actor)}) as is_grader,
         to_char(gp.from_date, 'YYYY-MM-DD') as period_from, to_char(gp.to_date, 'YYYY-MM-DD') as period_to
    from student_group g
    join subject s on s.code = g.subject_code
    join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id
    left join subject_setting ss on ss.organiser_id = g.organiser_id and ss.subject_code = g.subject_code
    left join grading_period gp on gp.organiser_id = g.organiser_id and gp.school_unit_id = g.school_unit_id and gp.term_id = ${periodTermId ?? null}
   where g.id = ${groupId} and g.group_type = 'teaching' and ${groupScope(actor)}`, { prepared: true });

export interface RegisterPupilRow {
  id: string; given_name: string; family_name: string; school_year: number | null; school_form: string | null; grades_requested: boolean;
}

const groupPupils = (actor: Actor, groupId: string, extra: SQL = sql``) => sql`
  select p.id, p.given_name, p.family_name, e.school_year, e.school_form, coalesce(e.grades_requested, false) as grades_requested ${extra}
    from group_membership m
    join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
    left join lateral (select * from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
                        and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)} order by e.start_date desc limit 1) e on true
   where m.organiser_id = ${actor.organiserId} and m.group_id = ${groupId} and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}`;

/** The group's pupils today with their enrolment (school year, school form, grades asked for). */
export const listGroupPupils = (q: Q, actor: Actor, groupId: string) => rows<RegisterPupilRow>(q, groupPupils(actor, groupId));

export interface GradeRow {
  id: string; pupil_id: string; kind: 'term' | 'final'; term_id: string; value: string | null; state: string; version: number;
  carried_over: boolean; registered_by: string; registered_by_name: string; registered_at: string; assessment_written: boolean;
}

const gradeColumns = sql`gr.id, gr.pupil_id, gr.kind, gr.term_id, gr.value, gr.state, gr.version, gr.carried_over,
  gr.registered_by, rb.given_name || ' ' || rb.family_name as registered_by_name,
  to_char(gr.registered_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as registered_at,
  coalesce(length(trim(wa.knowledge_development)) > 0, false) as assessment_written`;
const gradeJoins = sql`join person rb on rb.organiser_id = gr.organiser_id and rb.id = gr.registered_by
  left join written_assessment wa on wa.organiser_id = gr.organiser_id and wa.grade_id = gr.id`;

/** The pupils' grades in the subject for the register's columns (a pupil keeps grades across groups). */
export function listGradeRows(q: Q, organiserId: string, subjectCode: string, pupilIds: string[], terms: GradingTerms) {
  return rows<GradeRow>(q, sql`select ${gradeColumns} from grade gr ${gradeJoins}
    where gr.organiser_id = ${organiserId} and gr.subject_code = ${subjectCode} and gr.pupil_id = any(${sql.param(pupilIds)}::uuid[])
      and (gr.kind = 'final' or (gr.kind = 'term' and gr.term_id = any(${sql.param(registerTermIds(terms))}::uuid[])))`);
}

/** The group's pupils today, each with their grades in the subject for the register's columns: the
 *  register in one round trip. */
export function listRegisterPupils(q: Q, actor: Actor, groupId: string, subjectCode: string, terms: GradingTerms) {
  const grades = sql`, coalesce((select json_agg(cur) from (select ${gradeColumns} from grade gr ${gradeJoins}
      where gr.organiser_id = m.organiser_id and gr.pupil_id = p.id and gr.subject_code = ${subjectCode}
        and (gr.kind = 'final' or (gr.kind = 'term' and gr.term_id in (${terms.ht?.id ?? null}::uuid, ${terms.vt?.id ?? null}::uuid)))) cur), '[]') as grades`;
  return rows<RegisterPupilRow & { grades: GradeRow[] }>(q, groupPupils(actor, groupId, grades), { prepared: true });
}

const registerTermIds = (terms: GradingTerms) => [terms.ht?.id, terms.vt?.id].filter(Boolean) as string[];

/** One pupil's grade in a column, locked for update when inside a transaction. */
export function findGrade(q: Q, organiserId: string, pupilId: string, subjectCode: string, column: Column, termId: string, forUpdate = false) {
  const which = column === 'final' ? sql`gr.kind = 'final'` : sql`gr.kind = 'term' and gr.term_id = ${termId}`;
  return one<GradeRow>(q, sql`select ${gradeColumns} from grade gr ${gradeJoins}
    where gr.organiser_id = ${organiserId} and gr.pupil_id = ${pupilId} and gr.subject_code = ${subjectCode} and ${which}
    ${forUpdate ? sql`for update of gr` : sql``}`);
}

export const columnOfGrade = (g: Pick<GradeRow, 'kind' | 'term_id'>, terms: GradingTerms): Column | null =>
  g.kind === 'final' ? 'final' : g.term_id === terms.ht?.id ? 'HT' : g.term_id === terms.vt?.id ? 'VT' : null;

export interface SaveFacts {
  subject_code: string; first_graded_year: number; is_grader: boolean;
  pupil_id: string | null; school_year: number | null; school_form: string | null; grades_requested: boolean;
  period_from: string | null; period_to: string | null; already_applied: boolean;
  /** The pupil's grade in the column as it is now, if any. */
  current: GradeRow | null;
}

/** One save's question: who asks, about which group, pupil, column and term, under which request id. */
export interface SaveFactsKey { actor: Actor; groupId: string; pupilId: string; column: Column; termId: string; requestId: string }

/**
 * Everything a save must check, for all the saves arriving together in one statement (batcher.ts): for
 * each, the group in the teacher's scope (and whether they grade it), the pupil's membership and
 * enrolment, the subject's first graded year, the term's grading period, whether this request id was
 * applied before, and the grade as it is now. No row (undefined): the group is not the teacher's.
 * Each request row carries its own teacher, and the scopes are the access module's, given those columns.
 */
export function saveFactsLoader(q: Q) {
  return batcher<SaveFactsKey, SaveFacts | undefined>({ run: (keys) => findSaveFacts(q, keys) });
}

async function findSaveFacts(q: Q, keys: SaveFactsKey[]): Promise<(SaveFacts | undefined)[]> {
  if (keys.some((k) => k.actor.role !== 'teacher')) throw new Error('only teachers register grades');
  const col = <T>(f: (k: SaveFactsKey) => T) => sql.param(keys.map(f));
  const teacher: TeacherRef = { organiserId: sql`i.organiser_id`, personId: sql`i.person_id`, unitId: sql`i.unit_id`, today: sql`i.today` };
  const current = (kind: 'term' | 'final') => sql`(select row_to_json(cur) from (select ${gradeColumns} from grade gr ${gradeJoins}
      where gr.organiser_id = g.organiser_id and gr.pupil_id = mm.person_id and gr.subject_code = g.subject_code
        and ${kind === 'final' ? sql`gr.kind = 'final'` : sql`gr.kind = 'term' and gr.term_id = i.term_id`}) cur)`;
  const found = await rows<SaveFacts & { ord: number }>(q, sql`
    select i.ord::int as ord, g.subject_code, coalesce(ss.first_graded_year, 6)::int as first_graded_year, (${teacherGradesScope(teacher)}) as is_grader,
           mm.person_id as pupil_id, e.school_year, e.school_form, coalesce(e.grades_requested, false) as grades_requested,
           to_char(gp.from_date, 'YYYY-MM-DD') as period_from, to_char(gp.to_date, 'YYYY-MM-DD') as period_to,
           exists (select 1 from grade_event ev where ev.organiser_id = g.organiser_id and ev.request_id = i.request_id) as already_applied,
           case when i.final then ${current('final')} else ${current('term')} end as current
      from unnest(${col((k) => k.actor.organiserId)}::uuid[], ${col((k) => k.actor.personId)}::uuid[], ${col((k) => k.actor.unitId)}::uuid[],
                  ${col((k) => k.actor.today)}::date[], ${col((k) => k.groupId)}::uuid[], ${col((k) => k.pupilId)}::uuid[],
                  ${col((k) => k.termId)}::uuid[], ${col((k) => k.column === 'final')}::boolean[], ${col((k) => k.requestId)}::uuid[])
           with ordinality as i(organiser_id, person_id, unit_id, today, group_id, pupil_id, term_id, final, request_id, ord)
      join student_group g on g.organiser_id = i.organiser_id and g.id = i.group_id and g.group_type = 'teaching' and ${teacherGroupScope(teacher)}
      left join subject_setting ss on ss.organiser_id = g.organiser_id and ss.subject_code = g.subject_code
      left join lateral (select m.person_id from group_membership m where m.organiser_id = g.organiser_id and m.group_id = g.id
                          and m.person_id = i.pupil_id and ${inForceOn(sql`m.start_date`, sql`m.end_date`, sql`i.today`)} limit 1) mm on true
      left join lateral (select * from enrolment e where e.organiser_id = g.organiser_id and e.person_id = mm.person_id
                          and ${inForceOn(sql`e.start_date`, sql`e.end_date`, sql`i.today`)} order by e.start_date desc limit 1) e on true
      left join grading_period gp on gp.organiser_id = g.organiser_id and gp.school_unit_id = g.school_unit_id and gp.term_id = i.term_id`, { prepared: true });
  const byOrd = new Map(found.map(({ ord, ...facts }) => [ord, facts as SaveFacts]));
  return keys.map((_, n) => byOrd.get(n + 1));
}

/** The pupil's latest term grade in the subject from a term that began before `before` (for överfört). */
export const findEarlierTermGrade = (q: Q, organiserId: string, pupilId: string, subjectCode: string, before: string) => one<{ value: string }>(q, sql`
  select gr.value from grade gr join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id
   where gr.organiser_id = ${organiserId} and gr.pupil_id = ${pupilId} and gr.subject_code = ${subjectCode} and gr.kind = 'term'
     and gr.value is not null and t.start_date < ${before}::date
   order by t.start_date desc limit 1`);
