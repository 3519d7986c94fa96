/**
 * SS 12000 at municipality scale: the source is the municipality preset (≈52,000 pupils, 4,000 staff,
 * 70,000 guardians) served by a Lärka server process of its own; (1) a full paged crawl of /persons by one client
 * (goal ≥ 5,000 entities/s), (2) the import of everything into an empty instance (goal < 2 minutes).
 *
 *   npm run bench:ss12000 -- [--db postgres://postgres@127.0.0.1:5432/larka_bench_ss12000] [--target postgres://…/larka_bench_ss12000_empty]
 *     [--target-kind postgres|pglite] [--preset municipality]
 *
 * The source database is seeded once (minutes) and reused; the target is made empty on every run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemClock } from '../src/domain/common/dates.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { readConfig } from '../src/server/platform/config/config.js';
import { one, openDatabase } from '../src/server/platform/db/database.js';
import { createRun, executeRun } from '../src/server/ss12000/import/run.js';
import { describeResult } from '../src/server/ss12000/import/describe.js';
import { ss12000Source } from '../src/server/ss12000/import/source.js';
import { machineLine, option } from './load.js';
import { ensureSeeded, root, startServer } from './server.js';

const sourceUrl = option('db', 'postgres://postgres@127.0.0.1:5432/larka_bench_ss12000');
const targetKind = option('target-kind', 'postgres');
const targetUrl = option('target', sourceUrl.replace(/\/[^/]+$/, '/larka_bench_ss12000_empty'));
const preset = option('preset', 'municipality');

async function emptyTarget() {
  const base = { ...readConfig({}), seedPreset: 'none' as const, organiserName: 'Tomby kommun' };
  if (targetKind === 'pglite') {
    const dir = path.join(root, '.tmp/bench-ss12000-empty');
    fs.rmSync(dir, { recursive: true, force: true });
    return prepareDatabase({ ...base, databaseUrl: null, dataDir: dir }, systemClock, () => {});
  }
  const name = new URL(targetUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: targetUrl.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  return prepareDatabase({ ...base, databaseUrl: targetUrl, poolSize: 4 }, systemClock, () => {});
}

async function main() {
  console.log(machineLine());
  const seeded = ensureSeeded({ DATABASE_URL: sourceUrl }, preset);
  console.log(`source: ${preset} on PostgreSQL, seeded or found in ${seeded.seconds.toFixed(0)} s`);
  const database = await openDatabase({ databaseUrl: sourceUrl, dataDir: null, poolSize: 1 });
  const persons = (await one<{ n: number }>(database.db, sql`select count(*)::int as n from person`))!.n;
  await database.close();
  const server = await startServer({ DATABASE_URL: sourceUrl });
  const base = `${server.baseUrl}/ss12000`;
  try {
    // (1) the crawl of /persons, pages of 1,000 followed by pageToken, one client
    const source = ss12000Source({ baseUrl: base, clientId: 'demo-client', clientSecret: 'demo-secret' });
    await source.bearer();
    let n = 0; let pages = 0;
    const t0 = performance.now();
    await source.crawl('persons', {}, (page) => { n += page.length; pages++; });
    const s = (performance.now() - t0) / 1000;
    console.log(`crawl /persons: ${n} of ${persons} persons in ${pages} pages, ${s.toFixed(1)} s = ${Math.round(n / s)} entities/s (goal ≥ 5,000)`);

    // (2) the import of everything into an empty instance
    const target = await emptyTarget();
    try {
      const req = { organiserId: target.organiser.id, url: base, clientId: 'demo-client', clientSecret: 'demo-secret', full: false, startedBy: null, clock: systemClock };
      const run = await createRun(target.database.db, req);
      const t1 = performance.now();
      const outcome = await executeRun(target.database.db, req, run);
      const si = (performance.now() - t1) / 1000;
      const timings = (await one<{ t: Record<string, number> }>(target.database.db, sql`select result->'timings' as t from ss12000_import_run where id = ${run.id}`))?.t ?? {};
      console.log(`import into an empty instance (${targetKind === 'pglite' ? 'PGlite' : 'PostgreSQL'}): ${outcome.ok ? 'succeeded' : `FAILED: ${outcome.error}`} in ${si.toFixed(1)} s (goal < 120 s)`);
      console.log(`  phases (s): ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
      console.log(describeResult(outcome.result, 5));
      const again = await createRun(target.database.db, req);
      const t2 = performance.now();
      const second = await executeRun(target.database.db, req, again);
      console.log(`second run, incremental (nothing changed): ${((performance.now() - t2) / 1000).toFixed(1)} s, ${second.ok ? 'succeeded' : `FAILED: ${second.error}`}`);
      const fullReq = { ...req, full: true };
      const t3 = performance.now();
      const third = await executeRun(target.database.db, fullReq, await createRun(target.database.db, fullReq));
      const changed = Object.entries(third.result.counts).filter(([, c]) => c.created || c.updated || c.deleted).map(([k]) => k);
      console.log(`third run, full (everything unchanged): ${((performance.now() - t3) / 1000).toFixed(1)} s, ${third.ok ? 'succeeded' : `FAILED: ${third.error}`}; changed: ${changed.join(', ') || 'nothing'}`);
    } finally {
      await target.database.close();
    }
  } finally {
    await server.stop();
  }
}

await main();
