import { describe, expect, it } from 'vitest';
import { deviationReason } from './reasons.js';

describe('the reason of a deviation follows from the facts', () => {
  it('late arrival and leaving early are their own reason', () => {
    expect(deviationReason({ kind: 'late', leaveId: null, absenceReportId: 'r' })).toBe('late');
    expect(deviationReason({ kind: 'left_early', leaveId: null, absenceReportId: null })).toBe('left_early');
  });
  it('an absence is granted leave, reported (by whom) or unreported', () => {
    expect(deviationReason({ kind: 'absent', leaveId: 'l', absenceReportId: null })).toBe('leave');
    expect(deviationReason({ kind: 'absent', leaveId: null, absenceReportId: 'r', reporterRole: 'guardian' })).toBe('reported_guardian');
    expect(deviationReason({ kind: 'absent', leaveId: null, absenceReportId: 'r', reporterRole: 'pupil' })).toBe('reported_pupil');
    expect(deviationReason({ kind: 'absent', leaveId: null, absenceReportId: null })).toBe('unreported');
  });
});
