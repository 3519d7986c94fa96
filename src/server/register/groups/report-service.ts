import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { canHandleReport, reportProblem, type ReportKind } from '../../../domain/register/groups.js';
import { groupScope, inForce, requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, rows, type Db } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { auditGroup } from './group-audit.js';
import { listReports } from './report-store.js';

/** "This group is wrong": a teacher of the group reports it; the administrator of the unit handles it. */
export function groupReportService(db: Db) {
  /** The group, if the actor teaches or mentors it today (groupScope for a teacher); else 404. */
  async function taughtGroup(actor: Actor, groupId: string) {
    requireAction(actor, 'groups.view.own');
    const g = await one<{ id: string; name: string; school_unit_id: string }>(db, sql`select g.id, g.name, g.school_unit_id from student_group g
      where g.id = ${groupId} and ${groupScope(actor)}`);
    if (!g) throw notFound('Group not found');
    return g;
  }

  return {
    async report(actor: Actor, groupId: string, input: { kind: ReportKind; pupilId: string | null; message: string }) {
      const g = await taughtGroup(actor, groupId);
      const members = await rows<{ id: string }>(db, sql`select m.person_id as id from group_membership m
        where m.organiser_id = ${actor.organiserId} and m.group_id = ${groupId} and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}`);
      const problem = reportProblem(input, new Set(members.map((m) => m.id)));
      if (problem) throw new AppError(400, problem, `The report cannot be made: ${problem}`);
      const id = randomUUID();
      const message = input.message.trim();
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into group_report (organiser_id, id, school_unit_id, group_id, pupil_id, kind, message, reported_by)
          values (${actor.organiserId}, ${id}, ${g.school_unit_id}, ${groupId}, ${input.pupilId}, ${input.kind}, ${message}, ${actor.personId})`);
        await auditGroup(tx, actor, 'group.report.created', { type: 'group_report', id }, { groupId, personId: input.pupilId, kind: input.kind, message });
      });
      return (await listReports(db, actor, { reportId: id }))[0];
    },

    /** The teacher's own reports on a group they teach, with the administrator's outcome. */
    async mine(actor: Actor, groupId: string) {
      await taughtGroup(actor, groupId);
      return listReports(db, actor, { groupId, reportedBy: actor.personId });
    },

    /** The administrator's to-do list: the unit's reports, open ones or handled ones. */
    async list(actor: Actor, status: 'open' | 'handled' | 'all') {
      requireAction(actor, 'register.administer');
      return listReports(db, actor, { status: status === 'all' ? undefined : status });
    },

    /** Marks an open report resolved or rejected, with a note the teacher sees. */
    async handle(actor: Actor, reportId: string, input: { outcome: 'resolved' | 'rejected'; note: string }) {
      requireAction(actor, 'register.administer');
      const note = input.note.trim();
      if (note === '') throw new AppError(400, 'note_required', 'Say what was done or why the report is rejected');
      await db.transaction(async (tx) => {
        const r = (await listReports(tx, actor, { reportId }))[0];
        if (!r) throw notFound('Report not found');
        if (!canHandleReport(r.status)) throw conflict('report_already_handled', 'The report has already been handled', { current: { status: r.status } });
        await tx.execute(sql`update group_report set status = ${input.outcome}, resolved_by = ${actor.personId}, resolved_at = now(), resolution = ${note}
          where organiser_id = ${actor.organiserId} and id = ${reportId} and status = 'open'`);
        await auditGroup(tx, actor, `group.report.${input.outcome}`, { type: 'group_report', id: reportId },
          { groupId: r.groupId, personId: r.pupil?.id ?? null, before: { status: r.status }, after: { status: input.outcome, resolution: note } });
      });
      return (await listReports(db, actor, { reportId }))[0];
    },
  };
}
