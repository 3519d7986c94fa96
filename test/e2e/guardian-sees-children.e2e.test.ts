// Journey c: `vardnadshavare` sees exactly their two children, at two different units.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { firstColumn, launchBrowser, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { startServer, type RunningServer } from './server';

describe('guardian sees their children', () => {
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

  it('shows exactly two children at different units', async () => {
    await login(page, 'vardnadshavare');
    await page.getByRole('heading', { level: 2, name: 'Mina barn' }).waitFor();
    const children = await firstColumn(page, 'children-table');
    expect(children).toHaveLength(2);
    const units = await page.getByTestId('children-table').locator('tbody tr > :nth-child(2)').allTextContents();
    expect(new Set(units).size).toBe(2);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guardian-sees-children');
  }, 60_000);

  it('shows "Sidan finns inte" with a link home for an unknown address', async () => {
    await page.goto('/finns-inte');
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await page.getByRole('link', { name: 'Till startsidan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mina barn' }).waitFor();
  }, 30_000);
});
