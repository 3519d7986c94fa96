// Journey: larare (made mentor of 9B here; the demo's larare teaches MA in 9A) finds "Inför utvecklingssamtal"
// on the start page and comments in mathematics on a 9A pupil's coming talk; then, as the mentor of 9B,
// plans a development talk for vardnadshavare's son, follows up the goals of the last talk, agrees new goals,
// marks it held and shares it; the guardian reads it on the child page. Extra adaptations are opened too.
// axe-clean; screenshots.
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../src/server/platform/db/database';
import { login, screenshot, seriousA11yViolations, journeyOnCopy } from './browser';
import { type RunningServer } from './server';
import { templateCopy } from './setup';

describe('development talk: the mentor plans, holds and shares it; the guardian reads it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void> = async () => {};
  let olle = '';

  beforeAll(async () => {
    const copy = await templateCopy('talks', async (database) => {
      const db = database.db;
      olle = (await one<{ id: string }>(db, sql`select gu.child_id as id from guardianship gu join account a on a.person_id = gu.guardian_id and a.username = 'vardnadshavare'
        join enrolment e on e.person_id = gu.child_id and e.school_unit_id = (select id from school_unit where name = 'Björkskolan') and e.end_date is null limit 1`))!.id;
      // larare becomes a mentor of 9B at Björkskolan (Olle's class) beside its mentor
      await db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
        select c.organiser_id, gen_random_uuid(), c.id, a.person_id, 'mentor', false, '2000-01-01' from student_group c, account a
         where c.name = '9B' and c.group_type = 'class' and c.school_unit_id = (select id from school_unit where name = 'Björkskolan') and a.username = 'larare'`);
    });
    ({ server, browser, page, close } = await journeyOnCopy(copy));
  }, 180_000);
  afterAll(() => close());

  it('the teacher sees the coming talks missing their comment and comments in mathematics', async () => {
    await login(page, 'larare');
    await page.getByTestId('talk-preparation').getByText(/\d+ samtal saknar din kommentar/).waitFor();
    await page.getByTestId('talk-preparation-link').click();
    await page.getByRole('heading', { level: 1, name: 'Inför utvecklingssamtal' }).waitFor();
    const table = page.getByTestId('preparation-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
    expect(await table.locator('tbody tr').first().textContent()).toContain('Matematik: saknas');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'development-talk-preparation');
    await table.locator('tbody tr').first().getByRole('link').click();
    await page.getByTestId('talk-page').waitFor();
    await page.getByTestId('comment-MA').fill('Räknar säkert med bråk och procent. Behöver öva på att redovisa sina lösningar.');
    await page.getByTestId('comment-save-MA').click();
    await page.getByText('Kommentaren är sparad.').waitFor();
    expect(await page.getByTestId('talk-progress-table').locator('tr', { hasText: 'Matematik' }).textContent()).toContain('Anna Öberg');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'development-talk-teacher-comment');
  });

  it('the mentor plans a talk from the pupil page, follows up the earlier goals, agrees goals, holds and shares it', async () => {
    await page.goto(`/elever/${olle}`);
    await page.getByTestId('pupil-talks-link').click();
    await page.getByTestId('pupil-talks').waitFor();
    expect(await page.getByTestId('talks-table').locator('tbody tr').count()).toBe(2); // the demo's spring and autumn talks
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('plan-participants').fill('Olle, Sofia Ängström (vårdnadshavare), Anna Öberg (mentor)');
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('talk-page').waitFor();
    await page.getByTestId('talk-summary-input').fill('Olle har arbetat bra under hösten och är nöjd med sin planering.');
    // the autumn talk's two goals come up for follow-up
    const outcomes = page.getByTestId('follow-up-outcome');
    expect(await outcomes.count()).toBe(2);
    await outcomes.nth(0).click();
    await page.getByRole('option', { name: 'Uppnått', exact: true }).click();
    await page.getByTestId('follow-up-note').nth(0).fill('Löser problemuppgifter självständigt.');
    await outcomes.nth(1).click();
    await page.getByRole('option', { name: 'Delvis uppnått', exact: true }).click();
    await page.getByTestId('goal-text').first().fill('Förbereda sig inför nationella proven i matematik');
    await page.getByTestId('goal-pupil').first().fill('Gör ett gammalt prov i månaden');
    await page.getByTestId('goal-school').first().fill('Läraren går igenom proven');
    await page.getByTestId('goal-home').first().fill('Ser till att det finns lugn studietid');
    await page.getByTestId('talk-save').click();
    await page.getByText('Samtalet är sparat.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'development-talk-mentor-writes');
    await page.getByTestId('talk-hold').click();
    await page.getByTestId('talk-share').click();
    await page.getByTestId('talk-read-only').waitFor();
    expect(await page.getByTestId('talk-goals').textContent()).toContain('Förbereda sig inför nationella proven i matematik');
    expect(await page.getByTestId('talk-follow-ups').textContent()).toContain('Uppnått');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'development-talk-shared');
  });

  it('the extra adaptations of the pupil: the demo\'s adaptation in mathematics, a follow-up added', async () => {
    await page.goto(`/elever/${olle}/extra-anpassningar`);
    await page.getByTestId('adaptations-page').waitFor();
    const card = page.getByTestId('adaptation').first();
    expect(await card.textContent()).toContain('Matematik');
    await card.getByTestId('adaptation-note-open').click();
    await card.getByTestId('note-text').fill('Använder formelbladet allt mindre.');
    await card.getByTestId('note-submit').click();
    await page.getByText('Använder formelbladet allt mindre.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'extra-adaptations-staff');
  });

  it('the guardian reads the shared talk and the adaptation on the child page', async () => {
    await page.context().clearCookies();
    await login(page, 'vardnadshavare');
    await page.goto(`/barn/${olle}`);
    const talks = page.getByTestId('portal-talks');
    await talks.getByTestId('portal-talk').first().waitFor();
    expect(await talks.getByTestId('portal-talk').count()).toBe(3);
    expect(await talks.getByTestId('portal-talk').first().textContent()).toContain('Förbereda sig inför nationella proven i matematik');
    expect(await talks.textContent()).toContain('Olle har arbetat bra under hösten');
    expect(await page.getByTestId('portal-adaptations').textContent()).toContain('Använder formelbladet allt mindre.');
    expect(await page.getByTestId('talk-save').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'development-talk-guardian');
  });
});
