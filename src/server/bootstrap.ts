import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { swedishDate, type Clock } from '../domain/common/dates.js';
import type { Config } from './platform/config/config.js';
import { migrateDatabase, one, openDatabase, type Database } from './platform/db/database.js';
import { DEMO_ORGANISER_ID, seedDemo } from './org/demo/seed.js';
import { ensureShippedCurriculum } from './curriculum/import.js';

export interface Organiser { id: string; name: string; contact: string | null }

/** Opens and migrates the database, and on an empty one creates the organiser (with the demo
 *  municipality unless seeding is switched off). Returns the deployment's one organiser. */
export async function prepareDatabase(config: Config, clock: Clock, log: (msg: string) => void): Promise<{ database: Database; organiser: Organiser }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  await migrateDatabase(database);
  const curriculum = await ensureShippedCurriculum(database.db);
  if (curriculum) log(`imported the shipped curriculum: ${curriculum.syllabuses} syllabuses, ${curriculum.requirements} knowledge requirements`);
  let organiser = await one<Organiser>(database.db, sql`select id, name, contact from organiser order by created_at limit 1`);
  if (!organiser) {
    if (config.seedPreset === 'demo') {
      const t0 = Date.now();
      await database.db.transaction(async (tx) => {
        await seedDemo(tx as any, { organiserId: DEMO_ORGANISER_ID, organiserName: config.organiserName,
          organiserContact: config.organiserContact, preset: 'demo', today: swedishDate(clock.now()) });
      });
      log(`seeded the demo municipality in ${Date.now() - t0} ms`);
    } else {
      await database.db.execute(sql`insert into organiser (id, name, contact) values (${randomUUID()}, ${config.organiserName}, ${config.organiserContact})`);
    }
    organiser = (await one<Organiser>(database.db, sql`select id, name, contact from organiser order by created_at limit 1`))!;
  } else if (config.organiserNameSet && organiser.name !== config.organiserName) {
    // The deployment's organiser is named in configuration: a changed name is taken over.
    await database.db.execute(sql`update organiser set name = ${config.organiserName} where id = ${organiser.id}`);
    organiser = { ...organiser, name: config.organiserName };
  }
  return { database, organiser };
}
