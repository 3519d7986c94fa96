import { addDays, type ReportSpan } from './span.js';

/** A unit's reporting window: how many days back and ahead of today absence may be reported. */
export interface WindowSetting { reportDaysBack: number; reportDaysAhead: number }

/** Without a setting of the unit: not backwards in time, two weeks ahead. */
export const DEFAULT_WINDOW: WindowSetting = { reportDaysBack: 0, reportDaysAhead: 14 };

export interface ReportWindow { from: string; to: string }

/** The first and last day that may be reported today (inclusive). */
export function reportWindow(setting: WindowSetting | null, today: string): ReportWindow {
  const s = setting ?? DEFAULT_WINDOW;
  return { from: addDays(today, -s.reportDaysBack), to: addDays(today, s.reportDaysAhead) };
}

export type WindowProblem = 'before_window' | 'after_window';

/** A report must lie within the window: not before its first day (by default: not backwards in time), not
 *  after its last. */
export function windowProblem(span: Pick<ReportSpan, 'fromDate' | 'toDate'>, window: ReportWindow): WindowProblem | null {
  if (span.fromDate < window.from) return 'before_window';
  if (span.toDate > window.to) return 'after_window';
  return null;
}
