import ExcelJS from 'exceljs';
import type { ReportT } from './report-schemas.js';
import { DIMENSION_LABELS, RULES } from './export-labels.js';

type Row = ReportT['subjects'][number]['total'];
const PERCENT = '0%';
const MEAN = '0.0';
/** A figure in a cell: the number, or ".." / "." as text. */
const cell = (v: number | string) => v;

const HEADERS = [
  ['Rad', 36], ['Typ', 14], ['Elever med betyg och provbetyg', 16], ['Lägre', 9], ['Samma', 9], ['Högre', 9], ['Betygspoäng', 12], ['Provpoäng', 12],
  ['Medelskillnad (poäng)', 14], ['Högre/lägre: q', 10], ['Mot övriga: q', 10], ['Tydlig skillnad', 14], ['Elever med betyg', 12],
  ['A', 7], ['B', 7], ['C', 7], ['D', 7], ['E', 7], ['F', 7], ['–', 7], ['Andel A–E', 10], ['Fördelning mot övriga: q', 12],
] as const;
const SHARE_COLUMNS = new Set([4, 5, 6, 14, 15, 16, 17, 18, 19, 20, 21]);
const MEAN_COLUMNS = new Set([7, 8, 9]);

function clearText(r: Row): string {
  const tests = [r.deviation?.signTest, r.deviation?.versusOthers, r.distribution.versusOthers].filter((t) => t?.clear);
  return tests.length ? tests.map((t) => (t!.direction === 'higher' ? 'högre' : 'lägre')).join(', ') : 'ingen tydlig skillnad';
}

function rowValues(label: string, kind: string, r: Row) {
  const d = r.deviation;
  const s = r.distribution.shares;
  return [label, kind, cell(d?.pupils ?? '.'), cell(d?.lower ?? '.'), cell(d?.same ?? '.'), cell(d?.higher ?? '.'), cell(d?.gradePoints ?? '.'),
    cell(d?.testPoints ?? '.'), cell(d?.meanDifference ?? '.'), d?.signTest?.q ?? '', d?.versusOthers?.q ?? '', clearText(r),
    cell(r.distribution.pupils), cell(s.A), cell(s.B), cell(s.C), cell(s.D), cell(s.E), cell(s.F), cell(s.dash), cell(r.distribution.passing),
    r.distribution.versusOthers?.q ?? ''];
}

const sheetName = (name: string, used: Set<string>) => {
  let base = name.replace(/[\\/*?:[\]]/g, ' ').slice(0, 28);
  let n = 2;
  while (used.has(base)) base = `${name.slice(0, 25)} ${n++}`;
  used.add(base);
  return base;
};

/** The report as a workbook: one sheet per subject (its level, rows and breakdowns), the patterns, the rules. */
export async function reportWorkbook(report: ReportT): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lärka';
  const used = new Set<string>();
  for (const section of report.subjects) {
    const ws = wb.addWorksheet(sheetName(`${section.subject.name} (${section.subject.code})`, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = HEADERS.map(([header, width], i) => ({ header, width,
      style: SHARE_COLUMNS.has(i + 1) ? { numFmt: PERCENT } : MEAN_COLUMNS.has(i + 1) ? { numFmt: MEAN } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.addRow(rowValues(section.total.label, 'Totalt', section.total)).font = { bold: true };
    for (const r of section.rows) ws.addRow(rowValues(r.label, r.kind === 'unit' ? 'Skolenhet' : 'Grupp', r));
    for (const b of section.breakdowns) for (const r of b.rows) ws.addRow(rowValues(r.label, DIMENSION_LABELS[b.dimension] ?? b.dimension, r));
    for (const t of section.trend) ws.addRow(rowValues(`${section.total.label} ${t.schoolYear}`, 'Utveckling', { ...section.total, deviation: t.deviation, distribution: t.distribution }));
    if (!section.hasTest) ws.addRow(['Ämnet har inget nationellt prov i årskursen: bara betygsfördelningen.']);
  }
  const patterns = wb.addWorksheet('Mönster');
  patterns.columns = [{ header: 'Typ', width: 12 }, { header: 'Vem', width: 30 }, { header: 'Ämne', width: 16 }, { header: 'Riktning', width: 10 },
    { header: 'Läsår', width: 40 }, { header: 'p', width: 10 }, { header: 'q', width: 10 }, { header: 'Metod', width: 20 }];
  patterns.getRow(1).font = { bold: true };
  for (const p of report.patterns) {
    patterns.addRow([p.kind, p.label, p.subject.name, p.direction === 'higher' ? 'högre' : 'lägre',
      p.years.map((y) => `${y.schoolYear}: högre ${typeof y.higher === 'number' ? Math.round(y.higher * 100) + ' %' : y.higher}`).join('; '), p.p, p.q, p.method]);
  }
  if (report.patterns.length === 0) patterns.addRow(['Inga återkommande mönster.']);
  const rules = wb.addWorksheet('Regler');
  rules.columns = [{ header: 'Regel', width: 22 }, { header: 'Förklaring', width: 120 }];
  rules.getRow(1).font = { bold: true };
  for (const [rule, text] of RULES) rules.addRow([rule, text]);
  rules.addRow(['Test i rapporten', `${report.tests.count} test, ${report.tests.method}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
