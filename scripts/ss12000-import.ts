// Import from another SS 12000 source into the configured database (opened as `npm start` opens it):
//   npm run ss12000:import -- --url https://host/ss12000 --client-id ID --client-secret SECRET [--full]
// Prints the progress and the counts; the exit code is 1 when the run failed, 2 on wrong arguments.
import { parseArgs } from 'node:util';
import { clockFrom, systemClock } from '../src/domain/common/dates.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { readConfig } from '../src/server/platform/config/config.js';
import { createRun, executeRun, type ImportRequest } from '../src/server/ss12000/import/run.js';
import { describeResult } from '../src/server/ss12000/import/describe.js';

async function main() {
  const { values } = parseArgs({ options: {
    url: { type: 'string' }, 'client-id': { type: 'string' }, 'client-secret': { type: 'string' }, full: { type: 'boolean', default: false },
  } });
  const secret = values['client-secret'] ?? process.env.SS12000_CLIENT_SECRET;
  if (!values.url || !values['client-id'] || !secret) {
    console.error('usage: npm run ss12000:import -- --url <base, e.g. https://host/ss12000> --client-id <id> --client-secret <secret> [--full]\n' +
      '       (the secret may come from SS12000_CLIENT_SECRET instead)');
    process.exit(2);
  }
  const config = readConfig();
  const clock = config.now ? clockFrom(config.now) : systemClock;
  const { database, organiser } = await prepareDatabase(config, clock, (m) => console.log(`[larka] ${m}`));
  try {
    const req: ImportRequest = { organiserId: organiser.id, url: values.url, clientId: values['client-id'], clientSecret: secret, full: values.full, startedBy: null, clock };
    const run = await createRun(database.db, req);
    console.log(`[ss12000] ${run.since ? `incremental run: changes after ${run.since.toISOString()}` : 'full run'} from ${run.sourceUrl} into ${organiser.name}`);
    let last = '';
    const outcome = await executeRun(database.db, req, run, (p) => {
      const line = `[ss12000] ${p.step}/${p.steps} ${p.phase}: ${p.done}${p.total !== null ? ` of ${p.total}` : ''}`;
      if (line !== last) { last = line; console.log(line); }
    });
    console.log(describeResult(outcome.result));
    if (!outcome.ok) { console.error(`[ss12000] failed: ${outcome.error}`); process.exitCode = 1; }
  } finally {
    await database.close();
  }
}

main().catch((err) => { console.error('[ss12000] failed:', err instanceof Error ? err.message : err); process.exit(1); });
