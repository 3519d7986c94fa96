import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { mergeReport } from '../../domain/absence-reports/merge.js';
import { reporterProblem, reporterRole } from '../../domain/absence-reports/reporter.js';
import { spanProblem, type ReportSpan } from '../../domain/absence-reports/span.js';
import { reportWindow, windowProblem, type ReportWindow } from '../../domain/absence-reports/window.js';
import { withdrawal } from '../../domain/absence-reports/withdrawal.js';
import { byName } from '../../domain/org/sorting.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { rows, type Db } from '../platform/db/database.js';
import { AppError, conflict, forbidden } from '../platform/http/errors.js';
import { revalidateAbsence } from './cover-effect.js';
import { mergeCandidates, ownPupils, pupilInScope, reportById, reportInScope, reportsOf, type PupilForAbsence, type ReportRow } from './store.js';

/** Who a report's audit row names instead of the actor, with details to add (e.g. the API client). */
export interface ReportAuditor { actorPersonId: string | null; actorRole: string | null; actorUnitId: string | null; ip: string | null; details?: Record<string, unknown> }

export interface NewReport { pupilId: string; fromDate: string; toDate: string; fromTime?: string | null; toTime?: string | null }

const SPAN_MESSAGES = {
  dates_reversed: 'The last day comes before the first',
  times_incomplete: 'Part of a day needs both a start and an end time',
  times_reversed: 'The end time must come after the start time',
  part_day_spans_days: 'Part of a day is reported for one date at a time',
} as const;

/** May the actor report for this pupil (already in their scope)? 403 for a pupil whose unit does not allow it. */
function requireReporter(actor: Actor, pupil: PupilForAbsence): void {
  const problem = reporterProblem(actor.role, pupil.pupilMayReport);
  if (problem === 'pupil_may_not_report') throw new AppError(403, problem, 'Your school does not let pupils report their own absence; ask a guardian');
  if (problem) throw forbidden('This role may not report absence');
}

const windowOf = (pupil: PupilForAbsence, today: string): ReportWindow => reportWindow(pupil.window, today);

/** The guardian's report of absence (frånvaroanmälan): checked, merged with the pupil's reports, and the
 *  lessons already registered absent in its span made valid, in one audited transaction. */
