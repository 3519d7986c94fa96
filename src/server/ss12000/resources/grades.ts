// /grades: the decided grades (state decided — the catalogue is signed — or locked; registered and
// confirmed grades are drafts and never leave the school). organisation and schoolUnit are the unit of the
// grade's group; registeredBy the teacher who registered the value; gradingTeacher the one who confirmed
// it; term → semester and year; the subject → its syllabus.
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import {
  adaptedStudyPlanText, correctionTypeOf, gradeYearOf, SERVED_GRADE_STATES, semesterOf,
} from '../../../domain/ss12000/study.js';
import { rows, sql } from '../../platform/db/database.js';
import { nameUuid } from '../../platform/db/name-uuid.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { metaOf, metaWhere, ref } from '../http/meta.js';
import { qDate, qUuid, type MetaFilters } from '../http/query.js';
import { byIdRoute, idsBody, listRoute, lookupRoute, pageOf, type Page } from '../http/routes.js';
import { keyset, organisationFilter, pageQuery, personName, syllabusIdOf, unitScope, type SortColumn } from './study-sql.js';

interface GradeRow {
  id: string; student_id: string; student_name: string; registered_by: string; registered_by_name: string;
  grading_teacher: string; grading_teacher_name: string; group_id: string; group_name: string; unit_id: string; unit_name: string;
  registered_date: string; value: string; kind: string; term_kind: string; term_start: string; syllabus_id: string | null;
  subject_name: string; syllabus_code: string; adapted: boolean; correction: string | null;
  created_at: string | null; modified_at: string | null; modified_key: string | null; registered_key: string;
}

const registeredDate = sql`(gr.registered_at at time zone 'Europe/Stockholm')::date`;

/** The served grades the client may see, as `gr` with group `g`, unit `u`, term `t`, subject `s`, meta `m`. */
function gradesOf(ctx: Ss12000Context): SQL {
  return sql`grade gr
    join student_group g on g.organiser_id = gr.organiser_id and g.id = gr.group_id
    join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id
    join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id
    join subject s on s.code = gr.subject_code
    join person st on st.organiser_id = gr.organiser_id and st.id = gr.pupil_id
    join person rb on rb.organiser_id = gr.organiser_id and rb.id = gr.registered_by
    left join person gt on gt.organiser_id = gr.organiser_id and gt.id = gr.confirmed_by
    left join ss12000_entity m on m.organiser_id = gr.organiser_id and m.entity_type = 'grades' and m.entity_id = gr.id
    where gr.organiser_id = ${ctx.organiserId} and gr.state = any(${sql.param([...SERVED_GRADE_STATES])}::text[]) and gr.value is not null
      and ${unitScope(ctx, sql`g.school_unit_id`)}`;
}

const SELECT = sql`select gr.id, gr.pupil_id as student_id, ${personName('st')} as student_name,
  gr.registered_by, ${personName('rb')} as registered_by_name,
  coalesce(gr.confirmed_by, gr.registered_by) as grading_teacher, coalesce(${personName('gt')}, ${personName('rb')}) as grading_teacher_name,
  g.id as group_id, g.name as group_name, u.id as unit_id, u.name as unit_name, ${registeredDate}::text as registered_date,
  gr.value, gr.kind, t.kind as term_kind, t.start_date::text as term_start,
  ${syllabusIdOf(sql`s.syllabus_code`, sql`t.start_date`)} as syllabus_id, s.name as subject_name, s.syllabus_code,
  exists (select 1 from enrolment e where e.organiser_id = gr.organiser_id and e.person_id = gr.pupil_id and e.school_unit_id = g.school_unit_id
    and e.adapted_timetable and e.start_date <= t.end_date and (e.end_date is null or e.end_date >= t.start_date)) as adapted,
  (select ev.action from grade_event ev where ev.organiser_id = gr.organiser_id and ev.grade_id = gr.id and ev.action in ('andring', 'rattelse')
    order by ev.occurred_at desc limit 1) as correction,
  m.created_at, m.modified_at, m.modified_at::text as modified_key, ${registeredDate}::text as registered_key`;

