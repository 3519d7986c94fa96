// Journey a: the teacher `larare` works at two units; switching unit shows the other unit's groups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { firstColumn, launchBrowser, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { startServer, type RunningServer } from './server';

describe('teacher switches unit', () => {
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

  it('login page is accessible', async () => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    const first = page.locator('input').first();
    expect(await first.getAttribute('autocomplete')).toBe('username');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'login');
  }, 60_000);

  it('sees the groups of unit 1, switches unit and sees the groups of unit 2', async () => {
    await login(page, 'larare');
    const switcher = page.getByTestId('unit-switcher');
    const unit1 = await switcher.inputValue();
    expect(unit1).not.toBe('');
    await expect.poll(() => page.getByTestId('start-context').textContent()).toContain(unit1);
    const groups1 = await firstColumn(page, 'groups-table');
    expect(groups1.length).toBeGreaterThan(0);

    await switcher.click();
    const options = (await page.getByRole('option').allTextContents()).map((s) => s.trim());
    const unit2 = options.find((name) => name !== unit1);
    expect(unit2, `a second unit among ${options.join(', ')}`).toBeTruthy();
    await page.getByRole('option', { name: unit2!, exact: true }).click();

    await expect.poll(() => page.getByTestId('start-context').textContent()).toContain(unit2!);
    await expect.poll(() => switcher.inputValue()).toBe(unit2);
    const groups2 = await firstColumn(page, 'groups-table');
    expect(groups2.length).toBeGreaterThan(0);
    expect(groups2).not.toEqual(groups1);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'teacher-switches-unit');
  }, 60_000);
});
