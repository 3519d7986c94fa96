import { describe, expect, it } from 'vitest';
import { figure, hiddenParts, MIN_PUPILS } from './suppression.js';

describe('a part with fewer than 10 pupils is hidden, and so is what would reveal it by subtraction', () => {
  it('the line is 10 pupils', () => {
    expect(MIN_PUPILS).toBe(10);
    expect(hiddenParts([10, 30], true)).toEqual([false, false]);
    expect(hiddenParts([9, 30], false)).toEqual([true, false]);
  });
  it('[25, 8] with the whole shown: the 8 is hidden, and the 25 too (else whole − 25 = 8)', () => {
    expect(hiddenParts([25, 8], true)).toEqual([true, true]);
  });
  it('[25, 8, 30] with the whole shown: the 8 and the smallest other part, the 25, are hidden; the 30 stays', () => {
    expect(hiddenParts([25, 8, 30], true)).toEqual([true, true, false]);
  });
  it('[25, 8] with the whole NOT shown: only the 8 is hidden', () => {
    expect(hiddenParts([25, 8], false)).toEqual([false, true]);
  });
  it('two small parts already protect each other: [3, 4, 30] hides only the 3 and the 4', () => {
    expect(hiddenParts([3, 4, 30], true)).toEqual([true, true, false]);
  });
  it('[25, 30] hides nothing', () => {
    expect(hiddenParts([25, 30], true)).toEqual([false, false]);
  });
  it('[0, 12] hides nothing: an empty part is "." and reveals nobody', () => {
    expect(hiddenParts([0, 12], true)).toEqual([false, false]);
  });
  it('an empty part is never picked as the second hidden part: [0, 8, 30] hides the 8 and the 30', () => {
    expect(hiddenParts([0, 8, 30], true)).toEqual([false, true, true]);
  });
  it('[9] with the whole not shown is hidden; alone it has no other part to hide', () => {
    expect(hiddenParts([9], false)).toEqual([true]);
    expect(hiddenParts([9], true)).toEqual([true]);
  });
  it('a hidden part that is not displayed (unknown sex) still forces a displayed part to be hidden: girls 40, boys 35, unknown 2', () => {
    expect(hiddenParts([40, 35, 2], true)).toEqual([false, true, true]);
  });
  it('the smallest other part is the first one on a tie', () => {
    expect(hiddenParts([20, 5, 20], true)).toEqual([true, true, false]);
  });
  it('a count that is not a whole number ≥ 0 is refused', () => {
    expect(() => hiddenParts([3.5, 20], true)).toThrow(RangeError);
  });
});

describe('the figure shown: a number, ".." (hidden) or "." (no data)', () => {
  it('no pupils, or no value, is "."', () => {
    expect(figure(0.5, 0)).toBe('.');
    expect(figure(null, 25)).toBe('.');
    expect(figure(null, 0, true)).toBe('.');
  });
  it('fewer than 10 pupils is "..", even when not marked hidden', () => {
    expect(figure(0.4, 9)).toBe('..');
    expect(figure(0.4, 1)).toBe('..');
  });
  it('a hidden part is ".." whatever its size', () => {
    expect(figure(0.4, 25, true)).toBe('..');
  });
  it('otherwise the value itself, also 0', () => {
    expect(figure(0.4, 10)).toBe(0.4);
    expect(figure(0, 30)).toBe(0);
  });
});
