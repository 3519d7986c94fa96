import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

/**
 * The font files, read once. Shaping text (fontkit's `layout`) reads the fonts' large GSUB/GPOS tables,
 * ~25 ms on a font's first use: one parsed font per face does it for every document. Subsetting must not
 * use that parse: it decodes the parts of composite glyphs ("ä" is "a" and a diaeresis) without their
 * characters, fontkit caches them so, and later documents then shaped an "a" that extracted as nothing
 * ("M tem tik"). So each document subsets from its own parse, which is cheap (tables are read lazily),
 * and takes everything else (shaping, metrics, the names and flags pdfkit embeds, whose tables cost
 * more to decode than the glyphs) from the shared parse, through a proxy. Glyph ids are the same in both.
 */
type Face = 'regular' | 'bold';
const fontBytes: Record<Face, Buffer> = { regular: fs.readFileSync(FONT_REGULAR), bold: fs.readFileSync(FONT_BOLD) };
type Font = ReturnType<typeof fontkit.create>;
const shapers: Record<Face, Font> = { regular: fontkit.create(fontBytes.regular), bold: fontkit.create(fontBytes.bold) };
/** A parse of its own (its own glyph cache) that reads the tables the shared parse already decoded
 *  (fontkit looks a decoded table up with `in`, so a prototype holding them serves): subsetting only
 *  reads them. */
function subsettingParse(face: Face): Font {
  const own = fontkit.create(fontBytes[face]) as Font & { _tables: object };
  own._tables = Object.create((shapers[face] as Font & { _tables: object })._tables);
  return own;
}

function documentFont(face: Face): string {
  const shaper = shapers[face];
  let own: Font | undefined; // parsed on the document's first subset
  const font = new Proxy(shaper, {
    get(target, key) {
      const source = key === 'createSubset' ? (own ??= subsettingParse(face)) : target;
      const value = Reflect.get(source, key, source);
      return typeof value === 'function' ? value.bind(source) : value;
    },
  });
  return font as unknown as string; // pdfkit takes a fontkit font where its types say a path
}

/** A PDF/A-2b document, tagged, Swedish, with DejaVu Sans embedded (å ä ö and – extract exactly). */
export function createPdf(title: string): PDFKit.PDFDocument {
  const regular = documentFont('regular');
  const doc = new PDFDocument({
    size: 'A4', margin: 50, pdfVersion: '1.7', subset: 'PDF/A-2b', tagged: true, lang: 'sv-SE', displayTitle: true,
    font: regular, info: { Title: title, Creator: 'Lärka', Producer: 'Lärka' },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('bold', documentFont('bold'));
  doc.registerFont('regular', regular); // the same parse as the default font: pdfkit embeds it once
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
