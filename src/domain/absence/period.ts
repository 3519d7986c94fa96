/**
 * The period an absence summary covers. Default: the current term up to today (the whole term when it has
 * ended). A period runs from its first day to its last (inclusive), at most about a school year long.
 */
export const MAX_PERIOD_DAYS = 400;

export type PeriodProblem = 'from_after_to' | 'period_too_long' | 'no_term';

export function absencePeriod(asked: { from?: string; to?: string }, term: { startDate: string; endDate: string } | null, today: string):
  { from: string; to: string } | PeriodProblem {
  const defaultTo = term ? (term.endDate < today ? term.endDate : today) : today;
  const to = asked.to ?? defaultTo;
  const from = asked.from ?? term?.startDate;
  if (!from) return 'no_term';
  if (from > to) return 'from_after_to';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > MAX_PERIOD_DAYS) return 'period_too_long';
  return { from, to };
}
