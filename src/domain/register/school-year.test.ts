import { describe, expect, it } from 'vitest';
import { groupContinues, nextGroupName, nextSchoolYear, promotion, proposeTerms, termDatesProblem } from './school-year.js';

describe('the next school year', () => {
  it('follows the current one', () => {
    expect(nextSchoolYear('2026/2027')).toBe('2027/2028');
    expect(() => nextSchoolYear('2026/2028')).toThrow();
  });
});

describe('proposed term dates', () => {
  it('HT runs from about 20 August to about 22 December, VT from about 8 January to about 12 June', () => {
    const t = proposeTerms('2026/2027');
    expect(t.ht).toEqual({ startDate: '2026-08-20', endDate: '2026-12-22' });
    expect(t.vt).toEqual({ startDate: '2027-01-08', endDate: '2027-06-11' });
  });
  it('a term starts on the first weekday from its date and ends on the last weekday up to its date', () => {
    // 2027-08-20 is a Friday, 2027-12-22 a Wednesday, 2028-01-08 a Saturday, 2028-06-12 a Monday
    expect(proposeTerms('2027/2028')).toEqual({
      ht: { startDate: '2027-08-20', endDate: '2027-12-22' },
      vt: { startDate: '2028-01-10', endDate: '2028-06-12' },
    });
    // 2028-08-20 is a Sunday, 2029-06-12 a Tuesday
    expect(proposeTerms('2028/2029').ht.startDate).toBe('2028-08-21');
  });
  it('the proposal is valid for a rollover made in the autumn before (no summer assumed)', () => {
    expect(termDatesProblem('2027/2028', proposeTerms('2027/2028'), '2027-06-12')).toBeNull();
  });
  it('chosen dates must keep HT before VT and start after the old school year ends', () => {
    const t = proposeTerms('2027/2028');
    expect(termDatesProblem('2027/2028', { ...t, ht: { startDate: '2027-12-01', endDate: '2027-11-01' } }, '2027-06-12')).toBe('ht_dates');
    expect(termDatesProblem('2027/2028', { ...t, vt: { startDate: '2027-12-20', endDate: '2028-06-12' } }, '2027-06-12')).toBe('vt_before_ht');
    expect(termDatesProblem('2027/2028', { ...t, ht: { startDate: '2027-06-12', endDate: '2027-12-22' } }, '2027-06-12')).toBe('starts_before_old_year_ends');
    expect(termDatesProblem('2027/2028', { ...t, vt: { startDate: '2028-01-10', endDate: '2029-06-12' } }, '2027-06-12')).toBe('outside_school_year');
  });
});

describe('promotion to the next school year', () => {
  it('a pupil moves up one year in the same school form', () => {
    expect(promotion({ schoolYear: 7, schoolForm: 'GR' })).toEqual({ kind: 'moves', schoolYear: 8, schoolForm: 'GR' });
  });
  it('year 9 leaves grundskola', () => {
    expect(promotion({ schoolYear: 9, schoolForm: 'GR' })).toEqual({ kind: 'leaves' });
  });
  it('anpassad grundskola keeps its school form, and year 9 leaves it too', () => {
    expect(promotion({ schoolYear: 5, schoolForm: 'GRS' })).toEqual({ kind: 'moves', schoolYear: 6, schoolForm: 'GRS' });
    expect(promotion({ schoolYear: 9, schoolForm: 'GRS' })).toEqual({ kind: 'leaves' });
  });
  it('förskoleklass (year 0 of grundskola, or its own school form) moves into year 1 of grundskola', () => {
    expect(promotion({ schoolYear: 0, schoolForm: 'GR' })).toEqual({ kind: 'moves', schoolYear: 1, schoolForm: 'GR' });
    expect(promotion({ schoolYear: 0, schoolForm: 'FKLASS' })).toEqual({ kind: 'moves', schoolYear: 1, schoolForm: 'GR' });
  });
  it('specialskolan runs to year 10 and sameskolan to year 6', () => {
    expect(promotion({ schoolYear: 9, schoolForm: 'SP' }).kind).toBe('moves');
    expect(promotion({ schoolYear: 10, schoolForm: 'SP' }).kind).toBe('leaves');
    expect(promotion({ schoolYear: 6, schoolForm: 'SAM' }).kind).toBe('leaves');
  });
});

describe('groups of the new year', () => {
  it('a class or group of year 9 ends; those of earlier years go on', () => {
    expect(groupContinues({ schoolYear: 9, members: 25, staying: 0 })).toBe(false);
    expect(groupContinues({ schoolYear: 7, members: 25, staying: 25 })).toBe(true);
    expect(groupContinues({ schoolYear: 0, members: 20, staying: 20 })).toBe(true);
  });
  it('a group of mixed years goes on while any pupil stays', () => {
    expect(groupContinues({ schoolYear: null, members: 6, staying: 2 })).toBe(true);
    expect(groupContinues({ schoolYear: null, members: 6, staying: 0 })).toBe(false);
  });
});

describe('next year\'s name of a class or group', () => {
  it('7A becomes 8A', () => {
    expect(nextGroupName('7A', 7)).toBe('8A');
    expect(nextGroupName('1B', 1)).toBe('2B');
    expect(nextGroupName('8a', 8)).toBe('9a');
  });
  it('a space between year and letter is kept (7 A → 8 A)', () => {
    expect(nextGroupName('7 A', 7)).toBe('8 A');
  });
  it('words around the class are kept (Klass 7A, EN 7A, 7A MA, 7AB SVA, Åk 7)', () => {
    expect(nextGroupName('Klass 7A', 7)).toBe('Klass 8A');
    expect(nextGroupName('EN 7A', 7)).toBe('EN 8A');
    expect(nextGroupName('7A MA', 7)).toBe('8A MA');
    expect(nextGroupName('7AB SVA', 7)).toBe('8AB SVA');
    expect(nextGroupName('Åk 7', 7)).toBe('Åk 8');
  });
  it('förskoleklass FA becomes 1A; a name without the class letter (F-klass) is kept', () => {
    expect(nextGroupName('FA', 0)).toBe('1A');
    expect(nextGroupName('F B', 0)).toBe('1 B');
    expect(nextGroupName('Klass FA', 0)).toBe('Klass 1A');
    expect(nextGroupName('F-klass', 0)).toBeNull();
  });
  it('a number inside a larger number or a range of years is not the year', () => {
    expect(nextGroupName('Grupp 17', 7)).toBeNull();
    expect(nextGroupName('Anpassad 6–9 MA', null)).toBeNull();
    expect(nextGroupName('Anpassad 1-5', null)).toBeNull();
  });
  it('a name that does not carry the group\'s year is kept', () => {
    expect(nextGroupName('Kör', 7)).toBeNull();
    expect(nextGroupName('8A', 7)).toBeNull();
  });
  it('a group without a school year moves on by the one year in its name, never past 9', () => {
    expect(nextGroupName('EN 7A', null)).toBe('EN 8A');
    expect(nextGroupName('9A', null)).toBeNull();
  });
});
