import { describe, expect, it } from 'vitest';
import { bySchoolYear, holidayProblem, isSchoolYear, nextSchoolYear, schoolYearProblem, termChangeProblem, termProblem, type TermSpan } from './terms.js';

const ht26: TermSpan & { id: string } = { id: 'ht26', schoolYear: '2026/2027', kind: 'HT', startDate: '2026-08-18', endDate: '2026-12-22' };
const vt27: TermSpan = { id: 'vt27', schoolYear: '2026/2027', kind: 'VT', startDate: '2027-01-08', endDate: '2027-06-11' };
const existing = [ht26, vt27];

describe('school years', () => {
  it('a school year is named by two consecutive calendar years', () => {
    expect(isSchoolYear('2026/2027')).toBe(true);
    expect(isSchoolYear('2026/2028')).toBe(false);
    expect(isSchoolYear('2026-2027')).toBe(false);
    expect(nextSchoolYear('2026/2027')).toBe('2027/2028');
  });
  it('a new school year gets HT and VT that follow each other and overlap no other term', () => {
    expect(schoolYearProblem('2027/2028', { startDate: '2027-08-17', endDate: '2027-12-21' },
      { startDate: '2028-01-09', endDate: '2028-06-10' }, existing)).toBeNull();
  });
  it('VT must begin after HT has ended', () => {
    expect(schoolYearProblem('2027/2028', { startDate: '2027-08-17', endDate: '2028-01-12' },
      { startDate: '2028-01-09', endDate: '2028-06-10' }, existing)).toBe('vt_before_ht');
  });
  it('a term whose last day is before its first is refused', () => {
    expect(schoolYearProblem('2027/2028', { startDate: '2027-12-21', endDate: '2027-08-17' },
      { startDate: '2028-01-09', endDate: '2028-06-10' }, existing)).toBe('invalid_range');
  });
  it('HT begins in the first calendar year of its school year and VT ends in the second', () => {
    expect(schoolYearProblem('2027/2028', { startDate: '2028-08-17', endDate: '2028-12-21' },
      { startDate: '2029-01-09', endDate: '2029-06-10' }, existing)).toBe('outside_school_year');
    expect(termProblem({ schoolYear: '2027/2028', kind: 'VT', startDate: '2028-01-09', endDate: '2029-01-10' }, existing)).toBe('outside_school_year');
  });
  it('a term may not share a day with another term of the organiser', () => {
    expect(schoolYearProblem('2027/2028', { startDate: '2027-06-11', endDate: '2027-12-21' },
      { startDate: '2028-01-09', endDate: '2028-06-10' }, existing)).toBe('overlaps_term');
  });
  it('a malformed school year is refused', () => {
    expect(schoolYearProblem('2027', { startDate: '2027-08-17', endDate: '2027-12-21' }, { startDate: '2028-01-09', endDate: '2028-06-10' }, [])).toBe('invalid_school_year');
  });
  it('terms are listed by school year, newest first, HT before VT', () => {
    const older: TermSpan = { schoolYear: '2025/2026', kind: 'VT', startDate: '2026-01-08', endDate: '2026-06-12' };
    expect(bySchoolYear([vt27, older, ht26]).map((y) => `${y.schoolYear}: ${y.terms.map((t) => t.kind).join(' ')}`))
      .toEqual(['2026/2027: HT VT', '2025/2026: VT']);
  });
});

describe('changing a term\'s dates', () => {
  it('a term is not compared with itself', () => {
    expect(termChangeProblem({ ...ht26, endDate: '2026-12-20' }, existing, [], null)).toBeNull();
  });
  it('HT may not be stretched into its VT', () => {
    expect(termChangeProblem({ ...ht26, endDate: '2027-01-08' }, existing, [], null)).toBe('vt_before_ht');
  });
  it('a term cannot be shortened so that one of its holidays falls outside it', () => {
    expect(termChangeProblem({ ...ht26, endDate: '2026-12-01' }, existing, [{ startDate: '2026-10-26', endDate: '2026-10-30' }], null)).toBeNull();
    expect(termChangeProblem({ ...ht26, startDate: '2026-11-01' }, existing, [{ startDate: '2026-10-26', endDate: '2026-10-30' }], null)).toBe('holidays_outside_term');
  });
  it('a term with registered grades cannot be moved to begin after the first of them', () => {
    expect(termChangeProblem({ ...ht26, startDate: '2026-08-25' }, existing, [], '2026-08-24')).toBe('grades_before_start');
    expect(termChangeProblem({ ...ht26, startDate: '2026-08-24' }, existing, [], '2026-08-24')).toBeNull();
  });
});

describe('holidays', () => {
  const autumnBreak = { id: 'h1', unitId: null, startDate: '2026-10-26', endDate: '2026-10-30' };
  it('a holiday lies within its term', () => {
    expect(holidayProblem({ unitId: null, startDate: '2026-12-21', endDate: '2027-01-07' }, ht26, [])).toBe('outside_term');
    expect(holidayProblem({ unitId: null, startDate: '2026-12-21', endDate: '2026-12-22' }, ht26, [])).toBeNull();
  });
  it('a holiday whose last day is before its first is refused', () => {
    expect(holidayProblem({ unitId: null, startDate: '2026-10-30', endDate: '2026-10-26' }, ht26, [])).toBe('invalid_range');
  });
  it('a unit\'s holiday may not share a day with an organiser-wide holiday, which applies to every unit', () => {
    expect(holidayProblem({ unitId: 'u1', startDate: '2026-10-30', endDate: '2026-10-30' }, ht26, [autumnBreak])).toBe('overlaps_holiday');
  });
  it('holidays of two different units may share days', () => {
    expect(holidayProblem({ unitId: 'u1', startDate: '2026-11-02', endDate: '2026-11-02' }, ht26,
      [autumnBreak, { id: 'h2', unitId: 'u2', startDate: '2026-11-02', endDate: '2026-11-02' }])).toBeNull();
  });
  it('a holiday being changed is not compared with itself', () => {
    expect(holidayProblem({ ...autumnBreak, endDate: '2026-10-29' }, ht26, [autumnBreak])).toBeNull();
  });
});
