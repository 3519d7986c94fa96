import { sql } from 'drizzle-orm';
import type { TestResult } from '../../domain/national-tests/result.js';
import { groupScope, inForce, pupilScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface ResultRow {
  id: string; pupil_id: string; school_unit_id: string; subject_code: string; subject_name: string; grade_year: number; school_year: string;
  test_grade: TestResult['testGrade']; not_participated: boolean; sub_tests: TestResult['subTests']; version: number; updated_at: string;
}

const resultColumns = sql`r.id, r.pupil_id, r.school_unit_id, r.subject_code, s.name as subject_name, r.grade_year::int as grade_year, r.school_year,
  r.test_grade, r.not_participated, r.sub_tests, r.version, to_char(r.updated_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as updated_at`;

/** A group the actor may see (a class or teaching group of their unit), current today. */
export const findGroup = (q: Q, actor: Actor, groupId: string) =>
  one<{ id: string; name: string; group_type: string; school_year: number | null; subject_code: string | null }>(q, sql`
    select g.id, g.name, g.group_type, g.school_year, g.subject_code from student_group g
     where g.id = ${groupId} and ${groupScope(actor)} and ${inForce(sql`g.start_date`, sql`g.end_date`, actor.today)}`);

/** The group's pupils today (members in force), within the actor's pupil scope. */
export const listGroupPupils = (q: Q, actor: Actor, groupId: string) =>
  rows<{ id: string; given_name: string; family_name: string }>(q, sql`
    select p.id, p.given_name, p.family_name from group_membership m
      join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
     where m.organiser_id = ${actor.organiserId} and m.group_id = ${groupId}
       and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)} and ${pupilScope(actor)}`);

/** Results of these pupils in one subject's test of one year and school year. */
export const listResults = (q: Q, organiserId: string, pupilIds: string[], subjectCode: string, gradeYear: number, schoolYear: string) =>
  rows<ResultRow>(q, sql`select ${resultColumns} from national_test_result r join subject s on s.code = r.subject_code
    where r.organiser_id = ${organiserId} and r.pupil_id = any(${sql.param(pupilIds)}::uuid[]) and r.subject_code = ${subjectCode}
      and r.grade_year = ${gradeYear} and r.school_year = ${schoolYear}`);

/** Every result of a pupil, newest school year first. */
export const listPupilResults = (q: Q, organiserId: string, pupilId: string) =>
  rows<ResultRow>(q, sql`select ${resultColumns} from national_test_result r join subject s on s.code = r.subject_code
    where r.organiser_id = ${organiserId} and r.pupil_id = ${pupilId} order by r.school_year desc, r.grade_year desc, s.sort_order`);

/** The pupil, if in the actor's scope. */
export const findPupil = (q: Q, actor: Actor, pupilId: string) =>
  one<{ id: string; name: string }>(q, sql`select p.id, p.given_name || ' ' || p.family_name as name from person p
    where p.id = ${pupilId} and ${pupilScope(actor)}`);

/** The pupil's results this school year in the given subjects (to hold "one of" choices), locked for the write. */
export const findResultsForWrite = (q: Q, organiserId: string, pupilId: string, gradeYear: number, schoolYear: string, subjectCodes: string[]) =>
  rows<ResultRow>(q, sql`select ${resultColumns} from national_test_result r join subject s on s.code = r.subject_code
    where r.organiser_id = ${organiserId} and r.pupil_id = ${pupilId} and r.grade_year = ${gradeYear} and r.school_year = ${schoolYear}
      and r.subject_code = any(${sql.param(subjectCodes)}::text[]) for update of r`);

export interface WriteKey { organiserId: string; pupilId: string; unitId: string; subjectCode: string; gradeYear: number; schoolYear: string }

/** Pupils the actor may see, found by civic number (normalised, 12 characters). */
export const findPupilsByCivicNo = (q: Q, actor: Actor, civicNos: string[]) =>
  rows<{ id: string; civic_no: string; name: string }>(q, sql`select p.id, p.civic_no, p.given_name || ' ' || p.family_name as name from person p
    where p.organiser_id = ${actor.organiserId} and p.civic_no = any(${sql.param(civicNos)}::text[]) and ${pupilScope(actor)}`);

/** Every result of these pupils in the test years and school years given (an import's rows), locked when `lock`. */
export const listResultsOfPupils = (q: Q, organiserId: string, pupilIds: string[], schoolYears: string[], lock: boolean) =>
  rows<ResultRow>(q, sql`select ${resultColumns} from national_test_result r join subject s on s.code = r.subject_code
    where r.organiser_id = ${organiserId} and r.pupil_id = any(${sql.param(pupilIds)}::uuid[]) and r.school_year = any(${sql.param(schoolYears)}::text[])
    ${lock ? sql`for update of r` : sql``}`);
