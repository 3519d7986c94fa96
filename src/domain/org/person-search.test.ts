import { describe, expect, it } from 'vitest';
import { civicNoDigits, foldForSearch, personMatcher } from './person-search.js';

const ake = { givenName: 'Åke', familyName: 'Östlund-Berg', civicNo: '201003142383' };

describe('finding a person in the register', () => {
  it('search ignores diacritics and case: "ake" finds Åke, "ostlund" finds Östlund', () => {
    expect(foldForSearch('Åke Östlund Ärlig')).toBe('ake ostlund arlig');
    expect(personMatcher('Ake')(ake)).toBe(true);
    expect(personMatcher('ostlund')(ake)).toBe(true);
    expect(personMatcher('berg')(ake)).toBe(true);
  });
  it('every word of a name query must begin a word of the name, in either order', () => {
    expect(personMatcher('östl åke')(ake)).toBe(true);
    expect(personMatcher('ake svensson')(ake)).toBe(false);
    expect(personMatcher('ke')(ake)).toBe(false);
  });
  it('a civic number is found with or without century and dash', () => {
    for (const q of ['201003142383', '20100314-2383', '1003142383', '100314-2383', '100314']) expect(personMatcher(q)(ake), q).toBe(true);
    expect(personMatcher('100315')(ake)).toBe(false);
    expect(personMatcher('1003142383')({ ...ake, civicNo: '20100314-2383' })).toBe(true);
    expect(civicNoDigits('Åke')).toBeNull();
  });
  it('an empty query finds everyone', () => {
    expect(personMatcher('  ')(ake)).toBe(true);
  });
});