export function toGrade(r: GradeRow, ctx: Ss12000Context) {
  const correctionType = correctionTypeOf(r.correction);
  const unit = ref(r.unit_id, r.unit_name, ctx.withNames);
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    student: ref(r.student_id, r.student_name, ctx.withNames),
    organisation: unit,
    /** Not a property of Grade, but named in Grade.required (a mistake of SS 12000 v2.1): the same unit. */
    schoolUnit: unit,
    registeredBy: ref(r.registered_by, r.registered_by_name, ctx.withNames),
    gradingTeacher: ref(r.grading_teacher, r.grading_teacher_name, ctx.withNames),
    group: ref(r.group_id, r.group_name, ctx.withNames),
    registeredDate: r.registered_date,
    gradeValue: r.value,
    finalGrade: r.kind === 'final',
    trial: false,
    adaptedStudyPlan: adaptedStudyPlanText(r.adapted),
    converted: false,
    ...(correctionType ? { correctionType } : {}),
    semester: semesterOf(r.term_kind),
    year: gradeYearOf(r.term_start),
    // without the curriculum imported, a stable id of the syllabus code (Grade.syllabus is required)
    syllabus: ref(r.syllabus_id ?? nameUuid(`syllabus:${r.syllabus_code}`), r.subject_name, ctx.withNames),
  };
}

const listQuery = {
  organisation: qUuid, student: qUuid, registeredBy: qUuid, gradingTeacher: qUuid,
  'registeredDate.onOrAfter': qDate, 'registeredDate.onOrBefore': qDate,
  sortkey: z.enum(['registeredDateAsc', 'registeredDateDesc', 'ModifiedDesc']).optional(),
};
type ListQuery = { [K in keyof typeof listQuery]?: z.infer<(typeof listQuery)[K]> } & MetaFilters;

const byId: SortColumn<GradeRow> = { expr: sql`gr.id`, cast: 'uuid', key: (r) => r.id };
const byRegistered: SortColumn<GradeRow> = { expr: registeredDate, cast: 'date', key: (r) => r.registered_key };

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const order = q.sortkey === 'registeredDateAsc' || q.sortkey === 'registeredDateDesc'
    ? keyset([byRegistered, byId], q.sortkey === 'registeredDateDesc', page.after)
    : q.sortkey === 'ModifiedDesc'
      ? keyset([{ expr: sql`m.modified_at`, cast: 'timestamptz', key: (r: GradeRow) => r.modified_key }, byId], true, page.after)
      : keyset([byId], false, page.after);
  const where: SQL[] = [metaWhere(q), order.where];
  if (q.organisation) where.push(organisationFilter(ctx, q.organisation, sql`g.school_unit_id`));
  if (q.student) where.push(sql`gr.pupil_id = ${q.student}::uuid`);
  if (q.registeredBy) where.push(sql`gr.registered_by = ${q.registeredBy}::uuid`);
  if (q.gradingTeacher) where.push(sql`coalesce(gr.confirmed_by, gr.registered_by) = ${q.gradingTeacher}::uuid`);
  if (q['registeredDate.onOrAfter']) where.push(sql`${registeredDate} >= ${q['registeredDate.onOrAfter']}::date`);
  if (q['registeredDate.onOrBefore']) where.push(sql`${registeredDate} <= ${q['registeredDate.onOrBefore']}::date`);
  const found = await rows<GradeRow>(ctx.db, pageQuery(SELECT, gradesOf(ctx), sql`gr.id`, sql.join(where, sql` and `), order.order, page.limit + 1));
  const p = pageOf(found, page.limit, order.keyOf);
  return { data: p.rows.map((r) => toGrade(r, ctx)), after: p.after };
}

async function byIds(ctx: Ss12000Context, ids: string[]) {
  if (!ids.length) return [];
  const found = await rows<GradeRow>(ctx.db, sql`${SELECT} from ${gradesOf(ctx)} and gr.id = any(${sql.param(ids)}::uuid[]) order by gr.id`);
  return found.map((r) => toGrade(r, ctx));
}

export function gradeResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'grades' } as const;
  listRoute(v2, deps, { path: '/grades', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/grades/lookup', access, body: idsBody.partial(), query: {}, fetch: (ctx, body) => byIds(ctx, body.ids ?? []) });
  byIdRoute(v2, deps, { path: '/grades/:id', access, query: {}, fetch: async (ctx, id) => (await byIds(ctx, [id]))[0] ?? null });
}
