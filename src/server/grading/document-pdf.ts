import { formatCivicNo } from '../../domain/org/personnummer.js';
import { createPdf, drawTable, pdfBuffer } from '../platform/documents/pdf.js';

export interface GradeDocumentData {
  kind: 'term' | 'final';
  pupil: { name: string; civicNo: string | null; schoolYear: number | null; className: string | null };
  unit: { name: string; code: string; organiser: string };
  termLabel: string;
  grades: { subjectName: string; subjectCode: string; value: string; carriedOver: boolean }[];
  invalidAbsenceHours?: number;
  meritValue?: number;
  adaptedTimetable?: boolean;
  assessments?: { subjectName: string; value: string; knowledgeDevelopment: string; supportMeasures: string; teacher: string }[];
  madeOn: string;
}

/** Terminsbetyg or slutbetyg for one pupil, PDF/A-2b with the text extractable (å ä ö, –). */
export function renderGradeDocument(d: GradeDocumentData): Promise<Buffer> {
  const title = d.kind === 'final' ? 'Slutbetyg' : 'Terminsbetyg';
  const doc = createPdf(`${title} ${d.pupil.name} ${d.termLabel}`);
  doc.font('bold').fontSize(18).text(title);
  doc.font('regular').fontSize(10).text(d.kind === 'final' ? 'Grundskola — slutbetyg (skollagen 10 kap.)' : `Grundskola — terminsbetyg ${d.termLabel}`);
  doc.moveDown();
  doc.text(`Elev: ${d.pupil.name}`);
  doc.text(`Personnummer: ${d.pupil.civicNo ? formatCivicNo(d.pupil.civicNo) : '—'}`);
  doc.text(`Årskurs: ${d.pupil.schoolYear ?? '—'}${d.pupil.className ? `, klass ${d.pupil.className}` : ''}`);
  doc.text(`Skolenhet: ${d.unit.name} (skolenhetskod ${d.unit.code}), ${d.unit.organiser}`);
  doc.moveDown();
  drawTable(doc, [{ label: 'Ämne', width: 300 }, { label: 'Betyg', width: 60 }, { label: 'Anmärkning', width: 135 }],
    d.grades.map((g) => [`${g.subjectName} (${g.subjectCode})`, g.value, g.carriedOver ? 'Överfört betyg' : '']));
  doc.moveDown();
  if (d.kind === 'term') doc.text(`Ogiltig frånvaro under terminen: ${d.invalidAbsenceHours ?? 0} timmar`);
  if (d.kind === 'final') {
    doc.text(`Meritvärde: ${d.meritValue ?? 0}`);
    if (d.adaptedTimetable) doc.text('Eleven har haft anpassad timplan.');
    if (d.assessments?.length) doc.text(`Skriftliga bedömningar bifogas (${d.assessments.length}).`);
  }
  doc.moveDown(2);
  doc.text('Betygsdokumentet har utfärdats av rektor.');
  doc.moveDown(1.5);
  doc.text('______________________________________  Datum ____________');
  doc.text(`Utfärdat ${d.madeOn}`);
  for (const a of d.assessments ?? []) {
    doc.addPage();
    doc.font('bold').fontSize(14).text(`Skriftlig bedömning — ${a.subjectName}`);
    doc.font('regular').fontSize(10).text(`Elev: ${d.pupil.name}   Betyg: ${a.value}   Lärare: ${a.teacher}`);
    doc.moveDown();
    doc.font('bold').text('Elevens kunskapsutveckling');
    doc.font('regular').text(a.knowledgeDevelopment || '—');
    doc.moveDown();
    doc.font('bold').text('Stödåtgärder');
    doc.font('regular').text(a.supportMeasures || '—');
  }
  return pdfBuffer(doc);
}
