import { describe, expect, it } from 'vitest';
import { latestOf, levelLabel, nextLevel, stepsOrNone } from './matrix.js';
import { stepsForYear } from './steps.js';

describe('assessment matrix rules', () => {
  it('a pupil without a known year has no steps', () => {
    expect(stepsOrNone(null)).toEqual([]);
    expect(stepsOrNone(0)).toEqual([]);
    expect(stepsOrNone(7).map((s) => s.key)).toEqual(['not_yet', 'E', 'C', 'A']);
  });

  it('names a level by the year it was assessed in', () => {
    expect(levelLabel('not_yet', 8)).toBe('Ej uppnått E');
    expect(levelLabel('not_yet', 2)).toBe('Inte ännu');
    expect(levelLabel('met', 3)).toBe('Uppnått');
    expect(levelLabel('Nästan där', 5)).toBe('Nästan där');
  });

  it('a click moves to the next step, past the last back to empty', () => {
    const steps = stepsForYear(9);
    expect(nextLevel(steps, null)).toBe('not_yet');
    expect(nextLevel(steps, 'E')).toBe('C');
    expect(nextLevel(steps, 'A')).toBeNull();
    expect(nextLevel(steps, 'met')).toBe('not_yet'); // a level not of these steps starts over
    expect(nextLevel([], null)).toBeNull();
  });

  it('the latest assessment is the one of the latest day, then the latest saved', () => {
    const a = { level: 'E', assessedOn: '2026-09-01', updatedAt: '2026-09-01T10:00:00Z' };
    const b = { level: 'C', assessedOn: '2026-10-01', updatedAt: '2026-10-01T10:00:00Z' };
    const c = { level: 'A', assessedOn: '2026-10-01', updatedAt: '2026-10-02T08:00:00Z' };
    expect(latestOf([a, c, b])).toBe(c);
    expect(latestOf([])).toBeNull();
  });
});
