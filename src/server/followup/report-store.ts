import { sql, type SQL } from 'drizzle-orm';
import { GRADE_POINTS } from '../../domain/grading/scale.js';
import { GRADE_STEP_NUMBER, STEP_VALUES, type Aggregate } from '../../domain/followup/report-aggregate.js';
import { rows, type Queryable } from '../platform/db/database.js';

/**
 * The follow-up's SQL. The analysed grades (DEFINITIONS: year 6 the spring-term grade, year 9 the final grade
 * given in a spring term) joined to the pupil's national test result, the pupil and the term are kept
 * pre-aggregated in followup_fact (additive counts and sums per unit, group, subject, school year and the
 * pupils' background values), rebuilt for the (unit, school year) pairs that triggers marked. One statement
 * per level then sums the facts by row key, subject and school year — and the breakdowns by GROUPING SETS —
 * into the fixed aggregate columns of report-aggregate.ts. Nothing per pupil leaves the database except at
 * the group level for those allowed to see pupils.
 */
const caseOf = (column: string, values: Record<string, number>) =>
  sql.raw(`case ${column} ${Object.entries(values).map(([k, v]) => `when '${k}' then ${v}`).join(' ')} end`);
const points = (column: string) => caseOf(column, GRADE_POINTS);
const steps = (column: string) => caseOf(column, GRADE_STEP_NUMBER);

/** The analysed grades of the (unit, school year) pairs given (arrays of the same length), one row per grade,
 *  with the pupil's test result and background (DEFINITIONS: year 6 the spring-term grade, year 9 the final
 *  grade, both in a VT term). */
function analysed(organiserId: string, units: string[], years: string[]) {
  return sql`with graded as (
    select sg.school_unit_id, sg.school_year::int2 as grade_year, g.group_id, g.subject_code as subject, t.school_year, g.value as gv,
      n.test_grade as tv, coalesce(n.not_participated, false) as np,
      case when p.sex in ('F', 'M') then p.sex else 'U' end as sex,
      case when p.newly_arrived_date is not null and p.newly_arrived_date > t.end_date - interval '4 years' then 'true' else 'false' end as newly,
      case when p.swedish_as_second_language then 'true' else 'false' end as sva,
      coalesce(pb.parents_post_secondary::text, 'U') as pps, coalesce(pb.foreign_background::text, 'U') as fb
    from unnest(${sql.param(units)}::uuid[], ${sql.param(years)}::text[]) as d(unit_id, school_year)
    join term t on t.organiser_id = ${organiserId} and t.school_year = d.school_year and t.kind = 'VT'
    join grade g on g.organiser_id = t.organiser_id and g.term_id = t.id
    join student_group sg on sg.organiser_id = g.organiser_id and sg.id = g.group_id and sg.school_unit_id = d.unit_id
    join person p on p.organiser_id = g.organiser_id and p.id = g.pupil_id
    left join national_test_result n on n.organiser_id = g.organiser_id and n.pupil_id = g.pupil_id and n.subject_code = g.subject_code
      and n.grade_year = sg.school_year and n.school_year = t.school_year
    left join pupil_background pb on pb.organiser_id = g.organiser_id and pb.pupil_id = g.pupil_id
    where g.value is not null and ((g.kind = 'term' and sg.school_year = 6) or (g.kind = 'final' and sg.school_year = 9))
  ), a as (
    select *, ${points('gv')} as gp, ${points('tv')} as tp, ${steps('gv')} - ${steps('tv')} as d from graded
  )`;
}

/** The fact columns (followup_fact) of a set of graded rows: additive counts and sums. */
const FINE = sql.raw(`count(*)::int as graded,
  ${['A', 'B', 'C', 'D', 'E', 'F'].map((g) => `count(*) filter (where gv = '${g}')::int as c_${g.toLowerCase()}`).join(', ')},
  count(*) filter (where gv = '-')::int as c_dash, coalesce(sum(gp), 0)::float8 as gp_sum,
  count(d)::int as n_both, count(*) filter (where d < 0)::int as n_lower, count(*) filter (where d = 0)::int as n_same,
  count(*) filter (where d > 0)::int as n_higher,
  array[${STEP_VALUES.map((v) => `count(*) filter (where d = ${v})::int`).join(', ')}] as steps,
  coalesce(sum(gp - tp), 0)::float8 as diff_sum, coalesce(sum((gp - tp) * (gp - tp)), 0)::float8 as diff_sq,
  coalesce(sum(gp) filter (where d is not null), 0)::float8 as both_gp, coalesce(sum(tp) filter (where d is not null), 0)::float8 as both_tp,
  count(*) filter (where np)::int as not_taken`);
