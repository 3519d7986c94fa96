// Journey: the organiser's analyst opens "Underlag för uppföljning", imports the units' background (one row with
// an unknown unit code is refused and shown), sees it in the table, and uploads a reference file that does not
// hold: the issues are listed and the figures in force stay.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rows } from '../../src/server/platform/db/database';
import { journeyOnCopy, login, screenshot, seriousA11yViolations } from './browser';
import { templateCopy } from './setup';

describe('analyst manages the data for follow-up', () => {
  let page: Page;
  let close: () => Promise<void> = async () => {};
  let units: { code: string; name: string }[] = [];

  beforeAll(async () => {
    const copy = await templateCopy('followup-data', async (database) => {
      units = await rows(database.db, sql`select school_unit_code as code, name from school_unit order by name limit 2`);
    });
    ({ page, close } = await journeyOnCopy(copy));
  }, 120_000);
  afterAll(async () => { await close(); });

  it('imports the units\' background; the unknown unit is refused and the others appear in the table', async () => {
    await login(page, 'analytiker');
    await page.goto('/uppfoljning/underlag');
    await page.getByRole('heading', { level: 1, name: 'Underlag för uppföljning' }).waitFor();
    // the demo history has every unit's background of the five school years before this one; this file adds this year's
    await page.getByTestId('unit-background-table').waitFor();
    const file = ['Skolenhetskod;Läsår;Föräldrarnas utbildningsnivå;Andel utländsk bakgrund;Källa',
      `${units[0].code};2026/2027;2,31;23 %;SCB 2026`, `${units[1].code};2026/2027;1,9;0,41;SCB 2026`, '99999999;2026/2027;2;0,1;SCB'].join('\r\n');
    await page.getByTestId('unit-background-import').locator('input[type=file]').setInputFiles({ name: 'bakgrund.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByTestId('unit-background-import-preview').click();
    await expect.poll(() => page.getByTestId('unit-background-import-counts').textContent()).toBe('Nya: 2 · Ändrade: 0 · Oförändrade: 0 · Avvisade: 1');
    expect(await page.getByTestId('unit-background-import-lines').locator('tbody tr').nth(2).textContent()).toContain('Ingen skolenhet hos huvudmannen har koden 99999999');
    await page.getByTestId('unit-background-import-apply').click();
    await page.getByTestId('unit-background-import-done').waitFor();
    const table = page.getByTestId('unit-background-table');
    await table.waitFor();
    expect(await table.textContent()).toContain(`${units[0].name} (${units[0].code})2,3123 %`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-data-units');
  }, 60_000);

  it('a reference file that does not hold is refused with its issues; the shipped figures stay in force', async () => {
    const bad = JSON.stringify({ name: 'Egna', updated: '2026-10-01', figures: [{ measure: 'merit_value', gradeYear: 7, schoolYear: '2025/2026', value: 230, source: 'Skolverket' }] });
    await page.getByTestId('reference-section').locator('input[type=file]').setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page.getByTestId('reference-upload').click();
    await expect.poll(() => page.getByTestId('reference-error').textContent()).toContain('figures[1].gradeYear');
    expect(await page.getByTestId('reference-origin').textContent()).toContain('medföljer Lärka');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-data-reference');
  }, 60_000);
});
