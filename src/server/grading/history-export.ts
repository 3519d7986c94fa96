import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatCivicNo } from '../../domain/org/personnummer.js';
import { gradeHistoryScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Db } from '../platform/db/database.js';
import { forbidden } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors } from '../platform/http/schemas.js';

const ACTION_SV: Record<string, string> = {
  registered: 'Registrerat', changed: 'Ändrat', carried_over: 'Överfört', confirmed: 'Bekräftat', unconfirmed: 'Bekräftelse borttagen',
  decided: 'Beslutat', locked: 'Låst', rattelse: 'Rättelse', andring: 'Ändring (beslut)', disagreement_decided: 'Avgjort vid oenighet',
};

/** The principal's (and administrator's) export of every grade change at the unit, as an Excel workbook. */
export function historyExportService(db: Db) {
  return {
    async workbook(actor: Actor): Promise<Buffer> {
      if (actor.role !== 'principal' && actor.role !== 'administrator') throw forbidden();
      const events = await rows<any>(db, sql`
        select to_char(e.occurred_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI:SS') as at,
               p.family_name || ', ' || p.given_name as pupil, p.civic_no, s.name as subject, g.name as group_name,
               t.kind || ' ' || t.school_year as term, gr.kind, e.action, e.from_value, e.to_value,
               a.given_name || ' ' || a.family_name as actor, d.given_name || ' ' || d.family_name as decided_by, e.reason
          from grade_event e
          join grade gr on gr.organiser_id = e.organiser_id and gr.id = e.grade_id
          join student_group g on g.organiser_id = gr.organiser_id and g.id = gr.group_id
          join person p on p.organiser_id = gr.organiser_id and p.id = gr.pupil_id
          join subject s on s.code = gr.subject_code
          join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id
          join person a on a.organiser_id = e.organiser_id and a.id = e.actor_id
          left join person d on d.organiser_id = e.organiser_id and d.id = e.decided_by
         where ${gradeHistoryScope(actor)}
         order by e.occurred_at, e.id`);
      const book = new ExcelJS.Workbook();
      book.creator = 'Lärka';
      const sheet = book.addWorksheet('Betygshistorik', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = [
        { header: 'Tidpunkt', key: 'at', width: 20 }, { header: 'Elev', key: 'pupil', width: 28 }, { header: 'Personnummer', key: 'civic', width: 16 },
        { header: 'Ämne', key: 'subject', width: 22 }, { header: 'Grupp', key: 'group', width: 12 }, { header: 'Termin', key: 'term', width: 14 },
        { header: 'Betygstyp', key: 'kind', width: 14 }, { header: 'Händelse', key: 'action', width: 22 }, { header: 'Från', key: 'from', width: 8 },
        { header: 'Till', key: 'to', width: 8 }, { header: 'Av', key: 'actor', width: 22 }, { header: 'Beslutat av', key: 'decided', width: 22 },
        { header: 'Skäl', key: 'reason', width: 40 },
      ];
      sheet.getRow(1).font = { bold: true };
      for (const e of events) {
        sheet.addRow({ at: e.at, pupil: e.pupil, civic: e.civic_no ? formatCivicNo(e.civic_no) : '', subject: e.subject, group: e.group_name,
          term: e.term, kind: e.kind === 'final' ? 'Slutbetyg' : 'Terminsbetyg', action: ACTION_SV[e.action] ?? e.action,
          from: e.from_value ?? '', to: e.to_value ?? '', actor: e.actor, decided: e.decided_by ?? '', reason: e.reason ?? '' });
      }
      sheet.autoFilter = { from: 'A1', to: 'M1' };
      return Buffer.from(await book.xlsx.writeBuffer());
    },
  };
}

export const historyExportRoutes = (service: ReturnType<typeof historyExportService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/grading/history.xlsx', { config: { access: { roles: ['principal', 'administrator'] }, scope: 'actor' },
    schema: { tags: ['grading'], summary: 'Every grade change at the unit (value, by whom, when, why) as Excel', response: { 200: z.any(), ...authErrors } },
  }, async (req, reply) => reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', 'attachment; filename="betygshistorik.xlsx"')
    .send(await service.workbook(actorOf(req))));
};
