import { describe, expect, it } from 'vitest';
import { ReferenceFile } from '../../../domain/followup/reference-file.js';
import { issueText } from './service.js';

const issuesOf = (content: unknown) => {
  const parsed = ReferenceFile.safeParse(content);
  return parsed.success ? [] : parsed.error.issues.map(issueText);
};

describe('the issues of a reference file, as the analyst reads them', () => {
  it('positions in the list are counted from 1 and each issue says in Swedish what is wrong', () => {
    const issues = issuesOf({ name: 'x', updated: '2026-01-01', figures: [
      { measure: 'merit_value', gradeYear: 9, schoolYear: '2024/2025', value: 1, source: 'Skolverket' },
      { measure: 'share_same_as_test', gradeYear: 7, schoolYear: '2024/2026', value: 1.5, source: 'Skolverket' }] });
    expect(issues).toEqual(expect.arrayContaining([
      { path: 'figures[2].gradeYear', message: 'ogiltigt värde (inget av de tillåtna)' },
      { path: 'figures[2].schoolYear', message: 'ogiltigt värde: läsårets andra år ska följa på det första' },
    ]));
  });
  it('a missing field names what was expected; a file that is no object is "hela filen"', () => {
    expect(issuesOf({ updated: '2026-01-01', figures: [] })).toEqual([{ path: 'name', message: 'fel typ eller saknas (väntade string)' }]);
    expect(issuesOf(42)[0].path).toBe('(hela filen)');
  });
});
