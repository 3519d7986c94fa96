import { describe, expect, it } from 'vitest';
import { coversLesson, deviationMinutes, deviationValidity, minutesBetween, type AbsenceCover } from './validity.js';

const lesson = { date: '2026-11-23', startTime: '09:00', endTime: '10:00' };
const report = (over: Partial<AbsenceCover> = {}): AbsenceCover =>
  ({ kind: 'report', id: 'r1', fromDate: '2026-11-23', toDate: '2026-11-23', fromTime: null, toTime: null, ...over });

describe('validity of absence follows from the facts', () => {
  it('an absence covered by a guardian report is valid and names the report', () => {
    expect(deviationValidity('absent', lesson, [report()])).toEqual({ valid: true, absenceReportId: 'r1', leaveId: null });
  });
  it('an unreported absence is invalid', () => {
    expect(deviationValidity('absent', lesson, []).valid).toBe(false);
  });
  it('an absence within granted leave is valid and names the leave', () => {
    const leave = report({ kind: 'leave', id: 'l1', fromDate: '2026-11-20', toDate: '2026-11-27' });
    expect(deviationValidity('absent', lesson, [report(), leave])).toEqual({ valid: true, absenceReportId: null, leaveId: 'l1' });
  });
  it('late arrival and leaving early are invalid even when a report covers the day', () => {
    expect(deviationValidity('late', lesson, [report()]).valid).toBe(false);
    expect(deviationValidity('left_early', lesson, [report()]).valid).toBe(false);
  });
  it('a report for another day does not cover the lesson', () => {
    expect(deviationValidity('absent', lesson, [report({ fromDate: '2026-11-24', toDate: '2026-11-25' })]).valid).toBe(false);
  });
  it('a part-day report covers the lessons it overlaps, and not the others', () => {
    const morning = report({ fromTime: '08:00', toTime: '09:30' });
    expect(coversLesson(morning, lesson)).toBe(true);
    expect(coversLesson(morning, { ...lesson, startTime: '09:30', endTime: '10:30' })).toBe(false);
    expect(coversLesson(report({ fromTime: '10:00:00', toTime: '12:00:00' }), lesson)).toBe(false);
  });
});

describe('minutes of a deviation', () => {
  it('an absence counts the whole lesson', () => expect(deviationMinutes('absent', 60)).toBe(60));
  it('late arrival counts the minutes given, at most the lesson', () => {
    expect(deviationMinutes('late', 60, 10)).toBe(10);
    expect(deviationMinutes('late', 60, 61)).toBeNull();
    expect(deviationMinutes('late', 60, 0)).toBeNull();
    expect(deviationMinutes('left_early', 60, 2.5)).toBeNull();
    expect(deviationMinutes('left_early', 60)).toBeNull();
  });
  it('minutes between two times', () => expect(minutesBetween('08:15', '09:40')).toBe(85));
});
