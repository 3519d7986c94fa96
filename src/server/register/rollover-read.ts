import { sql } from 'drizzle-orm';
import { currentTerm, type TermRef } from '../../domain/grading/period.js';
import { nextSchoolYear } from '../../domain/register/school-year.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Queryable } from '../platform/db/database.js';

/** What the rollover of a unit reads: the school years, and the unit's register that runs across the summer. */

type Q = Pick<Queryable, 'execute'>;
const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

export interface SchoolYears {
  fromSchoolYear: string;
  toSchoolYear: string;
  /** The last day of the current school year (its VT), null when its terms are missing. */
  oldYearEnds: string | null;
  /** The next school year's terms when the organiser already has them. */
  nextTerms: { ht: TermRef | null; vt: TermRef | null };
}

/** The current school year is that of the term running today, or of the last one that ended (summer): a
 *  rollover made in the autumn before prepares the year after the current one, never this one. */
export async function readSchoolYears(q: Q, actor: Actor): Promise<SchoolYears | null> {
  const terms = await rows<TermRef>(q, sql`select id, school_year as "schoolYear", kind, ${day('start_date')} as "startDate",
      ${day('end_date')} as "endDate" from term where organiser_id = ${actor.organiserId}`);
  const current = currentTerm(terms, actor.today);
  if (!current) return null;
  const of = (year: string, kind: 'HT' | 'VT') => terms.find((t) => t.schoolYear === year && t.kind === kind) ?? null;
  const toSchoolYear = nextSchoolYear(current.schoolYear);
  return {
    fromSchoolYear: current.schoolYear, toSchoolYear, oldYearEnds: of(current.schoolYear, 'VT')?.endDate ?? null,
    nextTerms: { ht: of(toSchoolYear, 'HT'), vt: of(toSchoolYear, 'VT') },
  };
}

export interface EnrolmentRow {
  id: string; personId: string; name: string; schoolYear: number; schoolForm: string;
  gradesRequested: boolean; adaptedTimetable: boolean; endDate: string | null;
}
export interface GroupRow { id: string; name: string; groupType: 'class' | 'teaching' | 'mentor'; subjectCode: string | null; schoolYear: number | null; endDate: string | null }
export interface MembershipRow { id: string; groupId: string; personId: string; endDate: string | null }
export interface StaffRow { id: string; groupId: string; personId: string; name: string; assignment: 'teacher' | 'mentor'; grader: boolean; endDate: string | null; staysOn: boolean }

export interface UnitRegister {
  enrolments: EnrolmentRow[];
  groups: GroupRow[];
  memberships: MembershipRow[];
  staff: StaffRow[];
  /** Pupils who already have an enrolment at the unit that starts after the old school year. */
  alreadyEnrolledNext: Set<string>;
  /** Names of groups already made for the new year (starting after the old one ends). */
  namesTakenNext: Set<string>;
  /** Last year's grades at the unit that are not locked, by state. */
  openGrades: { state: string; count: number }[];
}

/** Rows that run across the summer: in force on the old year's last day and still on the new year's first. */
const across = (alias: 'e' | 'g' | 'm' | 's', oldEnds: string, newStarts: string) =>
  sql`${sql.raw(alias)}.start_date <= ${oldEnds}::date and (${sql.raw(alias)}.end_date is null or ${sql.raw(alias)}.end_date >= ${newStarts}::date)`;

export async function readUnitRegister(q: Q, actor: Actor, years: { from: string; oldEnds: string; newStarts: string }): Promise<UnitRegister> {
  const org = actor.organiserId;
  const unit = actor.unitId!;
  const [enrolments, groups, memberships, staff, next, taken, openGrades] = [
    await rows<EnrolmentRow>(q, sql`select e.id, e.person_id as "personId", p.given_name || ' ' || p.family_name as name,
        e.school_year as "schoolYear", e.school_form as "schoolForm", e.grades_requested as "gradesRequested",
        e.adapted_timetable as "adaptedTimetable", ${day('e.end_date')} as "endDate"
      from enrolment e join person p on p.organiser_id = e.organiser_id and p.id = e.person_id
      where e.organiser_id = ${org} and e.school_unit_id = ${unit} and ${across('e', years.oldEnds, years.newStarts)}`),
    await rows<GroupRow>(q, sql`select g.id, g.name, g.group_type as "groupType", g.subject_code as "subjectCode",
        g.school_year as "schoolYear", ${day('g.end_date')} as "endDate"
      from student_group g where g.organiser_id = ${org} and g.school_unit_id = ${unit} and ${across('g', years.oldEnds, years.newStarts)}`),
    await rows<MembershipRow>(q, sql`select m.id, m.group_id as "groupId", m.person_id as "personId", ${day('m.end_date')} as "endDate"
      from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
      where m.organiser_id = ${org} and g.school_unit_id = ${unit} and ${across('g', years.oldEnds, years.newStarts)}
        and ${across('m', years.oldEnds, years.newStarts)}`),
    await rows<StaffRow>(q, sql`select s.id, s.group_id as "groupId", s.person_id as "personId", p.given_name || ' ' || p.family_name as name,
        s.assignment, s.grader, ${day('s.end_date')} as "endDate",
        exists (select 1 from duty d where d.organiser_id = s.organiser_id and d.person_id = s.person_id and d.school_unit_id = ${unit}
          and d.start_date <= ${years.newStarts}::date and (d.end_date is null or d.end_date >= ${years.newStarts}::date)) as "staysOn"
      from group_staff s join student_group g on g.organiser_id = s.organiser_id and g.id = s.group_id
        join person p on p.organiser_id = s.organiser_id and p.id = s.person_id
      where s.organiser_id = ${org} and g.school_unit_id = ${unit} and ${across('g', years.oldEnds, years.newStarts)}
        and ${across('s', years.oldEnds, years.newStarts)}`),
    await rows<{ personId: string }>(q, sql`select distinct person_id as "personId" from enrolment
      where organiser_id = ${org} and school_unit_id = ${unit} and start_date > ${years.oldEnds}::date`),
    await rows<{ name: string }>(q, sql`select name from student_group where organiser_id = ${org} and school_unit_id = ${unit}
      and start_date > ${years.oldEnds}::date`),
    await rows<{ state: string; count: number }>(q, sql`select gr.state, count(*)::int as count
      from grade gr join student_group g on g.organiser_id = gr.organiser_id and g.id = gr.group_id
        join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id
      where gr.organiser_id = ${org} and g.school_unit_id = ${unit} and t.school_year = ${years.from} and gr.state <> 'locked'
      group by gr.state order by gr.state`),
  ];
  return {
    enrolments, groups, memberships, staff, openGrades,
    alreadyEnrolledNext: new Set(next.map((r) => r.personId)),
    namesTakenNext: new Set(taken.map((r) => r.name)),
  };
}
