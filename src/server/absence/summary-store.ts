import { sql, type SQL } from 'drizzle-orm';
import type { DeviationKind } from '../../domain/absence/validity.js';
import { rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;
const ids = (list: string[]) => sql`${sql.param(list)}::uuid[]`;

/** One deviation of a pupil, with its lesson, subject and what made it valid. */
export interface DeviationRow {
  id: string; occurredOn: string; kind: DeviationKind; minutes: number; valid: boolean;
  subjectCode: string | null; subjectName: string | null; groupName: string | null;
  startTime: string | null; endTime: string | null;
  absenceReportId: string | null; leaveId: string | null; reporterRole: string | null;
}

export function listPupilDeviations(q: Q, organiserId: string, pupilId: string, from: string, to: string) {
  return rows<DeviationRow>(q, sql`select d.id, to_char(d.occurred_on, 'YYYY-MM-DD') as "occurredOn", d.kind, d.minutes, d.valid,
      coalesce(d.subject_code, g.subject_code) as "subjectCode", s.name as "subjectName", g.name as "groupName",
      to_char(l.start_time, 'HH24:MI') as "startTime", to_char(l.end_time, 'HH24:MI') as "endTime",
      d.absence_report_id as "absenceReportId", d.leave_id as "leaveId", r.reporter_role as "reporterRole"
    from attendance_deviation d
    left join lesson l on l.organiser_id = d.organiser_id and l.id = d.lesson_id
    left join student_group g on g.organiser_id = d.organiser_id and g.id = coalesce(d.group_id, l.group_id)
    left join subject s on s.code = coalesce(d.subject_code, g.subject_code)
    left join absence_report r on r.organiser_id = d.organiser_id and r.id = d.absence_report_id
   where d.organiser_id = ${organiserId} and d.pupil_id = ${pupilId} and d.occurred_on between ${from}::date and ${to}::date
   order by d.occurred_on desc, l.start_time desc nulls last`);
}

/** The distinct lessons (not cancelled) of the pupils' groups on days each was a member, in the period,
 *  as a relation (pupil_id, lesson_date, minutes, subject_code). A lesson counts once per pupil. */
const memberLessons = (organiserId: string, pupils: SQL, from: string, to: string, unitId: string | null) => sql`(
  select distinct m.person_id as pupil_id, l.id, l.lesson_date, l.minutes, g.subject_code
    from lesson l
    join group_membership m on m.organiser_id = l.organiser_id and m.group_id = l.group_id
     and m.start_date <= l.lesson_date and (m.end_date is null or m.end_date >= l.lesson_date)
    join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id
   where l.organiser_id = ${organiserId} and l.lesson_date between ${from}::date and ${to}::date and l.cancelled_at is null
     ${unitId ? sql`and l.school_unit_id = ${unitId}` : sql``}
     and m.person_id = any(${pupils}))`;

/** Scheduled lesson minutes of one pupil per subject (scheduledMinutes in domain/absence/sums.ts, in SQL). */
export function pupilLessonMinutesBySubject(q: Q, organiserId: string, pupilId: string, from: string, to: string) {
  return rows<{ subjectCode: string | null; minutes: number }>(q, sql`select ml.subject_code as "subjectCode", sum(ml.minutes)::int as minutes
    from ${memberLessons(organiserId, ids([pupilId]), from, to, null)} ml group by ml.subject_code`);
}

/** Scheduled lesson minutes per pupil and ISO week (Monday). */
export function lessonMinutesByWeek(q: Q, organiserId: string, unitId: string, pupilIds: string[], from: string, to: string) {
  return rows<{ pupilId: string; monday: string; minutes: number }>(q, sql`select ml.pupil_id as "pupilId",
      to_char(date_trunc('week', ml.lesson_date), 'YYYY-MM-DD') as monday, sum(ml.minutes)::int as minutes
    from ${memberLessons(organiserId, ids(pupilIds), from, to, unitId)} ml group by 1, 2`);
}

/** Deviations per pupil, ISO week, kind and validity, summed (minutes) and counted. */
export function deviationsByWeek(q: Q, organiserId: string, pupilIds: string[], from: string, to: string) {
  return rows<{ pupilId: string; monday: string; kind: DeviationKind; valid: boolean; minutes: number; count: number }>(q, sql`select d.pupil_id as "pupilId",
      to_char(date_trunc('week', d.occurred_on), 'YYYY-MM-DD') as monday, d.kind, d.valid, sum(d.minutes)::int as minutes, count(*)::int as count
    from attendance_deviation d where d.organiser_id = ${organiserId} and d.pupil_id = any(${ids(pupilIds)})
     and d.occurred_on between ${from}::date and ${to}::date group by 1, 2, 3, 4`);
}

/** The terms that overlap a period. */
export function termsOverlapping(q: Q, organiserId: string, from: string, to: string) {
  return rows<{ id: string; schoolYear: string; kind: 'HT' | 'VT'; startDate: string; endDate: string }>(q, sql`select id, school_year as "schoolYear", kind,
      to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
    from term where organiser_id = ${organiserId} and start_date <= ${to}::date and end_date >= ${from}::date order by start_date`);
}

/** The current term (running today, else the last one ended), for the default period. */
export async function currentTermSpan(q: Q, organiserId: string, today: string) {
  const [t] = await rows<{ startDate: string; endDate: string }>(q, sql`select to_char(start_date, 'YYYY-MM-DD') as "startDate",
      to_char(end_date, 'YYYY-MM-DD') as "endDate" from term where organiser_id = ${organiserId} and start_date <= ${today}::date
    order by start_date desc limit 1`);
  return t ?? null;
}
