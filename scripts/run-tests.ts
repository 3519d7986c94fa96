/**
 * `npm test`: runs every tier — unit, api (PGlite), api-postgres (when TEST_DATABASE_URL is set), e2e
 * (Chromium) — prints the time each took, and ends with one line `N passed, N failed`.
 * Arguments after `--` go to Vitest (e.g. `npm test -- --project unit`).
 *
 * To keep a 2-core machine busy (measured: docs/ARCHITECTURE.md, "How npm test spends its time"):
 * - while the unit tier runs, the demo template is seeded ONCE for all tiers (PGlite folder and PostgreSQL
 *   database, handed over in LARKA_TEST_PGLITE_TEMPLATE / LARKA_TEST_PG_TEMPLATE, see
 *   test/support/demo-template.ts) and the web app is built when stale;
 * - api on PGlite (CPU in the test process) and api-postgres (much of it in the PostgreSQL server) run
 *   at the same time; the second one's output is printed when it ends, so the two do not interleave;
 * - then e2e.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Template } from '../test/support/demo-template.js';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test-results');
fs.mkdirSync(outDir, { recursive: true });

const extra = process.argv.slice(2);
const chosen = extra.includes('--project') ? [extra[extra.indexOf('--project') + 1]] : null;
const rest = chosen ? extra.filter((_, i) => i !== extra.indexOf('--project') && i !== extra.indexOf('--project') + 1) : extra;
const tiers = chosen ?? ['unit', 'api', ...(process.env.TEST_DATABASE_URL ? ['api-postgres'] : []), 'e2e'];

interface TierResult { tier: string; passed: number; failed: number; seconds: string }

/** Runs one tier in its own Vitest process; `live` shows its output as it comes, else it is kept and
 *  printed once the tier has ended. */
function runTier(tier: string, env: NodeJS.ProcessEnv, live: boolean): Promise<TierResult & { output: string }> {
  const report = path.join(outDir, `vitest-${tier}.json`);
  fs.rmSync(report, { force: true });
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', tier,
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...rest],
  { cwd: root, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { output += c.toString(); });
  return new Promise((resolve) => {
    child.on('close', (status) => {
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      let passed = 0; let failed = 0;
      if (fs.existsSync(report)) {
        const json = JSON.parse(fs.readFileSync(report, 'utf8'));
        passed = json.numPassedTests ?? 0;
        failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrors ?? 0) + (json.testResults ?? []).filter((r: any) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
      }
      if (status !== 0 && failed === 0) failed = 1; // the tier failed without a failed test (setup error, crash)
      resolve({ tier, passed, failed, seconds, output });
    });
  });
}

/** Runs tiers side by side: the first one's output live, the others' after it. */
async function runTogether(group: string[], env: NodeJS.ProcessEnv): Promise<TierResult[]> {
  const runs = group.map((tier, i) => runTier(tier, env, i === 0));
  const results = await Promise.all(runs);
  for (const r of results.slice(1)) process.stdout.write(`\n[test] output of tier ${r.tier}, which ran beside ${group[0]}:\n${r.output}`);
  return results;
}

/** The web app the journeys need, built when its sources changed (a no-op when fresh). */
function buildWeb(): Promise<void> {
  const child = spawn(process.execPath, [path.join(root, 'scripts/build-web-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.on('close', () => resolve())); // a failure shows again in the e2e tier
}

/** Seeds the templates the chosen tiers need; a tier whose template could not be seeded here seeds its
 *  own in its global setup (and reports the error there). */
async function seedTemplates(env: NodeJS.ProcessEnv, owned: Template<string>[]): Promise<void> {
  const t0 = Date.now();
  const template = await import('../test/support/demo-template.js');
  const serverUrl = process.env.TEST_DATABASE_URL;
  const seeds: Promise<void>[] = [];
  if (tiers.some((t) => t === 'api' || t === 'e2e')) {
    seeds.push(template.seedPgliteTemplate().then((t) => { owned.push(t); env[template.PGLITE_TEMPLATE_ENV] = t.value; }));
  }
  if (tiers.includes('api-postgres') && serverUrl) {
    seeds.push(template.seedPostgresTemplate(serverUrl).then((t) => { owned.push(t); env[template.PG_TEMPLATE_ENV] = t.value; }));
  }
  const settled = await Promise.allSettled(seeds);
  for (const s of settled) if (s.status === 'rejected') console.error('[test] seeding the demo template failed; the tier seeds its own:', s.reason);
  console.log(`[test] demo template seeded once for all tiers in ${Date.now() - t0} ms`);
}

const results: TierResult[] = [];
const env: NodeJS.ProcessEnv = { ...process.env };
const owned: Template<string>[] = [];
const removeTemplates = async () => { for (const t of owned.splice(0)) await t.remove().catch(() => {}); };
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => { void removeTemplates().finally(() => process.exit(130)); });
}

const t0 = Date.now();
try {
  if (tiers.length === 1) {
    results.push(await runTier(tiers[0], env, true)); // on its own: its global setup seeds what it needs
  } else {
    const first: string[] = tiers.filter((t) => t === 'unit');
    const preparing = Promise.all([seedTemplates(env, owned), tiers.includes('e2e') ? buildWeb() : Promise.resolve()]);
    if (first.length) results.push(...(await runTogether(first, process.env)));
    await preparing;
    const apis: string[] = tiers.filter((t) => t === 'api' || t === 'api-postgres');
    if (apis.length) results.push(...(await runTogether(apis, env)));
    for (const tier of tiers.filter((t) => !first.includes(t) && !apis.includes(t))) results.push(...(await runTogether([tier], env)));
  }
} finally {
  await removeTemplates();
}

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log('');
for (const r of results) console.log(`tier ${r.tier}: ${r.passed} passed, ${r.failed} failed in ${r.seconds} s`);
if (results.length > 1) console.log(`all tiers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
