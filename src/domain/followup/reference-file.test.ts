import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresFor, ReferenceFile } from './reference-file.js';

const shipped = JSON.parse(readFileSync(new URL('../../../reference/followup/national-figures.json', import.meta.url), 'utf8'));

describe('national reference figures', () => {
  it('the shipped file is valid and every figure names its source', () => {
    const file = ReferenceFile.parse(shipped);
    expect(file.figures.length).toBeGreaterThan(0);
    expect(file.figures.every((f) => f.source.length > 10)).toBe(true);
  });

  it('the shipped file has the year-9 mathematics share higher than the test (about a quarter, 2023) and the merit value 2017/18', () => {
    const file = ReferenceFile.parse(shipped);
    expect(figuresFor(file, 9, 'MA')).toEqual([expect.objectContaining({ measure: 'share_higher_than_test', schoolYear: '2022/2023', value: 0.25 })]);
    expect(figuresFor(file, 9, null)).toEqual([expect.objectContaining({ measure: 'merit_value', value: 228.7, girls: 243.2, boys: 215.3 })]);
  });

  it('a share outside 0–1 and a school year that is not two following years are refused', () => {
    const bad = (f: object) => ReferenceFile.safeParse({ name: 'x', updated: '2026-01-01', figures: [f] }).success;
    const ok = { measure: 'share_higher_than_test', subjectCode: 'EN', gradeYear: 9, schoolYear: '2023/2024', value: 0.2, source: 'Skolverket' };
    expect(bad(ok)).toBe(true);
    expect(bad({ ...ok, value: 1.2 })).toBe(false);
    expect(bad({ ...ok, schoolYear: '2023/2025' })).toBe(false);
  });
});
