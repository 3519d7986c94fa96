// Journey: the administrator of Björkskolan imports national test results from a file on "Nationella prov".
// One row is wrong: the preview shows it with its row number, column and reason; the other rows are imported;
// the same file again changes nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCivicNo } from '../../src/domain/org/personnummer';
import { rows } from '../../src/server/platform/db/database';
import { journeyOnCopy, login, screenshot, seriousA11yViolations } from './browser';
import { templateCopy } from './setup';

describe('administrator imports national test results', () => {
  let page: Page;
  let close: () => Promise<void> = async () => {};
  let pupils: string[] = [];

  beforeAll(async () => {
    const copy = await templateCopy('results-import', async (database) => {
      pupils = (await rows<{ c: string }>(database.db, sql`select p.civic_no as c from enrolment e join school_unit u on u.id = e.school_unit_id and u.name = 'Björkskolan'
        join person p on p.id = e.person_id where e.school_year = 9 and e.start_date <= current_date and (e.end_date is null or e.end_date >= current_date)
          and p.civic_no is not null and not exists (select 1 from national_test_result r where r.pupil_id = p.id and r.subject_code = 'MA' and r.grade_year = 9)
        order by p.civic_no limit 3`)).map((r) => formatCivicNo(r.c));
    });
    ({ page, close } = await journeyOnCopy(copy));
  }, 120_000);
  afterAll(async () => { await close(); });

  const file = () => ['Personnummer;Ämne;Årskurs;Provbetyg;Deltog ej', `${pupils[0]};MA;9;C;`, `${pupils[1]};MA;9;;x`, `${pupils[2]};MA;9;G;`].join('\r\n');
  const upload = async () => {
    await page.getByTestId('results-import').locator('input[type=file]').setInputFiles({ name: 'prov.csv', mimeType: 'text/csv', buffer: Buffer.from(file(), 'utf8') });
    await page.getByTestId('results-import-preview').click();
  };

  it('the preview shows the wrong row with its row number, column and reason', async () => {
    expect(pupils).toHaveLength(3);
    await login(page, 'admin');
    await page.goto('/nationella-prov');
    await page.getByRole('heading', { level: 2, name: 'Importera från fil' }).waitFor();
    expect(await page.getByTestId('results-import-template').getAttribute('href')).toBe('/api/national-tests/import/template.xlsx');
    await upload();
    await expect.poll(() => page.getByTestId('results-import-counts').textContent()).toBe('Nya: 2 · Ändrade: 0 · Oförändrade: 0 · Avvisade: 1');
    const lines = page.getByTestId('results-import-lines').locator('tbody tr');
    expect(await lines.count()).toBe(3);
    expect(await lines.nth(2).locator(':scope > :first-child').textContent()).toBe('4');
    expect(await lines.nth(2).textContent()).toContain('Provbetyg: Provbetyget ska vara A–F');
    expect(await lines.nth(1).textContent()).toContain('Deltog ej');
    expect(await page.getByTestId('results-import-apply').textContent()).toBe('Importera 2 rader');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'national-tests-import-preview');
  }, 60_000);

  it('the valid rows are imported; the same file again changes nothing', async () => {
    await page.getByTestId('results-import-apply').click();
    await expect.poll(() => page.getByTestId('results-import-done').textContent()).toBe('2 rader importerades. Avvisade rader: 1.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'national-tests-import-done');
    await upload();
    await expect.poll(() => page.getByTestId('results-import-counts').textContent()).toBe('Nya: 0 · Ändrade: 0 · Oförändrade: 2 · Avvisade: 1');
    expect(await page.getByTestId('results-import-nothing').isVisible()).toBe(true);
  }, 60_000);
});
