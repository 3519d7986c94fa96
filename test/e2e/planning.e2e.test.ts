// Journey: `larare` opens "Kursplaner" and reads mathematics for years 7–9, then creates a planning for 9A's
// mathematics group, writes in the rich text editor (bold, a list), picks central content and a knowledge
// requirement from the syllabus, publishes it and copies it for next year; a guardian of a pupil in that group logs in and reads it on
// the child's page. axe-clean on every page; screenshots.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { one } from '../../src/server/platform/db/database';
import { choose, login, screenshot, seriousA11yViolations, journeyOnCopy } from './browser';
import { repoRoot, type RunningServer } from './server';
import { apiClient, templateCopy } from './setup';

const shot = (page: Page, name: string) => screenshot(page, `screenshots/${name}`);

describe('planning: a teacher publishes a planning, a guardian reads it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void> = async () => {};
  let elev = '';
  let group = { id: '', name: '' };
  let planningId = '';

  beforeAll(async () => {
    mkdirSync(join(repoRoot, 'test-results', 'screenshots'), { recursive: true });
    // a guardian of `elev` (9A) gets an account of their own
    const copy = await templateCopy('planning', async (database) => {
      const g = (await one<{ id: string; org: string }>(database.db, sql`select gu.guardian_id as id, gu.organiser_id as org from guardianship gu
        join account a on a.person_id = gu.child_id and a.username = 'elev' order by gu.guardian_id limit 1`))!;
      await database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
        values (${g.org}, ${randomUUID()}, ${g.id}, 'vh_planering', ${await hashPassword('demo')})`);
      group = (await one<{ id: string; name: string }>(database.db, sql`select g.id, g.name from student_group g
        join group_membership m on m.group_id = g.id and m.end_date is null join account a on a.person_id = m.person_id and a.username = 'elev'
        where g.subject_code = 'MA' and g.group_type = 'teaching' limit 1`))!;
    });
    ({ server, browser, page, close } = await journeyOnCopy(copy));
    elev = (await (await apiClient(server.baseUrl, 'elev')).get<{ self: { id: string } }>('/api/start')).self.id;
    const options = await (await apiClient(server.baseUrl, 'larare')).get<{ groups: { id: string }[] }>('/api/plannings/options');
    expect(options.groups.map((g) => g.id), 'larare teaches the mathematics group of elev').toContain(group.id);
  }, 180_000);
  afterAll(() => close());

  it('the teacher reads the mathematics syllabus on "Kursplaner"', async () => {
    await login(page, 'larare');
    await page.getByTestId('nav-planning').click();
    await page.getByTestId('nav-curriculum').click();
    await page.getByRole('heading', { level: 1, name: 'Kursplaner' }).waitFor();
    await choose(page, 'curriculum-subject', 'Matematik');
    await page.getByRole('heading', { level: 2, name: 'Matematik' }).waitFor();
    await page.getByRole('tab', { name: 'Årskurs 7–9' }).click();
    const reqs = page.getByTestId('stage-requirements-GRGRMAT01_7-9').or(page.locator('[data-testid^="stage-requirements-"]')).first();
    await reqs.waitFor();
    expect(await reqs.locator('strong').count()).toBeGreaterThan(3); // what differs between E, C and A is bold
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'planning-curriculum');
  });

  it('creates a draft, writes with the editor, picks from the syllabus and publishes', async () => {
    await page.getByTestId('nav-planning').click();
    await page.getByRole('heading', { level: 1, name: 'Mina planeringar' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('planning-new').click();
    await page.getByTestId('planning-title').fill('Algebra – ekvationer och uttryck');
    await choose(page, 'planning-subject', 'Matematik');
    await page.getByTestId('planning-groups').click({ force: true }); // a MultiSelect without search: its field is visually hidden
    await page.getByRole('option', { name: group.name, exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('planning-start').fill('2026-11-02');
    await page.getByTestId('planning-end').fill('2026-12-18');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'planning-new');
    await page.getByTestId('planning-create').click();
    await page.getByTestId('edit-planning-page').waitFor();
    planningId = new URL(page.url()).pathname.split('/')[2];

    const learning = page.getByTestId('editor-learning');
    await learning.click();
    await page.keyboard.type('Vi lär oss att ');
    // bold by the editor's own shortcut: a toolbar click moves the focus, and under load the next keys may
    // arrive before it is back (the toolbar is used for the list below)
    await page.keyboard.press('Control+b');
    await page.keyboard.type('lösa ekvationer');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' och att förenkla uttryck.');
    const teaching = page.getByTestId('editor-teaching');
    await teaching.click();
    await page.getByRole('toolbar', { name: 'Formatering av Så arbetar vi' }).getByRole('button', { name: 'Punktlista' }).click();
    await teaching.locator('ul li').waitFor();
    await page.keyboard.type('Genomgångar');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Arbete i par med problemlösning');
    await page.getByTestId('editor-assessment').click();
    await page.keyboard.type('Skriftligt prov vecka 50 och muntlig redovisning.');

    // the stage of 9A (years 7–9) is open first; pick the first two content items and the first requirement
    const picker = page.getByTestId('syllabus-picker');
    const contentBoxes = picker.locator('[data-testid^="pick-content-"]');
    await contentBoxes.first().check();
    await contentBoxes.nth(1).check();
    await picker.locator('[data-testid^="pick-requirement-"]').first().check();
    expect(await page.getByTestId('pick-count').textContent()).toBe('2 innehåll och 1 kunskapskrav valda');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'planning-edit');
    await page.getByTestId('edit-save').click();

    await page.getByTestId('planning-page').waitFor();
    await expect.poll(() => page.getByTestId('planning-learning').innerHTML()).toContain('<strong>lösa ekvationer</strong>');
    expect(await page.getByTestId('planning-teaching').locator('li').count()).toBe(2);
    expect(await page.getByTestId('planning-content').locator('li').count()).toBe(2);
    await page.getByTestId('planning-publish').click();
    await page.getByTestId('planning-confirm').click();
    await expect.poll(() => page.getByTestId('planning-page').textContent()).toContain('Publicerad');
    expect(await page.getByTestId('planning-assessment-link').getAttribute('href')).toBe(`/planering/${planningId}/bedomning`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'planning-published');
  });

  it('copies the planning to the same group for next school year: a draft of the teacher\'s own', async () => {
    await page.getByTestId('planning-copy').click();
    const dialog = page.getByRole('dialog', { name: 'Kopiera planeringen' });
    await dialog.waitFor();
    await dialog.getByTestId('copy-groups').click({ force: true });
    await dialog.getByRole('option', { name: group.name, exact: true }).click();
    // close the list by clicking beside it (Escape would close the dialog when the list has closed already)
    await dialog.getByRole('heading', { name: 'Kopiera planeringen' }).click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'planning-copy');
    await dialog.getByTestId('copy-submit').click();
    await page.getByTestId('edit-planning-page').waitFor();
    expect(await page.getByTestId('edit-title').inputValue()).toBe('Algebra – ekvationer och uttryck');
    expect(await page.getByTestId('pick-count').textContent()).toBe('2 innehåll och 1 kunskapskrav valda');
    expect(new URL(page.url()).pathname).not.toContain(planningId);
  });

  it('the guardian of a pupil in the group reads the planning on the child\'s page', async () => {
    await page.context().clearCookies();
    await login(page, 'vh_planering');
    await page.goto(`/barn/${elev}`);
    const section = page.getByTestId('portal-plannings');
    await section.getByTestId(`portal-planning-${planningId}`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'planning-child-page');
    await section.getByTestId(`portal-planning-${planningId}`).click();
    await page.getByRole('heading', { level: 1, name: 'Algebra – ekvationer och uttryck' }).waitFor();
    expect(await page.getByTestId('planning-learning').innerHTML()).toContain('<strong>lösa ekvationer</strong>');
    expect(await page.getByTestId('planning-edit').count()).toBe(0);
    expect(await page.getByTestId('planning-requirements').locator('summary').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'planning-guardian-reads');
  });
});
