import { highlightReasons, type HighlightReason } from '../../domain/absence/threshold.js';
import { absenceShare, sumDeviations, type AbsenceTotals, type DeviationAmount } from '../../domain/absence/sums.js';
import { weekBuckets, type WeekBucket } from '../../domain/absence/weeks.js';
import { byName, byPersonName } from '../../domain/org/sorting.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { resolvePeriod } from './period.js';
import { readAbsenceSettings } from './settings.js';
import { listOverviewGroups, listOverviewPupils } from './overview-store.js';
import { deviationsByWeek, lessonMinutesByWeek } from './summary-store.js';

export interface OverviewPupil extends AbsenceTotals {
  id: string; givenName: string; familyName: string; className: string | null;
  lessonMinutes: number; share: number | null; highlighted: boolean; reasons: HighlightReason[];
  investigationId: string | null; weeks: WeekBucket[];
}
export interface AbsenceOverview {
  today: string; from: string; to: string; group: { id: string; name: string } | null;
  groups: { id: string; name: string; type: 'class' | 'mentor' }[];
  threshold: { thresholdPercent: number; shortAbsenceCount: number };
  weeks: { monday: string; week: number; key: string }[];
  pupils: OverviewPupil[];
}

const groupBy = <T, K>(list: readonly T[], key: (t: T) => K) => {
  const m = new Map<K, T[]>();
  for (const t of list) { const k = key(t); const l = m.get(k); if (l) l.push(t); else m.set(k, [t]); }
  return m;
};

/** The absence overview of a class or mentor group (or the unit): per pupil the lesson minutes, valid and
 *  invalid minutes, share, short absences, whether highlighted and why, and per-week buckets. */
export function absenceOverviewService(db: Db) {
  return {
    async get(actor: Actor, asked: { groupId?: string; from?: string; to?: string }): Promise<AbsenceOverview> {
      requireAction(actor, 'absence.overview');
      if (!actor.unitId) throw notFound('No current unit');
      const groups = (await listOverviewGroups(db, actor)).sort(byName);
      const group = asked.groupId ? groups.find((g) => g.id === asked.groupId) ?? null : null;
      if (asked.groupId && !group) throw notFound('Group not found');
      // a mentor with one class sees it at once; the unit's staff choose a class or see the whole unit
      const shown = group ?? (actor.role === 'teacher' && groups.length === 1 ? groups[0] : null);
      const { from, to } = await resolvePeriod(db, actor, asked);
      const on = to < actor.today ? to : actor.today;
      const settings = await readAbsenceSettings(db, actor.organiserId, actor.unitId);
      const pupils = await listOverviewPupils(db, actor, shown?.id ?? null, on);
      const ids = pupils.map((p) => p.id);
      const [lessons, deviations] = ids.length === 0 ? [[], []] : [
        await lessonMinutesByWeek(db, actor.organiserId, actor.unitId, ids, from, to),
        await deviationsByWeek(db, actor.organiserId, ids, from, to),
      ];
      const lessonsOf = groupBy(lessons, (l) => l.pupilId);
      const deviationsOf = groupBy(deviations, (d) => d.pupilId);
      const threshold = { thresholdPercent: settings.thresholdPercent, shortAbsenceCount: settings.shortAbsenceCount };
      return {
        today: actor.today, from, to, group: shown ? { id: shown.id, name: shown.name } : null, groups, threshold,
        weeks: weekBuckets(from, to, new Map(), new Map()).map(({ monday, week, key }) => ({ monday, week, key })),
        pupils: pupils.map((p) => {
          const own: (DeviationAmount & { monday: string })[] = deviationsOf.get(p.id) ?? [];
          const weekLessons = new Map((lessonsOf.get(p.id) ?? []).map((l) => [l.monday, l.minutes]));
          const weekAbsent = new Map<string, number>();
          for (const d of own) weekAbsent.set(d.monday, (weekAbsent.get(d.monday) ?? 0) + d.minutes);
          const totals = sumDeviations(own);
          const lessonMinutes = [...weekLessons.values()].reduce((s, m) => s + m, 0);
          const reasons = highlightReasons(totals, lessonMinutes, threshold);
          return { ...p, ...totals, lessonMinutes, share: absenceShare(totals.absentMinutes, lessonMinutes), highlighted: reasons.length > 0, reasons,
            weeks: weekBuckets(from, to, weekLessons, weekAbsent) };
        }).sort(byPersonName),
      };
    },
  };
}
