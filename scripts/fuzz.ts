/**
 * `npm run fuzz`: the full route fuzzer (test/support/fuzz) on a fresh demo database — by default 10,000
 * seeded requests over every route of the route table, as every role. Prints the seed, the count, the
 * responses per status and per route, every problem, and a final PASS or FAIL line (exit code 1 on FAIL).
 * The same seed sends the same requests.
 *
 *   npm run fuzz [-- --seed N|random] [--count N] [--only 17,342] [--postgres] [--template DIR]
 *
 *   --only       replay some request numbers of that seed (without the requests before them)
 *   --postgres   run on a new database on the server of TEST_DATABASE_URL (or DATABASE_URL), dropped after
 *   --template   copy a seeded PGlite data folder instead of seeding the demo data (≈20 s)
 *   --trace      print the requests and answers of the routes whose path contains this text
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/domain/common/dates.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { readConfig } from '../src/server/platform/config/config.js';
import { openDatabase, type Database } from '../src/server/platform/db/database.js';
import { adminQuery, withDatabase } from '../test/support/global-setup.js';
import { runFuzz, summary } from '../test/support/fuzz/runner.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '10000' },
    only: { type: 'string' },
    postgres: { type: 'boolean', default: false },
    template: { type: 'string' },
    trace: { type: 'string' },
  },
});

const seed = values.seed === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const count = Number(values.count);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer or "random", got ${values.seed}`);
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, got ${values.count}`);
const only = values.only ? values.only.split(',').map(Number) : undefined;

const unhandled: string[] = [];
process.on('unhandledRejection', (e) => unhandled.push(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
process.on('uncaughtException', (e) => unhandled.push(`uncaught exception: ${e.stack ?? e}`));

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const t0 = Date.now();
  const config = { ...readConfig({}), seedPreset: 'demo' as const };
  if (values.postgres) {
    const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!server) throw new Error('--postgres needs TEST_DATABASE_URL or DATABASE_URL');
    const name = `larka_fuzz_${process.pid}_${Date.now()}`;
    await adminQuery(server, `create database ${name}`);
    const { database } = await prepareDatabase({ ...config, databaseUrl: withDatabase(server, name), dataDir: '' }, systemClock, () => {});
    console.log(`fuzz: demo data seeded on PostgreSQL (${name}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { database, drop: async () => { await database.close(); await adminQuery(server, `drop database if exists ${name} with (force)`); } };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-fuzz-'));
  let database: Database;
  if (values.template) {
    fs.cpSync(values.template, dataDir, { recursive: true });
    database = await openDatabase({ databaseUrl: null, dataDir });
    console.log(`fuzz: demo data copied from ${values.template}`);
  } else {
    database = (await prepareDatabase({ ...config, databaseUrl: null, dataDir }, systemClock, () => {})).database;
    console.log(`fuzz: demo data seeded on PGlite in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return { database, drop: async () => { await database.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
}

const { database, drop } = await freshDatabase();
console.log(`fuzz: seed ${seed}, ${only ? `requests ${only.join(', ')} of ` : ''}${count} requests`);
let pass = false;
try {
  const result = await runFuzz(database, {
    seed, count, only,
    trace: values.trace ? (i, request, status, body) => {
      if (request.includes(`${values.trace}`)) console.log(`#${i} ${status} ${body.slice(0, 200)}\n    ${request}`);
    } : undefined,
    progress: (done, r) => console.log(`fuzz: ${done} requests, ${Object.entries(r.byClass).sort().map(([k, v]) => `${k} ${v}`).join(', ')}, ${r.problems.length} problems`),
  });
  console.log(summary(result, { routes: true }));
  for (const u of unhandled) console.log(`fuzz: ${u}`);
  pass = result.pass && unhandled.length === 0;
  console.log(pass
    ? `PASS: ${result.count} requests (seed ${seed}), no response ≥ 500, no error in the server log, access and CSRF enforced, domain data unchanged by refused requests`
    : `FAIL: ${result.problems.length} problems, ${unhandled.length} unhandled errors (seed ${seed}, count ${count}; replay with npm run fuzz -- --seed ${seed} --count ${count})`);
} catch (e) {
  console.log(`FAIL: the fuzzer stopped: ${(e as Error).stack ?? e}`);
} finally {
  await drop();
}
process.exit(pass ? 0 : 1);
