/**
 * All benchmarks in one run (issue "Guard rails for every route", DESIGN.md §6): every endpoint class of
 * bench/classes.ts on PGlite and on PostgreSQL, on the municipality preset (≈50,000 pupils) —
 *   max req/s at 50 connections (closed loop, autocannon),
 *   p99 at a fixed offered rate (open loop, evenly spaced: the target where the max reaches it, else half the max),
 *   CPU ms per request of the server and of PostgreSQL (at the fixed rate), the server's peak RSS (a fresh server per class),
 *   and beside the write path the raw database rate of the same work (pgbench; for PGlite an in-process loop);
 * plus grade documents per second (in-process, bench/documents.ts). Ends with one markdown table, also
 * written to `.tmp/bench-latest.md`.
 * Usage: npm run bench [-- --only pglite|postgres] [--seconds 10] [--classes session,save,documents,…]
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/larka_bench, created if missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENTS_CLASS, ENDPOINT_CLASSES, runClass, type ClassResult } from './classes.js';
import { CONNECTIONS, loadAverage, machineLine, option } from './load.js';
import { pgbenchRate, pgliteRate, RAW_WORK } from './raw-rate.js';
import { benchDatabase, ensureSeeded, root, type BenchDatabase } from './server.js';
import { ensureBenchTeachers } from './users.js';

const seconds = Number(option('seconds', '10'));
const only = option('only');
if (only !== undefined && only !== 'pglite' && only !== 'postgres') throw new Error(`--only must be pglite or postgres, got ${only}`);
const allKeys = [...ENDPOINT_CLASSES.map((c) => c.key), DOCUMENTS_CLASS.key];
const keys = option('classes', allKeys.join(',')).split(',').map((k) => k.trim()).filter(Boolean);
const unknown = keys.filter((k) => !allKeys.includes(k));
if (unknown.length) throw new Error(`unknown class ${unknown.join(', ')}; the classes are ${allKeys.join(', ')}`);
if (!(seconds > 0)) throw new Error('--seconds must be a positive number');

interface DocumentsResult { count: number; sequential: number; batched: number; p50: number; p99: number; cpuMsPerDocument: number; peakRssMiB: number }
interface Row {
  cls: { key: string; label: string; route: string };
  database: string;
  result?: ClassResult;
  raw?: { rate: number; how: string };
  documents?: DocumentsResult;
  error?: string;
}

const rows: Row[] = [];
const started = new Date();
const startLine = machineLine();
const headline = `# Lärka benchmarks — ${started.toISOString()}`;
console.log(`${headline}\n${startLine}; ${seconds} s per run; classes ${keys.join(', ')}`);

async function benchDatabaseClasses(database: BenchDatabase) {
  const classes = ENDPOINT_CLASSES.filter((c) => keys.includes(c.key));
  if (classes.length === 0) return;
  console.log(`\n## ${database.label}`);
  let teachers: string[];
  try {
    const seeded = ensureSeeded(database.env, 'municipality');
    console.log(`seed: ${seeded.seconds.toFixed(1)} s — ${seeded.output}`);
    teachers = await ensureBenchTeachers(database);
    console.log(`${teachers.length} bench teacher accounts`);
  } catch (e) {
    for (const cls of classes) rows.push({ cls, database: database.label, error: `database not ready: ${(e as Error).message.split('\n')[0]}` });
    return;
  }
  for (const cls of classes) {
    const row: Row = { cls, database: database.label };
    rows.push(row);
    try {
      row.result = await runClass(database, cls, teachers, seconds);
    } catch (e) {
      row.error = (e as Error).message.split('\n')[0];
      console.log(`${database.label} ${cls.label}: FAILED — ${row.error}`);
      continue;
    }
    if (cls.write) {
      try {
        row.raw = database.key === 'postgres'
          ? { rate: pgbenchRate(database.url!, CONNECTIONS, seconds), how: `pgbench, ${CONNECTIONS} clients` }
          : { rate: await pgliteRate(seconds), how: 'in-process, one at a time' };
        console.log(`raw ${database.label} ${RAW_WORK} (${row.raw.how}): ${row.raw.rate.toFixed(0)} tx/s`);
      } catch (e) {
        console.log(`raw ${database.label} rate: FAILED — ${(e as Error).message.split('\n')[0]}`);
      }
    }
  }
}

if (only !== 'postgres') await benchDatabaseClasses(benchDatabase('pglite'));
if (only !== 'pglite') await benchDatabaseClasses(benchDatabase('postgres'));

if (keys.includes(DOCUMENTS_CLASS.key)) {
  console.log('\n## grade documents (in-process)');
  const row: Row = { cls: DOCUMENTS_CLASS, database: '— (no database)' };
  rows.push(row);
  // a process of its own, so that its peak RSS and CPU time are the renderer's alone
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/documents.ts', '--json', '--count', option('count', '300')], { cwd: root, encoding: 'utf8' });
  try {
    if (run.status !== 0) throw new Error(`bench/documents.ts exited ${run.status}: ${run.stderr.trim().split('\n').slice(-1)[0]}`);
    row.documents = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as DocumentsResult;
    const d = row.documents;
    console.log(`${d.count} documents: ${d.sequential.toFixed(0)}/s one at a time (p99 ${d.p99.toFixed(1)} ms), ${d.batched.toFixed(0)}/s four at a time; `
      + `CPU ${d.cpuMsPerDocument.toFixed(1)} ms per document, peak RSS ${d.peakRssMiB.toFixed(0)} MiB`);
  } catch (e) {
    row.error = (e as Error).message;
    console.log(`grade documents: FAILED — ${row.error}`);
  }
}

/** The PostgreSQL server's version and host, for the table's header. */
function postgresServer(): string {
  const url = benchDatabase('postgres').url!;
  let version = 'version unknown';
  try { version = execFileSync('psql', [url, '-tAc', 'show server_version'], { encoding: 'utf8' }).trim().split(' ')[0]; } catch { /* down */ }
  return `PostgreSQL ${version} (${new URL(url).host}, database ${new URL(url).pathname.slice(1)})`;
}

