import SVGtoPDF from 'svg-to-pdfkit';
import { createPdf, drawTable, pdfBuffer } from '../platform/documents/pdf.js';
import { deviationChartSvg } from './export-chart.js';
import { DIMENSION_LABELS, figureText, LEVEL_LABELS, RULES } from './export-labels.js';
import type { ReportT } from './report-schemas.js';

type Row = ReportT['subjects'][number]['total'];
const num = (v: number | string) => (typeof v === 'number' ? v : null);

const DEVIATION_COLUMNS = [
  { label: 'Rad', width: 165 }, { label: 'Elever', width: 45 }, { label: 'Lägre', width: 45 }, { label: 'Samma', width: 45 },
  { label: 'Högre', width: 45 }, { label: 'Betyg', width: 45 }, { label: 'Prov', width: 45 }, { label: 'Tydlig', width: 60 },
];
const DISTRIBUTION_COLUMNS = [
  { label: 'Rad', width: 165 }, { label: 'Elever', width: 45 }, ...(['A', 'B', 'C', 'D', 'E', 'F', '–'].map((l) => ({ label: l, width: 35 }))), { label: 'A–E', width: 40 },
];

function clear(r: Row): string {
  const t = [r.deviation?.signTest, r.deviation?.versusOthers, r.distribution.versusOthers].find((x) => x?.clear);
  return t ? (t.direction === 'higher' ? 'högre' : 'lägre') : 'nej';
}
const deviationCells = (label: string, r: Row) => {
  const d = r.deviation!;
  return [label, figureText(d.pupils, 'count'), figureText(d.lower, 'share'), figureText(d.same, 'share'), figureText(d.higher, 'share'),
    figureText(d.gradePoints, 'mean'), figureText(d.testPoints, 'mean'), clear(r)];
};
const distributionCells = (label: string, r: Row) => {
  const s = r.distribution.shares;
  return [label, figureText(r.distribution.pupils, 'count'), ...[s.A, s.B, s.C, s.D, s.E, s.F, s.dash].map((v) => figureText(v, 'share')),
    figureText(r.distribution.passing, 'share')];
};

/** The report as a PDF/A document: title and school year, per subject its table and (subjects with a
 *  national test) the stacked lower/same/higher chart drawn as vector graphics, the patterns and the rules. */
export function reportPdf(report: ReportT): Promise<Buffer> {
  const doc = createPdf(`Uppföljning ${report.title} ${report.schoolYear}`);
  doc.font('bold').fontSize(18).text(`Uppföljning av betyg och provbetyg — ${report.title}`);
  doc.font('regular').fontSize(10).text(`${LEVEL_LABELS[report.level]} · årskurs ${report.gradeYear} · läsår ${report.schoolYear}`);
  doc.text(`${report.tests.count} test; ${report.tests.method}. ".." = färre än 10 elever eller skyddad genom subtraktion, "." = uppgift saknas.`);
  for (const section of report.subjects) {
    if (doc.y > doc.page.height - 260) doc.addPage();
    doc.moveDown().font('bold').fontSize(13).text(`${section.subject.name} (${section.subject.code})`);
    doc.font('regular').fontSize(10);
    const rows: [string, Row][] = [[section.total.label, section.total], ...section.rows.map((r) => [r.label, r] as [string, Row]),
      ...section.breakdowns.flatMap((b) => b.rows.map((r) => [`${DIMENSION_LABELS[b.dimension]}: ${r.label}`, r] as [string, Row]))];
    if (section.hasTest) {
      drawTable(doc, DEVIATION_COLUMNS, rows.map(([l, r]) => deviationCells(l, r)));
      const bars = [[section.total.label, section.total] as [string, Row], ...section.rows.map((r) => [r.label, r] as [string, Row])]
        .map(([label, r]) => ({ label, lower: num(r.deviation!.lower), same: num(r.deviation!.same), higher: num(r.deviation!.higher) }));
      const svg = deviationChartSvg(bars);
      const height = 50 + bars.length * 22;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.moveDown(0.5);
      SVGtoPDF(doc, svg, doc.page.margins.left, doc.y, { width: 495, height, fontCallback: () => 'regular', assumePt: true });
      doc.y += height + 10;
      doc.x = doc.page.margins.left;
    } else {
      doc.text('Inget nationellt prov i årskursen: betygsfördelningen.');
      drawTable(doc, DISTRIBUTION_COLUMNS, rows.map(([l, r]) => distributionCells(l, r)));
    }
  }
  doc.addPage().font('bold').fontSize(13).text('Återkommande mönster');
  doc.font('regular').fontSize(10);
  if (report.patterns.length === 0) doc.text('Inga återkommande mönster.');
  for (const p of report.patterns) {
    doc.text(`${p.label}, ${p.subject.name}: betygen ${p.direction === 'higher' ? 'högre' : 'lägre'} än provbetygen jämfört med övriga (${p.years.map((y) => y.schoolYear).join(', ')}; q = ${p.q.toFixed(3).replace('.', ',')}).`);
  }
  doc.moveDown().font('bold').fontSize(13).text('Så räknas det');
  doc.font('regular').fontSize(10);
  for (const [rule, text] of RULES) doc.text(`${rule}: ${text}`).moveDown(0.3);
  return pdfBuffer(doc);
}
