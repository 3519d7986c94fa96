import { MAX_RICH_TEXT } from './rich-text.js';

/**
 * Rules of a pedagogisk planering. A planning belongs to one subject and one curriculum version; its
 * central content and requirements are picked from that version's syllabus for the subject (checked by the
 * server against the tables), never typed. Draft → published; a published planning stays published (it
 * may be edited, and the pupils see the edit), it is not taken back to draft once pupils have seen it.
 */
export type PlanningStatus = 'draft' | 'published';

export interface PlanningFields {
  title: string;
  periodStart: string;
  periodEnd: string;
  groupIds: string[];
  learningHtml: string;
  teachingHtml: string;
  assessmentHtml: string;
}

export type PlanningProblem = 'no_title' | 'title_too_long' | 'period' | 'no_group' | 'text_too_long'
  | 'nothing_picked' | 'already_published' | 'not_published';

export function planningFieldsProblem(f: PlanningFields): PlanningProblem | null {
  const title = f.title.trim();
  if (!title) return 'no_title';
  if (title.length > 200) return 'title_too_long';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.periodStart) || !/^\d{4}-\d{2}-\d{2}$/.test(f.periodEnd) || f.periodEnd < f.periodStart) return 'period';
  if (f.groupIds.length === 0) return 'no_group';
  if ([f.learningHtml, f.teachingHtml, f.assessmentHtml].some((t) => t.length > MAX_RICH_TEXT)) return 'text_too_long';
  return null;
}

/** Publishing needs a draft with at least one picked central content item or requirement. */
export function publishProblem(p: { status: PlanningStatus; contentCount: number; requirementCount: number }): PlanningProblem | null {
  if (p.status !== 'draft') return 'already_published';
  if (p.contentCount + p.requirementCount === 0) return 'nothing_picked';
  return null;
}

/** Assessments are shared with pupils and guardians only on a published planning. */
export function shareAssessmentsProblem(status: PlanningStatus): PlanningProblem | null {
  return status === 'published' ? null : 'not_published';
}

/** A date moved by whole years; 29 February becomes 28 February in a year without it. */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = y + years;
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${target}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * A copy of a planning for other groups, this year or a later one: a new draft owned by the one who copies,
 * with the same texts and picks (same curriculum version), the period moved by `years`, and no assessments.
 */
export function copyOf<P extends PlanningFields>(p: P, to: { groupIds: string[]; years: number; title?: string }): PlanningFields & { status: PlanningStatus } {
  return {
    title: to.title?.trim() || p.title,
    periodStart: shiftYears(p.periodStart, to.years),
    periodEnd: shiftYears(p.periodEnd, to.years),
    groupIds: to.groupIds,
    learningHtml: p.learningHtml,
    teachingHtml: p.teachingHtml,
    assessmentHtml: p.assessmentHtml,
    status: 'draft',
  };
}
