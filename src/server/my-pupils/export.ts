import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, type MyPupilColumn, type MyPupilRow } from '../../domain/pupils/my-pupils.js';
import type { MyPupilsList } from './service.js';

/** What the list shows, as a file: Excel (streamed workbook) or CSV for Excel (UTF-8 with BOM, `;`). */

export const PROTECTED = 'Skyddad';
type Cell = string | Date | null;

const HEADERS: Record<MyPupilColumn, string> = {
  className: 'Klass', groups: 'Grupper', civicNo: 'Personnummer', birthDate: 'Födelsedatum', email: 'E-post', phone: 'Telefon',
  address: 'Adress', guardians: 'Vårdnadshavare', guardianPhones: 'Vårdnadshavares telefon',
};

/** A cell of the file: birth dates as dates, everything else as the page shows it; empty as nothing. */
function cell(p: MyPupilRow, c: MyPupilColumn): Cell {
  if (c === 'birthDate') return p.birthDate ? new Date(`${p.birthDate}T00:00:00Z`) : null;
  return cellText(p, c, PROTECTED) || null;
}

/** The header row and the rows of cells, family name and given name first. */
export function table(list: Pick<MyPupilsList, 'columns' | 'pupils'>): { headers: string[]; dates: boolean[]; rows: Cell[][] } {
  return {
    headers: ['Efternamn', 'Förnamn', ...list.columns.map((c) => HEADERS[c])],
    dates: [false, false, ...list.columns.map((c) => c === 'birthDate')],
    rows: list.pupils.map((p) => [p.familyName, p.givenName, ...list.columns.map((c) => cell(p, c))]),
  };
}

/** "Mina elever – 9A – 2026-11-22.xlsx": the group's name (or none) and the day; no characters a file system refuses. */
export function fileName(group: { name: string } | null, today: string, ext: 'xlsx' | 'csv'): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim();
  return [`Mina elever`, group ? safe(group.name) : null, today].filter(Boolean).join(' – ') + `.${ext}`;
}

/** The workbook, streamed row by row: header bold, frozen and filtered, columns sized to their content,
 *  birth dates as dates. */
export function xlsxStream(list: Pick<MyPupilsList, 'columns' | 'pupils'>): PassThrough {
  const { headers, dates, rows } = table(list);
  const widths = headers.map((h, i) => Math.min(60, Math.max(8, h.length + 2, ...rows.map((r) => (dates[i] ? 12 : String(r[i] ?? '').length + 2)))));
  const stream = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Lärka';
    const sheet = workbook.addWorksheet('Mina elever', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headers.map((header, i) => ({ header, width: widths[i], style: dates[i] ? { numFmt: 'yyyy-mm-dd' } : {} }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const r of rows) sheet.addRow(r).commit();
    sheet.commit();
    await workbook.commit();
  };
  void write().catch((e) => stream.destroy(e as Error));
  return stream;
}

/** A cell as CSV: quoted when it holds `;`, a quote or a line break. A text Excel would take for a formula
 *  (=, +, -, @ first, unless it is a phone number) gets a leading apostrophe. */
export function csvField(v: Cell): string {
  let s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (/^[=+\-@\t\r]/.test(s) && !/^[+0-9()\- ]+$/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV for Excel: UTF-8 with a byte order mark (so å ä ö open right), `;` between fields, CRLF, streamed in chunks. */
export function csvStream(list: Pick<MyPupilsList, 'columns' | 'pupils'>): Readable {
  const { headers, rows } = table(list);
  const line = (cells: Cell[]) => `${cells.map(csvField).join(';')}\r\n`;
  return Readable.from((function* () {
    yield Buffer.from(`\uFEFF${line(headers)}`, 'utf8');
    for (let i = 0; i < rows.length; i += 500) yield Buffer.from(rows.slice(i, i + 500).map(line).join(''), 'utf8');
  })());
}
