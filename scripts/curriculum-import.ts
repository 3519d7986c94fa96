/**
 * Imports a curriculum version (syllabus files of the shape in reference/curriculum/README.md) into the
 * database of DATABASE_URL (PostgreSQL) or LARKA_DATA_DIR (PGlite, default ./data):
 *
 *   npm run curriculum:import -- --dir path/to/lgr22 --name Lgr22 --valid-from 2022-07-01 [--label "Lgr22"] [--source "…"]
 *
 * The new version is added beside the old ones; plannings and assessments made against an older version
 * are not touched. Running the same import again changes nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importCurriculumVersion, readSyllabusFolder } from '../src/server/curriculum/import.js';
import { DataDirInUseError } from '../src/server/platform/backup/data-dir-lock.js';
import { migrateDatabase, openDatabase, type Queryable } from '../src/server/platform/db/database.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' }, name: { type: 'string' }, 'valid-from': { type: 'string' },
    label: { type: 'string' }, source: { type: 'string' },
  },
});
const fail = (message: string): never => { console.error(message); process.exit(1); };
if (!values.dir || !values.name || !values['valid-from']) fail('Usage: npm run curriculum:import -- --dir DIR --name NAME --valid-from YYYY-MM-DD [--label TEXT] [--source TEXT]');

const dir = path.resolve(values.dir!);
let files;
try { files = readSyllabusFolder(dir); } catch (e) { fail((e as Error).message); }
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir: path.resolve(process.env.LARKA_DATA_DIR ?? './data') })
  .catch((e: unknown) => { if (e instanceof DataDirInUseError) fail(e.message); throw e; });
try {
  await migrateDatabase(database);
  const summary = await database.db.transaction((tx) => importCurriculumVersion(tx as Queryable, {
    name: values.name!, label: values.label ?? values.name!, validFrom: values['valid-from']!, source: values.source ?? dir,
  }, files!));
  console.log(summary.created
    ? `Imported ${values.name}: ${summary.syllabuses} syllabuses, ${summary.stages} stages, ${summary.content} central content items, ${summary.requirements} knowledge requirements.`
    : `${values.name} (${values['valid-from']}) was already imported; nothing changed.`);
} finally {
  await database.close();
}
