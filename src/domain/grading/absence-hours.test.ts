import { describe, expect, it } from 'vitest';
import { wholeHours } from './absence-hours.js';

describe('invalid absence in whole hours on the term grade document', () => {
  it('less than half an hour rounds down to zero', () => { expect(wholeHours(29)).toBe(0); });
  it('half an hour rounds up', () => { expect(wholeHours(30)).toBe(1); });
  it('the sum is rounded once: 89 minutes is one hour, 90 is two', () => {
    expect(wholeHours(89)).toBe(1);
    expect(wholeHours(90)).toBe(2);
  });
  it('no absence is zero hours', () => { expect(wholeHours(0)).toBe(0); });
});
