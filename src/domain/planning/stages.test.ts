import { describe, expect, it } from 'vitest';
import { stagesForYears } from './stages.js';

const stages = [{ code: '1-3', yearFrom: 1, yearTo: 3 }, { code: '4-6', yearFrom: 4, yearTo: 6 }, { code: '7-9', yearFrom: 7, yearTo: 9 }];

describe('the stages offered for picking', () => {
  it('the stage of the groups\' year comes first, the others keep their order', () => {
    expect(stagesForYears(stages, [8]).map((s) => s.code)).toEqual(['7-9', '1-3', '4-6']);
    expect(stagesForYears(stages, [6, 7]).map((s) => s.code)).toEqual(['4-6', '7-9', '1-3']);
  });
  it('groups without a year keep the syllabus order', () => {
    expect(stagesForYears(stages, []).map((s) => s.code)).toEqual(['1-3', '4-6', '7-9']);
  });
});
