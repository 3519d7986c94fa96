import { describe, expect, it } from 'vitest';
import { generatedClientId, isValidClientId } from './client-id';

describe('client ids of SS 12000 API clients', () => {
  it('a generated client id is the name without accents or punctuation and a random tail', () => {
    expect(generatedClientId('Schemat Åö AB', 'abc123')).toBe('schemat-ao-ab-abc123');
    expect(generatedClientId('!!!', 'x1')).toBe('klient-x1');
  });

  it('a generated client id is always a valid client id', () => {
    for (const name of ['Lärplattformen', 'a', 'Ett mycket långt namn på ett system som ingen orkar skriva ut i sin helhet', '—']) {
      expect(isValidClientId(generatedClientId(name, '0a1b2c3d')), name).toBe(true);
    }
  });

  it('a client id has 3–64 letters, digits, ".", "_" or "-", starting with a letter or digit', () => {
    expect(isValidClientId('demo-client')).toBe(true);
    expect(isValidClientId('a.b_c')).toBe(true);
    for (const bad of ['ab', 'a b', '-abc', 'å-klient', 'x'.repeat(65), 'a:b']) expect(isValidClientId(bad), bad).toBe(false);
  });
});
