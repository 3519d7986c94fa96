import { describe, expect, it } from 'vitest';
import { EID_REFUSALS } from '../../domain/oidc/refusals';
import { sessionTexts } from './texts';

describe('the messages of a refused e-ID login', () => {
  it('every reason the server gives has a Swedish and an English message on the login page', () => {
    for (const lang of ['sv', 'en'] as const) {
      const messages = sessionTexts[lang].login.eid.errors as Record<string, string>;
      for (const reason of EID_REFUSALS) expect(messages[reason], `${lang}: ${reason}`).toBeTruthy();
    }
  });
});
