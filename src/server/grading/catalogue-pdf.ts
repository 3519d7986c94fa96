import { formatCivicNo } from '../../domain/org/personnummer.js';
import { createPdf, drawTable, pdfBuffer } from '../platform/documents/pdf.js';

export interface CatalogueDocument {
  unitName: string; subjectName: string; subjectCode: string; groupName: string; termLabel: string; columnLabel: string;
  printedAt: string;
  lines: { name: string; civicNo: string | null; value: string | null; state: string | null }[];
  teachers: { name: string; licensed: boolean }[];
  signatures: { name: string; signedAt: string }[];
}

const STATE_SV: Record<string, string> = { registered: 'Registrerat', confirmed: 'Bekräftat', decided: 'Beslutat', locked: 'Låst' };

/** Betygskatalog: one group and subject for a term, with a signature line per grading teacher. */
export function renderCatalogue(d: CatalogueDocument): Promise<Buffer> {
  const doc = createPdf(`Betygskatalog ${d.groupName} ${d.termLabel}`);
  doc.font('bold').fontSize(16).text('Betygskatalog');
  doc.font('regular').fontSize(10).moveDown(0.5);
  doc.text(`Skolenhet: ${d.unitName}`);
  doc.text(`Ämne: ${d.subjectName} (${d.subjectCode})`);
  doc.text(`Undervisningsgrupp: ${d.groupName}`);
  doc.text(`Termin: ${d.termLabel} — ${d.columnLabel}`);
  doc.text(`Utskriven: ${d.printedAt}`);
  doc.moveDown();
  drawTable(doc, [{ label: 'Elev', width: 220 }, { label: 'Personnummer', width: 120 }, { label: 'Betyg', width: 50 }, { label: 'Status', width: 105 }],
    d.lines.map((l) => [l.name, l.civicNo ? formatCivicNo(l.civicNo) : '', l.value ?? '', l.state ? STATE_SV[l.state] ?? l.state : 'Ej registrerat']));
  doc.moveDown(2);
  doc.font('bold').text('Underskrifter');
  doc.font('regular');
  for (const t of d.teachers) {
    const signed = d.signatures.find((s) => s.name === t.name);
    doc.moveDown(1.2);
    doc.text(`${t.name}${t.licensed ? ' (legitimerad lärare)' : ' (saknar legitimation: signerar tillsammans med legitimerad lärare)'}`);
    doc.text(signed ? `Signerat i Lärka ${signed.signedAt}` : '______________________________________  Datum ____________');
  }
  return pdfBuffer(doc);
}
