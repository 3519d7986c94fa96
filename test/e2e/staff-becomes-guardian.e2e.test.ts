// Journey b: `personal` is a teacher and a guardian; switching role from staff to guardian shows the children.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choose, firstColumn, launchBrowser, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { startServer, type RunningServer } from './server';

describe('staff member switches role to guardian', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('switches from staff to guardian and sees their children', async () => {
    await login(page, 'personal');
    const roleSwitcher = page.getByTestId('role-switcher');
    expect(await roleSwitcher.inputValue()).not.toBe('Vårdnadshavare');
    await page.getByRole('heading', { level: 2 }).first().waitFor();

    await choose(page, 'role-switcher', 'Vårdnadshavare');

    await expect.poll(() => roleSwitcher.inputValue()).toBe('Vårdnadshavare');
    await page.getByRole('heading', { level: 2, name: 'Mina barn' }).waitFor();
    const children = await firstColumn(page, 'children-table');
    expect(children.length).toBeGreaterThan(0);
    // a guardian acts for the family, not for a unit: no unit switcher
    expect(await page.getByTestId('unit-switcher').count()).toBe(0);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'staff-becomes-guardian');
  }, 60_000);
});
