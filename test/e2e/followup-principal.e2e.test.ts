// Journey: the principal of Eksätraskolan (the demo history's planted unit: year-9 mathematics grades above the
// test grades year after year) opens "Uppföljning", finds the pattern in the unit's mathematics — clearly higher
// than the test grades, every year of the trend — drills down to a group and records a finding with a measure
// (sambedömning) on it, which is still there when the group is opened again. axe; screenshots.
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED } from '../../src/server/org/demo/history-units';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { one } from '../../src/server/platform/db/database';
import { choose, journeyOnCopy, login, screenshot, seriousA11yViolations } from './browser';
import type { RunningServer } from './server';
import { templateCopy } from './setup';

const CLEAR_HIGHER = /^Tydligt högre än provbetygen \(q [=<] /;
// a follow-up date is today or later: a quarter from now
const followUp = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

describe('follow-up: a principal finds the planted pattern and records a measure', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    // the generated principal of the planted unit gets an account
    const copy = await templateCopy('followup-principal', async (database) => {
      const p = (await one<{ id: string; org: string }>(database.db, sql`select d.person_id as id, d.organiser_id as org from duty d
        join school_unit u on u.id = d.school_unit_id and u.organiser_id = d.organiser_id
        where d.role = 'principal' and u.name = ${PLANTED.generousUnit.unitName} and d.end_date is null limit 1`))!;
      await database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
        values (${p.org}, gen_random_uuid(), ${p.id}, 'rektor_eksatra', ${await hashPassword('demo')})`);
    });
    ({ server, browser, page, close } = await journeyOnCopy(copy));
    void server;
  }, 180_000);
  afterAll(() => close());

  it('the unit report shows mathematics clearly above the test grades, year after year', async () => {
    await login(page, 'rektor_eksatra');
    await page.getByTestId('nav-followup').click();
    await page.getByTestId('followup-report-unit').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe(PLANTED.generousUnit.unitName);
    expect(await page.getByTestId('subject-MA').getByTestId('sign-total').textContent()).toMatch(CLEAR_HIGHER);
    // every school year of the trend: more pupils with a grade above their test grade than below it
    const years = await page.getByTestId('subject-MA-trend-table').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(years.length).toBeGreaterThan(2);
    const share = (s: string) => Number(s.replace(' %', ''));
    expect(years.every((c) => share(c[3]) > 2 * share(c[1])), JSON.stringify(years)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-principal-unit');
  });

  it('drills down to a mathematics group and records a finding with a measure', async () => {
    const drill = page.getByTestId('subject-MA-deviation-table').locator('[data-testid^="drill-"]').first();
    const groupName = (await drill.textContent())!;
    await drill.click();
    await page.getByTestId('followup-report-group').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe(groupName);
    await page.getByTestId('findings-toggle-MA').click();
    await page.getByTestId('new-finding').click();
    await page.getByTestId('assessment-unjustified').click();
    await page.getByTestId('finding-cause').fill('Problemlösning bedöms generösare än i proven.');
    await page.getByTestId('finding-submit').click();
    await page.getByTestId('finding').waitFor();
    await page.getByTestId('add-measure').click();
    await choose(page, 'measure-kind', 'Sambedömning');
    await page.getByTestId('measure-description').fill('Sambedömning av årskurs 9:s prov i matematik med Björkskolan.');
    await page.getByTestId('measure-follow-up-date').fill(followUp);
    await page.getByTestId('measure-submit').click();
    await expect.poll(() => page.getByTestId('finding').textContent()).toContain(followUp);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-principal-measure');
  });

  it('the finding and its measure are there when the group is opened again', async () => {
    await page.reload();
    await page.getByTestId('followup-report-group').waitFor();
    await page.getByTestId('findings-toggle-MA').click();
    await expect.poll(() => page.getByTestId('finding').textContent()).toContain(followUp);
  });
});
