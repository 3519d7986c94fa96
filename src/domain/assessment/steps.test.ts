import { describe, expect, it } from 'vitest';
import { DEFAULT_YOUNG_SCALE, levelProblem, scaleProblem, stageKindOfYear, stepsForYear, wordingOf } from './steps.js';

describe('assessment steps by school year', () => {
  it('years 1–3 are assessed "met / not yet" against the G requirement', () => {
    for (const y of [1, 2, 3]) expect(stepsForYear(y).map((s) => s.key)).toEqual(['not_yet', 'met']);
    expect(levelProblem('met', 2)).toBeNull();
    expect(levelProblem('E', 3)).toMatch(/not a step/);
  });

  it('years 4–5 use the unit\'s scale, by default "Inte ännu / På väg / Uppnått"', () => {
    expect(stepsForYear(4).map((s) => s.label)).toEqual([...DEFAULT_YOUNG_SCALE]);
    expect(levelProblem('På väg', 5)).toBeNull();
    expect(levelProblem('C', 5)).toMatch(/not a step/);
    const own = ['Börjat', 'Utvecklas', 'Säker'];
    expect(levelProblem('Utvecklas', 4, own)).toBeNull();
    expect(levelProblem('På väg', 4, own)).toMatch(/not a step/);
  });

  it('years 6–9 are assessed E, C, A or "not yet E"', () => {
    for (const y of [6, 7, 8, 9]) expect(stepsForYear(y).map((s) => s.key)).toEqual(['not_yet', 'E', 'C', 'A']);
    expect(levelProblem('A', 9)).toBeNull();
    expect(levelProblem('met', 7)).toMatch(/not a step/);
    expect(levelProblem('B', 8)).toMatch(/not a step/);
  });

  it('there are no steps outside years 1–9', () => {
    expect(() => stageKindOfYear(0)).toThrow();
    expect(levelProblem('E', 10)).toMatch(/school year 10/);
  });

  it('a unit scale has two to six distinct labels that are not fixed steps', () => {
    expect(scaleProblem(['Inte ännu', 'Uppnått'])).toBeNull();
    expect(scaleProblem(['Ett'])).toMatch(/two to six/);
    expect(scaleProblem(['På väg', 'på väg'])).toMatch(/differ/);
    expect(scaleProblem(['E', 'Uppnått'])).toMatch(/fixed/);
    expect(scaleProblem(['', 'Uppnått'])).toMatch(/label/);
  });

  it('the wording of a level is the requirement\'s wording for that step', () => {
    expect(wordingOf('C', { E: 'e', C: 'c', A: 'a' })).toBe('c');
    expect(wordingOf('met', { G: 'g' })).toBe('g');
    expect(wordingOf('not_yet', { E: 'e' })).toBeNull();
  });
});