const FACT_COLUMNS = sql.raw(`graded, c_a, c_b, c_c, c_d, c_e, c_f, c_dash, gp_sum, n_both, n_lower, n_same, n_higher, steps,
  diff_sum, diff_sq, both_gp, both_tp, not_taken`);
/** Sums of fact rows, named as the fact columns (the unit facts are the group facts summed). */
const SUMMED = sql.raw(`sum(graded)::int, ${['a', 'b', 'c', 'd', 'e', 'f', 'dash'].map((g) => `sum(c_${g})::int`).join(', ')}, sum(gp_sum),
  sum(n_both)::int, sum(n_lower)::int, sum(n_same)::int, sum(n_higher)::int, array[${STEP_VALUES.map((_, i) => `sum(steps[${i + 1}])::int`).join(', ')}],
  sum(diff_sum), sum(diff_sq), sum(both_gp), sum(both_tp), sum(not_taken)::int`);
/** Sums of fact rows, named as AggregateRow. */
const ROLLUP = sql.raw(`sum(graded)::int as graded, ${['a', 'b', 'c', 'd', 'e', 'f', 'dash'].map((g) => `sum(c_${g})::int as c_${g}`).join(', ')},
  sum(gp_sum)::float8 as gp_sum, sum(n_both)::int as both, sum(n_lower)::int as lower, sum(n_same)::int as same, sum(n_higher)::int as higher,
  array[${STEP_VALUES.map((_, i) => `sum(steps[${i + 1}])::int`).join(', ')}] as steps,
  sum(diff_sum)::float8 as diff_sum, sum(diff_sq)::float8 as diff_sq, sum(both_gp)::float8 as both_gp, sum(both_tp)::float8 as both_tp,
  sum(not_taken)::int as not_taken`);

/**
 * Rebuilds the facts of every (unit, school year) the triggers marked since the last report (migration
 * 0014): the marks are taken and the pairs' facts replaced in one transaction, so a report never reads half
 * a rebuild. A few pairs after a day's grading cost milliseconds; a fresh database builds all of it once.
 */
export async function refreshFacts(db: Queryable, organiserId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const marked = await rows<{ school_unit_id: string; school_year: string }>(tx, sql`delete from followup_dirty
      where organiser_id = ${organiserId} returning school_unit_id::text, school_year`);
    if (!marked.length) return 0;
    const units = marked.map((m) => m.school_unit_id);
    const years = marked.map((m) => m.school_year);
    await tx.execute(sql`delete from followup_fact f using unnest(${sql.param(units)}::uuid[], ${sql.param(years)}::text[]) as d(unit_id, school_year)
      where f.organiser_id = ${organiserId} and f.school_unit_id = d.unit_id and f.school_year = d.school_year`);
    await tx.execute(sql`insert into followup_fact (organiser_id, school_unit_id, school_year, grade_year, group_id, subject_code,
        sex, newly, sva, pps, fb, ${FACT_COLUMNS})
      ${analysed(organiserId, units, years)}
      select ${organiserId}::uuid, school_unit_id, school_year, grade_year, group_id, subject, sex, newly, sva, pps, fb, ${FINE}
      from a group by school_unit_id, school_year, grade_year, group_id, subject, sex, newly, sva, pps, fb`);
    await tx.execute(sql`delete from followup_unit_fact f using unnest(${sql.param(units)}::uuid[], ${sql.param(years)}::text[]) as d(unit_id, school_year)
      where f.organiser_id = ${organiserId} and f.school_unit_id = d.unit_id and f.school_year = d.school_year`);
    await tx.execute(sql`insert into followup_unit_fact (organiser_id, school_unit_id, school_year, grade_year, subject_code,
        sex, newly, sva, pps, fb, ${FACT_COLUMNS})
      select f.organiser_id, f.school_unit_id, f.school_year, f.grade_year, f.subject_code, f.sex, f.newly, f.sva, f.pps, f.fb, ${SUMMED}
      from followup_fact f join unnest(${sql.param(units)}::uuid[], ${sql.param(years)}::text[]) as d(unit_id, school_year)
        on f.school_unit_id = d.unit_id and f.school_year = d.school_year
      where f.organiser_id = ${organiserId}
      group by f.organiser_id, f.school_unit_id, f.school_year, f.grade_year, f.subject_code, f.sex, f.newly, f.sva, f.pps, f.fb`);
    return marked.length;
  });
}

export interface AggregateRow {
  school_year: string; subject: string; dim: string; key: string | null;
  graded: number; c_a: number; c_b: number; c_c: number; c_d: number; c_e: number; c_f: number; c_dash: number; gp_sum: number;
  both: number; lower: number; same: number; higher: number; steps: number[] | string;
  diff_sum: number; diff_sq: number; both_gp: number; both_tp: number; not_taken: number;
}

