import { stagesForYears } from '../../domain/planning/stages.js';
import { sanitizeRichText } from '../../domain/planning/rich-text.js';
import type { Actor } from '../platform/access/actor.js';
import type { Queryable } from '../platform/db/database.js';
import { syllabusOfSubject } from '../curriculum/store.js';
import { findPlanning, groupsOf, ownersOf, pickedContent, pickedRequirements, type PlanningRow } from './store.js';

type Q = Pick<Queryable, 'execute'>;
const sv = new Intl.Collator('sv');
const byName = (a: { familyName: string; givenName: string }, b: { familyName: string; givenName: string }) =>
  sv.compare(a.familyName, b.familyName) || sv.compare(a.givenName, b.givenName);
const isStaff = (actor: Actor) => actor.role === 'teacher' || actor.role === 'principal';

/** The plannings as list items: groups and owners read for all of them at once. */
export async function listItems(q: Q, actor: Actor, list: PlanningRow[]) {
  if (list.length === 0) return [];
  const ids = list.map((p) => p.id);
  const [groups, owners] = await Promise.all([groupsOf(q, actor.organiserId, ids), ownersOf(q, actor.organiserId, ids)]);
  return list.map((p) => ({
    id: p.id, title: p.title, subject: { code: p.subjectCode, name: p.subjectName }, periodStart: p.periodStart, periodEnd: p.periodEnd,
    status: p.status, publishedAt: p.publishedAt, owned: p.owned,
    groups: groups.filter((g) => g.planningId === p.id).map(({ planningId: _p, ...g }) => g),
    owners: owners.filter((o) => o.planningId === p.id).sort(byName).map((o) => ({ id: o.id, name: `${o.givenName} ${o.familyName}` })),
  }));
}

/**
 * One planning as its page shows it: the rich texts sanitised again on the way out (they were on the way
 * in), the groups, owners, picks, and the syllabus to pick from with the stage of the groups' year first.
 */
export async function planningDetail(q: Q, actor: Actor, id: string) {
  const p = await findPlanning(q, actor, id);
  if (!p) return undefined;
  const [groups, owners, content, requirements, syllabus] = await Promise.all([
    groupsOf(q, actor.organiserId, [id]), ownersOf(q, actor.organiserId, [id]), pickedContent(q, actor.organiserId, id),
    pickedRequirements(q, actor.organiserId, id), syllabusOfSubject(q, p.curriculumVersionId, p.subjectCode),
  ]);
  const years = [...new Set(groups.map((g) => g.schoolYear).filter((y): y is number => y !== null))].sort();
  return {
    id: p.id, title: p.title, subject: { code: p.subjectCode, name: p.subjectName },
    curriculum: { id: p.curriculumVersionId, label: p.curriculumLabel }, syllabusId: syllabus?.id ?? null,
    periodStart: p.periodStart, periodEnd: p.periodEnd, status: p.status, publishedAt: p.publishedAt, updatedAt: p.updatedAt,
    assessmentsShared: p.assessmentsShared, copiedFrom: isStaff(actor) ? p.copiedFrom : null, version: p.version,
    learningHtml: sanitizeRichText(p.learningHtml), teachingHtml: sanitizeRichText(p.teachingHtml), assessmentHtml: sanitizeRichText(p.assessmentHtml),
    groups: groups.map(({ planningId: _p, ...g }) => g), groupYears: years,
    owners: owners.sort(byName).map((o) => ({ id: o.id, name: `${o.givenName} ${o.familyName}` })),
    content: orderByStage(content, years),
    requirements: orderByStage(requirements, years),
    mayEdit: p.owned, staff: isStaff(actor),
  };
}

/** Picks grouped by stage, the stage of the groups' year first, the picking order within a stage. */
function orderByStage<T extends { stageId: string; yearFrom: number; yearTo: number }>(picks: T[], years: number[]) {
  const stages = [...new Map(picks.map((p) => [p.stageId, { id: p.stageId, yearFrom: p.yearFrom, yearTo: p.yearTo }])).values()];
  return stagesForYears(stages, years).flatMap((s) => picks.filter((p) => p.stageId === s.id))
    .map(({ stageId: _s, yearFrom: _f, yearTo: _t, ...rest }) => rest);
}
