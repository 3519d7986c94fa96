import { sql, type SQL } from 'drizzle-orm';
import type { AbsenceCover } from '../../domain/absence/validity.js';
import type { Deviation } from '../../domain/attendance/roll-call.js';
import { rollCallScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface LessonRow {
  id: string; groupId: string; groupName: string; subjectCode: string | null; schoolUnitId: string;
  date: string; startTime: string; endTime: string; minutes: number; room: string | null;
  cancelled: boolean; cancelReason: string | null;
  reportedAt: string | null; reportedByName: string | null; deviations: number;
}

const lessonColumns = sql`l.id, l.group_id as "groupId", g.name as "groupName", g.subject_code as "subjectCode", l.school_unit_id as "schoolUnitId",
  l.lesson_date::text as date, to_char(l.start_time, 'HH24:MI') as "startTime", to_char(l.end_time, 'HH24:MI') as "endTime",
  l.minutes, l.room, l.cancelled_at is not null as cancelled, l.cancel_reason as "cancelReason",
  rc.reported_at as "reportedAt", (select p.given_name || ' ' || p.family_name from person p where p.organiser_id = rc.organiser_id and p.id = rc.reported_by) as "reportedByName",
  (select count(*)::int from attendance_deviation d where d.organiser_id = l.organiser_id and d.lesson_id = l.id) as deviations`;
const lessonFrom = sql`from lesson l join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id
  left join roll_call rc on rc.organiser_id = l.organiser_id and rc.lesson_id = l.id`;

/** The lessons of a day whose roll call the actor takes (for a teacher: the groups they teach). */
export const readLessonsOfDay = (q: Q, actor: Actor, day: string) => rows<LessonRow>(q, sql`select ${lessonColumns} ${lessonFrom}
  where ${rollCallScope(actor)} and l.lesson_date = ${day}::date order by l.start_time, g.name`);

/** One lesson in the actor's roll-call scope (undefined otherwise: 404). */
export const readLesson = (q: Q, actor: Actor, lessonId: string) => one<LessonRow>(q, sql`select ${lessonColumns} ${lessonFrom}
  where ${rollCallScope(actor)} and l.id = ${lessonId}`);

export interface PupilOfLesson {
  id: string; givenName: string; familyName: string;
  kind: Deviation['kind'] | null; minutes: number | null; valid: boolean | null;
}

/** The group's members on the lesson's day (or one of them), each with the deviation stored on the lesson. */
export const readPupilsOfLesson = (q: Q, organiserId: string, lesson: Pick<LessonRow, 'id' | 'groupId' | 'date'>, pupilId?: string) =>
  rows<PupilOfLesson>(q, sql`select p.id, p.given_name as "givenName", p.family_name as "familyName", d.kind, d.minutes, d.valid
    from group_membership m
    join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
    left join attendance_deviation d on d.organiser_id = m.organiser_id and d.lesson_id = ${lesson.id}::uuid and d.pupil_id = m.person_id
    where m.organiser_id = ${organiserId} and m.group_id = ${lesson.groupId}
      and m.start_date <= ${lesson.date}::date and (m.end_date is null or m.end_date >= ${lesson.date}::date)
      ${pupilId ? sql`and m.person_id = ${pupilId}` : sql``}`);

export interface PupilCover extends AbsenceCover { pupilId: string }

/** Absence reported in advance for the day (not withdrawn) and granted leave covering it, of these pupils. */
export const readCovers = (q: Q, organiserId: string, day: string, pupilIds: string[]) => rows<PupilCover>(q, sql`
  select 'report' as kind, r.id, r.pupil_id as "pupilId", r.from_date::text as "fromDate", r.to_date::text as "toDate",
      to_char(r.from_time, 'HH24:MI') as "fromTime", to_char(r.to_time, 'HH24:MI') as "toTime"
    from absence_report r where r.organiser_id = ${organiserId} and r.pupil_id = any(${sql.param(pupilIds)}::uuid[])
      and r.withdrawn_at is null and r.from_date <= ${day}::date and r.to_date >= ${day}::date
  union all
  select 'leave', a.id, a.pupil_id, a.from_date::text, a.to_date::text, null, null
    from leave_application a where a.organiser_id = ${organiserId} and a.pupil_id = any(${sql.param(pupilIds)}::uuid[])
      and a.status = 'granted' and a.from_date <= ${day}::date and a.to_date >= ${day}::date`);

/** Marks the lesson reported (its roll call taken), or touches the mark. Returns when it was first reported. */
export const markReported = (q: Q, actor: Actor, lessonId: string) => one<{ reportedAt: string }>(q, sql`
  insert into roll_call (organiser_id, lesson_id, reported_by) values (${actor.organiserId}, ${lessonId}, ${actor.personId})
  on conflict (organiser_id, lesson_id) do update set updated_at = now(), version = roll_call.version + 1
  returning reported_at as "reportedAt"`);

/** Everything one save needs, in one statement (prepared: its plan is a handful of key lookups, the same for any values): the lesson in the actor's scope (undefined otherwise), the
 *  term of the actor's today, the pupil when a member of the group on the lesson's day, and the covers of it. */
export interface SaveFacts {
  id: string; groupId: string; subjectCode: string | null; schoolUnitId: string; date: string; startTime: string; endTime: string;
  minutes: number; cancelled: boolean;
  term: { startDate: string; endDate: string } | null;
  pupil: { id: string; givenName: string; familyName: string; kind: Deviation['kind'] | null; minutes: number | null; valid: boolean | null } | null;
  covers: AbsenceCover[];
}

export const readSaveFacts = (q: Q, actor: Actor, lessonId: string, pupilId: string) => one<SaveFacts>(q, sql`select l.id, l.group_id as "groupId",
    g.subject_code as "subjectCode", l.school_unit_id as "schoolUnitId", l.lesson_date::text as date, to_char(l.start_time, 'HH24:MI') as "startTime",
    to_char(l.end_time, 'HH24:MI') as "endTime", l.minutes, l.cancelled_at is not null as cancelled,
    (select json_build_object('startDate', t.start_date::text, 'endDate', t.end_date::text) from term t where t.organiser_id = l.organiser_id
      and t.start_date <= ${actor.today}::date and t.end_date >= ${actor.today}::date limit 1) as term,
    (select json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name, 'kind', d.kind, 'minutes', d.minutes, 'valid', d.valid)
      from group_membership m join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
      left join attendance_deviation d on d.organiser_id = m.organiser_id and d.lesson_id = l.id and d.pupil_id = m.person_id
      where m.organiser_id = l.organiser_id and m.group_id = l.group_id and m.person_id = ${pupilId}
        and m.start_date <= l.lesson_date and (m.end_date is null or m.end_date >= l.lesson_date) limit 1) as pupil,
    coalesce((select json_agg(c) from (
      select 'report' as kind, r.id, r.from_date::text as "fromDate", r.to_date::text as "toDate",
          to_char(r.from_time, 'HH24:MI') as "fromTime", to_char(r.to_time, 'HH24:MI') as "toTime"
        from absence_report r where r.organiser_id = l.organiser_id and r.pupil_id = ${pupilId} and r.withdrawn_at is null
          and r.from_date <= l.lesson_date and r.to_date >= l.lesson_date
      union all
      select 'leave', a.id, a.from_date::text, a.to_date::text, null, null
        from leave_application a where a.organiser_id = l.organiser_id and a.pupil_id = ${pupilId} and a.status = 'granted'
          and a.from_date <= l.lesson_date and a.to_date >= l.lesson_date) c), '[]'::json) as covers
  from lesson l join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id
  where ${rollCallScope(actor)} and l.id = ${lessonId}`, { prepared: true });

/** One save in one statement: the deviation written (or removed when present), the lesson marked reported
 *  (inserted or touched), and the audit row. */
export async function writeSave(q: Q, actor: Actor, lesson: Pick<SaveFacts, 'id' | 'date' | 'subjectCode' | 'groupId'>, pupilId: string,
  d: Deviation | null, noticeRequest: SQL | null, auditRow: SQL): Promise<void> {
  const deviation = d
    ? sql`insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid, subject_code, group_id,
          lesson_id, absence_report_id, leave_id, recorded_by)
        values (${actor.organiserId}, gen_random_uuid(), ${pupilId}, ${lesson.date}::date, ${d.kind}, ${d.minutes}, ${d.valid}, ${lesson.subjectCode},
          ${lesson.groupId}, ${lesson.id}, ${d.absenceReportId}, ${d.leaveId}, ${actor.personId})
        on conflict (organiser_id, lesson_id, pupil_id) do update set kind = excluded.kind, minutes = excluded.minutes, valid = excluded.valid,
          absence_report_id = excluded.absence_report_id, leave_id = excluded.leave_id, recorded_by = excluded.recorded_by, recorded_at = now()
        returning 1`
    : sql`delete from attendance_deviation where organiser_id = ${actor.organiserId} and lesson_id = ${lesson.id} and pupil_id = ${pupilId} returning 1`;
  await rows(q, sql`with d as (${deviation}),
    rc as (insert into roll_call (organiser_id, lesson_id, reported_by) values (${actor.organiserId}, ${lesson.id}, ${actor.personId})
      on conflict (organiser_id, lesson_id) do update set updated_at = now(), version = roll_call.version + 1 returning lesson_id)
    ${noticeRequest ? sql`, nr as (${noticeRequest})` : sql``}
    ${auditRow}`, { prepared: true });
}
