import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, afterFailure, isLocked, type ThrottleState } from './throttle.js';

const t0 = new Date('2026-11-22T08:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);
const fail = (n: number, start: ThrottleState | null = null, minute = 0) => {
  let s = start;
  for (let i = 0; i < n; i++) s = afterFailure(s, at(minute), ACCOUNT_POLICY);
  return s!;
};

describe('login throttling', () => {
  it('an account is not locked after four failures', () => {
    expect(isLocked(fail(4), at(0))).toBe(false);
  });
  it('an account is locked after five failures within fifteen minutes', () => {
    expect(isLocked(fail(5), at(1))).toBe(true);
  });
  it('the lock ends after fifteen minutes', () => {
    expect(isLocked(fail(5), at(15.1))).toBe(false);
  });
  it('failures in an old window do not count towards a new one', () => {
    const s = fail(1, fail(4), 16);
    expect(s.failures).toBe(1);
    expect(isLocked(s, at(16))).toBe(false);
  });
});
