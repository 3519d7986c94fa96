import { addDays, type ReportSpan } from './span.js';

/**
 * Withdrawing a report takes back only today's and coming days: what has passed keeps its history (the
 * lessons of those days stay valid). A report wholly in the past cannot be withdrawn.
 * - 'whole': the report begins today or later; it is withdrawn entirely;
 * - 'from_today': it began before today; it now ends yesterday (`keptToDate`);
 * - 'past': it ended before today; nothing to withdraw.
 */
export type Withdrawal = { kind: 'whole' } | { kind: 'from_today'; keptToDate: string } | { kind: 'past' };

export function withdrawal(span: Pick<ReportSpan, 'fromDate' | 'toDate'>, today: string): Withdrawal {
  if (span.toDate < today) return { kind: 'past' };
  if (span.fromDate >= today) return { kind: 'whole' };
  return { kind: 'from_today', keptToDate: addDays(today, -1) };
}
