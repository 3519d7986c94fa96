import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { decodeText, detectDelimiter } from '../../../domain/register/import/decode.js';
import { matchColumns, type HeaderColumn } from '../../../domain/register/import/formats.js';
import { AppError } from '../../platform/http/errors.js';

/** The most data rows one import file may hold; a larger file is refused as a whole. */
export const MAX_ROWS = 10_000;
/** The largest file accepted (a 10,000-row file with every column is well under this). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface FileTable {
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'windows-1252' | null;
  delimiter: ';' | ',' | '\t' | null;
  header: string[];
  /** Data rows that are not empty, each with its row number as the file shows it (header = 1). */
  rows: { row: number; cells: string[] }[];
}

const fileError = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(400, code, message, extra);

/** Reads an uploaded file (xlsx by its zip signature, otherwise CSV text) into a header and data rows. */
export async function readFileTable(bytes: Buffer): Promise<FileTable> {
  if (bytes.length === 0) throw fileError('file_empty', 'The file is empty');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError('file_old_excel', 'Old Excel files (.xls) cannot be read: save the file as .xlsx or CSV');
  }
  const table = bytes[0] === 0x50 && bytes[1] === 0x4b ? await readXlsx(bytes) : readCsv(bytes);
  const first = table.all.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (first < 0) throw fileError('file_empty', 'The file has no header row and no rows');
  const header = table.all[first].cells;
  const rows = table.all.slice(first + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw fileError('file_no_rows', 'The file has a header row but no rows');
  if (rows.length > MAX_ROWS) throw fileError('too_many_rows', `The file has ${rows.length} rows; at most ${MAX_ROWS} can be imported at once`, { rows: rows.length, max: MAX_ROWS });
  return { format: table.format, encoding: table.encoding, delimiter: table.delimiter, header, rows };
}

type RawTable = Omit<FileTable, 'header' | 'rows'> & { all: { row: number; cells: string[] }[] };

function readCsv(bytes: Buffer): RawTable {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw fileError('file_unreadable', `The CSV file cannot be read${line ? ` (near line ${line})` : ''}: ${(e as Error).message.slice(0, 200)}`);
  }
  return { format: 'csv', encoding, delimiter, all: records.map((cells, i) => ({ row: i + 1, cells })) };
}

async function readXlsx(bytes: Buffer): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileError('file_unreadable', 'The Excel file cannot be read: save it again as .xlsx or CSV');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError('file_empty', 'The Excel file has no sheet');
  const all: RawTable['all'] = [];
  if (sheet.actualRowCount > MAX_ROWS + 1) {
    throw fileError('too_many_rows', `The file has ${sheet.actualRowCount - 1} rows; at most ${MAX_ROWS} can be imported at once`, { rows: sheet.actualRowCount - 1, max: MAX_ROWS });
  }
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell.value); });
    all.push({ row: number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { format: 'xlsx', encoding: null, delimiter: null, all };
}

/** A cell's value as the text a person sees: dates as YYYY-MM-DD, whole numbers without exponent. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

/**
 * Reads an uploaded file whose header must match `columns` (any order; case and spacing do not matter): each
 * data row's cells keyed by column. Wrong columns refuse the whole file (400 wrong_columns, naming them).
 */
export async function readColumns<K extends string>(bytes: Buffer, columns: readonly HeaderColumn<K>[], what: string) {
  const table = await readFileTable(bytes);
  const header = matchColumns(columns, table.header);
  if (!header.ok) {
    throw new AppError(400, 'wrong_columns', `The columns do not match a file of ${what}`,
      { columns: { expected: header.expected, found: header.found, missing: header.missing, unknown: header.unknown, repeated: header.repeated } });
  }
  const rows = table.rows.map((r) => {
    const cells: Partial<Record<K, string>> = {};
    header.columns.forEach((key, i) => { if (key) cells[key] = r.cells[i] ?? ''; });
    return { row: r.row, cells };
  });
  return { format: table.format, rows };
}
