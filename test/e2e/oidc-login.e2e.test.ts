// Journey: a guardian logs in with e-ID. The login page shows the e-ID button, the browser goes through a
// real OpenID provider (oidc-provider on 127.0.0.1, its login page stands in for the BankID app) and lands
// on the guardian's start page; an unknown personnummer comes back to the login page with a clear message.
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../src/domain/org/personnummer';
import { journey, newPage, screenshot, seriousA11yViolations } from './browser';
import { civicNoOf, EID_BUTTON, loginWithEid, withEidProvider } from './oidc-helpers';

describe('guardian logs in with e-ID', () => {
  const eid = withEidProvider();
  const j = journey();

  it('goes through the provider and lands on her start page', async () => {
    const civicNo = await civicNoOf(j.server.baseUrl, 'Sofia Ängström');
    await j.page.goto('/login');
    await j.page.getByRole('link', { name: EID_BUTTON }).waitFor();
    await j.page.getByText('Elever loggar in med användarnamn och lösenord.').waitFor();
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'oidc-login-page');

    await loginWithEid(j.page, eid, j.server.baseUrl, civicNo);
    await j.page.waitForURL((url) => url.pathname === '/');
    await j.page.getByRole('heading', { level: 2, name: 'Mina barn' }).waitFor();
    await j.page.getByText('Sofia Ängström').first().waitFor();
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'oidc-login-guardian-start');
  }, 60_000);

  it('an unknown personnummer is refused with a clear message on the login page', async () => {
    const page = await newPage(j.browser, j.server.baseUrl); // a browser without the provider's session
    const nine = '000101238';
    await loginWithEid(page, eid, j.server.baseUrl, `19${nine}${luhnCheckDigit(nine)}`);
    await page.waitForURL((url) => url.pathname === '/login' && url.search === '?error=unknown_person');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Ditt personnummer finns inte i Lärka');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'oidc-login-refused');
    await page.context().close();
  }, 60_000);
});
