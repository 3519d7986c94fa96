import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONSONANTS, DIGITS, INITIAL_PASSWORD_SHAPE, initialPassword, VOWELS } from './initial-password.js';
import { passwordProblem } from './password-rules.js';

describe('initial passwords: three syllables - three syllables - two digits, readable for children', () => {
  it('has the shape bakety-sumera-47', () => {
    for (let i = 0; i < 200; i++) expect(initialPassword(randomInt)).toMatch(INITIAL_PASSWORD_SHAPE);
  });

  it('never uses a character that can be mistaken for another: no 0, O, o, 1, l, I, i, and no upper case', () => {
    const alphabet = CONSONANTS + VOWELS + DIGITS + '-';
    for (const c of '0Oo1lIi') expect(alphabet).not.toContain(c);
    expect(alphabet).toBe(alphabet.toLowerCase());
    const many = Array.from({ length: 500 }, () => initialPassword(randomInt)).join('');
    expect(many).not.toMatch(/[0Oo1lIi]/);
  });

  it('every character comes from the random source: the same source gives the same password, every choice is reachable', () => {
    const seq = (values: number[]) => { let i = 0; return (max: number) => values[i++ % values.length] % max; };
    expect(initialPassword(seq([0]))).toBe('bababa-bababa-22');
    expect(initialPassword(seq([13, 3]))).toBe('vyvyvy-vyvyvy-75');
    expect(initialPassword(seq([7]))).toBe('mymymy-mymymy-99');
  });

  it('drawn from a CSPRNG they do not repeat (10,000 without a duplicate)', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => initialPassword(randomInt)));
    expect(seen.size).toBe(10_000);
  });

  it('is long enough to be a password a person may choose (the rules for a new password accept it)', () => {
    expect(passwordProblem(initialPassword(randomInt), 'asaobe01')).toBeNull();
  });
});
