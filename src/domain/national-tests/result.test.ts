import { describe, expect, it } from 'vitest';
import { alternativesOf, nationalTestOf } from './catalogue.js';
import { checkResult, isFinished } from './result.js';

describe('which subjects have a national test in years 3, 6 and 9', () => {
  it('year 3 tests Swedish (or Swedish as a second language) and mathematics, with sub-tests', () => {
    expect(nationalTestOf(3, 'MA')?.subTests?.length).toBeGreaterThan(0);
    expect(nationalTestOf(3, 'SVA')?.subTests?.length).toBeGreaterThan(0);
    expect(nationalTestOf(3, 'EN')).toBeUndefined();
  });
  it('year 6 tests Swedish, English and mathematics', () => {
    expect(['SV', 'SVA', 'EN', 'MA'].every((s) => nationalTestOf(6, s))).toBe(true);
    expect(nationalTestOf(6, 'BI')).toBeUndefined();
  });
  it('year 9 adds one science and one social subject, chosen among BI/FY/KE and GE/HI/RE/SH', () => {
    expect(alternativesOf(9, 'FY').sort()).toEqual(['BI', 'KE']);
    expect(alternativesOf(9, 'SH').sort()).toEqual(['GE', 'HI', 'RE']);
    expect(alternativesOf(9, 'SV')).toEqual(['SVA']);
    expect(alternativesOf(9, 'MA')).toEqual([]);
  });
  it('no other year has a national test', () => {
    expect(nationalTestOf(7, 'MA')).toBeUndefined();
  });
});

describe('a national test result', () => {
  it('years 6 and 9 give a test grade A–F', () => {
    expect(checkResult(9, 'MA', { testGrade: 'C' })).toEqual({ ok: true, result: { testGrade: 'C', notParticipated: false, subTests: null } });
    expect(checkResult(6, 'EN', { testGrade: 'G' })).toEqual({ ok: false, problem: 'invalid_grade' });
  });
  it('"did not take part" is recorded as such, never together with a grade', () => {
    expect(checkResult(9, 'EN', { notParticipated: true })).toEqual({ ok: true, result: { testGrade: null, notParticipated: true, subTests: null } });
    expect(checkResult(9, 'EN', { notParticipated: true, testGrade: 'E' })).toEqual({ ok: false, problem: 'both_grade_and_not_participated' });
  });
  it('year 3 records only sub-test results, never a grade', () => {
    expect(checkResult(3, 'MA', { testGrade: 'C' })).toEqual({ ok: false, problem: 'grade_in_year_3' });
    expect(checkResult(3, 'MA', { subTests: { A: 'met', B: 'absent' } }).ok).toBe(true);
    expect(checkResult(3, 'MA', { subTests: { Z: 'met' } })).toEqual({ ok: false, problem: 'unknown_sub_test' });
    expect(checkResult(3, 'MA', { subTests: { A: 'good' } })).toEqual({ ok: false, problem: 'invalid_outcome' });
  });
  it('sub-tests are for year 3 only', () => {
    expect(checkResult(6, 'MA', { subTests: { A: 'met' } })).toEqual({ ok: false, problem: 'sub_tests_outside_year_3' });
  });
  it('a subject without a test that year is refused', () => {
    expect(checkResult(6, 'BI', { testGrade: 'C' })).toEqual({ ok: false, problem: 'no_test' });
  });
  it('an empty result removes what was registered', () => {
    expect(checkResult(9, 'MA', { testGrade: null })).toEqual({ ok: true, result: null });
  });
});

describe('a result is shown at home only when finished', () => {
  it('a test grade or "did not take part" is finished', () => {
    expect(isFinished(9, 'MA', { testGrade: 'B', notParticipated: false, subTests: null })).toBe(true);
    expect(isFinished(3, 'MA', { testGrade: null, notParticipated: true, subTests: null })).toBe(true);
  });
  it('year 3 is finished only when every sub-test has its outcome', () => {
    const all = Object.fromEntries(nationalTestOf(3, 'MA')!.subTests!.map((c) => [c, 'met' as const]));
    expect(isFinished(3, 'MA', { testGrade: null, notParticipated: false, subTests: { A: 'met' } })).toBe(false);
    expect(isFinished(3, 'MA', { testGrade: null, notParticipated: false, subTests: all })).toBe(true);
  });
});
