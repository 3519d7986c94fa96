import { describe, expect, it } from 'vitest';
import { documentSignProblem, produceProblem } from './documents.js';

describe('grade documents', () => {
  it('a document is made only when all of the pupil\'s grades on it are locked', () => {
    expect(produceProblem(['locked', 'decided'])).toBe('not_locked');
    expect(produceProblem(['locked', 'locked'])).toBeNull();
    expect(produceProblem([])).toBe('no_grades');
  });
  it('a final grade document is signed only by the principal, never by a delegate', () => {
    expect(documentSignProblem('final', false, { isPrincipal: false, hasTermDelegation: true })).toBe('principal_only');
    expect(documentSignProblem('final', false, { isPrincipal: true, hasTermDelegation: false })).toBeNull();
  });
  it('a term grade document is signed by the principal or a delegate', () => {
    expect(documentSignProblem('term', false, { isPrincipal: false, hasTermDelegation: true })).toBeNull();
    expect(documentSignProblem('term', false, { isPrincipal: false, hasTermDelegation: false })).toBe('not_allowed');
  });
  it('a document is signed once', () => {
    expect(documentSignProblem('term', true, { isPrincipal: true, hasTermDelegation: false })).toBe('already_signed');
  });
});
