// Journey: the guardian `vardnadshavare` applies for leave for Olle ("Familjeresa"); the principal's delegate
// for leave decisions (`admin`, per the demo delegations) finds it under "Ledighetsansökningar" and grants
// it; the guardian sees "Beviljad". A teacher without the delegation has no such menu entry. Axe clean;
// screenshots.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { swedishDate } from '../../src/domain/common/dates';
import { addDays } from '../../src/domain/absence-reports/span';
import { journey, login, screenshot, seriousA11yViolations } from './browser';

const today = swedishDate(new Date());
const from = addDays(today, 10);
const to = addDays(today, 12);

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await login(page, username);
}

async function pickOlle(page: Page) {
  const picker = page.getByTestId('child-picker');
  await picker.click();
  await page.getByRole('option').filter({ hasText: 'Olle' }).first().click();
}

describe('leave: the guardian applies, the delegate grants', () => {
  const j = journey();

  it('the guardian applies for leave for Olle in her own words', async () => {
    const { page } = j;
    await login(page, 'vardnadshavare');
    await page.getByTestId('nav-leave').click();
    await page.getByRole('heading', { level: 1, name: 'Ledighet' }).waitFor();
    await pickOlle(page);
    await page.getByTestId('leave-from').fill(from);
    await page.getByTestId('leave-to').fill(to);
    await page.getByTestId('leave-reason').fill('Familjeresa');
    await page.getByTestId('leave-submit').click();
    await page.getByTestId('leave-sent').waitFor();
    await expect.poll(() => page.getByTestId('leave-status').first().textContent()).toBe('Väntar på beslut');
    expect(await page.getByTestId('leave-table').locator('tbody tr').first().textContent()).toContain(`${from} – ${to}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'leave-applied');
  }, 60_000);

  it('a teacher without the delegation has no "Ledighetsansökningar" entry', async () => {
    const { page } = j;
    await switchUser(page, 'larare');
    await page.getByTestId('nav-notices').waitFor();
    expect(await page.getByTestId('nav-leave-decisions').count()).toBe(0);
  }, 60_000);

  it('the delegate sees the application in the queue and grants it', async () => {
    const { page } = j;
    await switchUser(page, 'admin');
    await page.getByTestId('nav-leave-decisions').click();
    await page.getByRole('heading', { level: 1, name: 'Ledighetsansökningar' }).waitFor();
    const row = page.getByTestId('leave-queue').locator('tbody tr').filter({ hasText: 'Familjeresa' });
    await row.waitFor();
    expect(await row.textContent()).toContain('9B');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'leave-queue');
    await row.getByTestId('grant-leave').click();
    await expect.poll(() => page.getByTestId('decision-message').textContent()).toMatch(/^Ledigheten för Olle .+ är beviljad\.$/);
    await page.getByTestId('leave-queue-empty').waitFor();
  }, 60_000);

  it('the guardian sees "Beviljad" and who decided', async () => {
    const { page } = j;
    await switchUser(page, 'vardnadshavare');
    await page.goto('/ledighet');
    await pickOlle(page);
    await expect.poll(() => page.getByTestId('leave-status').first().textContent()).toBe('Beviljad');
    expect(await page.getByTestId('leave-table').locator('tbody tr').first().textContent()).toContain('Karin Ek');
    expect(await page.getByTestId('withdraw-leave').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'leave-granted');
  }, 60_000);
});
