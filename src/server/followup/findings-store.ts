import { sql, type SQL } from 'drizzle-orm';
import type { Assessment, MeasureKind, TargetKind } from '../../domain/followup/findings.js';
import { followupFindingScope } from '../platform/access/followup-scopes.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface MeasureRow {
  id: string; kind: MeasureKind; description: string; responsible: string; followUpDate: string; followedUpOn: string | null; outcome: string; version: number;
}

/** A finding as read, with its measures (oldest follow-up date first). */
export interface FindingRow {
  id: string; schoolUnitId: string; unitName: string; schoolYear: string; subjectCode: string | null; subjectName: string | null;
  gradeYear: number | null; targetKind: TargetKind; targetRef: string | null; targetLabel: string; assessment: Assessment; cause: string;
  recordedBy: string; recordedAt: string; version: number; measures: MeasureRow[];
}

export interface FindingFilter { unitIds?: readonly string[]; schoolYears?: readonly string[]; ids?: readonly string[];
  target?: { kind: TargetKind; ref: string | null }; subjectCode?: string; gradeYear?: number }

const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
const measuresOf = sql`coalesce((select json_agg(json_build_object('id', m.id, 'kind', m.kind, 'description', m.description,
    'responsible', m.responsible, 'followUpDate', ${day('m.follow_up_date')}, 'followedUpOn', ${day('m.followed_up_on')},
    'outcome', m.outcome, 'version', m.version) order by m.follow_up_date, m.created_at, m.id)
  from followup_measure m where m.organiser_id = f.organiser_id and m.finding_id = f.id), '[]'::json)`;

function filterOf(filter: FindingFilter): SQL {
  const parts: SQL[] = [];
  if (filter.unitIds) parts.push(sql`f.school_unit_id = any(${sql.param([...filter.unitIds])}::uuid[])`);
  if (filter.schoolYears) parts.push(sql`f.school_year = any(${sql.param([...filter.schoolYears])}::text[])`);
  if (filter.ids) parts.push(sql`f.id = any(${sql.param([...filter.ids])}::uuid[])`);
  if (filter.target) parts.push(sql`f.target_kind = ${filter.target.kind} and f.target_ref is not distinct from ${filter.target.ref}`);
  if (filter.subjectCode) parts.push(sql`f.subject_code = ${filter.subjectCode}`);
  if (filter.gradeYear) parts.push(sql`f.grade_year = ${filter.gradeYear}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** The findings the actor may read (followupFindingScope), with their measures. */
export const listFindings = (q: Q, actor: Actor, filter: FindingFilter = {}) =>
  rows<FindingRow>(q, sql`
    select f.id, f.school_unit_id as "schoolUnitId", u.name as "unitName", f.school_year as "schoolYear", f.subject_code as "subjectCode",
           s.name as "subjectName", f.grade_year::int as "gradeYear", f.target_kind as "targetKind", f.target_ref as "targetRef",
           f.target_label as "targetLabel", f.assessment, f.cause, trim(p.given_name || ' ' || p.family_name) as "recordedBy",
           ${day("f.recorded_at at time zone 'Europe/Stockholm'")} as "recordedAt", f.version, ${measuresOf} as measures
      from followup_finding f
      join school_unit u on u.organiser_id = f.organiser_id and u.id = f.school_unit_id
      left join subject s on s.code = f.subject_code
      join person p on p.organiser_id = f.organiser_id and p.id = f.recorded_by
     where ${followupFindingScope(actor)} and ${filterOf(filter)}
     order by f.school_year desc, u.name, f.recorded_at, f.id`);

/** One finding the actor may read; `forUpdate` locks it (and so its measures' edits) for the transaction. */
export async function findFinding(q: Q, actor: Actor, id: string, forUpdate = false): Promise<FindingRow | undefined> {
  if (forUpdate) {
    const locked = await one<{ id: string }>(q, sql`select f.id from followup_finding f where f.id = ${id} and ${followupFindingScope(actor)} for update`);
    if (!locked) return undefined;
  }
  return (await listFindings(q, actor, { ids: [id] }))[0];
}

/** A measure the actor may read (through its finding), locked with its finding. */
export const findMeasure = (q: Q, actor: Actor, id: string) =>
  one<MeasureRow & { findingId: string; schoolUnitId: string }>(q, sql`
    select m.id, m.finding_id as "findingId", f.school_unit_id as "schoolUnitId", m.kind, m.description, m.responsible,
           ${day('m.follow_up_date')} as "followUpDate", ${day('m.followed_up_on')} as "followedUpOn", m.outcome, m.version
      from followup_measure m join followup_finding f on f.organiser_id = m.organiser_id and f.id = m.finding_id
     where m.id = ${id} and ${followupFindingScope(actor)} for update of m`);

/** A finding and its measures as the report shows them beside a row (report-schemas MeasureSummary), with what it concerns. */
export interface FindingSummary {
  findingId: string; schoolYear: string; targetLabel: string; assessment: Assessment; cause: string;
  measures: { id: string; kind: string; description: string; followUpDate: string; followedUpOn: string | null; outcome: string }[];
  schoolUnitId: string; subjectCode: string | null; gradeYear: number | null; targetKind: TargetKind; targetRef: string | null;
}

/**
 * For the report: the findings and measures on these units in these school years, in the actor's scope
 * (principal: the unit; analyst: all units; teacher: the unit's own and their groups' and their own). The
 * report places each beside its row by schoolUnitId, subjectCode, gradeYear, targetKind and targetRef.
 */
export async function findingSummaries(q: Q, actor: Actor, opts: { unitIds: readonly string[]; schoolYears: readonly string[] }): Promise<FindingSummary[]> {
  if (!opts.unitIds.length || !opts.schoolYears.length) return [];
  const found = await listFindings(q, actor, { unitIds: opts.unitIds, schoolYears: opts.schoolYears });
  return found.map((f) => ({
    findingId: f.id, schoolYear: f.schoolYear, targetLabel: f.targetLabel, assessment: f.assessment, cause: f.cause,
    measures: f.measures.map((m) => ({ id: m.id, kind: m.kind, description: m.description, followUpDate: m.followUpDate, followedUpOn: m.followedUpOn, outcome: m.outcome })),
    schoolUnitId: f.schoolUnitId, subjectCode: f.subjectCode, gradeYear: f.gradeYear, targetKind: f.targetKind, targetRef: f.targetRef,
  }));
}
