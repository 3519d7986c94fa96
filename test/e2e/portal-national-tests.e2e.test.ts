// Journey: `larare` registers national test grades for 9A in mathematics on "Nationella prov" (and looks at
// year 3's sub-test grid); the pupil `elev` sees the handed-out grade and the test result on "Mitt skolarbete";
// Olle, 18 since last year, is hidden from his guardian until he consents on his own page; then the guardian
// opens his page and sees the handed-out grade and the test result — on a desktop and a phone's width.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { swedishDate } from '../../src/domain/common/dates';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { one } from '../../src/server/platform/db/database';
import { choose, firstColumn, login, screenshot, seriousA11yViolations, journeyOnCopy } from './browser';
import { type RunningServer } from './server';
import { apiClient, handOutTermGrade, templateCopy, type Register } from './setup';

describe('national test results, and the guardian\'s and pupil\'s pages', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void> = async () => {};
  let maGroup = { id: '', name: '' };
  let olle = { id: '', name: '' };

  beforeAll(async () => {
    // Olle (Sofia Ängström's son in 9B) turned 18 last year and has an account of his own
    const nineteen = `${Number(swedishDate(new Date()).slice(0, 4)) - 19}${swedishDate(new Date()).slice(4)}`;
    const copy = await templateCopy('portal', async (database) => {
      const child = (await one<{ id: string }>(database.db, sql`select g.child_id as id from guardianship g join account a on a.person_id = g.guardian_id
        and a.username = 'vardnadshavare' join person p on p.id = g.child_id where p.given_name = 'Olle'`))!;
      await database.db.execute(sql`update person set birth_date = ${nineteen}::date where id = ${child.id}`);
      await database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
        select organiser_id, ${randomUUID()}, id, 'olle', ${await hashPassword('demo')} from person where id = ${child.id}`);
      // larare grades his mathematics group too (as in 9A)
      await database.db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
        select g.organiser_id, ${randomUUID()}, g.id, a.person_id, 'teacher', true, '2000-01-01'
          from student_group g join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id and m.person_id = ${child.id}
          join account a on a.username = 'larare'
         where g.subject_code = 'MA' and g.group_type = 'teaching' and m.end_date is null
           and not exists (select 1 from group_staff x where x.group_id = g.id and x.person_id = a.person_id)`);
    });
    ({ server, browser, page, close } = await journeyOnCopy(copy));

    const teacher = await apiClient(server.baseUrl, 'larare');
    await teacher.switchUnit('teacher', 'Björkskolan');
    const [admin, rektor] = [await apiClient(server.baseUrl, 'admin'), await apiClient(server.baseUrl, 'rektor')];
    const elev = (await (await apiClient(server.baseUrl, 'elev')).get<{ self: { id: string } }>('/api/start')).self;
    const overview = await teacher.get<{ groups: { id: string; name: string; subject: { code: string } }[] }>('/api/grading/groups');
    const registers = await Promise.all(overview.groups.map(async (g) => ({ g, r: await teacher.get<Register>(`/api/grading/groups/${g.id}`) })));
    const groupOf = (pupilId: string) => registers.find(({ g, r }) => g.subject.code === 'MA' && r.pupils.some((p) => p.id === pupilId && p.cells.HT.allowed))?.g;
    const elevGroup = groupOf(elev.id);
    expect(elevGroup, 'larare grades mathematics in 9A').toBeTruthy();
    maGroup = elevGroup!;
    await handOutTermGrade({ teacher, admin, rektor }, maGroup.id, elev.id, 'B');
    // Olle: hidden from his guardian now, so found through the school
    const olleRow = registers.flatMap(({ g, r }) => r.pupils.map((p) => ({ g, p }))).find(({ g, p }) => g.subject.code === 'MA' && p.givenName === 'Olle' && p.familyName === 'Ängström')!;
    expect(olleRow, 'larare grades Olle in mathematics').toBeTruthy();
    olle = { id: olleRow.p.id, name: 'Olle Ängström' };
    await handOutTermGrade({ teacher, admin, rektor }, olleRow.g.id, olle.id, 'C');
    const schoolYear = (await admin.get<{ schoolYear: string }>(`/api/national-tests?groupId=${olleRow.g.id}&subjectCode=MA&gradeYear=9`)).schoolYear;
    await admin.put(`/api/national-tests/${olle.id}`, { subjectCode: 'MA', gradeYear: 9, schoolYear, testGrade: 'A', version: null });
  }, 240_000);

  afterAll(() => close());

  it('a teacher registers test grades for 9A in mathematics, each saved at once', async () => {
    await login(page, 'larare');
    if ((await page.getByTestId('unit-switcher').inputValue()) !== 'Björkskolan') await choose(page, 'unit-switcher', 'Björkskolan');
    await page.getByTestId('nav-national-tests').click();
    await page.getByRole('heading', { level: 1, name: 'Nationella prov' }).waitFor();
    await choose(page, 'national-test-group', maGroup.name);
    await expect.poll(() => page.getByTestId('national-test-subject').inputValue()).toBe('Matematik');
    const grid = page.getByTestId('national-test-grid');
    await grid.waitFor();
    const elevRow = grid.getByRole('row', { name: /Elsa Nyström/ });
    await elevRow.getByTestId('test-grade').selectOption('C');
    await elevRow.getByTestId('saved').waitFor();
    const other = grid.getByTestId('national-test-row').filter({ hasNotText: 'Elsa Nyström' }).first();
    await other.getByTestId('test-grade').selectOption({ label: 'Deltog ej' });
    await other.getByTestId('saved').waitFor();
    // read back from the server
    await page.reload();
    await grid.waitFor();
    expect(await grid.getByRole('row', { name: /Elsa Nyström/ }).getByTestId('test-grade').inputValue()).toBe('C');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'national-tests-year9');

    await choose(page, 'national-test-year', 'Åk 3');
    await grid.getByTestId('sub-test-A').first().waitFor();
    expect(await grid.getByTestId('test-grade').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'national-tests-year3');
  }, 90_000);

  it('the pupil sees the handed-out grade and the test result on "Mitt skolarbete"', async () => {
    await page.context().clearCookies();
    await login(page, 'elev');
    await page.getByTestId('nav-my-page').click();
    await page.getByRole('heading', { level: 1, name: 'Mitt skolarbete' }).waitFor();
    const grades = page.getByTestId('portal-grades-list');
    expect(await grades.getByRole('row', { name: /Matematik/ }).textContent()).toContain('B');
    const tests = page.getByTestId('portal-national-tests-list');
    expect(await tests.getByRole('row', { name: /Matematik, åk 9/ }).getByTestId('test-result-value').textContent()).toBe('C');
    await page.getByTestId('portal-consent').getByText('När du fyller 18 år', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-pupil');
  }, 60_000);

  it('a guardian does not see a child of 18 until he consents; then sees his grade and test result (also on a phone)', async () => {
    await page.context().clearCookies();
    await login(page, 'vardnadshavare');
    expect(await firstColumn(page, 'children-table')).not.toContain(olle.name);

    await page.context().clearCookies();
    await login(page, 'olle');
    await page.getByTestId('nav-my-page').click();
    const consent = page.getByTestId('portal-consent');
    await consent.getByText('Du har fyllt 18 år').waitFor();
    await consent.getByRole('button', { name: 'Ge Sofia Ängström tillåtelse' }).click();
    await consent.getByRole('button', { name: 'Ta tillbaka tillåtelsen för Sofia Ängström' }).waitFor();
    expect(await consent.getByRole('row', { name: /Sofia Ängström/ }).getByTestId('consent-state').textContent()).toMatch(/^Får se sedan \d{4}-\d{2}-\d{2}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-consent');

    await page.context().clearCookies();
    await login(page, 'vardnadshavare');
    expect(await firstColumn(page, 'children-table')).toContain(olle.name);
    await page.getByTestId('children-table').getByRole('link', { name: olle.name }).click();
    await page.waitForURL(/\/barn\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: olle.name }).waitFor();
    expect(await page.getByTestId('portal-grades-list').getByRole('row', { name: /Matematik/ }).textContent()).toContain('C');
    expect(await page.getByTestId('portal-national-tests-list').getByTestId('test-result-value').first().textContent()).toBe('A');
    expect(await page.getByTestId('portal-report-absence').getAttribute('href')).toBe(`/anmal-franvaro?pupilId=${olle.id}`);
    expect(await page.getByTestId('portal-leave').getAttribute('href')).toBe(`/ledighet?pupilId=${olle.id}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-guardian-child');
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.getByTestId('portal-national-tests-list').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-guardian-child-phone');
    await page.goto('/');
    await page.getByTestId('children-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'portal-guardian-start-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 90_000);
});
