// Journey: the guardian `vardnadshavare` reports her son Olle sick for the coming school day from the start
// page's "Anmäl frånvaro": the page shows the school's reporting window, the report appears in the list with
// who reported it; a report backwards in time is refused with the window named; axe clean; screenshots.
import { describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates';
import { addDays } from '../../src/domain/absence-reports/span';
import { choose, journey, login, screenshot, seriousA11yViolations } from './browser';

const today = swedishDate(new Date());
/** The next weekday after today. */
function nextSchoolDay(from: string): string {
  let d = addDays(from, 1);
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

describe('guardian reports absence', () => {
  const j = journey();
  const day = nextSchoolDay(today);

  it('opens "Anmäl frånvaro" from the start page and sees the reporting window', async () => {
    const { page } = j;
    await login(page, 'vardnadshavare');
    await page.getByTestId('start-report-absence').click();
    await page.getByRole('heading', { level: 1, name: 'Anmäl frånvaro' }).waitFor();
    await choose(page, 'child-picker', (await page.getByTestId('child-picker').inputValue()).startsWith('Olle')
      ? await page.getByTestId('child-picker').inputValue() : await optionStarting(page, 'Olle'));
    await expect.poll(() => page.getByTestId('report-window').textContent()).toBe(`Du kan anmäla frånvaro från och med ${today} till och med ${addDays(today, 14)}.`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);

  it('reports Olle sick for the coming school day: the report is listed with who reported it', async () => {
    const { page } = j;
    await page.getByTestId('when-coming').check();
    await page.getByTestId('report-from').fill(day);
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-saved').textContent()).toBe(`Frånvaron är anmäld: ${day}.`);
    const row = page.getByTestId('reports-table').locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain(day);
    expect(await row.textContent()).toContain('Hela dagen');
    expect(await row.textContent()).toContain('Sofia Ängström (vårdnadshavare)');
    expect(await page.getByTestId('withdraw-report').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guardian-report-absence');
  }, 60_000);

  it('a report backwards in time is refused, naming the window', async () => {
    const { page } = j;
    await page.getByTestId('report-from').fill(addDays(today, -3));
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-error').textContent())
      .toBe(`Datumet ligger utanför den tid skolan tar emot anmälningar (${today} – ${addDays(today, 14)}).`);
    expect(await page.getByTestId('reports-table').locator('tbody tr').count()).toBe(1);
  }, 60_000);

  it('part of a day: the times are kept with the report', async () => {
    const { page } = j;
    const later = nextSchoolDay(nextSchoolDay(day));
    await page.getByTestId('report-from').fill(later);
    await page.getByTestId('extent-part').check();
    await page.getByTestId('report-from-time').fill('13:00');
    await page.getByTestId('report-to-time').fill('15:30');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-saved').textContent()).toBe(`Frånvaron är anmäld: ${later} 13:00–15:30.`);
    expect(await page.getByTestId('reports-table').locator('tbody tr').first().textContent()).toContain('13:00–15:30');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guardian-report-absence-part-day');
  }, 60_000);
});

async function optionStarting(page: import('playwright-core').Page, prefix: string): Promise<string> {
  await page.getByTestId('child-picker').click();
  const name = (await page.getByRole('option').filter({ hasText: prefix }).first().textContent())!.trim();
  await page.keyboard.press('Escape');
  return name;
}
