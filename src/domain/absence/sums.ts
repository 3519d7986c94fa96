import type { DeviationKind } from './validity.js';

/**
 * Absence sums (DOMAIN.md §5): absence is kept in minutes, split valid (giltig) / invalid (ogiltig) as the
 * facts decided it (validity.ts). Sums are additive, so the same rule sums single deviations and rows the
 * database has already summed (with `count` deviations in one row).
 */
export interface DeviationAmount {
  kind: DeviationKind;
  valid: boolean;
  minutes: number;
  /** How many deviations the row stands for (1 when absent). */
  count?: number;
}

export interface AbsenceTotals {
  validMinutes: number;
  invalidMinutes: number;
  /** valid + invalid: every minute the pupil was not in the lesson (absence, late arrival, leaving early). */
  absentMinutes: number;
  /** Late arrivals and early leavings (short absences), counted. */
  shortCount: number;
}

export const NO_ABSENCE: AbsenceTotals = { validMinutes: 0, invalidMinutes: 0, absentMinutes: 0, shortCount: 0 };

export const isShortAbsence = (kind: DeviationKind) => kind === 'late' || kind === 'left_early';

/** The sums of deviations: valid and invalid minutes, and the number of late arrivals / early leavings. */
export function sumDeviations(devs: Iterable<DeviationAmount>): AbsenceTotals {
  let validMinutes = 0, invalidMinutes = 0, shortCount = 0;
  for (const d of devs) {
    if (d.valid) validMinutes += d.minutes; else invalidMinutes += d.minutes;
    if (isShortAbsence(d.kind)) shortCount += d.count ?? 1;
  }
  return { validMinutes, invalidMinutes, absentMinutes: validMinutes + invalidMinutes, shortCount };
}

/** Sums per key (subject, term, week …) in the order the keys first appear. */
export function sumBy<T extends DeviationAmount>(devs: readonly T[], keyOf: (d: T) => string | null): Map<string | null, AbsenceTotals> {
  const groups = new Map<string | null, T[]>();
  for (const d of devs) {
    const k = keyOf(d);
    const list = groups.get(k);
    if (list) list.push(d); else groups.set(k, [d]);
  }
  return new Map([...groups].map(([k, list]) => [k, sumDeviations(list)]));
}

/** The share of the scheduled lesson minutes the pupil was absent, in percent with one decimal; null when
 *  the pupil had no lessons in the period (nothing to compare with). */
export function absenceShare(absentMinutes: number, lessonMinutes: number): number | null {
  if (lessonMinutes <= 0) return null;
  return Math.round((absentMinutes / lessonMinutes) * 1000) / 10;
}

/** A lesson of a group on a day (not cancelled ones are counted). */
export interface ScheduledLesson { groupId: string; date: string; minutes: number; cancelled: boolean }
/** A pupil's membership of a group, dates inclusive (end null: still a member). */
export interface MembershipSpan { groupId: string; startDate: string; endDate: string | null }

/** The pupil's scheduled lesson minutes: the lessons of their groups on days they were a member, not
 *  cancelled. A lesson counts once even when two membership rows of the same group cover its day. */
export function scheduledMinutes(lessons: readonly ScheduledLesson[], memberships: readonly MembershipSpan[]): number {
  let total = 0;
  for (const l of lessons) {
    if (l.cancelled) continue;
    const member = memberships.some((m) => m.groupId === l.groupId && m.startDate <= l.date && (m.endDate === null || l.date <= m.endDate));
    if (member) total += l.minutes;
  }
  return total;
}

/** The lesson minutes (not cancelled) of a group on a day, as the database sums them. */
export interface GroupDayMinutes { groupId: string; date: string; minutes: number }

/**
 * The same rule as `scheduledMinutes`, for many pupils at once and split by key (an ISO week's Monday, a
 * subject …): for each pupil and group, the group's lesson days on which one of the pupil's membership rows
 * of that group is in force. Cost: the pupils' group memberships times the groups' lesson days.
 */
export function scheduledMinutesBy<K>(lessons: readonly GroupDayMinutes[], memberships: readonly (MembershipSpan & { pupilId: string })[],
  keyOf: (date: string, groupId: string) => K): Map<string, Map<K, number>> {
  // per group: its lesson days with their key (computed once), the first and last day, and the totals per key
  interface GroupDays { days: { date: string; minutes: number; key: K }[]; first: string; last: string; totals: Map<K, number> }
  const groups = new Map<string, GroupDays>();
  for (const l of lessons) {
    let g = groups.get(l.groupId);
    if (!g) groups.set(l.groupId, (g = { days: [], first: l.date, last: l.date, totals: new Map() }));
    const key = keyOf(l.date, l.groupId);
    g.days.push({ date: l.date, minutes: l.minutes, key });
    if (l.date < g.first) g.first = l.date;
    if (l.date > g.last) g.last = l.date;
    g.totals.set(key, (g.totals.get(key) ?? 0) + l.minutes);
  }
  const spans = new Map<string, Map<string, MembershipSpan[]>>();
  for (const m of memberships) {
    if (!groups.has(m.groupId)) continue;
    let byGroup = spans.get(m.pupilId);
    if (!byGroup) spans.set(m.pupilId, (byGroup = new Map()));
    const list = byGroup.get(m.groupId);
    if (list) list.push(m); else byGroup.set(m.groupId, [m]);
  }
  const out = new Map<string, Map<K, number>>();
  for (const [pupilId, byGroup] of spans) {
    const byKey = new Map<K, number>();
    out.set(pupilId, byKey);
    for (const [groupId, list] of byGroup) {
      const g = groups.get(groupId)!;
      const add = (key: K, minutes: number) => byKey.set(key, (byKey.get(key) ?? 0) + minutes);
      // the common case: one membership row over all of the group's lesson days
      if (list.some((m) => m.startDate <= g.first && (m.endDate === null || g.last <= m.endDate))) {
        for (const [key, minutes] of g.totals) add(key, minutes);
        continue;
      }
      for (const d of g.days) {
        if (list.some((m) => m.startDate <= d.date && (m.endDate === null || d.date <= m.endDate))) add(d.key, d.minutes);
      }
    }
  }
  return out;
}
