import { describe, expect, it } from 'vitest';
import { birthKey, guardianMaySee, isAdultOn, mayConsent, type PersonBirth } from './guardian-access.js';

const born = (birthDate: string): PersonBirth => ({ birthDate, civicNo: null, civicNoKind: null });
const open = { startDate: '2010-01-01', endDate: null };

describe('a guardian sees the child until the child turns 18, unless the child consents', () => {
  it('the day before the 18th birthday the guardian still sees the child', () => {
    expect(guardianMaySee(born('2008-11-23'), '2026-11-22', open, false)).toBe(true);
  });
  it('the 18th birthday counts as 18: from that day the guardian sees nothing without consent', () => {
    expect(guardianMaySee(born('2008-11-22'), '2026-11-22', open, false)).toBe(false);
    expect(guardianMaySee(born('2008-11-21'), '2026-11-22', open, false)).toBe(false);
  });
  it('with the young adult\'s consent the guardian goes on seeing', () => {
    expect(guardianMaySee(born('2008-11-22'), '2026-11-22', open, true)).toBe(true);
  });
  it('consent does not reopen a guardianship that has ended by its date', () => {
    expect(guardianMaySee(born('2008-01-01'), '2026-11-22', { startDate: '2010-01-01', endDate: '2026-11-21' }, true)).toBe(false);
  });
  it('the relation\'s end date is inclusive and its start date must have come', () => {
    expect(guardianMaySee(born('2012-01-01'), '2026-11-22', { startDate: '2010-01-01', endDate: '2026-11-22' }, false)).toBe(true);
    expect(guardianMaySee(born('2012-01-01'), '2026-11-22', { startDate: '2026-11-23', endDate: null }, false)).toBe(false);
  });
  it('someone born on 29 February turns 18 on 1 March in a year that is not a leap year', () => {
    expect(isAdultOn(born('2008-02-29'), '2026-02-28')).toBe(false);
    expect(isAdultOn(born('2008-02-29'), '2026-03-01')).toBe(true);
  });
  it('without a birth date, the age follows from the personnummer', () => {
    const p = { birthDate: null, civicNo: '200811221234', civicNoKind: 'personnummer' };
    expect(birthKey(p)).toBe(20081122);
    expect(isAdultOn(p, '2026-11-21')).toBe(false);
    expect(isAdultOn(p, '2026-11-22')).toBe(true);
  });
  it('a samordningsnummer has 60 added to the day of birth', () => {
    const p = { birthDate: null, civicNo: '200811821234', civicNoKind: 'samordningsnummer' };
    expect(birthKey(p)).toBe(20081122);
    expect(isAdultOn(p, '2026-11-22')).toBe(true);
  });
  it('a child whose birth date cannot be known is treated as under 18', () => {
    expect(guardianMaySee({ birthDate: null, civicNo: null, civicNoKind: null }, '2026-11-22', open, false)).toBe(true);
  });
  it('only a pupil of 18 or more may give consent', () => {
    expect(mayConsent(born('2008-11-23'), '2026-11-22')).toBe(false);
    expect(mayConsent(born('2008-11-22'), '2026-11-22')).toBe(true);
  });
});
