import { describe, expect, it } from 'vitest';
import { delegationProblem, isDelegationActive, mayDecide, type Delegation } from './delegation.js';

const d = (over: Partial<Delegation> = {}): Delegation => ({
  schoolUnitId: 'u1', delegateId: 'p-deputy', decisionKind: 'sign_term_grades',
  startDate: '2026-08-01', endDate: '2026-12-31', ...over,
});

describe('delegation periods', () => {
  it('a delegation is in force on its first and last day', () => {
    expect(isDelegationActive(d(), '2026-08-01')).toBe(true);
    expect(isDelegationActive(d(), '2026-12-31')).toBe(true);
  });
  it('a delegation is not in force before it starts or after it ends', () => {
    expect(isDelegationActive(d(), '2026-07-31')).toBe(false);
    expect(isDelegationActive(d(), '2027-01-01')).toBe(false);
  });
  it('a withdrawn delegation is no longer in force', () => {
    expect(isDelegationActive(d({ revoked: true }), '2026-11-22')).toBe(false);
  });
  it('a delegation without an end date stays in force', () => {
    expect(isDelegationActive(d({ endDate: null }), '2030-01-01')).toBe(true);
  });
  it('the delegate may decide the delegated kind at that unit while it is in force', () => {
    const who = { personId: 'p-deputy', isPrincipalOfUnit: false };
    expect(mayDecide(who, 'sign_term_grades', 'u1', [d()], '2026-11-22')).toBe(true);
    expect(mayDecide(who, 'sign_term_grades', 'u1', [d()], '2027-02-01')).toBe(false);
  });
  it('a delegation covers only its kind and its unit', () => {
    const who = { personId: 'p-deputy', isPrincipalOfUnit: false };
    expect(mayDecide(who, 'decide_leave', 'u1', [d()], '2026-11-22')).toBe(false);
    expect(mayDecide(who, 'sign_term_grades', 'u2', [d()], '2026-11-22')).toBe(false);
  });
  it('final grade documents are signed by the principal only, whatever was delegated', () => {
    const who = { personId: 'p-deputy', isPrincipalOfUnit: false };
    expect(mayDecide(who, 'sign_final_grades', 'u1', [d({ decisionKind: 'sign_final_grades' })], '2026-11-22')).toBe(false);
    expect(mayDecide({ personId: 'p-rektor', isPrincipalOfUnit: true }, 'sign_final_grades', 'u1', [], '2026-11-22')).toBe(true);
  });
});

describe('recording a delegation', () => {
  const base = { principalId: 'p-rektor', delegateId: 'p-deputy', decisionKind: 'sign_term_grades' as const, startDate: '2026-11-22', endDate: '2027-06-30' };
  it('a delegable kind to another staff member for a future period may be recorded', () => {
    expect(delegationProblem(base, '2026-11-22')).toBeNull();
  });
  it('signing final grades cannot be delegated', () => {
    expect(delegationProblem({ ...base, decisionKind: 'sign_final_grades' }, '2026-11-22')).toBe('not_delegable');
  });
  it('a principal cannot delegate to themself', () => {
    expect(delegationProblem({ ...base, delegateId: 'p-rektor' }, '2026-11-22')).toBe('self');
  });
  it('a delegation must end on or after its first day', () => {
    expect(delegationProblem({ ...base, endDate: '2026-11-21' }, '2026-11-01')).toBe('end_before_start');
  });
  it('a delegation that is already over cannot be recorded', () => {
    expect(delegationProblem({ ...base, startDate: '2026-01-01', endDate: '2026-06-30' }, '2026-11-22')).toBe('ends_in_past');
  });
});
