import { sql } from 'drizzle-orm';
import { deviationValidity, type AbsenceCover } from '../../domain/absence/validity.js';
import { rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

/** A registered deviation whose validity changed because a report or leave came or went. */
export interface ValidityChange { id: string; occurredOn: string; valid: boolean; absenceReportId: string | null; leaveId: string | null }

/** The pupil's guardian reports (not withdrawn) and granted leave that touch the days. */
export async function coversOf(q: Q, organiserId: string, pupilId: string, fromDate: string, toDate: string): Promise<AbsenceCover[]> {
  return rows<AbsenceCover>(q, sql`
    select 'report' as kind, id, to_char(from_date, 'YYYY-MM-DD') as "fromDate", to_char(to_date, 'YYYY-MM-DD') as "toDate",
           to_char(from_time, 'HH24:MI') as "fromTime", to_char(to_time, 'HH24:MI') as "toTime"
      from absence_report where organiser_id = ${organiserId} and pupil_id = ${pupilId} and withdrawn_at is null
       and from_date <= ${toDate}::date and to_date >= ${fromDate}::date
    union all
    select 'leave', id, to_char(from_date, 'YYYY-MM-DD'), to_char(to_date, 'YYYY-MM-DD'), null, null
      from leave_application where organiser_id = ${organiserId} and pupil_id = ${pupilId} and status = 'granted'
       and from_date <= ${toDate}::date and to_date >= ${fromDate}::date`);
}

/**
 * Brings the pupil's registered absences of the days in line with the facts (domain/absence/validity.ts):
 * an absence a report or granted leave now covers becomes valid and names it; one no longer covered (a
 * withdrawn report, refused leave) becomes invalid again. Run inside the transaction that changed the cover;
 * returns what changed (for the audit row).
 */
export async function revalidateAbsence(q: Q, organiserId: string, pupilId: string, fromDate: string, toDate: string): Promise<ValidityChange[]> {
  const registered = await rows<{ id: string; date: string; start_time: string; end_time: string; valid: boolean; absence_report_id: string | null; leave_id: string | null }>(q, sql`
    select d.id, to_char(l.lesson_date, 'YYYY-MM-DD') as date, to_char(l.start_time, 'HH24:MI') as start_time, to_char(l.end_time, 'HH24:MI') as end_time,
           d.valid, d.absence_report_id, d.leave_id
      from attendance_deviation d join lesson l on l.organiser_id = d.organiser_id and l.id = d.lesson_id
     where d.organiser_id = ${organiserId} and d.pupil_id = ${pupilId} and d.kind = 'absent'
       and d.occurred_on between ${fromDate}::date and ${toDate}::date`);
  if (registered.length === 0) return [];
  const covers = await coversOf(q, organiserId, pupilId, fromDate, toDate);
  const changes: ValidityChange[] = [];
  for (const d of registered) {
    const v = deviationValidity('absent', { date: d.date, startTime: d.start_time, endTime: d.end_time }, covers);
    if (v.valid !== d.valid || v.absenceReportId !== d.absence_report_id || v.leaveId !== d.leave_id) changes.push({ id: d.id, occurredOn: d.date, ...v });
  }
  if (changes.length === 0) return changes;
  const p = (values: unknown[]) => sql.param(values);
  await q.execute(sql`update attendance_deviation d set valid = x.valid, absence_report_id = x.report_id, leave_id = x.leave_id
    from unnest(${p(changes.map((c) => c.id))}::uuid[], ${p(changes.map((c) => c.valid))}::boolean[],
                ${p(changes.map((c) => c.absenceReportId))}::uuid[], ${p(changes.map((c) => c.leaveId))}::uuid[]) as x(id, valid, report_id, leave_id)
   where d.organiser_id = ${organiserId} and d.id = x.id`);
  return changes;
}
