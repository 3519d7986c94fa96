import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../org/personnummer.js';
import { civicNoFromClaim, eidLoginVerdict, lastFourOf, safeReturnPath } from './identity-claims.js';

const today = new Date('2026-11-20T12:00:00Z');
const pnr = (nine: string) => `19${nine}${luhnCheckDigit(nine)}`;
const valid = pnr('800101238');

describe('the personnummer claim', () => {
  it('a 12-digit personnummer is taken as it is', () => {
    expect(civicNoFromClaim(valid, today)).toBe(valid);
  });
  it('a personnummer with a dash or in 10-digit form is normalised to 12 digits', () => {
    expect(civicNoFromClaim(`${valid.slice(0, 8)}-${valid.slice(8)}`, today)).toBe(valid);
    expect(civicNoFromClaim(`${valid.slice(2, 8)}-${valid.slice(8)}`, today)).toBe(valid);
  });
  it('a samordningsnummer is accepted', () => {
    const s = pnr('800161238');
    expect(civicNoFromClaim(s, today)).toBe(s);
  });
  it('a wrong check digit, a missing claim or a temporary school number gives no personnummer', () => {
    expect(civicNoFromClaim(valid.slice(0, 11) + ((Number(valid[11]) + 1) % 10), today)).toBeNull();
    expect(civicNoFromClaim(undefined, today)).toBeNull();
    expect(civicNoFromClaim({ value: valid }, today)).toBeNull();
    expect(civicNoFromClaim('20110314TF12', today)).toBeNull();
  });
  it('the audit trail keeps only the last four digits of an unknown personnummer', () => {
    expect(lastFourOf(valid)).toBe(valid.slice(8));
    expect(lastFourOf(valid)).toHaveLength(4);
  });
});

describe('who may log in with e-ID', () => {
  const unit = [{ id: 'u', name: 'Björkskolan' }];
  it('a guardian may', () => {
    expect(eidLoginVerdict([{ role: 'guardian', units: [] }])).toBe('allowed');
  });
  it('staff may', () => {
    expect(eidLoginVerdict([{ role: 'teacher', units: unit }])).toBe('allowed');
  });
  it('a person whose only role is pupil may not: pupils log in with username and password', () => {
    expect(eidLoginVerdict([{ role: 'pupil', units: [] }])).toBe('pupil_only');
  });
  it('a pupil who is also a guardian may', () => {
    expect(eidLoginVerdict([{ role: 'guardian', units: [] }, { role: 'pupil', units: [] }])).toBe('allowed');
  });
  it('a person with no role today may not', () => {
    expect(eidLoginVerdict([])).toBe('no_role');
  });
});

describe('the return path after login', () => {
  it('an in-app path is kept', () => {
    expect(safeReturnPath('/elever/123?flik=betyg')).toBe('/elever/123?flik=betyg');
  });
  it('another site, a protocol-relative address, the API or the login page go to the start page', () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/api/session', '/login', '/login?error=x', 'elever', '', null, 5, '/x\n']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
