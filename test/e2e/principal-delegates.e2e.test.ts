// Journey e: `rektor` (principal of Björkskolan) delegates "Besluta om ledighet" to a staff member,
// sees it in force, withdraws it; a to-date before the from-date is refused in the browser.
// The login page names the organiser and its contact for questions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { swedishDate } from '../../src/domain/common/dates';
import { firstColumn, launchBrowser, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { startServer, type RunningServer } from './server';

const today = swedishDate(new Date());
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('principal delegates a decision', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const delegationPosts: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.baseUrl);
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/delegations')) delegationPosts.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the login page shows the organiser and whom to ask', async () => {
    await page.goto('/login');
    await expect.poll(() => page.getByTestId('organiser-name').textContent()).toBe('Lärkby kommun');
    expect(await page.getByTestId('organiser-contact').textContent()).toMatch(/^Frågor om inloggning\? \S/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'login-organiser');
  }, 60_000);

  let delegate = '';
  const row = () => page.getByTestId('delegations-table').locator('tbody tr').filter({ hasText: delegate }).filter({ hasText: 'Besluta om ledighet' });

  it('refuses a to-date before the from-date without asking the server', async () => {
    await login(page, 'rektor');
    await page.getByRole('heading', { level: 2, name: 'Delegeringar' }).waitFor();
    const before = await firstColumn(page, 'delegations-table').catch(() => [] as string[]);

    await page.getByRole('button', { name: 'Ny delegering' }).click();
    await page.getByRole('heading', { level: 3, name: 'Ny delegering' }).waitFor();
    expect(await page.getByText('Slutbetyg undertecknas alltid av rektor själv').count()).toBe(1);

    // someone without a delegation yet, so that the new row is unmistakable
    await page.getByTestId('delegation-delegate').click();
    const options = (await page.getByRole('option').allTextContents()).map((s) => s.trim());
    const option = options.find((o) => !before.includes(o.replace(/ \(.*\)$/, '')));
    expect(option, `a staff member without a delegation among ${options.join(', ')}`).toBeTruthy();
    await page.getByRole('option', { name: option!, exact: true }).click();
    delegate = option!.replace(/ \(.*\)$/, '');
    expect(option).toMatch(/\((Lärare|Skoladministratör|Rektor|Elevhälsa)/);

    await page.getByTestId('delegation-kind').click();
    const kinds = (await page.getByRole('option').allTextContents()).map((s) => s.trim());
    expect(kinds).toEqual(['Underteckna terminsbetyg', 'Besluta om ledighet', 'Besluta om åtgärdsprogram']);
    await page.getByRole('option', { name: 'Besluta om ledighet', exact: true }).click();

    expect(await page.getByTestId('delegation-from').inputValue()).toBe(today);
    await page.getByTestId('delegation-to').fill('2026-13-01');
    await page.getByRole('button', { name: 'Delegera', exact: true }).click();
    await page.getByText('Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-08-17.').waitFor();
    await page.getByTestId('delegation-to').fill(dayBefore(today));
    await page.getByRole('button', { name: 'Delegera', exact: true }).click();
    await expect.poll(() => page.getByTestId('delegation-error').textContent()).toBe('Slutdatumet kan inte vara före startdatumet.');
    expect(delegationPosts).toEqual([]);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'principal-delegations');
  }, 60_000);

  it('creates the delegation and sees it in force', async () => {
    await page.getByTestId('delegation-to').fill('');
    await page.getByRole('button', { name: 'Delegera', exact: true }).click();
    await expect.poll(() => page.getByTestId('delegation-notice').textContent()).toContain(delegate);
    expect(delegationPosts).toHaveLength(1);
    await expect.poll(() => row().count()).toBe(1);
    expect(await row().getByTestId('delegation-status').textContent()).toBe('Gäller');
    expect(await row().textContent()).toContain('tills vidare');
    const from = await row().locator('td').nth(1).textContent();
    expect(from).toBe(today);
  }, 60_000);

  it('withdraws the delegation after confirming and sees it withdrawn', async () => {
    await row().getByRole('button', { name: 'Återkalla' }).click();
    const dialog = page.getByRole('dialog', { name: 'Återkalla delegeringen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`${delegate} får då inte längre besluta om ledighet`);
    // axe measures contrast: wait until the dialog's fade-in has finished
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Återkalla', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row().getByTestId('delegation-status').textContent()).toBe('Återkallad');
    expect(await row().getByRole('button', { name: 'Återkalla' }).count()).toBe(0);
    expect(delegationPosts).toHaveLength(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'principal-delegations-withdrawn');
  }, 60_000);
});
