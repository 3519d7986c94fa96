import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCurriculumVersion, readSyllabusFolder, SHIPPED_CURRICULUM } from '../../src/server/curriculum/import.js';
import { one, rows, type Queryable } from '../../src/server/platform/db/database.js';
import { startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
const db = () => t.database.db;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const countsInDb = (versionName: string) => rows<{ code: string; content: number; requirements: number }>(db(), sql`
  select s.code, (select count(*)::int from central_content c join syllabus_stage st on st.id = c.stage_id where st.syllabus_id = s.id) as content,
    (select count(*)::int from knowledge_requirement r join syllabus_stage st on st.id = r.stage_id where st.syllabus_id = s.id) as requirements
  from syllabus s join curriculum_version v on v.id = s.version_id where v.name = ${versionName} order by s.code`);

describe('curriculum import', () => {
  it('the shipped Lgr11 is in every new database, with the counts of content and requirements per subject of the JSON files', async () => {
    const dir = SHIPPED_CURRICULUM.dir;
    const expected = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
      const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      return {
        code: j.code,
        content: j.courses.reduce((n: number, c: any) => n + c.centralContent.reduce((m: number, h: any) => m + h.lines.length, 0), 0),
        requirements: j.courses.reduce((n: number, c: any) => n + c.knowledgeRequirementParagraphs.reduce((m: number, p: any) => m + p.knowledgeRequirements.length, 0), 0),
      };
    });
    expect(await countsInDb('Lgr11')).toEqual(expected);
    const v = await one<{ label: string; valid_from: string }>(db(), sql`select label, valid_from::text from curriculum_version where name = 'Lgr11'`);
    expect(v).toEqual({ label: 'Lgr11 (demo, reviderad 2018)', valid_from: '2018-07-01' });
  });

  it('importing the same version again changes nothing', async () => {
    const before = await one<{ n: number }>(db(), sql`select count(*)::int as n from knowledge_requirement`);
    const s = await db().transaction((tx) => importCurriculumVersion(tx as Queryable, SHIPPED_CURRICULUM, readSyllabusFolder(SHIPPED_CURRICULUM.dir)));
    expect(s.created).toBe(false);
    expect(await one(db(), sql`select count(*)::int as n from knowledge_requirement`)).toEqual(before);
  });

  it('a new version is added beside the old one without touching what was made against the old', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgr22-'));
    for (const f of ['GRGRMAT01.json', 'GRGRSVE01.json']) {
      const j = JSON.parse(fs.readFileSync(path.join(SHIPPED_CURRICULUM.dir, f), 'utf8'));
      for (const c of j.courses) for (const p of c.knowledgeRequirementParagraphs) for (const r of p.knowledgeRequirements) {
        r.text = `Betygskriterium: ${r.text}`;
      }
      fs.writeFileSync(path.join(dir, f), JSON.stringify(j));
    }
    const oldMa = await rows<{ id: string; text: string }>(db(), sql`select r.id, r.text from knowledge_requirement r join syllabus_stage st on st.id = r.stage_id
      join syllabus s on s.id = st.syllabus_id join curriculum_version v on v.id = s.version_id where v.name = 'Lgr11' and s.code = 'GRGRMAT01' order by r.id`);
    const s = await db().transaction((tx) => importCurriculumVersion(tx as Queryable,
      { name: 'Lgr22', label: 'Lgr22', validFrom: '2022-07-01', source: 'test' }, readSyllabusFolder(dir)));
    expect(s).toMatchObject({ created: true, syllabuses: 2 });
    expect((await countsInDb('Lgr22')).map((c) => c.code)).toEqual(['GRGRMAT01', 'GRGRSVE01']);
    expect(await rows(db(), sql`select r.id, r.text from knowledge_requirement r join syllabus_stage st on st.id = r.stage_id
      join syllabus s on s.id = st.syllabus_id join curriculum_version v on v.id = s.version_id where v.name = 'Lgr11' and s.code = 'GRGRMAT01' order by r.id`)).toEqual(oldMa);
    const newTexts = await rows<{ text: string }>(db(), sql`select r.text from knowledge_requirement r join syllabus_stage st on st.id = r.stage_id
      join syllabus s on s.id = st.syllabus_id join curriculum_version v on v.id = s.version_id where v.name = 'Lgr22'`);
    expect(newTexts.every((r) => r.text.startsWith('Betygskriterium: '))).toBe(true);
  });

  it('a folder with a file that is not a syllabus is refused before anything is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-'));
    fs.writeFileSync(path.join(dir, 'X.json'), JSON.stringify({ hello: 'world' }));
    expect(() => readSyllabusFolder(dir)).toThrow(/X\.json: Not a syllabus file/);
  });
});
