import type { Actor } from '../platform/access/actor.js';
import type { Queryable } from '../platform/db/database.js';
import { findingSummaries, type FindingSummary } from './findings-store.js';

/** The school year before '2025/2026': '2024/2025'. */
export const previousSchoolYear = (y: string) => `${Number(y.slice(0, 4)) - 1}/${Number(y.slice(0, 4))}`;

export type FindingTarget = { kind: 'unit' | 'group' | 'teacher' | 'pupil_group'; unitId: string; ref: string | null };

/** The findings and measures of this and the previous school year on the report's units, matched to a row
 *  by target kind and reference, the subject (or all subjects) and the grade year (or all). */
export async function findingsMatcher(q: Pick<Queryable, 'execute'>, actor: Actor, unitIds: string[], schoolYear: string, gradeYear: number) {
  const all = schoolYear ? await findingSummaries(q, actor, { unitIds, schoolYears: [schoolYear, previousSchoolYear(schoolYear)] }) : [];
  return (subjectCode: string, target: FindingTarget) => all.filter((f: FindingSummary) => f.targetKind === target.kind && f.schoolUnitId === target.unitId
    && (target.ref === null || f.targetRef === target.ref) && (f.subjectCode === null || f.subjectCode === subjectCode)
    && (f.gradeYear === null || f.gradeYear === gradeYear))
    .map((f) => ({ findingId: f.findingId, schoolYear: f.schoolYear, targetLabel: f.targetLabel, assessment: f.assessment, cause: f.cause, measures: f.measures }));
}
