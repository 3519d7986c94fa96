import { describe, expect, it } from 'vitest';
import { correctionProblem } from './correction.js';
import { catalogueComplete, signaturesInForce, signProblem, whoDecidesDisagreement } from './signing.js';

describe('signing the grade catalogue', () => {
  it('a licensed teacher\'s signature decides the grades', () => {
    expect(catalogueComplete([{ personId: 'a', licensed: true }], [])).toBe(true);
  });
  it('a teacher without a licence signs together with a licensed teacher', () => {
    expect(catalogueComplete([{ personId: 'u', licensed: false }], ['u'])).toBe(false);
    expect(catalogueComplete([{ personId: 'u', licensed: false }, { personId: 'l', licensed: true }], ['u'])).toBe(true);
  });
  it('the licensed co-signer alone is not enough while the unlicensed grader has not signed', () => {
    expect(catalogueComplete([{ personId: 'l', licensed: true }], ['u'])).toBe(false);
  });
  it('only confirmed grades are signed, once per person', () => {
    expect(signProblem(['confirmed', 'registered'], [], 'a')).toBe('not_confirmed');
    expect(signProblem(['confirmed'], [{ personId: 'a', licensed: true }], 'a')).toBe('already_signed');
    expect(signProblem([], [], 'a')).toBe('no_grades');
    expect(signProblem(['confirmed'], [], 'a')).toBeNull();
  });
});

describe('signatures and the grades they were given on', () => {
  it('a signature given before a grade in the catalogue changed no longer counts', () => {
    const before = { personId: 'u', licensed: false, content: 'grades-v1' };
    const after = { personId: 'l', licensed: true, content: 'grades-v2' };
    expect(signaturesInForce([before, after], 'grades-v2')).toEqual([after]);
    expect(catalogueComplete(signaturesInForce([before, after], 'grades-v2'), ['u'])).toBe(false);
    expect(catalogueComplete(signaturesInForce([{ ...before, content: 'grades-v2' }, after], 'grades-v2'), ['u'])).toBe(true);
  });
});

describe('corrections of decided grades', () => {
  it('an ändring may never lower the grade', () => {
    expect(correctionProblem('andring', 'locked', 'C', 'D', 'omprövning')).toBe('lowers_grade');
    expect(correctionProblem('andring', 'locked', 'C', 'B', 'omprövning')).toBeNull();
  });
  it('a rättelse of a clerical error may lower the grade', () => {
    expect(correctionProblem('rattelse', 'locked', 'A', 'C', 'skrivfel i katalogen')).toBeNull();
  });
  it('the dash is below F: an ändring from F to – lowers', () => {
    expect(correctionProblem('andring', 'decided', 'F', '-', 'omprövning')).toBe('lowers_grade');
  });
  it('only decided or locked grades are corrected, with a reason', () => {
    expect(correctionProblem('rattelse', 'confirmed', 'A', 'C', 'fel')).toBe('not_decided');
    expect(correctionProblem('rattelse', 'locked', 'A', 'C', '')).toBe('no_reason');
  });
});

describe('disagreement between an unlicensed and a licensed teacher', () => {
  it('the licensed teacher decides when qualified in the subject', () => {
    expect(whoDecidesDisagreement(true)).toBe('licensed_teacher');
  });
  it('otherwise the principal decides', () => {
    expect(whoDecidesDisagreement(false)).toBe('principal');
  });
});
