import { describe, expect, it } from 'vitest';
import { absencePeriod } from './period.js';

const term = { startDate: '2026-08-20', endDate: '2026-12-22' };

describe('the period of an absence summary defaults to the current term up to today', () => {
  it('the term so far', () => {
    expect(absencePeriod({}, term, '2026-11-18')).toEqual({ from: '2026-08-20', to: '2026-11-18' });
  });
  it('the whole term once it has ended', () => {
    expect(absencePeriod({}, term, '2027-01-03')).toEqual({ from: '2026-08-20', to: '2026-12-22' });
  });
  it('asked dates win', () => {
    expect(absencePeriod({ from: '2026-11-16', to: '2026-11-20' }, term, '2026-11-18')).toEqual({ from: '2026-11-16', to: '2026-11-20' });
  });
  it('refuses a period that ends before it begins, or longer than a school year', () => {
    expect(absencePeriod({ from: '2026-11-20', to: '2026-11-16' }, term, '2026-11-18')).toBe('from_after_to');
    expect(absencePeriod({ from: '2024-01-01', to: '2026-11-16' }, term, '2026-11-18')).toBe('period_too_long');
  });
  it('without a term and a from date there is no default', () => {
    expect(absencePeriod({}, null, '2026-11-18')).toBe('no_term');
  });
});
