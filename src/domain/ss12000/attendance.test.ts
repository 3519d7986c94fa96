import { describe, expect, it } from 'vitest';
import { absenceReasonOf, absenceTypeOf, attendanceMinutes, reportSpanOf, rollCallStatusOf } from './attendance.js';

describe('the minutes of an attendance', () => {
  it('a present pupil attended the whole lesson', () => {
    expect(attendanceMinutes(60, null)).toEqual({ attendanceMinutes: 60, validAbsenceMinutes: 0, invalidAbsenceMinutes: 0 });
  });
  it('a valid absence counts as valid minutes, a late arrival as invalid ones', () => {
    expect(attendanceMinutes(60, { kind: 'absent', minutes: 60, valid: true, covered: 'report' })).toEqual({ attendanceMinutes: 0, validAbsenceMinutes: 60, invalidAbsenceMinutes: 0 });
    expect(attendanceMinutes(60, { kind: 'late', minutes: 10, valid: false, covered: null })).toEqual({ attendanceMinutes: 50, validAbsenceMinutes: 0, invalidAbsenceMinutes: 10 });
  });
});

describe('the absence reason says the kind and what makes it valid, in Swedish', () => {
  it('names the deviation and its cover', () => {
    expect(absenceReasonOf(null)).toBeUndefined();
    expect(absenceReasonOf({ kind: 'left_early', minutes: 5, valid: false, covered: null })).toBe('Gick tidigare');
    expect(absenceReasonOf({ kind: 'absent', minutes: 40, valid: true, covered: 'leave' })).toBe('Frånvaro (beviljad ledighet)');
  });
});

describe('a posted attendance becomes a roll-call status', () => {
  it('no absence minutes is present; the whole lesson is absent; part of it is late unless the reason says left early', () => {
    expect(rollCallStatusOf({ isReported: true }, 60)).toEqual({ status: 'present', minutes: null });
    expect(rollCallStatusOf({ isReported: true, attendanceMinutes: 0 }, 60)).toEqual({ status: 'absent', minutes: null });
    expect(rollCallStatusOf({ isReported: true, invalidAbsenceMinutes: 40, validAbsenceMinutes: 20 }, 60)).toEqual({ status: 'absent', minutes: null });
    expect(rollCallStatusOf({ isReported: true, invalidAbsenceMinutes: 15 }, 60)).toEqual({ status: 'late', minutes: 15 });
    expect(rollCallStatusOf({ isReported: true, attendanceMinutes: 45, absenceReason: 'Gick tidigare' }, 60)).toEqual({ status: 'left_early', minutes: 15 });
  });
  it('refuses what the roll call cannot hold', () => {
    expect(rollCallStatusOf({ isReported: false }, 60)).toBe('not_reported');
    expect(rollCallStatusOf({ isReported: true, otherAttendanceMinutes: 10 }, 60)).toBe('other_attendance_unsupported');
    expect(rollCallStatusOf({ isReported: true, invalidAbsenceMinutes: 70 }, 60)).toBe('minutes_exceed_lesson');
    expect(rollCallStatusOf({ isReported: true, attendanceMinutes: 50, invalidAbsenceMinutes: 20 }, 60)).toBe('minutes_disagree');
  });
});

describe('absence types and spans', () => {
  it('a report is Anmäld frånvaro, leave is Beviljad ledighet', () => {
    expect(absenceTypeOf('report')).toBe('Anmäld frånvaro');
    expect(absenceTypeOf('leave')).toBe('Beviljad ledighet');
  });
  it('midnight to midnight in Stockholm is whole days (end exclusive); within a day is part of it', () => {
    expect(reportSpanOf(new Date('2026-11-17T23:00:00Z'), new Date('2026-11-19T23:00:00Z'))).toEqual({ fromDate: '2026-11-18', toDate: '2026-11-19', fromTime: null, toTime: null });
    expect(reportSpanOf(new Date('2026-11-18T08:00:00+01:00'), new Date('2026-11-18T10:30:00+01:00'))).toEqual({ fromDate: '2026-11-18', toDate: '2026-11-18', fromTime: '08:00', toTime: '10:30' });
    expect(reportSpanOf(new Date('2026-11-18T08:00:00+01:00'), new Date('2026-11-19T10:30:00+01:00'))).toBeNull();
    expect(reportSpanOf(new Date('2026-11-18T10:00:00+01:00'), new Date('2026-11-18T09:00:00+01:00'))).toBeNull();
  });
});
