// Guard rails for every route: ≈1,000 seeded requests built from the route table's schemas (wrong types, huge
// strings, unicode, SQL and HTML payloads, edge numbers, wrong ids, missing CSRF) as every role. No 5xx, no
// error in the server log, the declared access and the CSRF header enforced, the domain data unchanged by
// every refused request. The full run (≥ 10,000) is `npm run fuzz`; a failure here replays there with
// `npm run fuzz -- --seed <seed> --count <count>`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/api.js';
import { runFuzz, summary } from '../support/fuzz/runner.js';

const SEED = Number(process.env.LARKA_FUZZ_SEED ?? 20_260_611);
const COUNT = Number(process.env.LARKA_FUZZ_COUNT ?? 1_000);

let t: TestApp;
// background jobs off: a same-day notice made half a second after an earlier roll call is not the effect of
// the request that happens to be running then
beforeAll(async () => { t = await startTestApp({ backgroundJobs: false }); });
afterAll(async () => { await t?.close(); });

it(`bad input never breaks the server (${COUNT} requests, seed ${SEED})`, async () => {
  // the fuzzer builds its own app on this test file's copy of the demo data, with a server log it reads
  const result = await runFuzz(t.database, { seed: SEED, count: COUNT });
  console.log(summary(result));
  expect(result.count).toBe(COUNT);
  expect(result.routes).toBeGreaterThan(20);
  expect(result.problems.slice(0, 20).map((p) => `#${p.index} ${p.kind}: ${p.detail.split('\n')[0].slice(0, 200)} — ${p.request}`)).toEqual([]);
  // the fuzzer got past the access checks and the schemas, not only refused at the door
  expect(result.byClass['2xx']).toBeGreaterThan(COUNT * 0.1);
  expect(result.pass).toBe(true);
}, 120_000);
