import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/access/actor.js';
import { AuditBatch } from '../platform/audit/audit.js';
import { rows, type Queryable } from '../platform/db/database.js';
import { conflict } from '../platform/http/errors.js';
import type { Ended, Plan } from './rollover-plan.js';

/** Writes a planned rollover, and takes one back: set-based statements (unnest), never one per row. */

type Q = Pick<Queryable, 'execute'>;
const p = (values: unknown[]) => sql.param(values);
export type EndedTable = 'enrolment' | 'student_group' | 'group_membership' | 'group_staff';
export const ENDED_TABLES: EndedTable[] = ['enrolment', 'student_group', 'group_membership', 'group_staff'];
/** Created rows are removed children first: staff and memberships, then groups, enrolments and terms. */
export const CREATED_TABLES = ['group_staff', 'group_membership', 'student_group', 'enrolment'] as const;

export { AuditBatch };

/** Inserts the plan's new enrolments, groups, memberships and staff. */
export async function insertPlanned(q: Q, actor: Actor, plan: Plan, audit: AuditBatch, rolloverId: string): Promise<void> {
  const org = actor.organiserId;
  const unit = actor.unitId!;
  const start = plan.newYearStarts;
  const e = plan.enrolments;
  await q.execute(sql`insert into enrolment (organiser_id, id, person_id, school_unit_id, school_year, school_form, grades_requested, adapted_timetable, start_date, end_date)
    select ${org}::uuid, id, person, ${unit}::uuid, y, f, gr, at, ${start}::date, e
      from unnest(${p(e.map((r) => r.id))}::uuid[], ${p(e.map((r) => r.personId))}::uuid[], ${p(e.map((r) => r.schoolYear))}::int2[],
        ${p(e.map((r) => r.schoolForm))}::text[], ${p(e.map((r) => r.gradesRequested))}::bool[], ${p(e.map((r) => r.adaptedTimetable))}::bool[],
        ${p(e.map((r) => r.endDate))}::date[]) as x(id, person, y, f, gr, at, e)`);
  const g = plan.groups;
  await q.execute(sql`insert into student_group (organiser_id, id, school_unit_id, name, group_type, subject_code, school_year, start_date, end_date)
    select ${org}::uuid, id, ${unit}::uuid, n, t, s, y, ${start}::date, e
      from unnest(${p(g.map((r) => r.id))}::uuid[], ${p(g.map((r) => r.name))}::text[], ${p(g.map((r) => r.groupType))}::text[],
        ${p(g.map((r) => r.subjectCode))}::text[], ${p(g.map((r) => r.schoolYear))}::int2[], ${p(g.map((r) => r.endDate))}::date[]) as x(id, n, t, s, y, e)`);
  const m = plan.memberships;
  await q.execute(sql`insert into group_membership (organiser_id, id, group_id, person_id, start_date, end_date)
    select ${org}::uuid, id, g, person, ${start}::date, e
      from unnest(${p(m.map((r) => r.id))}::uuid[], ${p(m.map((r) => r.groupId))}::uuid[], ${p(m.map((r) => r.personId))}::uuid[],
        ${p(m.map((r) => r.endDate))}::date[]) as x(id, g, person, e)`);
  const s = plan.staff;
  await q.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date, end_date)
    select ${org}::uuid, id, g, person, a, gr, ${start}::date, e
      from unnest(${p(s.map((r) => r.id))}::uuid[], ${p(s.map((r) => r.groupId))}::uuid[], ${p(s.map((r) => r.personId))}::uuid[],
        ${p(s.map((r) => r.assignment))}::text[], ${p(s.map((r) => r.grader))}::bool[], ${p(s.map((r) => r.endDate))}::date[]) as x(id, g, person, a, gr, e)`);

  const base = { unitId: unit, rolloverId, startDate: start };
  for (const r of e) audit.add('enrolment.created', 'enrolment', r.id, { ...base, personId: r.personId, schoolYear: r.schoolYear, schoolForm: r.schoolForm });
  for (const r of g) audit.add('group.created', 'student_group', r.id, { ...base, groupId: r.id, name: r.name, previousGroupId: r.fromId });
  for (const r of m) audit.add('group_membership.created', 'group_membership', r.id, { ...base, groupId: r.groupId, personId: r.personId });
  for (const r of s) audit.add('group_staff.created', 'group_staff', r.id, { ...base, groupId: r.groupId, personId: r.personId, assignment: r.assignment, grader: r.grader });
}

const tableSql = (t: EndedTable) => sql.raw(t);
const entityOf: Record<EndedTable, string> = { enrolment: 'enrolment', student_group: 'group', group_membership: 'group_membership', group_staff: 'group_staff' };

/** Sets the last day of rows the plan ends; each must still have the end date it was planned from. */
export async function endRows(q: Q, actor: Actor, table: EndedTable, list: Ended[], endDate: string, audit: AuditBatch, rolloverId: string): Promise<void> {
  if (!list.length) return;
  const done = await rows<{ id: string }>(q, sql`update ${tableSql(table)} t set end_date = ${endDate}::date
    from unnest(${p(list.map((r) => r.id))}::uuid[], ${p(list.map((r) => r.previousEndDate))}::date[]) as x(id, prev)
    where t.organiser_id = ${actor.organiserId} and t.id = x.id and t.end_date is not distinct from x.prev returning t.id`);
  if (done.length !== list.length) throw conflict('preview_outdated', 'The register changed after the preview; preview again');
  for (const r of list) {
    audit.add(`${entityOf[table]}.ended`, table, r.id, { unitId: actor.unitId, rolloverId, ...(r.personId ? { personId: r.personId } : {}),
      ...(r.groupId ? { groupId: r.groupId } : {}), before: { endDate: r.previousEndDate }, after: { endDate } });
  }
}

/** Gives rows their end date back where it is still the one the rollover set; returns how many were. */
export async function restoreEnds(q: Q, actor: Actor, table: EndedTable, list: Ended[], setTo: string, audit: AuditBatch, rolloverId: string): Promise<number> {
  if (!list.length) return 0;
  const done = await rows<{ id: string }>(q, sql`update ${tableSql(table)} t set end_date = x.prev
    from unnest(${p(list.map((r) => r.id))}::uuid[], ${p(list.map((r) => r.previousEndDate))}::date[]) as x(id, prev)
    where t.organiser_id = ${actor.organiserId} and t.id = x.id and t.end_date = ${setTo}::date returning t.id`);
  const restored = new Set(done.map((r) => r.id));
  for (const r of list) {
    if (!restored.has(r.id)) continue;
    audit.add(`${entityOf[table]}.end_restored`, table, r.id, { unitId: actor.unitId, rolloverId, ...(r.personId ? { personId: r.personId } : {}),
      ...(r.groupId ? { groupId: r.groupId } : {}), before: { endDate: setTo }, after: { endDate: r.previousEndDate } });
  }
  return restored.size;
}

/** Removes rows the rollover created; returns the ids removed with the audit keys of each. */
export async function removeCreated(q: Q, actor: Actor, table: (typeof CREATED_TABLES)[number] | 'term', ids: string[], audit: AuditBatch, rolloverId: string, guard?: SQL): Promise<number> {
  if (!ids.length) return 0;
  const keys = table === 'group_staff' || table === 'group_membership' ? sql`t.person_id as "personId", t.group_id as "groupId"`
    : table === 'enrolment' ? sql`t.person_id as "personId", null as "groupId"`
    : table === 'student_group' ? sql`null as "personId", t.id as "groupId"` : sql`null as "personId", null as "groupId"`;
  const done = await rows<{ id: string; personId: string | null; groupId: string | null }>(q, sql`delete from ${sql.raw(table)} t
    where t.organiser_id = ${actor.organiserId} and t.id = any(${p(ids)}::uuid[]) ${guard ? sql`and ${guard}` : sql``}
    returning t.id, ${keys}`);
  const entity = table === 'student_group' ? 'group' : table;
  for (const r of done) {
    audit.add(`${entity}.removed`, table, r.id, { unitId: actor.unitId, rolloverId, reason: 'school_year_rollover_undone',
      ...(r.personId ? { personId: r.personId } : {}), ...(r.groupId ? { groupId: r.groupId } : {}) });
  }
  return done.length;
}
