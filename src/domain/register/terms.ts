/**
 * School years (läsår), their terms (HT, VT) and holidays (lov), as the organiser-level administrator
 * keeps them. A school year is named '2026/2027': its autumn term (HT) begins in the first calendar year,
 * its spring term (VT) ends in the second, VT follows HT, and no two terms of the organiser share a day.
 * A holiday lies within its term and does not share a day with another holiday that applies to the same
 * unit (an organiser-wide holiday applies to every unit). Dates are YYYY-MM-DD, both ends inclusive.
 */
import { rangesOverlap } from './date-ranges.js';

export type TermKind = 'HT' | 'VT';
export const TERM_KINDS: readonly TermKind[] = ['HT', 'VT'];

export interface Span { startDate: string; endDate: string }
export interface TermSpan extends Span { id?: string; schoolYear: string; kind: TermKind }

export type TermProblem =
  | 'invalid_school_year' | 'invalid_range' | 'outside_school_year' | 'vt_before_ht' | 'overlaps_term'
  | 'holidays_outside_term' | 'grades_before_start';

export type HolidayProblem = 'invalid_range' | 'outside_term' | 'overlaps_holiday';

/** '2026/2027': two consecutive calendar years. */
export function isSchoolYear(label: string): boolean {
  const m = /^(\d{4})\/(\d{4})$/.exec(label);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** The school year that begins in the autumn of `year`. */
export const schoolYearOf = (year: number): string => `${year}/${year + 1}`;

/** The school year after '2026/2027' ('2027/2028'). */
export const nextSchoolYear = (label: string): string => schoolYearOf(Number(label.slice(0, 4)) + 1);

const isRange = (s: Span) => s.startDate <= s.endDate;

/** HT begins in the first calendar year of its school year; VT ends in the second. */
export function withinSchoolYear(t: TermSpan): boolean {
  const first = t.schoolYear.slice(0, 4);
  const second = t.schoolYear.slice(5, 9);
  return t.kind === 'HT' ? t.startDate.slice(0, 4) === first : t.endDate.slice(0, 4) === second;
}

/** A term's own dates against the organiser's other terms (the term itself, by id, is not "another"). */
export function termProblem(t: TermSpan, others: readonly TermSpan[]): TermProblem | null {
  if (!isSchoolYear(t.schoolYear)) return 'invalid_school_year';
  if (!isRange(t)) return 'invalid_range';
  if (!withinSchoolYear(t)) return 'outside_school_year';
  const sibling = others.find((o) => o.schoolYear === t.schoolYear && o.kind !== t.kind);
  if (sibling) {
    const [ht, vt] = t.kind === 'HT' ? [t, sibling] : [sibling, t];
    if (vt.startDate <= ht.endDate) return 'vt_before_ht';
  }
  if (others.some((o) => (t.id === undefined || o.id !== t.id) && rangesOverlap(o, t))) return 'overlaps_term';
  return null;
}

/** A new school year: its HT and VT each valid, VT after HT, neither overlapping an existing term. */
export function schoolYearProblem(schoolYear: string, ht: Span, vt: Span, existing: readonly TermSpan[]): TermProblem | null {
  if (!isSchoolYear(schoolYear)) return 'invalid_school_year';
  const autumn: TermSpan = { ...ht, schoolYear, kind: 'HT' };
  const spring: TermSpan = { ...vt, schoolYear, kind: 'VT' };
  return termProblem(autumn, existing) ?? termProblem(spring, [...existing, autumn]);
}

/**
 * New dates of an existing term: the term rules, and what already hangs on the term — its holidays must
 * stay inside it, and a term in which grades have been registered cannot be moved to begin after the first
 * of them (the grade would then belong to a term that had not begun).
 */
export function termChangeProblem(
  changed: TermSpan & { id: string },
  others: readonly TermSpan[],
  holidays: readonly Span[],
  firstGradeDay: string | null,
): TermProblem | null {
  const problem = termProblem(changed, others);
  if (problem) return problem;
  if (holidays.some((h) => h.startDate < changed.startDate || h.endDate > changed.endDate)) return 'holidays_outside_term';
  if (firstGradeDay !== null && firstGradeDay < changed.startDate) return 'grades_before_start';
  return null;
}

export interface HolidaySpan extends Span { id?: string; unitId: string | null }

/** Whether two holidays apply to a common unit: an organiser-wide one applies to every unit. */
const sameReach = (a: HolidaySpan, b: HolidaySpan) => a.unitId === null || b.unitId === null || a.unitId === b.unitId;

/** A holiday within its term, not sharing a day with another holiday that applies to the same unit. */
export function holidayProblem(h: HolidaySpan, term: Span, others: readonly HolidaySpan[]): HolidayProblem | null {
  if (!isRange(h)) return 'invalid_range';
  if (h.startDate < term.startDate || h.endDate > term.endDate) return 'outside_term';
  if (others.some((o) => (h.id === undefined || o.id !== h.id) && sameReach(o, h) && rangesOverlap(o, h))) return 'overlaps_holiday';
  return null;
}

/** Terms grouped by school year, newest school year first, HT before VT within a year. */
export function bySchoolYear<T extends TermSpan>(terms: readonly T[]): { schoolYear: string; terms: T[] }[] {
  const years = new Map<string, T[]>();
  for (const t of terms) years.set(t.schoolYear, [...(years.get(t.schoolYear) ?? []), t]);
  return [...years.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([schoolYear, list]) => ({ schoolYear, terms: list.sort((a, b) => TERM_KINDS.indexOf(a.kind) - TERM_KINDS.indexOf(b.kind)) }));
}
