import ExcelJS from 'exceljs';
import { RESULT_COLUMNS } from '../../../domain/national-tests/import-row.js';

/** The results file as a template (xlsx): the header row and one example row, what each column means on a second sheet. */
export async function resultsTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lärka';
  const sheet = workbook.addWorksheet('Nationella prov', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RESULT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length + 4), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(RESULT_COLUMNS.map((c) => [c.key, c.example])));
  const help = workbook.addWorksheet('Instruktioner');
  help.columns = [{ header: 'Kolumn', width: 16 }, { header: 'Krävs', width: 8 }, { header: 'Vad den ska innehålla', width: 90 }, { header: 'Exempel', width: 16 }];
  help.getRow(1).font = { bold: true };
  for (const c of RESULT_COLUMNS) help.addRow([c.header, c.required ? 'ja' : '', c.help, c.example]);
  help.addRow([]);
  help.addRow(['', '', 'En rad per elev och prov. Spara som .xlsx eller CSV (semikolon eller komma, UTF-8 eller Windows-1252). Högst 10 000 rader per fil.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
