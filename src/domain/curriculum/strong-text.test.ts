import { describe, expect, it } from 'vitest';
import { stepOrder, strongPieces } from './strong-text.js';

describe('requirement wording', () => {
  it('cuts the text into plain and emphasised pieces', () => {
    expect(strongPieces('Eleven kan <strong>i huvudsak</strong> lösa <strong>enkla</strong> problem.')).toEqual([
      { text: 'Eleven kan ', strong: false }, { text: 'i huvudsak', strong: true }, { text: ' lösa ', strong: false },
      { text: 'enkla', strong: true }, { text: ' problem.', strong: false },
    ]);
  });

  it('other markup stays text, to be shown as the characters it is', () => {
    expect(strongPieces('<img src=x onerror=alert(1)> och <strong>fet</strong>')).toEqual([
      { text: '<img src=x onerror=alert(1)> och ', strong: false }, { text: 'fet', strong: true },
    ]);
    expect(strongPieces('')).toEqual([]);
  });

  it('steps are shown G, E, C, A', () => {
    expect(stepOrder({ A: 'a', E: 'e', C: 'c' })).toEqual(['E', 'C', 'A']);
    expect(stepOrder({ G: 'g' })).toEqual(['G']);
  });
});
