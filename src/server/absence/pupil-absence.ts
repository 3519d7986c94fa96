import { sql } from 'drizzle-orm';
import { deviationReason } from '../../domain/absence/reasons.js';
import { absenceShare, scheduledMinutesBy, sumBy, sumDeviations, type AbsenceTotals } from '../../domain/absence/sums.js';
import { svCollator } from '../../domain/org/sorting.js';
import { pupilScope, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, type Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { resolvePeriod } from './period.js';
import { lessonMinutesByGroupDay, listMemberships, listPupilDeviations, termsOverlapping } from './summary-store.js';

const withShare = (t: AbsenceTotals, lessonMinutes: number) => ({ ...t, lessonMinutes, share: absenceShare(t.absentMinutes, lessonMinutes) });

/** One pupil's absence over a period: the deviations and why each is valid or invalid, sums per subject and
 *  per term, and the share of the scheduled lesson minutes. Within pupilScope (404 otherwise). */
export function pupilAbsenceService(db: Db) {
  return {
    async get(actor: Actor, pupilId: string, asked: { from?: string; to?: string }) {
      requireAction(actor, 'absence.view');
      const pupil = await one<{ id: string; givenName: string; familyName: string }>(db, sql`select p.id, p.given_name as "givenName",
          p.family_name as "familyName" from person p where p.id = ${pupilId} and ${pupilScope(actor)}`);
      if (!pupil) throw notFound('Pupil not found');
      const { from, to } = await resolvePeriod(db, actor, asked);
      const [deviations, memberships, terms] = [
        await listPupilDeviations(db, actor.organiserId, pupilId, from, to),
        await listMemberships(db, actor.organiserId, [pupilId], from, to),
        await termsOverlapping(db, actor.organiserId, from, to),
      ];
      const groupIds = [...new Set(memberships.map((m) => m.groupId))];
      const lessonDays = groupIds.length ? await lessonMinutesByGroupDay(db, actor.organiserId, { groupIds }, from, to) : [];
      const subjectOf = new Map(memberships.map((m) => [m.groupId, m.subjectCode]));
      const bySubjectMinutes = scheduledMinutesBy(lessonDays, memberships, (_d, groupId) => subjectOf.get(groupId) ?? null).get(pupilId) ?? new Map<string | null, number>();
      const lessons = [...bySubjectMinutes].map(([subjectCode, minutes]) => ({ subjectCode, minutes }));
      const lessonMinutes = lessons.reduce((s, l) => s + l.minutes, 0);
      const bySubject = sumBy(deviations, (d) => d.subjectCode);
      const subjectNames = new Map(deviations.map((d) => [d.subjectCode, d.subjectName]));
      const subjectCodes = [...new Set([...lessons.map((l) => l.subjectCode), ...bySubject.keys()])];
      const subjects = subjectCodes.map((code) => ({
        subjectCode: code, subjectName: subjectNames.get(code) ?? null,
        ...withShare(bySubject.get(code) ?? sumDeviations([]), lessons.find((l) => l.subjectCode === code)?.minutes ?? 0),
      })).sort((a, b) => (a.subjectCode === null ? 1 : 0) - (b.subjectCode === null ? 1 : 0)
        || svCollator.compare(a.subjectName ?? a.subjectCode ?? '', b.subjectName ?? b.subjectCode ?? ''));
      const termOf = (date: string) => terms.find((t) => t.startDate <= date && date <= t.endDate)?.id ?? null;
      const byTerm = sumBy(deviations, (d) => termOf(d.occurredOn));
      return {
        pupil, from, to,
        totals: withShare(sumDeviations(deviations), lessonMinutes),
        subjects,
        terms: terms.map((t) => ({ id: t.id, kind: t.kind, schoolYear: t.schoolYear, startDate: t.startDate, endDate: t.endDate, ...(byTerm.get(t.id) ?? sumDeviations([])) })),
        deviations: deviations.map((d) => ({
          id: d.id, date: d.occurredOn, kind: d.kind, minutes: d.minutes, valid: d.valid, reason: deviationReason(d),
          subjectCode: d.subjectCode, subjectName: d.subjectName, groupName: d.groupName, startTime: d.startTime, endTime: d.endTime,
        })),
      };
    },
  };
}
