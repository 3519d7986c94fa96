// Journey: `huvudman` (the organiser-level administrator) opens Administration → SS 12000-klienter, registers
// a client limited to one school unit, sees its secret once (with the warning and a copy button), and the
// secret gives a token over HTTP that reads the interface; narrows it and gives it a new secret (the old one
// stops working); then revokes the client after a confirmation, and its token is refused at once. A unit's
// own administrator does not see the section.
import { describe, expect, it } from 'vitest';
import { journey, login, screenshot, seriousA11yViolations } from './browser';

const tokenFor = (baseUrl: string, clientId: string, secret: string) => fetch(`${baseUrl}/ss12000/oauth/token`, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
});

describe('SS 12000 clients', () => {
  const j = journey();
  let secret = '';
  let bearer = '';

  it('huvudman registers a client limited to one unit and sees the secret once', async () => {
    const { page } = j;
    await login(page, 'huvudman');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-section-ss12000').click();
    await page.getByRole('heading', { level: 1, name: 'SS 12000-klienter' }).waitFor();
    await page.getByTestId('ss12000-clients-table').waitFor();
    expect(await page.getByTestId('ss12000-clients-table').textContent()).toContain('demo-client');

    await page.getByTestId('ss12000-client-add').click();
    await page.getByTestId('ss12000-client-save').click();
    await page.getByText('Välj minst en resurs.').waitFor();
    await page.getByTestId('ss12000-client-name').fill('Lärplattformen');
    await page.getByTestId('ss12000-client-id').fill('larplattformen');
    await page.getByTestId('ss12000-units-chosen').check();
    await page.getByTestId('ss12000-unit-Björkskolan').check();
    await page.getByTestId('ss12000-resource-organisations').check();
    await page.getByTestId('ss12000-resource-persons').check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'ss12000-client-form');
    await page.getByTestId('ss12000-client-save').click();

    const shown = page.getByTestId('ss12000-secret');
    await shown.waitFor();
    expect(await shown.textContent()).toContain('Hemligheten visas bara nu');
    expect(await page.getByTestId('ss12000-secret-client-id').textContent()).toBe('larplattformen');
    secret = (await page.getByTestId('ss12000-secret-value').textContent())!.trim();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    await page.getByTestId('ss12000-secret-copy').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'ss12000-client-secret');
    await page.getByTestId('ss12000-secret-close').click();
    await shown.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('ss12000-notice').textContent()).toBe('Klienten Lärplattformen är registrerad.');
    const row = page.getByTestId('ss12000-clients-table').locator('tbody tr').filter({ hasText: 'larplattformen' });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('LärplattformenlarplattformenBjörkskolanorganisations, persons');
    expect(await page.content()).not.toContain(secret);
  }, 60_000);

  it('the secret gives a token over HTTP; the client sees its unit and the organiser only', async () => {
    const res = await tokenFor(j.server.baseUrl, 'larplattformen', secret);
    expect(res.status).toBe(200);
    bearer = (await res.json()).access_token;
    const orgs = await fetch(`${j.server.baseUrl}/ss12000/v2/organisations`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(orgs.status).toBe(200);
    const names = ((await orgs.json()).data as { displayName: string; organisationType: string }[])
      .filter((o) => o.organisationType === 'Skolenhet').map((o) => o.displayName);
    expect(names).toEqual(['Björkskolan']);
  });

  it('huvudman narrows the client and gives it a new secret: the old one stops working', async () => {
    const { page } = j;
    await page.reload();
    await page.getByRole('button', { name: 'Ändra Lärplattformen' }).click();
    await page.getByTestId('ss12000-resource-persons').uncheck();
    await page.getByTestId('ss12000-client-save').click();
    await expect.poll(() => page.getByTestId('ss12000-notice').textContent()).toBe('Klienten Lärplattformen är ändrad.');
    const row = page.getByTestId('ss12000-clients-table').locator('tbody tr').filter({ hasText: 'larplattformen' });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('Björkskolanorganisations');

    await page.getByRole('button', { name: 'Ny hemlighet för Lärplattformen' }).click();
    await page.getByTestId('ss12000-confirm-rotate').click();
    await page.getByTestId('ss12000-secret').waitFor();
    const fresh = (await page.getByTestId('ss12000-secret-value').textContent())!.trim();
    expect(fresh).not.toBe(secret);
    await page.getByTestId('ss12000-secret-close').click();
    expect((await tokenFor(j.server.baseUrl, 'larplattformen', secret)).status).toBe(401);
    const res = await tokenFor(j.server.baseUrl, 'larplattformen', fresh);
    expect(res.status).toBe(200);
    expect((await res.json()).scope).toBe('organisations');
    secret = fresh;
  }, 60_000);

  it('huvudman revokes the client after confirming; its token is refused at once', async () => {
    const { page } = j;
    await page.getByTestId('ss12000-revoke-larplattformen').click();
    await page.getByRole('dialog').getByText('Spärra Lärplattformen?').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'ss12000-client-revoke');
    await page.getByTestId('ss12000-confirm-revoke').click();
    await expect.poll(() => page.getByTestId('ss12000-notice').textContent()).toBe('Klienten Lärplattformen är spärrad.');
    const row = page.getByTestId('ss12000-clients-table').locator('tbody tr').filter({ hasText: 'larplattformen' });
    await row.getByTestId('ss12000-revoked').waitFor();
    await screenshot(page, 'ss12000-clients');

    const refused = await fetch(`${j.server.baseUrl}/ss12000/v2/organisations`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(refused.status).toBe(401);
    expect((await tokenFor(j.server.baseUrl, 'larplattformen', secret)).status).toBe(401);
  }, 60_000);

  it('a unit\'s own administrator does not see the section, and the page says it is not theirs', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await login(page, 'admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-section-accounts').waitFor();
    expect(await page.getByTestId('admin-section-ss12000').count()).toBe(0);
    await page.goto(`${j.server.baseUrl}/admin/ss12000/klienter`);
    await page.getByTestId('ss12000-no-access').waitFor();
  }, 60_000);
});
