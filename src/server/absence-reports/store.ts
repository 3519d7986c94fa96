import { sql } from 'drizzle-orm';
import type { WindowSetting } from '../../domain/absence-reports/window.js';
import { inForce, pupilScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';

type Q = Pick<Queryable, 'execute'>;

/** A pupil in the actor's scope, with the absence settings of the unit they are enrolled at today. */
export interface PupilForAbsence {
  id: string;
  givenName: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  className: string | null;
  window: WindowSetting | null;
  pupilMayReport: boolean;
}

const pupilColumns = (today: string) => sql`p.id, p.given_name as "givenName", p.given_name || ' ' || p.family_name as name,
    e.school_unit_id as "unitId", u.name as "unitName",
    (select g.name from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type = 'class'
      where m.organiser_id = p.organiser_id and m.person_id = p.id and ${inForce(sql`m.start_date`, sql`m.end_date`, today)}
      order by m.start_date desc limit 1) as "className",
    s.report_days_back as "reportDaysBack", s.report_days_ahead as "reportDaysAhead", coalesce(s.pupil_may_report, false) as "pupilMayReport"
  from person p
  left join lateral (select e.school_unit_id from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
      and ${inForce(sql`e.start_date`, sql`e.end_date`, today)} order by e.start_date desc limit 1) e on true
  left join school_unit u on u.organiser_id = p.organiser_id and u.id = e.school_unit_id
  left join unit_absence_setting s on s.organiser_id = p.organiser_id and s.school_unit_id = e.school_unit_id`;

type PupilRow = Omit<PupilForAbsence, 'window'> & { reportDaysBack: number | null; reportDaysAhead: number | null };
const toPupil = (r: PupilRow): PupilForAbsence => ({
  id: r.id, givenName: r.givenName, name: r.name, unitId: r.unitId, unitName: r.unitName, className: r.className, pupilMayReport: r.pupilMayReport,
  window: r.reportDaysBack === null ? null : { reportDaysBack: r.reportDaysBack, reportDaysAhead: r.reportDaysAhead! },
});

/** The pupil if in the actor's scope (pupilScope), else 404: another family's child is simply not found. */
export async function pupilInScope(q: Q, actor: Actor, pupilId: string): Promise<PupilForAbsence> {
  const found = await one<PupilRow>(q, sql`select ${pupilColumns(actor.today)} where p.id = ${pupilId} and ${pupilScope(actor)}`);
  if (!found) throw notFound('Pupil not found');
  return toPupil(found);
}

/** The pupils the actor reports for from home: a guardian's children in custody today, a pupil themself. */
export async function ownPupils(q: Q, actor: Actor): Promise<PupilForAbsence[]> {
  if (actor.role !== 'guardian' && actor.role !== 'pupil') return [];
  return (await rows<PupilRow>(q, sql`select ${pupilColumns(actor.today)} where ${pupilScope(actor)}`)).map(toPupil);
}

export interface ReportRow {
  id: string; pupilId: string; fromDate: string; toDate: string; fromTime: string | null; toTime: string | null;
  reporterRole: string; reportedBy: string; reportedByName: string; createdAt: string;
  withdrawnAt: string | null; withdrawnByName: string | null; version: number;
}

const reportColumns = sql`r.id, r.pupil_id as "pupilId", to_char(r.from_date, 'YYYY-MM-DD') as "fromDate", to_char(r.to_date, 'YYYY-MM-DD') as "toDate",
    to_char(r.from_time, 'HH24:MI') as "fromTime", to_char(r.to_time, 'HH24:MI') as "toTime", r.reporter_role as "reporterRole",
    r.reported_by as "reportedBy", rb.given_name || ' ' || rb.family_name as "reportedByName", r.created_at as "createdAt",
    r.withdrawn_at as "withdrawnAt", wb.given_name || ' ' || wb.family_name as "withdrawnByName", r.version
  from absence_report r
  join person rb on rb.organiser_id = r.organiser_id and rb.id = r.reported_by
  left join person wb on wb.organiser_id = r.organiser_id and wb.id = r.withdrawn_by`;

const iso = (r: ReportRow): ReportRow => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), withdrawnAt: r.withdrawnAt && new Date(r.withdrawnAt).toISOString() });

export async function reportsOf(q: Q, organiserId: string, pupilId: string): Promise<ReportRow[]> {
  return (await rows<ReportRow>(q, sql`select ${reportColumns} where r.organiser_id = ${organiserId} and r.pupil_id = ${pupilId}
    order by r.from_date desc, r.from_time desc nulls first, r.created_at desc`)).map(iso);
}

export async function reportById(q: Q, organiserId: string, id: string): Promise<ReportRow | undefined> {
  const r = await one<ReportRow>(q, sql`select ${reportColumns} where r.organiser_id = ${organiserId} and r.id = ${id}`);
  return r && iso(r);
}

/** The report, when its pupil is in the actor's scope; 404 otherwise. */
export async function reportInScope(q: Q, actor: Actor, id: string): Promise<ReportRow> {
  const found = await one<{ pupil_id: string }>(q, sql`select r.pupil_id from absence_report r join person p on p.organiser_id = r.organiser_id and p.id = r.pupil_id
    where r.organiser_id = ${actor.organiserId} and r.id = ${id} and ${pupilScope(actor)}`);
  if (!found) throw notFound('Absence report not found');
  return (await reportById(q, actor.organiserId, id))!;
}

/** The pupil's reports in force that a new span could merge with (days touching it), oldest first, locked. */
export async function mergeCandidates(q: Q, organiserId: string, pupilId: string, fromDate: string, toDate: string) {
  return rows<{ id: string; fromDate: string; toDate: string; fromTime: string | null; toTime: string | null }>(q, sql`
    select id, to_char(from_date, 'YYYY-MM-DD') as "fromDate", to_char(to_date, 'YYYY-MM-DD') as "toDate",
           to_char(from_time, 'HH24:MI') as "fromTime", to_char(to_time, 'HH24:MI') as "toTime"
      from absence_report where organiser_id = ${organiserId} and pupil_id = ${pupilId} and withdrawn_at is null
       and from_date <= ${toDate}::date + 1 and to_date >= ${fromDate}::date - 1
     order by created_at, id for update`);
}
