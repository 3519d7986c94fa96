/**
 * Final grade documents in bulk (grading issue target: ≥ 50 documents/s): renders slutbetyg PDFs with
 * 17 subjects and one written assessment each, sequentially and 4 at a time, and prints documents/s,
 * the p99 of one document rendered alone, the CPU time per document and this process's peak RSS.
 * Usage: npm run bench:documents [-- --count 300] [--json] (--json: one JSON line, for bench/run.ts)
 */
import { renderGradeDocument, type GradeDocumentData } from '../src/server/grading/document-pdf.js';
import { SUBJECTS } from '../src/domain/org/subjects.js';
import { machineLine, option } from './load.js';

const count = Number(option('count', '300'));
const json = process.argv.includes('--json');
const data = (i: number): GradeDocumentData => ({
  kind: 'final', termLabel: 'VT 2027', madeOn: '2027-06-11',
  pupil: { name: `Åsa Öberg ${i}`, civicNo: '201103142389', schoolYear: 9, className: '9A' },
  unit: { name: 'Björkskolan', code: '12345678', organiser: 'Lärkby kommun' },
  grades: SUBJECTS.slice(0, 17).map((s, k) => ({ subjectName: s.name, subjectCode: s.code, value: 'ABCDEF'[k % 6], carriedOver: false })),
  meritValue: 212.5, adaptedTimetable: i % 10 === 0,
  assessments: [{ subjectName: 'Matematik', value: 'F', teacher: 'Anna Öberg', knowledgeDevelopment: 'Eleven har utvecklat sin förmåga att lösa problem. '.repeat(20), supportMeasures: 'Extra anpassningar. '.repeat(10) }],
});

const header = `# final grade documents — ${machineLine()}`;
await renderGradeDocument(data(0)); // warm-up (fonts)
const cpu0 = process.cpuUsage();
const each: number[] = [];
let t0 = performance.now();
for (let i = 0; i < count; i++) { const t = performance.now(); await renderGradeDocument(data(i)); each.push(performance.now() - t); }
const sequential = count / ((performance.now() - t0) / 1000);
t0 = performance.now();
for (let i = 0; i < count; i += 4) await Promise.all([0, 1, 2, 3].filter((k) => i + k < count).map((k) => renderGradeDocument(data(i + k))));
const batched = count / ((performance.now() - t0) / 1000);
const cpu = process.cpuUsage(cpu0);
each.sort((a, b) => a - b);
const result = {
  count, sequential, batched,
  p50: each[Math.floor(0.5 * each.length)], p99: each[Math.min(each.length - 1, Math.floor(0.99 * each.length))],
  cpuMsPerDocument: (cpu.user + cpu.system) / 1000 / (2 * count),
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(header);
  console.log(`${count} documents: ${sequential.toFixed(0)} documents/s one at a time (p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms each), `
    + `${batched.toFixed(0)} documents/s four at a time (one process); CPU ${result.cpuMsPerDocument.toFixed(1)} ms per document, peak RSS ${result.peakRssMiB.toFixed(0)} MiB`);
}
