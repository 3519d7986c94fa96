import { describe, expect, it } from 'vitest';
import { isPassphrase, passwordProblem } from './password-rules.js';

describe('rules for a password a person chooses', () => {
  it('at least 10 characters', () => {
    expect(passwordProblem('kort123', 'asaobe01')).toBe('password_too_short');
    expect(passwordProblem('tiotecken!', 'asaobe01')).toBeNull();
  });

  it('or a passphrase: three words of at least two letters each (short is then enough)', () => {
    expect(isPassphrase('ko är bi')).toBe(true);
    expect(passwordProblem('ko är bi', 'asaobe01')).toBeNull();
    expect(isPassphrase('a b c d')).toBe(false);
    expect(passwordProblem('a b c d', 'asaobe01')).toBe('password_too_short');
    expect(isPassphrase('ko-är-bi')).toBe(true);
  });

  it('at least five different characters', () => {
    expect(passwordProblem('aaaaaaaaaaaa', 'asaobe01')).toBe('password_too_simple');
    expect(passwordProblem('abababababab', 'asaobe01')).toBe('password_too_simple');
  });

  it('never containing the username, in any case', () => {
    expect(passwordProblem('hej-ASAOBE01-hej', 'asaobe01')).toBe('password_contains_username');
  });

  it('at most 200 characters', () => {
    expect(passwordProblem('abcdefghij'.repeat(21), 'asaobe01')).toBe('password_too_long');
  });
});
