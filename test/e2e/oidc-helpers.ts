// e-ID in browser journeys: a real OpenID provider for the journey's server, and a login through it.
//
//   const eid = withEidProvider();   // before journey(): the server reads the provider from its environment
//   const j = journey();
//   await loginWithEid(j.page, eid, j.server.baseUrl, await civicNoOf(j.server.baseUrl, 'Sofia Ängström'));
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startOidcProvider, type OidcTestProvider } from '../support/oidc-provider';

export const EID_BUTTON = 'Logga in med BankID eller Freja';

/** Starts the provider and points the next server started in this file at it (hooks run in order, so
 *  call this before `journey()`). */
export function withEidProvider(): { idp: OidcTestProvider } {
  const handle = {} as { idp: OidcTestProvider };
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    handle.idp = await startOidcProvider({ title: 'Test-IdP (BankID)' });
    for (const [k, v] of Object.entries(handle.idp.env)) { saved[k] = process.env[k]; process.env[k] = v; }
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
    await handle.idp?.stop();
  });
  return handle;
}

/** A person's personnummer as the school's register shows it to its administrator (`admin`, Björkskolan). */
export async function civicNoOf(baseUrl: string, name: string, kind: 'guardian' | 'staff' | 'pupil' = 'guardian'): Promise<string> {
  const login = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo' }) });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const found = await (await fetch(`${baseUrl}/api/admin/people?q=${encodeURIComponent(name)}&kind=${kind}`, { headers: { cookie } })).json();
  if (!found.items?.length) throw new Error(`no ${kind} named ${name} at Björkskolan`);
  return found.items[0].civicNo;
}

/** From the login page through the provider's login page; resolves when the browser is back at Lärka. */
export async function loginWithEid(page: Page, eid: { idp: OidcTestProvider }, baseUrl: string, civicNo: string): Promise<void> {
  eid.idp.setRedirectUris([`${baseUrl}/api/auth/oidc/eid/callback`]);
  await page.goto('/login');
  await page.getByRole('link', { name: EID_BUTTON }).click();
  await page.waitForURL((url) => url.href.startsWith(eid.idp.issuer));
  await page.getByLabel('Personnummer').fill(civicNo);
  await page.getByRole('button', { name: 'Legitimera' }).click();
  await page.waitForURL((url) => url.href.startsWith(baseUrl));
}
