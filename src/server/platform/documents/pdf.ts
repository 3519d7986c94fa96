import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

/** The font files, read once. Each document parses them anew (~70 ms, the main cost of a document):
 *  sharing one parsed fontkit font between documents lost glyphs from later documents' subsets
 *  ("Matematik" came out as "M tem tik" in bold), so it is not done. */
const fontBytes = { regular: fs.readFileSync(FONT_REGULAR), bold: fs.readFileSync(FONT_BOLD) };
const fonts = { regular: () => fontkit.create(fontBytes.regular), bold: () => fontkit.create(fontBytes.bold) };

/** A PDF/A-2b document, tagged, Swedish, with DejaVu Sans embedded (å ä ö and – extract exactly). */
export function createPdf(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4', margin: 50, pdfVersion: '1.7', subset: 'PDF/A-2b', tagged: true, lang: 'sv-SE', displayTitle: true,
    font: fonts.regular() as unknown as string, info: { Title: title, Creator: 'Lärka', Producer: 'Lärka' },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', fonts.regular() as unknown as string);
  doc.registerFont('bold', fonts.bold() as unknown as string);
  doc.font('regular');
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A simple table: header row in bold, then rows; starts a new page (repeating the header) when full. */
export function drawTable(doc: PDFKit.PDFDocument, columns: { label: string; width: number }[], rows: string[][]) {
  const x0 = doc.page.margins.left;
  const rowHeight = 18;
  const header = () => {
    doc.font('bold').fontSize(10);
    const y = doc.y;
    let x = x0;
    for (const c of columns) { doc.text(c.label, x, y, { width: c.width, lineBreak: false }); x += c.width; }
    doc.y = y + rowHeight - 4;
    doc.moveTo(x0, doc.y).lineTo(x0 + columns.reduce((s, c) => s + c.width, 0), doc.y).stroke();
    doc.moveDown(0.3);
    doc.font('regular');
  };
  header();
  for (const row of rows) {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom - 80) { doc.addPage(); header(); }
    const y = doc.y;
    let x = x0;
    row.forEach((cell, i) => { doc.text(cell, x, y, { width: columns[i].width, lineBreak: false, ellipsis: true }); x += columns[i].width; });
    doc.y = y + rowHeight;
  }
  doc.x = x0;
}
