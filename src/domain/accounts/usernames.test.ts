import { describe, expect, it } from 'vitest';
import { assignUsernames, foldToAscii, nextFreeUsername, usernameBase } from './usernames.js';

describe('the username rule: three letters of the given name, three of the family name, the lowest free two-digit number', () => {
  it('Swedish and other letters are folded to ASCII: å → a, ä → a, ö → o, é → e, ü → u, æ → ae, ø → o, ß → ss', () => {
    expect(foldToAscii('Åsa-Märta Öberg')).toBe('asamartaoberg');
    expect(foldToAscii('Éloïse Müller')).toBe('eloisemuller');
    expect(foldToAscii('Æsa Søren Strauß')).toBe('aesasorenstrauss');
  });

  it('spaces, hyphens, apostrophes and digits are dropped', () => {
    expect(foldToAscii("O'Brien-Lind 2")).toBe('obrienlind');
  });

  it('the base is three letters of each name, lower case', () => {
    expect(usernameBase('Åsa', 'Öberg')).toBe('asaobe');
    expect(usernameBase('Anna-Karin', 'von Essen')).toBe('annvon');
  });

  it('a short name gives what it has; a name without letters gives nothing, and no letters at all gives "elev"', () => {
    expect(usernameBase('Bo', 'Ek')).toBe('boek');
    expect(usernameBase('Zoë', 'Ng')).toBe('zoeng');
    expect(usernameBase('李', 'Ng')).toBe('ng');
    expect(usernameBase('李', '王')).toBe('elev');
  });

  it('the number is the lowest free one from 01; past 99 it goes on with three digits', () => {
    expect(nextFreeUsername('asaobe', new Set())).toBe('asaobe01');
    expect(nextFreeUsername('asaobe', new Set(['asaobe01', 'asaobe03']))).toBe('asaobe02');
    const full = new Set(Array.from({ length: 99 }, (_, i) => `asaobe${String(i + 1).padStart(2, '0')}`));
    expect(nextFreeUsername('asaobe', full)).toBe('asaobe100');
  });

  it('usernames given at once are unique among each other and the taken ones (taken compared in lower case)', () => {
    const people = [{ givenName: 'Åsa', familyName: 'Öberg' }, { givenName: 'Asa', familyName: 'Oberg' }, { givenName: 'Åsa', familyName: 'Öbergsson' }];
    expect(assignUsernames(people, ['ASAOBE01'])).toEqual(['asaobe02', 'asaobe03', 'asaobe04']);
  });

  it('a username is ASCII letters and digits only', () => {
    for (const u of assignUsernames([{ givenName: 'Ådné', familyName: 'Łukasz-Øst' }], [])) expect(u).toMatch(/^[a-z]+\d{2,}$/);
  });
});