export function absenceReportService(db: Db) {
  const view = (r: ReportRow, today: string) => ({
    ...r, withdrawn: r.withdrawnAt !== null,
    mayWithdraw: r.withdrawnAt === null && withdrawal(r, today).kind !== 'past',
  });

  async function pupils(actor: Actor) {
    const found = await ownPupils(db, actor);
    return found.map((p) => ({
      id: p.id, name: p.name, unitName: p.unitName, className: p.className, window: windowOf(p, actor.today),
      mayReport: reporterProblem(actor.role, p.pupilMayReport) === null,
    })).sort(byName);
  }

  async function list(actor: Actor, pupilId: string) {
    const pupil = await pupilInScope(db, actor, pupilId);
    const reports = await reportsOf(db, actor.organiserId, pupil.id);
    return {
      pupil: { id: pupil.id, name: pupil.name, className: pupil.className, unitName: pupil.unitName },
      today: actor.today, window: windowOf(pupil, actor.today), mayReport: reporterProblem(actor.role, pupil.pupilMayReport) === null,
      reports: reports.map((r) => view(r, actor.today)),
    };
  }

  /** `auditAs`: who the audit row names when not the actor (an SS 12000 API client reporting for the actor). */
  async function create(actor: Actor, input: NewReport, auditAs?: ReportAuditor) {
    const pupil = await pupilInScope(db, actor, input.pupilId);
    requireReporter(actor, pupil);
    const span: ReportSpan = { fromDate: input.fromDate, toDate: input.toDate, fromTime: input.fromTime ?? null, toTime: input.toTime ?? null };
    const bad = spanProblem(span);
    if (bad) throw new AppError(422, bad, SPAN_MESSAGES[bad]);
    const window = windowOf(pupil, actor.today);
    const outside = windowProblem(span, window);
    if (outside) {
      throw new AppError(422, 'outside_report_window', outside === 'before_window'
        ? `Absence can be reported from ${window.from}, not backwards in time before that` : `Absence can be reported up to ${window.to}`, { window, problem: outside });
    }
    const result = await db.transaction(async (tx) => {
      const candidates = await mergeCandidates(tx, actor.organiserId, pupil.id, span.fromDate, span.toDate);
      const merged = mergeReport(candidates, span);
      const id = merged.keepId ?? randomUUID();
      const s = merged.span;
      if (merged.outcome === 'new') {
        await tx.execute(sql`insert into absence_report (organiser_id, id, pupil_id, reported_by, reporter_role, from_date, to_date, from_time, to_time)
          values (${actor.organiserId}, ${id}, ${pupil.id}, ${actor.personId}, ${reporterRole(actor.role)}, ${s.fromDate}, ${s.toDate}, ${s.fromTime}, ${s.toTime})`);
      } else if (merged.outcome === 'merged') {
        await tx.execute(sql`update absence_report set from_date = ${s.fromDate}, to_date = ${s.toDate}, from_time = ${s.fromTime}, to_time = ${s.toTime},
          version = version + 1 where organiser_id = ${actor.organiserId} and id = ${id}`);
        const others = merged.absorbed.filter((x) => x !== id);
        if (others.length) {
          await tx.execute(sql`delete from absence_report where organiser_id = ${actor.organiserId} and id = any(${sql.param(others)}::uuid[])`);
        }
      }
      const changes = merged.outcome === 'already_covered' ? [] : await revalidateAbsence(tx, actor.organiserId, pupil.id, s.fromDate, s.toDate);
      const absorbedSpans = candidates.filter((c) => merged.absorbed.includes(c.id));
      const by = auditAs ?? { actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip };
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: by.actorPersonId, actorRole: by.actorRole, actorUnitId: by.actorUnitId,
        action: `absence_report.${merged.outcome === 'new' ? 'created' : merged.outcome}`, entityType: 'absence_report', entityId: id,
        details: { personId: pupil.id, unitId: pupil.unitId, reported: span, span: s, absorbed: absorbedSpans, madeValid: changes.map((c) => c.id),
          ...(auditAs?.details ?? {}) }, ip: by.ip });
      return { id, merged, absorbedSpans, changes };
    });
    const report = (await reportById(db, actor.organiserId, result.id))!;
    return {
      outcome: result.merged.outcome, report: view(report, actor.today),
      mergedWith: result.absorbedSpans, lessonsMadeValid: result.changes.filter((c) => c.valid).length,
    };
  }

  async function withdraw(actor: Actor, id: string) {
    const report = await reportInScope(db, actor, id);
    requireReporter(actor, await pupilInScope(db, actor, report.pupilId));
    if (report.withdrawnAt) throw conflict('already_withdrawn', 'The report is already withdrawn');
    const plan = withdrawal(report, actor.today);
    if (plan.kind === 'past') throw conflict('report_in_past', 'A report of days that have passed cannot be withdrawn');
    const changes = await db.transaction(async (tx) => {
      const where = sql`organiser_id = ${actor.organiserId} and id = ${id} and withdrawn_at is null and version = ${report.version}`;
      const done = plan.kind === 'whole'
        ? await rows<{ id: string }>(tx, sql`update absence_report set withdrawn_at = now(), withdrawn_by = ${actor.personId}, version = version + 1 where ${where} returning id`)
        : await rows<{ id: string }>(tx, sql`update absence_report set to_date = ${plan.keptToDate}, version = version + 1 where ${where} returning id`);
      if (done.length === 0) throw conflict('version_conflict', 'The report was changed meanwhile; reload');
      const from = plan.kind === 'whole' ? report.fromDate : actor.today;
      const changed = await revalidateAbsence(tx, actor.organiserId, report.pupilId, from, report.toDate);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'absence_report.withdrawn', entityType: 'absence_report', entityId: id,
        details: { personId: report.pupilId, before: { fromDate: report.fromDate, toDate: report.toDate, fromTime: report.fromTime, toTime: report.toTime },
          withdrawnFrom: from, keptToDate: plan.kind === 'from_today' ? plan.keptToDate : null, madeInvalid: changed.filter((c) => !c.valid).map((c) => c.id) }, ip: actor.ip });
      return changed;
    });
    return { report: view((await reportById(db, actor.organiserId, id))!, actor.today), lessonsMadeInvalid: changes.filter((c) => !c.valid).length };
  }

  return { pupils, list, create, withdraw };
}

export type AbsenceReportService = ReturnType<typeof absenceReportService>;
