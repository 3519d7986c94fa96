/**
 * The organiser's settings: which modules are switched on (the menu shows only those) and the default
 * grading period per term kind, as month-day pairs ('12-01' to '12-20') that pre-fill a unit's grading
 * period for a term of any school year.
 */
import type { TermKind } from './terms.js';

export const MODULES = ['grading', 'absence', 'planning', 'followup'] as const;
export type Module = (typeof MODULES)[number];

export interface MonthDayRange { from: string; to: string }
export type DefaultGradingPeriods = Partial<Record<TermKind, MonthDayRange>>;

export interface OrganiserSettings { modules: Module[]; defaultGradingPeriods: DefaultGradingPeriods }

/** Without a settings row every module is on and no default grading period is set. */
export const DEFAULT_SETTINGS: OrganiserSettings = { modules: [...MODULES], defaultGradingPeriods: {} };

/** 'MM-DD' of a real day of some year (29 February counts). */
export function isMonthDay(s: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** The modules in their fixed order, each once. */
export const normaliseModules = (modules: readonly string[]): Module[] => MODULES.filter((m) => modules.includes(m));

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const dayIn = (year: number, monthDay: string) =>
  monthDay === '02-29' && !isLeap(year) ? `${year}-02-28` : `${year}-${monthDay}`;

/**
 * The grading period a default gives for a term: the month-days placed in the term's calendar year (HT:
 * the first year of the school year, VT: the second); a period whose end month-day comes before its start
 * ('12-15' to '01-10') ends in the following year. 29 February becomes the 28th in other years.
 */
export function suggestedPeriod(defaults: DefaultGradingPeriods, term: { schoolYear: string; kind: TermKind }): { from: string; to: string } | null {
  const d = defaults[term.kind];
  if (!d) return null;
  const year = Number(term.schoolYear.slice(0, 4)) + (term.kind === 'VT' ? 1 : 0);
  return { from: dayIn(year, d.from), to: dayIn(d.to < d.from ? year + 1 : year, d.to) };
}
