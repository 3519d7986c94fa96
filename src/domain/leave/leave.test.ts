import { describe, expect, it } from 'vitest';
import { applicationProblem, decisionProblem, makesAbsenceValid, withdrawProblem } from './leave.js';

const TODAY = '2026-11-18';

describe('a leave application', () => {
  it('is for today or later, dates in order, with a reason in the guardian\'s words', () => {
    expect(applicationProblem({ fromDate: '2026-11-23', toDate: '2026-11-27', reason: 'Familjeresa' }, TODAY)).toBeNull();
    expect(applicationProblem({ fromDate: '2026-11-17', toDate: '2026-11-27', reason: 'Familjeresa' }, TODAY)).toBe('starts_in_past');
    expect(applicationProblem({ fromDate: '2026-11-27', toDate: '2026-11-23', reason: 'Familjeresa' }, TODAY)).toBe('dates_reversed');
    expect(applicationProblem({ fromDate: '2026-11-23', toDate: '2026-11-23', reason: '  ' }, TODAY)).toBe('reason_required');
  });
});

describe('deciding on leave', () => {
  it('a pending application is granted without a reason', () => expect(decisionProblem('pending', 'granted', null)).toBeNull());
  it('a refusal needs a reason', () => {
    expect(decisionProblem('pending', 'refused', '')).toBe('reason_required');
    expect(decisionProblem('pending', 'refused', 'Nationella prov den veckan')).toBeNull();
  });
  it('a withdrawn, granted or refused application cannot be decided', () => {
    for (const s of ['withdrawn', 'granted', 'refused'] as const) expect(decisionProblem(s, 'granted', null)).toBe('not_pending');
  });
});

describe('withdrawing leave', () => {
  it('a guardian withdraws only a pending application', () => {
    expect(withdrawProblem('pending')).toBeNull();
    expect(withdrawProblem('granted')).toBe('not_pending');
  });
});

describe('only granted leave makes absence valid', () => {
  it('granted does, the other states do not', () => {
    expect(makesAbsenceValid('granted')).toBe(true);
    for (const s of ['pending', 'refused', 'withdrawn'] as const) expect(makesAbsenceValid(s)).toBe(false);
  });
});
