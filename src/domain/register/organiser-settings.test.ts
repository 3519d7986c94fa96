import { describe, expect, it } from 'vitest';
import { isMonthDay, normaliseModules, suggestedPeriod } from './organiser-settings.js';
import { isMunicipalityCode, isSchoolUnitCode, normalisePostalCode } from './school-units.js';

describe('default grading periods', () => {
  it('a month-day is a day of the calendar (29 February counts)', () => {
    expect(['12-01', '02-29', '01-31'].map(isMonthDay)).toEqual([true, true, true]);
    expect(['13-01', '02-30', '04-31', '1-01', '12-1'].map(isMonthDay)).toEqual([false, false, false, false, false]);
  });
  it('HT\'s default period lies in the first year of the school year, VT\'s in the second', () => {
    const defaults = { HT: { from: '12-01', to: '12-20' }, VT: { from: '05-15', to: '06-10' } };
    expect(suggestedPeriod(defaults, { schoolYear: '2026/2027', kind: 'HT' })).toEqual({ from: '2026-12-01', to: '2026-12-20' });
    expect(suggestedPeriod(defaults, { schoolYear: '2026/2027', kind: 'VT' })).toEqual({ from: '2027-05-15', to: '2027-06-10' });
  });
  it('a period whose end comes before its start in the calendar ends in the next year', () => {
    expect(suggestedPeriod({ HT: { from: '12-15', to: '01-10' } }, { schoolYear: '2026/2027', kind: 'HT' })).toEqual({ from: '2026-12-15', to: '2027-01-10' });
  });
  it('29 February becomes the 28th in a year that is not a leap year', () => {
    expect(suggestedPeriod({ VT: { from: '02-29', to: '03-10' } }, { schoolYear: '2026/2027', kind: 'VT' })).toEqual({ from: '2027-02-28', to: '2027-03-10' });
    expect(suggestedPeriod({ VT: { from: '02-29', to: '03-10' } }, { schoolYear: '2027/2028', kind: 'VT' })).toEqual({ from: '2028-02-29', to: '2028-03-10' });
  });
  it('without a default for the term kind there is no suggestion', () => {
    expect(suggestedPeriod({ HT: { from: '12-01', to: '12-20' } }, { schoolYear: '2026/2027', kind: 'VT' })).toBeNull();
  });
  it('modules are kept in their fixed order, each once, unknown ones dropped', () => {
    expect(normaliseModules(['planning', 'grading', 'grading', 'chess'])).toEqual(['grading', 'planning']);
  });
});

describe('school units', () => {
  it('a school unit code has 8 digits and a municipality code 4', () => {
    expect([isSchoolUnitCode('12345678'), isSchoolUnitCode('1234567'), isSchoolUnitCode('1234567a')]).toEqual([true, false, false]);
    expect([isMunicipalityCode('0180'), isMunicipalityCode('180')]).toEqual([true, false]);
  });
  it('a postal code is written with a space after the third digit', () => {
    expect([normalisePostalCode('12345'), normalisePostalCode('123 45'), normalisePostalCode('1234')]).toEqual(['123 45', '123 45', null]);
  });
});