export function aggregateOfRow(r: AggregateRow): Aggregate {
  const steps = typeof r.steps === 'string' ? r.steps.replace(/[{}]/g, '').split(',').map(Number) : r.steps.map(Number);
  return {
    graded: r.graded, counts: { A: r.c_a, B: r.c_b, C: r.c_c, D: r.c_d, E: r.c_e, F: r.c_f, dash: r.c_dash }, gradePointsSum: Number(r.gp_sum),
    both: r.both, lower: r.lower, same: r.same, higher: r.higher, steps,
    diffSum: Number(r.diff_sum), diffSquares: Number(r.diff_sq), bothGradePoints: Number(r.both_gp), bothTestPoints: Number(r.both_tp), notTaken: r.not_taken,
  };
}

const DIM_COLUMNS = { sex: 'sex', newly_arrived: 'newly', sva: 'sva', parents_education: 'pps', foreign_background: 'fb' } as const;
const dimOf = sql.raw(`case when grouping(row_key) = 0 then 'row' ${Object.entries(DIM_COLUMNS).map(([d, c]) => `when grouping(${c}) = 0 then '${d}'`).join(' ')} else 'total' end`);
const keyOf = sql.raw(`coalesce(row_key, ${Object.values(DIM_COLUMNS).join(', ')})`);
const GROUPING_SETS = sql.raw(`grouping sets ((school_year, subject), (school_year, subject, row_key), ${Object.values(DIM_COLUMNS).map((c) => `(school_year, subject, ${c})`).join(', ')})`);

/** The facts of a level (filtered by `where` on the fact `f`) with the row key and breakdown columns as text
 *  (`dims` may blank a breakdown column: null is not grouped). */
const facts = (organiserId: string, gradeYear: 6 | 9, where: SQL, rowKey: SQL, dims: (column: SQL) => SQL = (c) => c, table = 'followup_fact') => sql`with fine as (
  select f.school_year, f.subject_code as subject, ${sql.raw(table === 'followup_fact' ? 'f.group_id' : 'null::uuid as group_id')}, ${rowKey} as row_key, ${dims(sql`f.sex`)} as sex, ${dims(sql`f.newly`)} as newly,
    ${dims(sql`f.sva`)} as sva, ${dims(sql`f.pps`)} as pps, ${dims(sql`f.fb`)} as fb, ${FACT_COLUMNS}
  from ${sql.raw(table)} f where f.organiser_id = ${organiserId} and f.grade_year = ${gradeYear} and ${where})`;

/** The level's statement: totals, rows and breakdowns by school year and subject; with `teachers` also the
 *  groups' graders as rows of the dimension 'teacher' (a group with two graders counts for both). */
async function levelAggregates(db: Queryable, organiserId: string, head: SQL, teachers: boolean): Promise<AggregateRow[]> {
  await refreshFacts(db, organiserId);
  const teacherPart = teachers ? sql`union all
    select school_year, subject, 'teacher' as dim, gs.person_id::text as key, ${ROLLUP}
    from fine join group_staff gs on gs.organiser_id = ${organiserId} and gs.group_id = fine.group_id and gs.assignment = 'teacher' and gs.grader
    group by school_year, subject, gs.person_id` : sql``;
  return rows<AggregateRow>(db, sql`${head}
    select school_year, subject, ${dimOf} as dim, ${keyOf} as key, ${ROLLUP}
    from fine group by ${GROUPING_SETS}
    ${teacherPart}`);
}

/** Organiser level: rows = units, every school year (trend and patterns), breakdowns per school year — from the
 *  unit facts (the groups summed). */
export function organiserAggregates(db: Queryable, organiserId: string, gradeYear: 6 | 9) {
  return levelAggregates(db, organiserId, facts(organiserId, gradeYear, sql`true`, sql`f.school_unit_id::text`, undefined, 'followup_unit_fact'), false);
}

/** Unit level: rows = the unit's groups, every school year; the graders as the teacher dimension. */
export function unitAggregates(db: Queryable, organiserId: string, unitId: string, gradeYear: 6 | 9, teachers: boolean) {
  return levelAggregates(db, organiserId, facts(organiserId, gradeYear, sql`f.school_unit_id = ${unitId}`, sql`f.group_id::text`), teachers);
}

/** Group level: every group of the unit in the group's school year as rows (the group against the rest, and
 *  the unit's partition for suppression); breakdowns only of the group's own pupils. */
export function groupAggregates(db: Queryable, organiserId: string, group: { id: string; unitId: string; gradeYear: 6 | 9; schoolYear: string }) {
  const mine = sql`f.group_id = ${group.id}`;
  return levelAggregates(db, organiserId, facts(organiserId, group.gradeYear, sql`f.school_unit_id = ${group.unitId} and f.school_year = ${group.schoolYear}`,
    sql`f.group_id::text`, (c) => sql`case when ${mine} then ${c} end`), false);
}
