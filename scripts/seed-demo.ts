/**
 * Seeds a demo organiser into the database of DATABASE_URL (PostgreSQL) or LARKA_DATA_DIR (PGlite, default ./data).
 *
 *   tsx scripts/seed-demo.ts [--preset demo|municipality] [--seed 1] [--organiser-name "…"] [--today YYYY-MM-DD] [--replace]
 *
 * Refuses when the demo organiser already has data, unless --replace (then its rows are deleted first;
 * the append-only audit trail is left alone).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { DEMO_ORGANISER_ID } from '../src/server/org/demo/accounts.js';
import { deleteOrganiserData, organiserHasData } from '../src/server/org/demo/replace.js';
import { seedDemo } from '../src/server/org/demo/seed.js';
import { DataDirInUseError } from '../src/server/platform/backup/data-dir-lock.js';
import { migrateDatabase, openDatabase } from '../src/server/platform/db/database.js';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: '1' },
    'organiser-name': { type: 'string', default: process.env.LARKA_ORGANISER_NAME ?? 'Lärkby kommun' },
    today: { type: 'string' },
    replace: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

class Refused extends Error {}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const preset = values.preset;
if (preset !== 'demo' && preset !== 'municipality') fail(`--preset must be demo or municipality, got ${preset}`);
const seed = Number(values.seed);
if (!Number.isInteger(seed)) fail(`--seed must be an integer, got ${values.seed}`);
const today = values.today ?? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail(`--today must be YYYY-MM-DD, got ${today}`);

const databaseUrl = process.env.DATABASE_URL || null;
const dataDir = path.resolve(process.env.LARKA_DATA_DIR ?? './data');
const database = await openDatabase({ databaseUrl, dataDir }).catch((e: unknown) => {
  if (e instanceof DataDirInUseError) fail(e.message);
  throw e;
});
try {
  await migrateDatabase(database);
  const summary = await database.db.transaction(async (tx) => {
    if (await organiserHasData(tx, DEMO_ORGANISER_ID)) {
      if (!values.replace) {
        throw new Refused(`The demo organiser ${DEMO_ORGANISER_ID} already has data in ${databaseUrl ? 'the PostgreSQL database' : dataDir}; `
          + 'run again with --replace to delete it and seed anew.');
      }
      const t0 = performance.now();
      await deleteOrganiserData(tx, DEMO_ORGANISER_ID);
      console.log(`deleted the demo organiser's data in ${Math.round(performance.now() - t0)} ms`);
    }
    await tx.execute(sql`update organiser set name = ${values['organiser-name']} where id = ${DEMO_ORGANISER_ID}`);
    return seedDemo(tx, {
      organiserId: DEMO_ORGANISER_ID, organiserName: values['organiser-name']!,
      organiserContact: process.env.LARKA_ORGANISER_CONTACT ?? 'Skolkontoret, 010-123 45 00, skolkontoret@larkby.example',
      preset, seed, today, log: values.verbose ? (m) => console.log(m) : undefined,
    });
  });
  console.log(`seeded preset ${preset} (seed ${seed}, today ${today}) into ${databaseUrl ? 'PostgreSQL' : `PGlite at ${dataDir}`}:`);
  console.log(JSON.stringify(summary));
} catch (e) {
  if (!(e instanceof Refused)) throw e;
  console.error(e.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
