import { sql } from 'drizzle-orm';
import type { Delegation } from '../../domain/access/delegation.js';
import { inForce } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface LeaveRow {
  id: string; pupilId: string; pupilName: string; schoolUnitId: string; fromDate: string; toDate: string; reason: string;
  status: 'pending' | 'granted' | 'refused' | 'withdrawn'; appliedBy: string; appliedByName: string; createdAt: string;
  decidedByName: string | null; decidedAt: string | null; decisionReason: string | null; version: number;
}

const fields = sql`a.id, a.pupil_id as "pupilId", pp.given_name || ' ' || pp.family_name as "pupilName", a.school_unit_id as "schoolUnitId",
    to_char(a.from_date, 'YYYY-MM-DD') as "fromDate", to_char(a.to_date, 'YYYY-MM-DD') as "toDate", a.reason, a.status,
    a.applied_by as "appliedBy", ap.given_name || ' ' || ap.family_name as "appliedByName", a.created_at as "createdAt",
    dp.given_name || ' ' || dp.family_name as "decidedByName", a.decided_at as "decidedAt", a.decision_reason as "decisionReason", a.version`;
const source = sql`from leave_application a
  join person pp on pp.organiser_id = a.organiser_id and pp.id = a.pupil_id
  join person ap on ap.organiser_id = a.organiser_id and ap.id = a.applied_by
  left join person dp on dp.organiser_id = a.organiser_id and dp.id = a.decided_by`;

const iso = (r: LeaveRow): LeaveRow => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), decidedAt: r.decidedAt && new Date(r.decidedAt).toISOString() });

export async function leaveOf(q: Q, organiserId: string, pupilId: string): Promise<LeaveRow[]> {
  return (await rows<LeaveRow>(q, sql`select ${fields} ${source} where a.organiser_id = ${organiserId} and a.pupil_id = ${pupilId}
    order by a.from_date desc, a.created_at desc`)).map(iso);
}

export async function leaveById(q: Q, organiserId: string, id: string): Promise<LeaveRow | undefined> {
  const r = await one<LeaveRow>(q, sql`select ${fields} ${source} where a.organiser_id = ${organiserId} and a.id = ${id}`);
  return r && iso(r);
}

/** An application of the actor's current unit (the decider's view): another unit's is not found. */
export async function leaveOfUnit(q: Q, actor: Actor, id: string): Promise<LeaveRow | undefined> {
  const r = await one<LeaveRow>(q, sql`select ${fields} ${source} where a.organiser_id = ${actor.organiserId} and a.school_unit_id = ${actor.unitId} and a.id = ${id}`);
  return r && iso(r);
}

/** The actor's delegations of leave decisions at their current unit (any state; the rule checks dates). */
export async function leaveDelegations(q: Q, actor: Actor): Promise<Delegation[]> {
  if (!actor.unitId) return [];
  return rows<Delegation>(q, sql`select school_unit_id as "schoolUnitId", delegate_id as "delegateId", decision_kind as "decisionKind",
      to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate", revoked_at is not null as revoked
    from delegation where organiser_id = ${actor.organiserId} and school_unit_id = ${actor.unitId} and delegate_id = ${actor.personId}
      and decision_kind = 'decide_leave'`);
}

/** The unit's pending applications with each pupil's class and their absence so far this term (minutes). */
export async function pendingOfUnit(q: Q, actor: Actor) {
  return rows<LeaveRow & { className: string | null; validMinutes: number; invalidMinutes: number }>(q, sql`
    select ${fields},
      (select g.name from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type = 'class'
        where m.organiser_id = a.organiser_id and m.person_id = a.pupil_id and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
        order by m.start_date desc limit 1) as "className",
      coalesce(ab.valid_minutes, 0)::int as "validMinutes", coalesce(ab.invalid_minutes, 0)::int as "invalidMinutes"
    ${source}
    left join lateral (
      select sum(d.minutes) filter (where d.valid) as valid_minutes, sum(d.minutes) filter (where not d.valid) as invalid_minutes
        from attendance_deviation d
        join term t on t.organiser_id = d.organiser_id and t.start_date <= ${actor.today}::date and t.end_date >= ${actor.today}::date
       where d.organiser_id = a.organiser_id and d.pupil_id = a.pupil_id and d.occurred_on between t.start_date and ${actor.today}::date) ab on true
    where a.organiser_id = ${actor.organiserId} and a.school_unit_id = ${actor.unitId} and a.status = 'pending'
    order by a.from_date, a.created_at`).then((found) => found.map((r) => ({ ...iso(r), className: r.className, validMinutes: r.validMinutes, invalidMinutes: r.invalidMinutes })));
}
