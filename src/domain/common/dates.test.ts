import { describe, expect, it } from 'vitest';
import { swedishDate } from './dates.js';

describe('dates', () => {
  it('the school day follows Swedish time: 23:30 UTC on 31 Dec is already New Year in Stockholm', () => {
    expect(swedishDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
  it('summer time is respected: 22:30 UTC on 30 June is 1 July in Stockholm', () => {
    expect(swedishDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
  it('dates are written YYYY-MM-DD', () => {
    expect(swedishDate(new Date('2026-03-05T12:00:00Z'))).toBe('2026-03-05');
  });
});
