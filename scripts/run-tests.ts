/**
 * `npm test`: runs every tier in turn — unit, api (PGlite), api-postgres (when TEST_DATABASE_URL is set),
 * e2e (Chromium) — prints the time each took, and ends with one line `N passed, N failed`.
 * Arguments after `--` go to Vitest (e.g. `npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test-results');
fs.mkdirSync(outDir, { recursive: true });

const extra = process.argv.slice(2);
const chosen = extra.includes('--project') ? [extra[extra.indexOf('--project') + 1]] : null;
const rest = chosen ? extra.filter((_, i) => i !== extra.indexOf('--project') && i !== extra.indexOf('--project') + 1) : extra;
const tiers = chosen ?? ['unit', 'api', ...(process.env.TEST_DATABASE_URL ? ['api-postgres'] : []), 'e2e'];

let passed = 0;
let failed = 0;
const lines: string[] = [];
for (const tier of tiers) {
  const report = path.join(outDir, `vitest-${tier}.json`);
  fs.rmSync(report, { force: true });
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', tier,
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...rest], { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  let p = 0; let f = 0;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    p = json.numPassedTests ?? 0;
    f = (json.numFailedTests ?? 0) + (json.numRuntimeErrors ?? 0) + (json.testResults ?? []).filter((r: any) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  }
  if (run.status !== 0 && f === 0) f = 1; // the tier failed without a failed test (setup error, crash)
  passed += p; failed += f;
  lines.push(`tier ${tier}: ${p} passed, ${f} failed in ${seconds} s`);
}
console.log('');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
