import { describe, expect, it } from 'vitest';
import { formatCivicNo, luhnCheckDigit, parseCivicNo } from './personnummer.js';

const today = new Date('2025-09-01T12:00:00');
const parse = (s: string) => parseCivicNo(s, today);

describe('personnummer', () => {
  it('a valid 12-digit personnummer is accepted and normalised', () => {
    expect(parse('19121212-1212')).toEqual({
      ok: true, normalised: '191212121212', kind: 'personnummer', birthDate: '1912-12-12', sex: 'M',
    });
    expect(parse('199001010017')).toMatchObject({ ok: true, normalised: '199001010017', birthDate: '1990-01-01' });
  });

  it('10 digits with - means born less than 100 years ago', () => {
    expect(parse('121212-1212')).toMatchObject({ ok: true, normalised: '201212121212', birthDate: '2012-12-12' });
    expect(parse('9001010017')).toMatchObject({ ok: true, normalised: '199001010017' });
  });

  it('10 digits with + means born over 100 years ago', () => {
    expect(parse('121212+1212')).toMatchObject({ ok: true, normalised: '191212121212', birthDate: '1912-12-12' });
  });

  it('a 10-digit number whose birthday this year has not come yet belongs to the previous century', () => {
    // 2025-12-24 has not happened on 2025-09-01, so 251224 is 1925.
    const nine = '251224123';
    expect(parse(`${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`))
      .toMatchObject({ ok: true, birthDate: '1925-12-24' });
  });

  it('a personnummer with a wrong check digit is refused', () => {
    expect(parse('19121212-1213')).toEqual({ ok: false, reason: 'checksum' });
    expect(parse('900101-0018')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('a personnummer with an impossible date is refused', () => {
    expect(parse(`19900230-001${luhnCheckDigit('900230001')}`)).toEqual({ ok: false, reason: 'date' });
    expect(parse(`19901301-001${luhnCheckDigit('901301001')}`)).toEqual({ ok: false, reason: 'date' });
  });

  it('a birth date in the future is refused', () => {
    expect(parse(`20300101-001${luhnCheckDigit('300101001')}`)).toEqual({ ok: false, reason: 'date' });
  });

  it('a samordningsnummer has day plus 60', () => {
    const n = `19900161-001${luhnCheckDigit('900161001')}`;
    expect(parse(n)).toEqual({
      ok: true, normalised: n.replace('-', ''), kind: 'samordningsnummer', birthDate: '1990-01-01', sex: 'M',
    });
    expect(parse(`19900291-001${luhnCheckDigit('900291001')}`)).toEqual({ ok: false, reason: 'date' });
  });

  it('the ninth digit tells the sex: odd is male, even is female', () => {
    expect(parse(`20100505-002${luhnCheckDigit('100505002')}`)).toMatchObject({ ok: true, sex: 'F' });
    expect(parse(`20100505-003${luhnCheckDigit('100505003')}`)).toMatchObject({ ok: true, sex: 'M' });
  });

  it('a TF-number is accepted and flagged temporary', () => {
    expect(parse('20110314TF12')).toEqual({
      ok: true, normalised: '20110314TF12', kind: 'temporary', birthDate: '2011-03-14', sex: null,
    });
  });

  it('a TF-number is case-insensitive and normalised upper-case', () => {
    expect(parse('20110314-tf12')).toMatchObject({ ok: true, normalised: '20110314TF12', kind: 'temporary' });
    expect(parse('110314tf12')).toMatchObject({ ok: true, normalised: '20110314TF12' });
  });

  it('a temporary number with no real date part has no birth date', () => {
    expect(parse('20111399TF01')).toMatchObject({ ok: true, kind: 'temporary', birthDate: null });
  });

  it('letters only in the last two positions are refused', () => {
    expect(parse('2011031412TF')).toEqual({ ok: false, reason: 'format' });
  });

  it('garbage is refused', () => {
    for (const g of ['', 'abc', '1912121212121', '19121212–1212x', '19121212/1212', '12345', '19121212+1212']) {
      expect(parse(g)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('surrounding spaces are ignored', () => {
    expect(parse(' 19121212-1212 ')).toMatchObject({ ok: true, normalised: '191212121212' });
  });

  it('the check digit is the Luhn digit of YYMMDDNNN', () => {
    expect(luhnCheckDigit('121212121')).toBe('2');
    expect(luhnCheckDigit('900101001')).toBe('7');
    expect(() => luhnCheckDigit('12')).toThrow();
  });

  it('a normalised number is shown as YYYYMMDD-NNNN', () => {
    expect(formatCivicNo('191212121212')).toBe('19121212-1212');
    expect(formatCivicNo('20110314TF12')).toBe('20110314-TF12');
  });
});
