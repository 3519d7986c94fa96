import { addDays, hm, isWholeDay, type ReportSpan } from './span.js';

/** A report already stored for the pupil (not withdrawn). */
export interface StoredSpan extends ReportSpan { id: string }

/**
 * What a new report became after merging with the pupil's reports:
 * - 'new': nothing it touched; stored as a report of its own;
 * - 'merged': it joined (or absorbed) the reports in `absorbed` into one span; the first of them (in the order
 *   given, i.e. the oldest) is kept and grows, the others are taken up into it;
 * - 'already_covered': one report already covered it entirely; nothing changes.
 */
export interface MergeResult {
  outcome: 'new' | 'merged' | 'already_covered';
  span: ReportSpan;
  absorbed: string[];
  keepId: string | null;
}

const spanOf = (s: ReportSpan): ReportSpan => ({ fromDate: s.fromDate, toDate: s.toDate, fromTime: s.fromTime, toTime: s.toTime });
const bothWhole = (a: ReportSpan, b: ReportSpan) => isWholeDay(a) && isWholeDay(b);
const onDay = (day: string, whole: ReportSpan) => whole.fromDate <= day && day <= whole.toDate;

/** Two spans of the same pupil belong together: whole days that overlap or adjoin (no day between them); a
 *  whole-day span and a part of one of its days; parts of the same day whose times overlap or meet. */
export function spansTouch(a: ReportSpan, b: ReportSpan): boolean {
  if (bothWhole(a, b)) return a.fromDate <= addDays(b.toDate, 1) && b.fromDate <= addDays(a.toDate, 1);
  if (isWholeDay(a)) return onDay(b.fromDate, a);
  if (isWholeDay(b)) return onDay(a.fromDate, b);
  return a.fromDate === b.fromDate && hm(a.fromTime!) <= hm(b.toTime!) && hm(b.fromTime!) <= hm(a.toTime!);
}

/** The one span covering two touching spans: a whole day absorbs a part of it; parts of a day become their union. */
export function unionOf(a: ReportSpan, b: ReportSpan): ReportSpan {
  if (bothWhole(a, b)) {
    return { fromDate: a.fromDate < b.fromDate ? a.fromDate : b.fromDate, toDate: a.toDate > b.toDate ? a.toDate : b.toDate, fromTime: null, toTime: null };
  }
  if (isWholeDay(a)) return spanOf(a);
  if (isWholeDay(b)) return spanOf(b);
  return {
    fromDate: a.fromDate, toDate: a.toDate,
    fromTime: hm(a.fromTime!) < hm(b.fromTime!) ? hm(a.fromTime!) : hm(b.fromTime!),
    toTime: hm(a.toTime!) > hm(b.toTime!) ? hm(a.toTime!) : hm(b.toTime!),
  };
}

const sameSpan = (a: ReportSpan, b: ReportSpan) => a.fromDate === b.fromDate && a.toDate === b.toDate
  && (a.fromTime && hm(a.fromTime)) === (b.fromTime && hm(b.fromTime)) && (a.toTime && hm(a.toTime)) === (b.toTime && hm(b.toTime));

/** Merges a new report into the pupil's reports (oldest first), repeatedly, until it touches no other. */
export function mergeReport(existing: readonly StoredSpan[], incoming: ReportSpan): MergeResult {
  let span = spanOf(incoming);
  const absorbed = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const r of existing) {
      if (absorbed.has(r.id) || !spansTouch(span, r)) continue;
      span = unionOf(span, r);
      absorbed.add(r.id);
      grew = true;
    }
  }
  const ids = existing.filter((r) => absorbed.has(r.id)).map((r) => r.id);
  if (ids.length === 0) return { outcome: 'new', span, absorbed: [], keepId: null };
  const covering = ids.length === 1 && sameSpan(existing.find((r) => r.id === ids[0])!, span);
  return { outcome: covering ? 'already_covered' : 'merged', span, absorbed: ids, keepId: ids[0] };
}
