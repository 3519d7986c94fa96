import { MIN_LENGTH } from '../../domain/accounts/password-rules.js';
import { createPdf } from '../platform/documents/pdf.js';
import type { Credential } from './credentials.js';

export interface LetterSheet { organiserName: string; unitName: string; loginAddress: string; printedOn: string }

/**
 * Credential letters: one A4 page per person with the unit, the person's name and class, the username,
 * the initial password, where to log in and short instructions in Swedish. The document is ended here
 * and streams as it is read (send it as the response body).
 */
export function credentialLetters(sheet: LetterSheet, credentials: Credential[]): PDFKit.PDFDocument {
  const doc = createPdf(`Inloggningsuppgifter ${sheet.unitName}`);
  credentials.forEach((c, i) => {
    if (i > 0) doc.addPage();
    letter(doc, sheet, c);
  });
  doc.end();
  return doc;
}

function letter(doc: PDFKit.PDFDocument, sheet: LetterSheet, c: Credential) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('regular').fontSize(10).fillColor('#333333').text(sheet.organiserName);
  doc.font('bold').fontSize(12).fillColor('black').text(sheet.unitName);
  doc.moveDown(2);
  doc.font('bold').fontSize(20).text('Dina inloggningsuppgifter till Lärka');
  doc.moveDown(0.5);
  doc.font('regular').fontSize(12).text(`Till: ${c.name}`);
  if (c.className) doc.text(`Klass: ${c.className}`);
  doc.moveDown(1.5);

  const boxTop = doc.y;
  const field = (label: string, value: string, y: number) => {
    doc.font('regular').fontSize(11).text(label, left + 20, y);
    doc.font('bold').fontSize(24).text(value, left + 20, y + 16, { characterSpacing: 1.5 });
  };
  doc.rect(left, boxTop, width, 130).lineWidth(1.5).stroke();
  field('Användarnamn', c.username, boxTop + 14);
  field('Lösenord', c.password, boxTop + 70);
  doc.x = left;
  doc.y = boxTop + 150;

  doc.font('regular').fontSize(12).text('Logga in på: ', { continued: true }).font('bold').text(sheet.loginAddress);
  doc.moveDown(1.5);
  doc.font('bold').fontSize(14).text('Så här gör du');
  doc.moveDown(0.3);
  doc.font('regular').fontSize(12);
  const steps = [
    'Gå till adressen ovan och skriv ditt användarnamn och lösenordet på det här brevet.',
    `Du byter lösenord första gången du loggar in. Välj ett eget lösenord med minst ${MIN_LENGTH} tecken, eller tre ord, till exempel ”sol hund cykel”.`,
    'Berätta aldrig ditt lösenord för någon annan. Släng brevet när du har bytt lösenord.',
    'Har du glömt ditt lösenord? Fråga skolans administratör, så får du ett nytt.',
  ];
  steps.forEach((s, i) => doc.text(`${i + 1}. ${s}`, { indent: 0, paragraphGap: 6 }));
  doc.moveDown(2);
  doc.fontSize(9).fillColor('#333333')
    .text(`Utskrivet ${sheet.printedOn}. Lösenordet på brevet gäller tills du har bytt det, eller tills ett nytt brev skrivs ut.`);
  doc.fillColor('black');
}

/** A file name for a download: Swedish in UTF-8 (filename*), with an ASCII fallback (filename). */
export function attachment(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
