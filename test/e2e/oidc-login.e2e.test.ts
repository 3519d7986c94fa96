// Journey: a guardian logs in with e-ID. The login page shows the e-ID button, the browser goes through a
// real OpenID provider (oidc-provider on 127.0.0.1, its login page stands in for the BankID app) and lands
// on the guardian's start page; an unknown personnummer comes back to the login page with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../src/domain/org/personnummer';
import { startOidcProvider, type OidcTestProvider } from '../support/oidc-provider';
import { journey, newPage, screenshot, seriousA11yViolations } from './browser';

let idp: OidcTestProvider;
const saved: Record<string, string | undefined> = {};
// before the journey's server starts (hooks run in order): the server reads the provider from its environment
beforeAll(async () => {
  idp = await startOidcProvider({ title: 'Test-IdP (BankID)' });
  for (const [k, v] of Object.entries(idp.env)) { saved[k] = process.env[k]; process.env[k] = v; }
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  await idp?.stop();
});

/** The demo guardian's personnummer, as the school's register shows it to its administrator. */
async function guardianCivicNo(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo' }) });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const found = await (await fetch(`${baseUrl}/api/admin/people?q=${encodeURIComponent('Sofia Ängström')}&kind=guardian`, { headers: { cookie } })).json();
  return found.items[0].civicNo;
}

describe('guardian logs in with e-ID', () => {
  const j = journey();

  it('goes through the provider and lands on her start page', async () => {
    idp.setRedirectUris([`${j.server.baseUrl}/api/auth/oidc/eid/callback`]);
    const civicNo = await guardianCivicNo(j.server.baseUrl);
    await j.page.goto('/login');
    const button = j.page.getByRole('link', { name: 'Logga in med BankID eller Freja' });
    await button.waitFor();
    await j.page.getByText('Elever loggar in med användarnamn och lösenord.').waitFor();
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'oidc-login-page');

    await button.click();
    await j.page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await j.page.getByLabel('Personnummer').fill(civicNo);
    await j.page.getByRole('button', { name: 'Legitimera' }).click();
    await j.page.waitForURL((url) => url.href.startsWith(j.server.baseUrl) && url.pathname === '/');
    await j.page.getByRole('heading', { level: 2, name: 'Mina barn' }).waitFor();
    await j.page.getByText('Sofia Ängström').first().waitFor();
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'oidc-login-guardian-start');
  }, 60_000);

  it('an unknown personnummer is refused with a clear message on the login page', async () => {
    const page = await newPage(j.browser, j.server.baseUrl); // a browser without the provider's session
    const nine = '000101238';
    await page.goto('/login');
    await page.getByRole('link', { name: 'Logga in med BankID eller Freja' }).click();
    await page.getByLabel('Personnummer').fill(`19${nine}${luhnCheckDigit(nine)}`);
    await page.getByRole('button', { name: 'Legitimera' }).click();
    await page.waitForURL((url) => url.pathname === '/login' && url.search === '?error=unknown_person');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Ditt personnummer finns inte i Lärka');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'oidc-login-refused');
    await page.context().close();
  }, 60_000);
});