const f0 = (n: number) => n.toFixed(0);
const failed = (m: { failed: number; timedOut: number }) => (m.timedOut ? `${m.failed} (${m.timedOut} timed out)` : String(m.failed));
const f1 = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function cells(row: Row): string[] {
  const head = [`${row.cls.label}`, `\`${row.cls.route}\``, row.database];
  if (row.error) return [...head, `**failed:** ${row.error.replace(/\|/g, '\\|')}`, '', '', '', '', '', '', ''];
  if (row.documents) {
    const d = row.documents;
    return [...head, `${f0(d.batched)} docs/s (4 at a time; ${f0(d.sequential)} one at a time)`, 'one at a time',
      `${f1(d.p99)} (p50 ${f1(d.p50)})`, `${ms(d.cpuMsPerDocument)}`, '—', f0(d.peakRssMiB), '—', '0'];
  }
  const r = row.result!;
  const pg = row.database === 'PostgreSQL';
  const done = r.fixed.perSecond < 0.95 * r.rate ? `; done ${f0(r.fixed.perSecond)}/s` : '';
  const write = ENDPOINT_CLASSES.find((c) => c.key === row.cls.key)?.write;
  const raw = row.raw ? `${f0(row.raw.rate)} tx/s (${row.raw.how}); saves ${f0((100 * r.max.perSecond) / row.raw.rate)} % of it` : write ? 'failed' : '—';
  return [...head, f0(r.max.perSecond), `${r.rate} (${r.rateNote}${done})`, `${r.fixed.p99} (p50 ${r.fixed.p50})`,
    ms(r.fixed.cpuMs.server), pg ? ms(r.fixed.cpuMs.postgres) : '— (in server)', f0(r.peakRssMiB), raw, `${failed(r.max)} / ${failed(r.fixed)}`];
}

const columns = ['endpoint class', 'route', 'database', `max req/s @${CONNECTIONS} conn`, 'offered req/s (why)', 'p99 ms at offered (p50)',
  'CPU ms/req server', 'CPU ms/req PostgreSQL', 'server peak RSS MiB', 'raw DB write rate', 'failed (max / offered)'];
const table = [
  `| ${columns.join(' | ')} |`,
  `|${columns.map((_, i) => (i < 3 ? '---' : '---:')).join('|')}|`,
  ...rows.map((r) => `| ${cells(r).join(' | ')} |`),
].join('\n');

const markdown = `${headline}

Machine: ${startLine} at the start, ${loadAverage()} at the end (1, 5, 15 min).
The load generator (autocannon, open loop) runs in one Node process on the same cores as the server and the database.
${postgresServer()}; PGlite embedded in the server process (one connection).
Municipality preset (≈50,000 pupils); ${seconds} s per run; ${CONNECTIONS} connections, each acting as its own user.

${table}

- max: closed loop (autocannon) at ${CONNECTIONS} connections, after a short warm-up. Offered: open loop, evenly spaced,
  latency from each request's due time (bench/open-loop.ts); the rate is the issue's target (saves 500/s,
  register loads 200/s) where the max reaches it, else half the max.
- CPU per request: at the offered rate, from /proc (PostgreSQL: the bench database's backends and the writers;
  on PGlite the database's work is in the server's figure). RSS: the server's peak (VmHWM), a fresh server per class.
- Raw DB write rate: ${RAW_WORK} without Lärka, in the same run; the percentage is the max saves/s over it
  (goal ≥ 35 %). Grade documents: rendered in a process of their own, no HTTP, no database.
- failed: non-2xx answers and errors; timed out: no answer within 10 s (autocannon's limit; the open loop waits for every answer).
`;
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
fs.writeFileSync(path.join(root, '.tmp/bench-latest.md'), markdown);
console.log(`\n${markdown}\n(written to .tmp/bench-latest.md; ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min)`);
process.exitCode = rows.some((r) => r.error) ? 1 : 0;
