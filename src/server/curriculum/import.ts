import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { parseSyllabusFile, type ParsedSyllabus } from '../../domain/curriculum/syllabus-file.js';
import { one, type Queryable } from '../platform/db/database.js';
import { nameUuid } from '../platform/db/name-uuid.js';
import { centralContent, curriculumVersion, knowledgeRequirement, syllabus, syllabusStage } from './tables.js';

export interface CurriculumVersionInput { name: string; label: string; validFrom: string; source: string }
export interface ImportSummary { versionId: string; created: boolean; syllabuses: number; stages: number; content: number; requirements: number }

/** The Lgr11 syllabuses shipped in the repository, the demo version of the curriculum reference data. */
export const SHIPPED_CURRICULUM: CurriculumVersionInput & { dir: string } = {
  name: 'Lgr11',
  label: 'Lgr11 (demo, reviderad 2018)',
  validFrom: '2018-07-01',
  source: 'Skolverket, Lgr11 reviderad 2018, som JSON från ist-group/curriculum-parser (2018-07-02/GR, commit f82a625)',
  dir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference/curriculum/lgr11-grundskola'),
};

/** Every `*.json` of a folder, parsed; a file that is not a syllabus stops the import with its name. */
export function readSyllabusFolder(dir: string): ParsedSyllabus[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`No syllabus files (*.json) in ${dir}`);
  return files.map((f) => {
    try { return parseSyllabusFile(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))); }
    catch (e) { throw new Error(`${f}: ${(e as Error).message}`); }
  });
}

/**
 * Imports one curriculum version in the caller's transaction. Ids are derived from the version and the
 * position in the files, so an import that is run again changes nothing (`created: false`). Another
 * version is added beside the existing ones; plannings and assessments keep pointing at the rows of the
 * version they were made against.
 */
export async function importCurriculumVersion(q: Queryable, v: CurriculumVersionInput, files: ParsedSyllabus[]): Promise<ImportSummary> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.validFrom)) throw new Error(`valid-from must be YYYY-MM-DD, got ${v.validFrom}`);
  if (!v.name.trim()) throw new Error('A curriculum version needs a name');
  const versionId = nameUuid(`curriculum:${v.name}:${v.validFrom}`);
  const existing = await one(q, sql`select 1 as yes from curriculum_version where id = ${versionId}`);
  const codes = new Set<string>();
  const syllabi: (typeof syllabus.$inferInsert)[] = [];
  const stages: (typeof syllabusStage.$inferInsert)[] = [];
  const content: (typeof centralContent.$inferInsert)[] = [];
  const requirements: (typeof knowledgeRequirement.$inferInsert)[] = [];
  for (const s of files) {
    if (codes.has(s.code)) throw new Error(`Syllabus ${s.code} appears twice`);
    codes.add(s.code);
    const syllabusId = nameUuid(`${versionId}:${s.code}`);
    syllabi.push({ id: syllabusId, versionId, code: s.code, designation: s.designation, name: s.name, description: s.description, purposes: s.purposes });
    for (const st of s.stages) {
      const stageId = nameUuid(`${syllabusId}:${st.code}`);
      stages.push({ id: stageId, syllabusId, code: st.code, name: st.name, yearFrom: st.yearFrom, yearTo: st.yearTo });
      st.content.forEach((c, i) => content.push({ id: nameUuid(`${stageId}:content:${i}`), stageId, heading: c.heading, text: c.text, position: i }));
      st.requirements.forEach((r, i) => requirements.push({
        id: nameUuid(`${stageId}:requirement:${i}`), stageId, paragraph: r.paragraph, position: i, text: r.text, choices: r.choices,
      }));
    }
  }
  const summary = { versionId, created: !existing, syllabuses: syllabi.length, stages: stages.length, content: content.length, requirements: requirements.length };
  if (existing) return summary;
  await q.insert(curriculumVersion).values({ id: versionId, name: v.name.trim(), label: v.label.trim() || v.name.trim(), validFrom: v.validFrom, source: v.source });
  await q.insert(syllabus).values(syllabi);
  await q.insert(syllabusStage).values(stages);
  for (let i = 0; i < content.length; i += 1000) await q.insert(centralContent).values(content.slice(i, i + 1000));
  for (let i = 0; i < requirements.length; i += 1000) await q.insert(knowledgeRequirement).values(requirements.slice(i, i + 1000));
  return summary;
}

/** On a database without any curriculum, imports the shipped Lgr11 (reference data, for every deployment). */
export async function ensureShippedCurriculum(q: Queryable): Promise<ImportSummary | null> {
  const any = await one(q, sql`select 1 as yes from curriculum_version limit 1`);
  if (any) return null;
  return q.transaction(async (tx) => importCurriculumVersion(tx as Queryable, SHIPPED_CURRICULUM, readSyllabusFolder(SHIPPED_CURRICULUM.dir)));
}
