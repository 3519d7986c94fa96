/**
 * Register import at scale (issue target: 5,000 pupils with guardians and memberships in < 30 s): generates
 * the files of a made-up school of 5,000 pupils (classes and teaching groups, pupils with class, two
 * guardians each, teaching-group memberships), starts a server on freshly seeded demo data and runs each
 * file through preview and apply (polling the job as the page does), then the same files again (nothing to
 * do). Prints seconds per step and the total, on PGlite and — when TEST_DATABASE_URL or DATABASE_URL is set —
 * on PostgreSQL (a throwaway database `larka_bench_import` on that server).
 * Usage: node --import tsx bench/import.ts [--pupils 5000] [--only pglite|postgres]
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { schoolFiles } from './import-files.js';
import { machineLine, option } from './load.js';
import { ensureSeeded, root, signIn, startServer, type Session } from './server.js';

const pupils = Number(option('pupils', '5000'));
const only = option('only');
const KINDS = ['grupper', 'elever', 'vardnadshavare', 'gruppmedlemskap'] as const;
const files = schoolFiles(pupils, 'Bench');

interface Step { kind: string; rows: number; previewS: number; applyS: number; polls: number; longestPollGapS: number; created: number; unchanged: number }

async function runFile(baseUrl: string, s: Session, kind: string, text: string): Promise<Step> {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), `${kind}.csv`);
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/admin/import/preview?kind=${kind}`, { method: 'POST', body: form, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  const preview = await res.json() as any;
  if (!res.ok || preview.counts.reject) throw new Error(`${kind} preview: ${res.status} ${JSON.stringify(preview).slice(0, 400)}`);
  const t1 = performance.now();
  const started = await fetch(`${baseUrl}/api/admin/import/apply`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ previewId: preview.previewId, fileHash: preview.fileHash }) });
  let job = await started.json() as any;
  if (started.status !== 202) throw new Error(`${kind} apply: ${started.status} ${JSON.stringify(job)}`);
  let polls = 0; let last = performance.now(); let longest = 0;
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    job = await (await fetch(`${baseUrl}/api/admin/import/jobs/${job.jobId}`, { headers: { cookie: s.cookie } })).json();
    polls++; const now = performance.now(); longest = Math.max(longest, now - last); last = now;
  }
  if (job.state !== 'done') throw new Error(`${kind} apply failed: ${JSON.stringify(job.error)}`);
  return { kind, rows: preview.rows, previewS: (t1 - t0) / 1000, applyS: (performance.now() - t1) / 1000, polls, longestPollGapS: longest / 1000,
    created: preview.counts.create, unchanged: preview.counts.unchanged };
}

async function bench(label: string, env: NodeJS.ProcessEnv) {
  const seeded = ensureSeeded(env, 'demo');
  console.log(`\n## ${label} (demo seeded in ${seeded.seconds.toFixed(1)} s)`);
  const server = await startServer(env);
  try {
    const admin = await signIn(server.baseUrl, 'admin');
    for (const round of ['first import', 'same files again']) {
      const steps: Step[] = [];
      for (const kind of KINDS) steps.push(await runFile(server.baseUrl, admin, kind, files[kind]));
      const total = steps.reduce((n, s) => n + s.previewS + s.applyS, 0);
      console.log(`\n${round}:\n| file | rows | created | unchanged | preview s | apply s | polls | longest poll gap s |\n|---|---:|---:|---:|---:|---:|---:|---:|`);
      for (const s of steps) console.log(`| ${s.kind} | ${s.rows} | ${s.created} | ${s.unchanged} | ${s.previewS.toFixed(2)} | ${s.applyS.toFixed(2)} | ${s.polls} | ${s.longestPollGapS.toFixed(2)} |`);
      console.log(`| **total** | ${steps.reduce((n, s) => n + s.rows, 0)} | | | | **${total.toFixed(2)} s** | | |`);
      if (round === 'first import') console.log(`${total < 30 ? 'PASS' : 'FAIL'}: ${pupils} pupils with guardians and memberships in ${total.toFixed(1)} s (target < 30 s); server peak RSS ${server.peakRssMiB().toFixed(0)} MiB`);
    }
  } finally {
    await server.stop();
  }
}

console.log(`# register import — ${pupils} pupils — ${machineLine()}`);
if (only !== 'postgres') {
  const dir = path.join(root, '.tmp/bench-import-pglite');
  fs.rmSync(dir, { recursive: true, force: true });
  await bench('PGlite', { LARKA_DATA_DIR: dir });
  fs.rmSync(dir, { recursive: true, force: true });
}
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (only !== 'pglite' && serverUrl) {
  const url = new URL(serverUrl); url.pathname = '/larka_bench_import';
  const maintenance = new URL(serverUrl); maintenance.pathname = '/postgres';
  const drop = () => spawnSync('psql', [maintenance.href, '-qc', 'drop database if exists larka_bench_import with (force)'], { stdio: 'inherit' });
  drop();
  try { await bench('PostgreSQL', { DATABASE_URL: url.href }); } finally { drop(); }
} else if (only !== 'pglite') {
  console.log('\n(PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL)');
}
