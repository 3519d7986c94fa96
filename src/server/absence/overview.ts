import { highlightReasons, type HighlightReason } from '../../domain/absence/threshold.js';
import { absenceShare, scheduledMinutesBy, sumDeviations, type AbsenceTotals, type DeviationAmount } from '../../domain/absence/sums.js';
import { mondayOf, weekBuckets, weeksOfPeriod } from '../../domain/absence/weeks.js';
import { byName, byPersonName } from '../../domain/org/sorting.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { resolvePeriod } from './period.js';
import { readAbsenceSettings } from './settings.js';
import { listOverviewGroups, listOverviewPupils, openInvestigationsOf } from './overview-store.js';
import { classNamesOn, deviationsByPupilWeek, lessonMinutesByGroupDay, listMembershipSpans } from './summary-store.js';

export interface OverviewPupil extends AbsenceTotals {
  id: string; givenName: string; familyName: string; className: string | null;
  lessonMinutes: number; share: number | null; highlighted: boolean; reasons: HighlightReason[];
  investigationId: string | null;
  /** One cell per week of the overview's `weeks`, in the same order. */
  weeks: { lessonMinutes: number; absentMinutes: number; share: number | null }[];
}
export interface AbsenceOverview {
  today: string; from: string; to: string; group: { id: string; name: string } | null;
  groups: { id: string; name: string; type: 'class' | 'mentor' }[];
  threshold: { thresholdPercent: number; shortAbsenceCount: number };
  weeks: { monday: string; week: number; key: string }[];
  pupils: OverviewPupil[];
}

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
      const none = new Map<string, never>();
      // independent reads: on PostgreSQL they run side by side on pooled connections
      const [memberships, lessons, deviationsOf, classes, investigations] = ids.length === 0 ? [[], [], none, none, none] as const : await Promise.all([
        listMembershipSpans(db, actor.organiserId, actor.unitId, ids, from, to),
        lessonMinutesByGroupDay(db, actor.organiserId, { unitId: actor.unitId }, from, to),
        deviationsByPupilWeek(db, actor.organiserId, ids, from, to),
        classNamesOn(db, actor.organiserId, actor.unitId, ids, on),
        openInvestigationsOf(db, actor, ids),
      ]);
      // scheduled minutes per pupil and week (domain/absence/sums.ts), lessons of the unit's groups
      const mondays = new Map<string, string>();
      const lessonWeeks = scheduledMinutesBy(lessons, memberships, (date) => mondays.get(date) ?? mondays.set(date, mondayOf(date)).get(date)!);
      const threshold = { thresholdPercent: settings.thresholdPercent, shortAbsenceCount: settings.shortAbsenceCount };
      return {
        today: actor.today, from, to, group: shown ? { id: shown.id, name: shown.name } : null, groups, threshold,
        weeks: weekBuckets(from, to, new Map(), new Map()).map(({ monday, week, key }) => ({ monday, week, key })),
        pupils: pupils.map((p) => {
          const own: (DeviationAmount & { monday: string })[] = deviationsOf.get(p.id) ?? [];
          const weekLessons = lessonWeeks.get(p.id) ?? new Map<string, number>();
          const weekAbsent = new Map<string, number>();
          for (const d of own) weekAbsent.set(d.monday, (weekAbsent.get(d.monday) ?? 0) + d.minutes);
          const totals = sumDeviations(own);
          const lessonMinutes = [...weekLessons.values()].reduce((s, m) => s + m, 0);
          const reasons = highlightReasons(totals, lessonMinutes, threshold);
          return { ...p, className: classes.get(p.id) ?? null, investigationId: investigations.get(p.id) ?? null,
            ...totals, lessonMinutes, share: absenceShare(totals.absentMinutes, lessonMinutes), highlighted: reasons.length > 0, reasons,
            weeks: weekBuckets(from, to, weekLessons, weekAbsent).map(({ lessonMinutes: l, absentMinutes: a, share }) => ({ lessonMinutes: l, absentMinutes: a, share })) };
        }).sort(byPersonName),
      };
    },
  };
}
