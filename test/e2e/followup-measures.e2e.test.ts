// Journey: the principal opens "Iakttagelser och insatser" (/uppfoljning/insatser), records an unjustified
// deviation for the unit (shown as needing a measure), decides a measure with a follow-up date and sees it
// listed; the organiser's analyst sees the unit's finding and measure. axe-clean on every page; screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, journeyOnCopy, login, screenshot, seriousA11yViolations } from './browser';
import { repoRoot, type RunningServer } from './server';
import { templateCopy } from './setup';

const shot = (page: Page, name: string) => screenshot(page, `screenshots/${name}`);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('follow-up: the principal records a finding and a measure, the analyst sees it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void> = async () => {};
  const followUp = inDays(60);

  beforeAll(async () => {
    mkdirSync(join(repoRoot, 'test-results', 'screenshots'), { recursive: true });
    const copy = await templateCopy('followup-measures', async () => {});
    ({ server, browser, page, close } = await journeyOnCopy(copy));
    expect(server.baseUrl).toBeTruthy();
  }, 180_000);
  afterAll(() => close());

  it('the principal records an unjustified deviation for the unit, which then needs a measure', async () => {
    await login(page, 'rektor');
    await page.goto('/uppfoljning/insatser');
    await page.getByRole('heading', { level: 1, name: 'Iakttagelser och insatser' }).waitFor();
    await page.getByTestId('findings-empty').waitFor();
    await page.getByTestId('new-finding').click();
    await page.getByLabel('Omotiverad avvikelse').check();
    await page.getByTestId('finding-cause').fill('Betygen i matematik ligger över provbetygen tre år i rad.');
    await page.getByTestId('finding-submit').click();
    const finding = page.getByTestId('finding').first();
    await finding.getByTestId('needs-measure').waitFor();
    expect(await finding.getByRole('heading', { level: 3 }).textContent()).toBe('Björkskolan');
    expect(await finding.getByTestId('finding-assessment').textContent()).toBe('Omotiverad avvikelse');
  });

  it('decides a measure with a follow-up date, listed with its state', async () => {
    const finding = page.getByTestId('finding').first();
    await finding.getByTestId('add-measure').click();
    await choose(page, 'measure-kind', 'Kompetensutveckling i betyg och betygssättning');
    await page.getByTestId('measure-description').fill('Fortbildning i bedömning för matematiklärarna under höstterminen.');
    await page.getByTestId('measure-responsible').fill('Rektor');
    await page.getByTestId('measure-follow-up-date').fill(followUp);
    await page.getByTestId('measure-submit').click();
    const table = finding.getByTestId('measures-table');
    await table.waitFor();
    const row = (await table.locator('tbody tr').first().textContent()) ?? '';
    expect(row).toContain('Kompetensutveckling i betyg och betygssättning');
    expect(row).toContain(followUp);
    expect(row).toContain('Planerad');
    expect(await finding.getByTestId('needs-measure').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'followup-measures-principal');
  });

  it('the analyst sees the unit\'s finding and measure, by unit, without the forms', async () => {
    await page.context().clearCookies();
    await login(page, 'analytiker');
    await page.goto('/uppfoljning/insatser');
    const unit = page.getByTestId('findings-unit').filter({ has: page.getByRole('heading', { level: 2, name: 'Björkskolan' }) });
    await unit.getByTestId('finding').first().waitFor();
    expect(await unit.getByTestId('measures-table').innerText()).toContain('Fortbildning i bedömning');
    expect(await page.getByTestId('new-finding').count()).toBe(0);
    expect(await page.getByTestId('add-measure').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'followup-measures-analyst');
  });
});
