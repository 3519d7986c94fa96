import { describe, expect, it } from 'vitest';
import { clockFrom, swedishDate } from './dates.js';

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

describe('a clock set to start at an instant (LARKA_NOW)', () => {
  it('starts at that instant and runs forward with the real time', () => {
    let real = 1_000_000;
    const clock = clockFrom(new Date('2026-11-23T08:30:00Z'), { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2026-11-23T08:30:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-11-23T08:31:30.000Z');
  });
});
