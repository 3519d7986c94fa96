import { describe, expect, it } from 'vitest';
import { membershipProblem } from './class-membership.js';
import { dayBefore, inForceOn, isValidRange, rangesOverlap } from './date-ranges.js';

describe('date ranges of relations', () => {
  it('a range whose last day is before its first is invalid; an open end is valid', () => {
    expect(isValidRange({ startDate: '2026-08-20', endDate: '2026-08-19' })).toBe(false);
    expect(isValidRange({ startDate: '2026-08-20', endDate: '2026-08-20' })).toBe(true);
    expect(isValidRange({ startDate: '2026-08-20', endDate: null })).toBe(true);
  });
  it('ranges that share one day overlap; ranges that meet end-to-start do not', () => {
    expect(rangesOverlap({ startDate: '2026-01-01', endDate: '2026-06-30' }, { startDate: '2026-06-30', endDate: null })).toBe(true);
    expect(rangesOverlap({ startDate: '2026-01-01', endDate: '2026-06-29' }, { startDate: '2026-06-30', endDate: null })).toBe(false);
    expect(rangesOverlap({ startDate: '2026-01-01', endDate: null }, { startDate: '2020-01-01', endDate: null })).toBe(true);
  });
  it('a range is in force from its first to its last day inclusive', () => {
    const r = { startDate: '2026-08-20', endDate: '2027-06-11' };
    expect([inForceOn(r, '2026-08-19'), inForceOn(r, '2026-08-20'), inForceOn(r, '2027-06-11'), inForceOn(r, '2027-06-12')]).toEqual([false, true, true, false]);
  });
  it('the day before crosses months and leap days', () => {
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});

describe('group membership', () => {
  const class7A = { groupId: '7A', groupType: 'class' as const };
  it('a pupil cannot be in two classes at once', () => {
    expect(membershipProblem({ ...class7A, startDate: '2026-09-01', endDate: null },
      [{ groupId: '7B', groupType: 'class', startDate: '2026-08-20', endDate: null }])).toBe('in_another_class');
  });
  it('a pupil moved from one class to another on a date is fine when the old membership ends the day before', () => {
    expect(membershipProblem({ ...class7A, startDate: '2026-09-01', endDate: null },
      [{ groupId: '7B', groupType: 'class', startDate: '2026-08-20', endDate: '2026-08-31' }])).toBeNull();
  });
  it('overlapping memberships of the same group are refused; teaching groups may overlap each other', () => {
    expect(membershipProblem({ groupId: 'EN7', groupType: 'teaching', startDate: '2026-09-01', endDate: null },
      [{ groupId: 'EN7', groupType: 'teaching', startDate: '2026-08-20', endDate: null }])).toBe('already_member');
    expect(membershipProblem({ groupId: 'EN7', groupType: 'teaching', startDate: '2026-09-01', endDate: null },
      [{ groupId: 'MA7', groupType: 'teaching', startDate: '2026-08-20', endDate: null }, { groupId: '7B', groupType: 'class', startDate: '2026-08-20', endDate: null }])).toBeNull();
  });
  it('a membership ending before it starts is refused', () => {
    expect(membershipProblem({ ...class7A, startDate: '2026-09-01', endDate: '2026-08-01' }, [])).toBe('invalid_range');
  });
});
