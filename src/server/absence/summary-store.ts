import { sql } from 'drizzle-orm';
import type { DeviationAmount } from '../../domain/absence/sums.js';
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

/** The pupils' group memberships that overlap the period (with the group's type, name and subject). */
export function listMemberships(q: Q, organiserId: string, pupilIds: string[], from: string, to: string) {
  return rows<{ pupilId: string; groupId: string; groupType: string; groupName: string; subjectCode: string | null; startDate: string; endDate: string | null; unitId: string }>(q, sql`
    select m.person_id as "pupilId", m.group_id as "groupId", g.group_type as "groupType", g.name as "groupName", g.subject_code as "subjectCode",
           to_char(m.start_date, 'YYYY-MM-DD') as "startDate", to_char(m.end_date, 'YYYY-MM-DD') as "endDate", g.school_unit_id as "unitId"
      from unnest(${ids(pupilIds)}) as x(id)
      join group_membership m on m.organiser_id = ${organiserId} and m.person_id = x.id
      join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
     where m.start_date <= ${to}::date and (m.end_date is null or m.end_date >= ${from}::date)`);
}

/** Lesson minutes (not cancelled) per group and day in the period: of the unit's groups, or of the groups given. */
export function lessonMinutesByGroupDay(q: Q, organiserId: string, where: { unitId: string } | { groupIds: string[] }, from: string, to: string) {
  return rows<{ groupId: string; date: string; minutes: number }>(q, sql`select l.group_id as "groupId", to_char(l.lesson_date, 'YYYY-MM-DD') as date,
      sum(l.minutes)::int as minutes
    from lesson l where l.organiser_id = ${organiserId} and l.lesson_date between ${from}::date and ${to}::date and l.cancelled_at is null
     and ${'unitId' in where ? sql`l.school_unit_id = ${where.unitId}` : sql`l.group_id = any(${ids(where.groupIds)})`}
   group by 1, 2`);
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

// Many pupils at once (the overview of a unit): one row per pupil with arrays, since turning rows into objects
// is what costs most on the embedded database.
const EPOCH_MONDAY = Date.UTC(2000, 0, 3); // a Monday: week numbers are counted from it
const KINDS: DeviationKind[] = ['absent', 'late', 'left_early'];
const mondayOfWeek = (w: number) => new Date(EPOCH_MONDAY + w * 7 * 86_400_000).toISOString().slice(0, 10);

/** The pupils' group memberships overlapping the period, of the groups of one unit. */
export async function listMembershipSpans(q: Q, organiserId: string, unitId: string, pupilIds: string[], from: string, to: string) {
  const found = await rows<{ pupilId: string; groups: string[]; starts: string[]; ends: (string | null)[] }>(q, sql`select m.person_id as "pupilId",
      array_agg(m.group_id::text) as groups, array_agg(to_char(m.start_date, 'YYYY-MM-DD')) as starts, array_agg(to_char(m.end_date, 'YYYY-MM-DD')) as ends
    from unnest(${ids(pupilIds)}) as x(id)
    join group_membership m on m.organiser_id = ${organiserId} and m.person_id = x.id
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${unitId}
   where m.start_date <= ${to}::date and (m.end_date is null or m.end_date >= ${from}::date) group by 1`);
  return found.flatMap((r) => r.groups.map((groupId, i) => ({ pupilId: r.pupilId, groupId, startDate: r.starts[i], endDate: r.ends[i] ?? null })));
}

/** The pupils' class names (of the unit) on a day, joined with ", " when more than one. */
export async function classNamesOn(q: Q, organiserId: string, unitId: string, pupilIds: string[], on: string) {
  const found = await rows<{ pupilId: string; names: string }>(q, sql`select m.person_id as "pupilId", string_agg(g.name, ', ' order by g.name) as names
    from unnest(${ids(pupilIds)}) as x(id)
    join group_membership m on m.organiser_id = ${organiserId} and m.person_id = x.id and m.start_date <= ${on}::date and (m.end_date is null or m.end_date >= ${on}::date)
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${unitId} and g.group_type = 'class'
   group by 1`);
  return new Map(found.map((r) => [r.pupilId, r.names]));
}

/** The pupils' deviations summed per ISO week (its Monday), kind and validity. */
export async function deviationsByPupilWeek(q: Q, organiserId: string, pupilIds: string[], from: string, to: string) {
  const found = await rows<{ pupilId: string; weeks: number[]; kinds: number[]; valids: boolean[]; minutes: number[]; counts: number[] }>(q, sql`
    select pupil_id as "pupilId", array_agg(w) as weeks, array_agg(k) as kinds, array_agg(valid) as valids, array_agg(minutes) as minutes, array_agg(n) as counts
      from (select d.pupil_id, (d.occurred_on - date '2000-01-03') / 7 as w, case d.kind when 'absent' then 0 when 'late' then 1 else 2 end as k, d.valid,
                   sum(d.minutes)::int as minutes, count(*)::int as n
              from unnest(${ids(pupilIds)}) as x(id)
              join attendance_deviation d on d.organiser_id = ${organiserId} and d.pupil_id = x.id and d.occurred_on between ${from}::date and ${to}::date
             group by 1, 2, 3, 4) s
     group by 1`);
  const mondays = new Map<number, string>();
  return new Map(found.map((r) => [r.pupilId, r.weeks.map((w, i): DeviationAmount & { monday: string } => ({
    monday: mondays.get(w) ?? mondays.set(w, mondayOfWeek(w)).get(w)!, kind: KINDS[r.kinds[i]], valid: r.valids[i], minutes: r.minutes[i], count: r.counts[i],
  }))]));
}
