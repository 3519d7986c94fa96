// Journey: `larare` opens the assessment matrix of a planning for 9B MA, assesses cells by clicking (the saved
// state shows), writes a comment in the cell's drawer and reads its history, then shares the assessments; the
// guardian of a pupil of 9B reads the assessment on the child page; on the grade register of 9A MA the teacher
// opens a pupil's knowledge matrix beside the grade ("Underlag"). axe-clean; screenshots.
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../src/server/platform/db/database';
import { insertPlanning } from '../support/planning-fixture';
import { login, newPage, screenshot, seriousA11yViolations, journeyOnCopy } from './browser';
import { type RunningServer } from './server';
import { templateCopy } from './setup';

describe('assessment: the matrix, sharing, the guardian, the basis for the grade', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void> = async () => {};
  let planningId = '';
  let olle = '';
  let nineA = '';

  beforeAll(async () => {
    const copy = await templateCopy('assessment', async (database) => {
      const db = database.db;
      const org = (await one<{ id: string }>(db, sql`select id from organiser limit 1`))!.id;
      planningId = (await insertPlanning(db, org, { unit: 'Björkskolan', subjectCode: 'MA', groups: ['9B MA'], owners: ['larare'], year: 9,
        requirements: 3, title: 'Statistik och sannolikhet' })).id;
      olle = (await one<{ id: string }>(db, sql`select g.child_id as id from guardianship g join account a on a.person_id = g.guardian_id
        and a.username = 'vardnadshavare' join person p on p.id = g.child_id and p.given_name = 'Olle' limit 1`))!.id;
      nineA = (await one<{ id: string }>(db, sql`select g.id from student_group g join school_unit u on u.id = g.school_unit_id
        and u.name = 'Björkskolan' where g.name = '9A MA' limit 1`))!.id;
    });
    ({ server, browser, page, close } = await journeyOnCopy(copy));
  }, 180_000);
  afterAll(() => close());

  it('the teacher assesses cells with a click each, comments one and reads its history', async () => {
    await login(page, 'larare');
    await page.goto(`/planering/${planningId}/bedomning`);
    await page.getByRole('heading', { level: 1, name: 'Bedömning – Statistik och sannolikhet' }).waitFor();
    const row = page.locator(`tr[data-pupil="${olle}"]`);
    const cells = row.getByTestId('matrix-cell');
    expect(await cells.count()).toBe(3);
    // first cell: empty → Ej uppnått E → E
    await cells.nth(0).click();
    await expect.poll(() => cells.nth(0).textContent()).toBe('Ej uppnått E');
    await row.locator('[data-status="saved"]').first().waitFor();
    await cells.nth(0).click();
    await expect.poll(() => cells.nth(0).textContent()).toBe('E');
    // second cell by keyboard: the digit 3 chooses the third step (C)
    await cells.nth(1).focus();
    await page.keyboard.press('3');
    await expect.poll(() => cells.nth(1).textContent()).toBe('C');
    await expect.poll(() => row.locator('[data-status="saved"]').count()).toBe(2);
    expect(await cells.nth(1).getAttribute('aria-label')).toMatch(/^Olle .+, krav 2: C$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'assessment-matrix');

    await row.getByTestId('matrix-cell-more').nth(0).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('cell-comment').fill('Tolkar diagram säkert, behöver motivera slutsatser.');
    await drawer.getByTestId('cell-save').click();
    await expect.poll(() => drawer.getByTestId('cell-history').locator('li').count()).toBe(3);
    expect(await drawer.getByTestId('cell-history').textContent()).toContain('Ej uppnått E');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'assessment-cell-drawer');
    await page.keyboard.press('Escape');

    await page.getByTestId('matrix-share-button').click();
    await expect.poll(() => page.getByTestId('matrix-share-state').textContent()).toBe('Bedömningarna visas för elever och vårdnadshavare.');
  });

  it('the guardian reads the shared assessment on the child page', async () => {
    const guardian = await newPage(browser, server.baseUrl);
    await login(guardian, 'vardnadshavare');
    await guardian.goto(`/barn/${olle}`);
    const section = guardian.getByTestId('portal-assessments');
    await section.getByText('Statistik och sannolikhet', { exact: false }).first().waitFor();
    const planning = section.getByTestId('portal-assessment-planning').filter({ hasText: 'Statistik och sannolikhet' });
    expect(await planning.textContent()).toContain('Tolkar diagram säkert');
    expect(await planning.locator('strong').allTextContents()).toEqual(['E', 'C']);
    expect(await seriousA11yViolations(guardian)).toEqual([]);
    await screenshot(guardian, 'assessment-guardian');
    await guardian.context().close();
  });

  it('the grade register opens the pupil\'s knowledge matrix beside the grade', async () => {
    await page.goto(`/betyg/grupp/${nineA}`);
    await page.getByTestId('grade-register').waitFor();
    await page.getByTestId('basis-button').first().click();
    const drawer = page.getByTestId('knowledge-matrix-drawer');
    await drawer.getByTestId('knowledge-matrix').waitFor();
    expect(await drawer.getByTestId('knowledge-row').count()).toBeGreaterThan(3);
    expect(await drawer.getByRole('heading').first().textContent()).toMatch(/^Underlag – /);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'assessment-grade-basis');
  });
});
