import { describe, expect, it } from 'vitest';
import { currentTerm, daysLeft, periodProblem } from './period.js';

describe('grading period', () => {
  const p = { from: '2026-12-01', to: '2026-12-18' };
  it('registration is open on the first and the last day of the period', () => {
    expect(periodProblem(p, '2026-12-01')).toBeNull();
    expect(periodProblem(p, '2026-12-18')).toBeNull();
  });
  it('registration is refused before and after the period', () => {
    expect(periodProblem(p, '2026-11-30')).toBe('before_period');
    expect(periodProblem(p, '2026-12-19')).toBe('after_period');
  });
  it('without a period registration is open', () => {
    expect(periodProblem(null, '2026-07-01')).toBeNull();
  });
  it('days left count today and the last day', () => {
    expect(daysLeft(p, '2026-12-18')).toBe(1);
    expect(daysLeft(p, '2026-12-01')).toBe(18);
    expect(daysLeft(p, '2026-12-20')).toBe(0);
  });
  it('the current term is the running one, or in a break the one that just ended', () => {
    const terms = [
      { id: 'ht', schoolYear: '2026/2027', kind: 'HT' as const, startDate: '2026-08-18', endDate: '2026-12-22' },
      { id: 'vt', schoolYear: '2026/2027', kind: 'VT' as const, startDate: '2027-01-08', endDate: '2027-06-12' },
    ];
    expect(currentTerm(terms, '2026-11-22')?.id).toBe('ht');
    expect(currentTerm(terms, '2027-01-02')?.id).toBe('ht');
    expect(currentTerm(terms, '2027-06-20')?.id).toBe('vt');
    expect(currentTerm(terms, '2026-01-01')).toBeNull();
  });
});
