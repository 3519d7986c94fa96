import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { badRequest } from '../platform/http/errors.js';
import { exportFileName } from './export-labels.js';
import { reportPdf } from './export-pdf.js';
import { reportWorkbook } from './export-xlsx.js';
import type { followupReportService } from './report-service.js';

export interface ExportQuery { level: 'organiser' | 'unit' | 'group'; id?: string; gradeYear: 6 | 9; schoolYear?: string; format: 'xlsx' | 'pdf' }

/** The follow-up report as a file: the same report the API gives (same scope, same suppression). */
export function followupExportService(reports: ReturnType<typeof followupReportService>) {
  return {
    async export(actor: Actor, q: ExportQuery) {
      requireAction(actor, 'followup.view');
      if (q.level !== 'organiser' && !q.id) throw badRequest('id is required for a unit or a group');
      const report = q.level === 'organiser' ? await reports.organiser(actor, q)
        : q.level === 'unit' ? await reports.unit(actor, q.id!, q) : await reports.group(actor, q.id!);
      const name = exportFileName(report.title, report.gradeYear, report.schoolYear, q.format);
      const body = q.format === 'xlsx' ? await reportWorkbook(report) : await reportPdf(report);
      return {
        name, asciiName: name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/"/g, ''), body,
        contentType: q.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
      };
    },
  };
}
