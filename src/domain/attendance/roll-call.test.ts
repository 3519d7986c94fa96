import { describe, expect, it } from 'vitest';
import type { AbsenceCover } from '../absence/validity.js';
import { deviationFor, needsSameDayNotice, registrationProblem } from './roll-call.js';

const lesson = { date: '2026-11-23', startTime: '10:00', endTime: '11:00', minutes: 60 };
const sick: AbsenceCover = { kind: 'report', id: 'r1', fromDate: '2026-11-23', toDate: '2026-11-23', fromTime: null, toTime: null };
const leave: AbsenceCover = { kind: 'leave', id: 'l1', fromDate: '2026-11-20', toDate: '2026-11-27', fromTime: null, toTime: null };
const term = { startDate: '2026-08-18', endDate: '2026-12-22' };

describe('roll-call status to the deviation stored', () => {
  it('present stores nothing', () => {
    expect(deviationFor('present', lesson, [sick])).toBeNull();
  });
  it("an absence covered by a guardian's report is valid and names the report, the whole lesson counted", () => {
    expect(deviationFor('absent', lesson, [sick])).toEqual({ kind: 'absent', minutes: 60, valid: true, absenceReportId: 'r1', leaveId: null });
  });
  it('an absence within granted leave is valid and names the leave', () => {
    expect(deviationFor('absent', lesson, [leave])).toMatchObject({ valid: true, leaveId: 'l1' });
  });
  it('an unreported absence is invalid', () => {
    expect(deviationFor('absent', lesson, [])).toMatchObject({ kind: 'absent', minutes: 60, valid: false, absenceReportId: null });
  });
  it('a part-day report covers only the lessons it overlaps', () => {
    const morning: AbsenceCover = { ...sick, fromTime: '08:00', toTime: '09:30' };
    expect(deviationFor('absent', lesson, [morning])).toMatchObject({ valid: false });
  });
  it('late arrival is invalid with the minutes given, even when a report covers the day', () => {
    expect(deviationFor('late', lesson, [sick], 10)).toEqual({ kind: 'late', minutes: 10, valid: false, absenceReportId: null, leaveId: null });
  });
  it('leaving early is invalid with the minutes given', () => {
    expect(deviationFor('left_early', lesson, [], 15)).toMatchObject({ kind: 'left_early', minutes: 15, valid: false });
  });
  it('late or leaving early needs whole minutes from 1 to the length of the lesson', () => {
    expect(deviationFor('late', lesson, [], undefined)).toBe('minutes');
    expect(deviationFor('late', lesson, [], 0)).toBe('minutes');
    expect(deviationFor('late', lesson, [], 61)).toBe('minutes');
    expect(deviationFor('left_early', lesson, [], 2.5)).toBe('minutes');
  });
});

describe('when a roll call may be registered', () => {
  it('today and past days of the current term', () => {
    expect(registrationProblem({ date: '2026-11-23', cancelled: false }, '2026-11-23', term)).toBeNull();
    expect(registrationProblem({ date: '2026-09-01', cancelled: false }, '2026-11-23', term)).toBeNull();
  });
  it('never a future day', () => {
    expect(registrationProblem({ date: '2026-11-24', cancelled: false }, '2026-11-23', term)).toBe('future');
  });
  it('never a day of an earlier term', () => {
    expect(registrationProblem({ date: '2026-06-01', cancelled: false }, '2026-11-23', term)).toBe('outside_term');
  });
  it('never a cancelled lesson', () => {
    expect(registrationProblem({ date: '2026-11-23', cancelled: true }, '2026-11-23', term)).toBe('cancelled');
  });
});

describe('same-day notice to the guardians', () => {
  it('is due for an invalid absence or late arrival', () => {
    expect(needsSameDayNotice({ kind: 'absent', minutes: 60, valid: false, absenceReportId: null, leaveId: null })).toBe(true);
    expect(needsSameDayNotice({ kind: 'late', minutes: 5, valid: false, absenceReportId: null, leaveId: null })).toBe(true);
  });
  it('is not due for a valid absence, leaving early or presence', () => {
    expect(needsSameDayNotice({ kind: 'absent', minutes: 60, valid: true, absenceReportId: 'r1', leaveId: null })).toBe(false);
    expect(needsSameDayNotice({ kind: 'left_early', minutes: 5, valid: false, absenceReportId: null, leaveId: null })).toBe(false);
    expect(needsSameDayNotice(null)).toBe(false);
  });
});
