import { describe, expect, it } from 'vitest';
import { wholeHours } from '../grading/absence-hours.js';
import { absenceShare, scheduledMinutes, scheduledMinutesBy, sumBy, sumDeviations } from './sums.js';

describe('absence is summed in minutes, split valid / invalid', () => {
  it('sums valid and invalid minutes separately and counts late arrivals and early leavings', () => {
    const t = sumDeviations([
      { kind: 'absent', valid: true, minutes: 60 }, { kind: 'absent', valid: false, minutes: 40 },
      { kind: 'late', valid: false, minutes: 10 }, { kind: 'left_early', valid: false, minutes: 15 },
    ]);
    expect(t).toEqual({ validMinutes: 60, invalidMinutes: 65, absentMinutes: 125, shortCount: 2 });
  });
  it('rows already summed by the database count as the deviations they stand for', () => {
    expect(sumDeviations([{ kind: 'late', valid: false, minutes: 30, count: 3 }]).shortCount).toBe(3);
  });
  it('nothing to sum gives zeros', () => {
    expect(sumDeviations([])).toEqual({ validMinutes: 0, invalidMinutes: 0, absentMinutes: 0, shortCount: 0 });
  });
  it('sums per subject (or term) keep each key apart', () => {
    const by = sumBy([
      { kind: 'absent' as const, valid: true, minutes: 60, s: 'MA' }, { kind: 'absent' as const, valid: false, minutes: 40, s: 'SV' },
      { kind: 'late' as const, valid: false, minutes: 5, s: 'MA' },
    ], (d) => d.s);
    expect(by.get('MA')).toEqual({ validMinutes: 60, invalidMinutes: 5, absentMinutes: 65, shortCount: 1 });
    expect(by.get('SV')?.invalidMinutes).toBe(40);
  });
});

describe('the share of the scheduled lesson minutes', () => {
  it('is the absent minutes over the lesson minutes, in percent with one decimal', () => {
    expect(absenceShare(120, 1200)).toBe(10);
    expect(absenceShare(100, 1200)).toBe(8.3);
  });
  it('is unknown (null) without lessons in the period', () => {
    expect(absenceShare(0, 0)).toBeNull();
  });
});

describe('scheduled lesson minutes: lessons of the pupil\'s groups on days they were a member, not cancelled', () => {
  const lessons = [
    { groupId: 'ma', date: '2026-11-16', minutes: 60, cancelled: false },
    { groupId: 'ma', date: '2026-11-17', minutes: 60, cancelled: true },
    { groupId: 'ma', date: '2026-11-20', minutes: 60, cancelled: false },
    { groupId: 'sv', date: '2026-11-16', minutes: 40, cancelled: false },
    { groupId: 'en', date: '2026-11-16', minutes: 50, cancelled: false },
  ];
  it('counts only lessons on days of membership, and not cancelled ones', () => {
    expect(scheduledMinutes(lessons, [{ groupId: 'ma', startDate: '2026-08-20', endDate: '2026-11-18' }, { groupId: 'sv', startDate: '2026-11-16', endDate: null }])).toBe(100);
  });
  it('counts a lesson once when two membership rows of the group cover its day', () => {
    expect(scheduledMinutes(lessons.slice(0, 1), [{ groupId: 'ma', startDate: '2026-08-20', endDate: null }, { groupId: 'ma', startDate: '2026-11-01', endDate: null }])).toBe(60);
  });
});

describe('whole hours on documents: the term\'s invalid minutes are summed, then rounded half up', () => {
  it('rounds the sum, never each lesson (the rule the docs state)', () => {
    const invalid = sumDeviations([{ kind: 'late', valid: false, minutes: 20 }, { kind: 'late', valid: false, minutes: 20 }, { kind: 'absent', valid: true, minutes: 60 }]).invalidMinutes;
    expect(wholeHours(invalid)).toBe(1); // 40 min → 1 h, while per lesson 20 → 0 twice would give 0
    expect(wholeHours(29)).toBe(0);
    expect(wholeHours(90)).toBe(2);
  });
});

describe('scheduled minutes for many pupils at once follow the same rule, split by week or subject', () => {
  it('counts a group\'s lesson days within each pupil\'s membership, once per day', () => {
    const lessons = [
      { groupId: 'ma', date: '2026-11-16', minutes: 60 }, { groupId: 'ma', date: '2026-11-23', minutes: 120 },
      { groupId: 'sv', date: '2026-11-17', minutes: 40 },
    ];
    const by = scheduledMinutesBy(lessons, [
      { pupilId: 'a', groupId: 'ma', startDate: '2026-08-20', endDate: null }, { pupilId: 'a', groupId: 'ma', startDate: '2026-11-01', endDate: null },
      { pupilId: 'a', groupId: 'sv', startDate: '2026-08-20', endDate: null },
      { pupilId: 'b', groupId: 'ma', startDate: '2026-11-20', endDate: null },
    ], (date) => (date < '2026-11-23' ? 'W47' : 'W48'));
    expect(by.get('a')).toEqual(new Map([['W47', 100], ['W48', 120]]));
    expect(by.get('b')).toEqual(new Map([['W48', 120]]));
  });
});
