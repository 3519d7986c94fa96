/**
 * Final grade documents in bulk (grading issue target: ≥ 50 documents/s): renders slutbetyg PDFs with
 * 17 subjects and one written assessment each, sequentially and 4 at a time, and prints documents/s.
 * Usage: npm run bench:documents [-- --count 300]
 */
import os from 'node:os';
import { renderGradeDocument, type GradeDocumentData } from '../src/server/grading/document-pdf.js';
import { SUBJECTS } from '../src/domain/org/subjects.js';

const args = process.argv.slice(2);
const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : 300;
const data = (i: number): GradeDocumentData => ({
  kind: 'final', termLabel: 'VT 2027', madeOn: '2027-06-11',
  pupil: { name: `Åsa Öberg ${i}`, civicNo: '201103142389', schoolYear: 9, className: '9A' },
  unit: { name: 'Björkskolan', code: '12345678', organiser: 'Lärkby kommun' },
  grades: SUBJECTS.slice(0, 17).map((s, k) => ({ subjectName: s.name, subjectCode: s.code, value: 'ABCDEF'[k % 6], carriedOver: false })),
  meritValue: 212.5, adaptedTimetable: i % 10 === 0,
  assessments: [{ subjectName: 'Matematik', value: 'F', teacher: 'Anna Öberg', knowledgeDevelopment: 'Eleven har utvecklat sin förmåga att lösa problem. '.repeat(20), supportMeasures: 'Extra anpassningar. '.repeat(10) }],
});

await renderGradeDocument(data(0)); // warm-up (fonts)
let t0 = performance.now();
for (let i = 0; i < count; i++) await renderGradeDocument(data(i));
const sequential = count / ((performance.now() - t0) / 1000);
t0 = performance.now();
for (let i = 0; i < count; i += 4) await Promise.all([0, 1, 2, 3].map((k) => renderGradeDocument(data(i + k))));
const batched = count / ((performance.now() - t0) / 1000);
console.log(`# final grade documents — ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`${count} documents: ${sequential.toFixed(0)} documents/s one at a time, ${batched.toFixed(0)} documents/s four at a time (one process)`);
