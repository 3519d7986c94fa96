import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSyllabusFile, stageDisplayName, stageForYear } from './syllabus-file.js';

const dir = path.resolve(import.meta.dirname, '../../../reference/curriculum/lgr11-grundskola');
const read = (code: string) => JSON.parse(fs.readFileSync(path.join(dir, `${code}.json`), 'utf8'));

describe('syllabus files', () => {
  it('every shipped Lgr11 file parses, each stage with content and steps of E/C/A or G', () => {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const s = parseSyllabusFile(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      expect(s.stages.length).toBeGreaterThan(0);
      for (const st of s.stages) {
        expect(st.content.length).toBeGreaterThan(0);
        for (const r of st.requirements) expect(Object.keys(r.choices).sort().join()).toMatch(/^(A,C,E|G)$/);
      }
    }
  });

  it('mathematics 7–9 has every central content line and eight requirements with E, C and A wording', () => {
    const raw = read('GRGRMAT01');
    const s = parseSyllabusFile(raw);
    const st = s.stages.find((x) => x.code === 'GRGRMAT01_7-9')!;
    const lines = raw.courses[2].centralContent.reduce((n: number, h: any) => n + h.lines.length, 0);
    expect(st.content).toHaveLength(lines);
    expect(st.content[0].heading).toBe('Taluppfattning och tals användning');
    expect(st.requirements).toHaveLength(8);
    expect(st.requirements[0].choices.A).toContain('<strong>väl</strong>');
    expect(st).toMatchObject({ name: 'Årskurs 7–9', yearFrom: 7, yearTo: 9 });
  });

  it('year 3 requirements have the single step G', () => {
    const st = parseSyllabusFile(read('GRGRMAT01')).stages[0];
    expect(st.requirements.length).toBeGreaterThan(0);
    expect(st.requirements.every((r) => Object.keys(r.choices).join() === 'G')).toBe(true);
  });

  it('a file that is not a syllabus is refused', () => {
    expect(() => parseSyllabusFile({ name: 'x' })).toThrow(/Not a syllabus file/);
    expect(() => parseSyllabusFile({ code: 'X', name: 'X', courses: [{ code: 'X_1', year: { start: 0, end: 3 } }] })).toThrow(/years/);
  });

  it('stage names are Swedish, variants spelled out', () => {
    expect(stageDisplayName('Årskurs 4-9  WITHIN_LANGUAGE_CHOICE', 4, 9)).toBe('Årskurs 4–9, språkval');
    expect(stageDisplayName('Årskurs 1-3  FIN_LANGUAGE_SECOND', 1, 3)).toBe('Årskurs 1–3, andraspråk');
    expect(stageForYear([{ yearFrom: 1, yearTo: 3 }, { yearFrom: 4, yearTo: 6 }], 5)).toEqual({ yearFrom: 4, yearTo: 6 });
  });
});
