import { APPEAL_INSTRUCTIONS, type ActionProgrammeDecision } from '../../domain/pupil-support/action-programme.js';
import { formatCivicNo } from '../../domain/org/personnummer.js';
import { createPdf, pdfBuffer } from '../platform/documents/pdf.js';

export interface DecisionDocumentData {
  pupil: { name: string; civicNo: string | null; className: string | null };
  unit: { name: string; code: string; organiser: string };
  investigation: { reason: string; startedOn: string; findings: string };
  decision: ActionProgrammeDecision;
  decisionReason: string;
  decidedOn: string;
  decider: { name: string; asDelegate: boolean };
  needs: string;
  evaluateBy: string | null;
  measures: { measure: string; responsible: string; followUpOn: string }[];
}

/** The decision on an action programme (a programme, or none), PDF/A with the text extractable, telling how to appeal. */
export function renderDecisionDocument(d: DecisionDocumentData): Promise<Buffer> {
  const programme = d.decision === 'programme';
  const title = programme ? 'Beslut om åtgärdsprogram' : 'Beslut att inte upprätta åtgärdsprogram';
  const doc = createPdf(`${title} ${d.pupil.name} ${d.decidedOn}`);
  const heading = (text: string) => { doc.moveDown(); doc.font('bold').fontSize(12).text(text); doc.font('regular').fontSize(10); };
  doc.font('bold').fontSize(18).text(title);
  doc.font('regular').fontSize(10).text('Grundskola — särskilt stöd (skollagen 3 kap. 9–12 §§)');
  doc.moveDown();
  doc.text(`Elev: ${d.pupil.name}`);
  doc.text(`Personnummer: ${d.pupil.civicNo ? formatCivicNo(d.pupil.civicNo) : '—'}`);
  if (d.pupil.className) doc.text(`Klass: ${d.pupil.className}`);
  doc.text(`Skolenhet: ${d.unit.name} (skolenhetskod ${d.unit.code}), ${d.unit.organiser}`);
  doc.text(`Beslutsdatum: ${d.decidedOn}`);

  heading('Utredning');
  doc.text(`Utredningen inleddes ${d.investigation.startedOn}. Anledning: ${d.investigation.reason}`);
  doc.moveDown(0.5);
  doc.text(d.investigation.findings || '—');

  heading('Beslut');
  doc.text(programme
    ? 'Eleven är i behov av särskilt stöd. Ett åtgärdsprogram upprättas enligt nedan.'
    : 'Eleven bedöms inte vara i behov av särskilt stöd. Något åtgärdsprogram upprättas inte.');
  doc.moveDown(0.5);
  doc.font('bold').text('Skäl för beslutet');
  doc.font('regular').text(d.decisionReason);

  if (programme) {
    heading('Elevens behov av särskilt stöd');
    doc.text(d.needs);
    heading('Åtgärder');
    d.measures.forEach((m, i) => {
      doc.text(`${i + 1}. ${m.measure}`);
      doc.text(`Ansvarig: ${m.responsible}. Följs upp: ${m.followUpOn}.`, { indent: 14 });
      doc.moveDown(0.3);
    });
    doc.moveDown(0.5);
    doc.text(`Åtgärdsprogrammet utvärderas senast ${d.evaluateBy ?? '—'}.`);
  }

  heading('Beslutsfattare');
  doc.text(`${d.decider.name}, ${d.decider.asDelegate ? 'på delegation från rektor' : 'rektor'}`);

  heading('Hur man överklagar');
  for (const line of APPEAL_INSTRUCTIONS) { doc.text(line); doc.moveDown(0.3); }
  return pdfBuffer(doc);
}
