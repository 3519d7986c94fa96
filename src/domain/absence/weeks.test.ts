import { describe, expect, it } from 'vitest';
import { isoWeek, mondayOf, weekBuckets, weeksOfPeriod } from './weeks.js';

describe('ISO weeks, Monday-based, for the heat map', () => {
  it('the Monday of a date', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // a Sunday belongs to the week before
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
  });
  it('week numbers follow ISO 8601 across the year\'s turn', () => {
    expect(isoWeek('2026-11-18').key).toBe('2026-W47');
    expect(isoWeek('2027-01-01').key).toBe('2026-W53');
    expect(isoWeek('2025-12-29').key).toBe('2026-W01');
  });
  it('every week with a day in the period is a bucket', () => {
    expect(weeksOfPeriod('2026-11-18', '2026-12-01')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });
  it('a bucket has its lesson and absent minutes and the share; a week without lessons has no share', () => {
    const b = weekBuckets('2026-11-16', '2026-11-29', new Map([['2026-11-16', 600]]), new Map([['2026-11-16', 60]]));
    expect(b).toEqual([
      { monday: '2026-11-16', week: 47, key: '2026-W47', lessonMinutes: 600, absentMinutes: 60, share: 10 },
      { monday: '2026-11-23', week: 48, key: '2026-W48', lessonMinutes: 0, absentMinutes: 0, share: null },
    ]);
  });
});
