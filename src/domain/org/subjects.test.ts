import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFirstGradedYear, SUBJECTS } from './subjects.js';

describe('subjects', () => {
  it('every designated syllabus in the curriculum files has a subject with that code', () => {
    const dir = path.resolve(__dirname, '../../../reference/curriculum/lgr11-grundskola');
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      if (!j.designation) continue;
      expect(SUBJECTS.find((s) => s.code === j.designation)?.syllabusCode, j.designation).toBe(j.code);
    }
  });

  it('subjects are in Swedish alphabetical order of their names', () => {
    const names = SUBJECTS.map((s) => s.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    expect(new Set(SUBJECTS.map((s) => s.sortOrder)).size).toBe(SUBJECTS.length);
  });

  it('modern languages are graded from year 7, other subjects from year 6', () => {
    expect(defaultFirstGradedYear('M2SPA')).toBe(7);
    expect(defaultFirstGradedYear('MA')).toBe(6);
  });
});
