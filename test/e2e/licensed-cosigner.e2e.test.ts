// Journey: `larare2` (no teacher licence) co-grades "7A EN" at Björkskolan with a licensed teacher qualified
// in English. Two HT grades are registered and confirmed (over the API); in the browser `larare2` signs the
// catalogue alone (not decided yet), the licensed co-grader decides a disagreement on one grade — the rule
// says it is theirs to decide, being qualified in the subject — and co-signs: the grades are decided with the
// new value. A decision tried from a second tab after the signing is refused with the server's reason in
// Swedish. The grade's history shows the reason and who decided.
//
// The licensed co-grader of the demo has no account: the test gives them one (`medlarare`) in its own copy of
// the demo template before the server starts, as the API tests do (there is no API to create accounts).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one } from '../../src/server/platform/db/database.js';
import { choose, journey, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { apiClient, templateCopy } from './setup';

interface Register {
  pupils: { id: string; givenName: string; familyName: string; cells: { HT: { allowed: boolean; value: string | null; version: number | null } } }[];
}

const GROUP = '7A EN';
let template: Awaited<ReturnType<typeof templateCopy>> | undefined;
let coTeacherName = '';

// Before the journey's server starts: a copy of the demo template where the licensed co-grader can log in.
beforeAll(async () => {
  template = await templateCopy('cosigner', async (database) => {
    const co = await one<{ organiser_id: string; person_id: string; name: string }>(database.db, sql`
      select g.organiser_id, p.id as person_id, p.given_name || ' ' || p.family_name as name
        from student_group g
        join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id and u.name = 'Björkskolan'
        join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.grader and gs.assignment = 'teacher'
        join duty d on d.organiser_id = gs.organiser_id and d.person_id = gs.person_id and d.school_unit_id = g.school_unit_id
         and d.role = 'teacher' and d.licensed and 'EN' = any(d.qualified_subjects)
        join person p on p.organiser_id = gs.organiser_id and p.id = gs.person_id
       where g.name = ${GROUP} limit 1`);
    expect(co, `${GROUP} has a licensed grading teacher qualified in EN`).toBeTruthy();
    coTeacherName = co!.name;
    await database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
      values (${co!.organiser_id}, ${randomUUID()}, ${co!.person_id}, 'medlarare', ${await hashPassword('demo')})`);
  });
}, 120_000);

const j = journey();

describe('a teacher without a licence and the licensed co-grader', () => {
  let groupId = '';
  let cataloguePath = '';
  const pupils: { name: string; listName: string; value: string }[] = [];

  // The server has started from the copy: the environment is as it was for whatever runs next.
  beforeAll(async () => {
    template?.restoreEnv();

    const unlicensed = await apiClient(j.server.baseUrl, 'larare2');
    const overview = await unlicensed.get<{ groups: { id: string; name: string }[] }>('/api/grading/groups');
    const group = overview.groups.find((g) => g.name === GROUP);
    expect(group, `larare2 grades ${GROUP}`).toBeTruthy();
    groupId = group!.id;
    cataloguePath = `/betyg/grupp/${groupId}/katalog`;
    const register = await unlicensed.get<Register>(`/api/grading/groups/${groupId}`);
    const chosen = register.pupils.filter((p) => p.cells.HT.allowed).slice(0, 2);
    expect(chosen).toHaveLength(2);
    for (const [i, p] of chosen.entries()) {
      const value = ['C', 'D'][i];
      await unlicensed.put(`/api/grading/groups/${groupId}/cells`, { pupilId: p.id, column: 'HT', value, version: p.cells.HT.version, requestId: randomUUID() });
      pupils.push({ name: `${p.givenName} ${p.familyName}`, listName: `${p.familyName}, ${p.givenName}`, value });
    }
    await unlicensed.post(`/api/grading/groups/${groupId}/confirm`, { column: 'HT', pupilIds: chosen.map((p) => p.id) });
  }, 60_000);

  afterAll(() => {
    template?.remove();
  });

  const page = () => j.page;
  const rowOf = (p: Page, listName: string) => p.getByTestId('catalogue-table').locator('tbody tr').filter({ hasText: listName });
  const loginAs = async (p: Page, username: string) => {
    await p.context().clearCookies();
    await login(p, username);
  };
  const settle = (p: Page) => p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const openCatalogue = async (p: Page) => {
    await p.goto(cataloguePath);
    await p.getByRole('heading', { level: 1, name: `Betygskatalog ${GROUP}` }).waitFor();
  };

  it('the unlicensed teacher signs the catalogue; alone it does not decide the grades, and he decides no disagreement', async () => {
    await loginAs(page(), 'larare2');
    await openCatalogue(page());
    for (const p of pupils) {
      expect(await rowOf(page(), p.listName).getByTestId('catalogue-value').textContent()).toBe(p.value);
      expect(await rowOf(page(), p.listName).getByTestId('catalogue-state').textContent()).toBe('Bekräftat');
    }
    expect(await page().getByTestId('catalogue-teachers').textContent()).toContain(coTeacherName);
    expect(await page().getByRole('button', { name: /^Avgör oenighet/ }).count()).toBe(0);

    await page().getByRole('button', { name: 'Signera betygskatalogen' }).click();
    const dialog = page().getByRole('dialog', { name: 'Signera betygskatalogen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Du saknar legitimation: en legitimerad lärare måste också signera katalogen');
    // only two pupils of the group have grades: the others are named before signing
    expect(await dialog.getByTestId('sign-missing').textContent()).toMatch(/^\d+ elever saknar betygSigneringen beslutar bara de betyg som finns\. Sätt betyg eller streck \(–\) först för: .+\.$/);
    await dialog.getByRole('button', { name: 'Signera', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page().getByTestId('catalogue-notice').textContent()).toBe('Betygskatalogen är signerad.');
    expect(await page().getByTestId('signatures-table').textContent()).toMatch(/Johan Lindqvist\s*saknar legitimation\s*\d{4}-\d{2}-\d{2}/);
    expect(await page().getByTestId('catalogue-not-decided').textContent()).toContain('Betygen är inte beslutade ännu');
    expect(await page().getByRole('button', { name: 'Signera betygskatalogen' }).count()).toBe(0);
    await settle(page());
    expect(await seriousA11yViolations(page())).toEqual([]);
  }, 60_000);

  it('the licensed teacher qualified in the subject decides the disagreement: grade and reason, and the new value shows', async () => {
    await loginAs(page(), 'medlarare');
    await openCatalogue(page());
    const [first] = pupils;
    const row = rowOf(page(), first.listName);
    await row.getByRole('button', { name: `Avgör oenighet om betyget för ${first.name}` }).click();
    const dialog = page().getByRole('dialog', { name: `Avgör oenighet om betyget för ${first.name}` });
    await dialog.waitFor();
    expect(await dialog.getByTestId('disagreement-current').textContent()).toBe(`Registrerat betyg: ${first.value}`);
    expect(await dialog.textContent()).toContain('avgör den legitimerade lärare som är behörig i ämnet');

    // grundskola: every step A–F and – is offered
    await page().getByTestId('disagreement-value').click();
    expect(await page().getByRole('option').allTextContents()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', '–']);
    await page().getByRole('option', { name: 'B', exact: true }).click();

    // the reason is required: nothing is sent without it
    const posts: string[] = [];
    page().on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/disagreement')) posts.push(r.url());
    });
    await page().getByTestId('disagreement-reason').fill('x');
    await dialog.getByRole('button', { name: 'Avgör', exact: true }).click();
    await expect.poll(() => page().getByTestId('disagreement-error').textContent()).toBe('Välj betyg och skriv skälet (minst 3 tecken).');
    expect(posts).toEqual([]);

    await page().getByTestId('disagreement-reason').fill('Den muntliga redovisningen visar kunskaper på B-nivå');
    expect(await page().getByTestId('disagreement-error').count()).toBe(0); // the message goes once the reason is edited
    await settle(page());
    expect(await seriousA11yViolations(page())).toEqual([]);
    await screenshot(page(), 'licensed-cosigner-disagreement');
    await dialog.getByRole('button', { name: 'Avgör', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(posts).toHaveLength(1);
    await expect.poll(() => page().getByTestId('disagreement-notice').textContent()).toBe(`Oenigheten är avgjord: betyget för ${first.name} är B.`);
    await expect.poll(() => row.getByTestId('catalogue-value').textContent()).toBe('B');
    expect(await row.getByTestId('catalogue-state').textContent()).toBe('Bekräftat');
    expect(await page().getByTestId('catalogue-not-decided').count()).toBe(1);
    // the unlicensed teacher signed the grades before this change: that signature no longer counts
    expect(await page().getByTestId('signatures-table').textContent()).toContain('gäller inte längre: ett betyg har ändrats efter signeringen, signera igen');
    await settle(page());
    expect(await seriousA11yViolations(page())).toEqual([]);
  }, 60_000);

  it('the unlicensed teacher signs again, on the grades as decided (reaching the catalogue from the register)', async () => {
    await loginAs(page(), 'larare2');
    await page().goto(`/betyg/grupp/${groupId}`);
    await page().getByRole('link', { name: 'Betygskatalog och signering' }).click();
    await page().getByRole('heading', { level: 1, name: `Betygskatalog ${GROUP}` }).waitFor();
    expect(await rowOf(page(), pupils[0].listName).getByTestId('catalogue-value').textContent()).toBe('B');
    await page().getByRole('button', { name: 'Signera betygskatalogen' }).click();
    const dialog = page().getByRole('dialog', { name: 'Signera betygskatalogen?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Signera', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page().getByTestId('signatures-table').textContent()).toMatch(/Johan Lindqvist\s*saknar legitimation\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page().getByTestId('catalogue-not-decided').textContent()).toContain('Betygen är inte beslutade ännu');
  }, 60_000);

  it('the licensed teacher co-signs: the grades are decided with the new value; a decision from a stale tab is refused in Swedish', async () => {
    // a second tab of the same teacher with the dialog open for the other pupil
    const second = pupils[1];
    await loginAs(page(), 'medlarare');
    await openCatalogue(page());
    const tab = await newPage(j.browser, j.server.baseUrl);
    try {
      await login(tab, 'medlarare');
      await openCatalogue(tab);
      await rowOf(tab, second.listName).getByRole('button', { name: `Avgör oenighet om betyget för ${second.name}` }).click();
      const stale = tab.getByRole('dialog', { name: `Avgör oenighet om betyget för ${second.name}` });
      await stale.waitFor();
      await choose(tab, 'disagreement-value', 'A');
      await tab.getByTestId('disagreement-reason').fill('Provet visar A');

      await page().getByRole('button', { name: 'Signera betygskatalogen' }).click();
      const dialog = page().getByRole('dialog', { name: 'Signera betygskatalogen?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).not.toContain('Du saknar legitimation');
      await dialog.getByRole('button', { name: 'Signera', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page().getByTestId('catalogue-decided').waitFor();
      expect(await page().getByTestId('catalogue-decided').textContent()).toBe('Betygen är beslutade');
      const first = rowOf(page(), pupils[0].listName);
      expect(await first.getByTestId('catalogue-value').textContent()).toBe('B');
      expect(await first.getByTestId('catalogue-state').textContent()).toBe('Beslutat');
      expect(await rowOf(page(), second.listName).getByTestId('catalogue-value').textContent()).toBe(second.value);
      expect(await page().getByRole('button', { name: /^Avgör oenighet/ }).count()).toBe(0);
      expect(await page().getByTestId('signatures-table').textContent()).toContain(`${coTeacherName}legitimerad`);
      await settle(page());
      expect(await seriousA11yViolations(page())).toEqual([]);
      await screenshot(page(), 'licensed-cosigner');

      await stale.getByRole('button', { name: 'Avgör', exact: true }).click();
      await expect.poll(() => tab.getByTestId('disagreement-error').textContent())
        .toBe('Betyget är redan beslutat. En oenighet avgörs innan betygskatalogen är signerad av alla.');
      await stale.getByRole('button', { name: 'Avbryt' }).click();
      await stale.waitFor({ state: 'hidden' });
      await expect.poll(() => rowOf(tab, second.listName).getByTestId('catalogue-state').textContent()).toBe('Beslutat');
      expect(await rowOf(tab, second.listName).getByTestId('catalogue-value').textContent()).toBe(second.value);
    } finally {
      await tab.context().close();
    }
  }, 60_000);

  it('the grade\'s history shows the decision, its reason and who decided', async () => {
    await page().goto(`/betyg/grupp/${groupId}`);
    await page().getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await page().getByRole('button', { name: new RegExp(`^Historik för Betyg HT \\d{4} för ${pupils[0].name}$`) }).click();
    const history = page().getByTestId('history-table');
    await history.waitFor();
    const decided = history.locator('tbody tr').filter({ hasText: 'Den muntliga redovisningen visar kunskaper på B-nivå' });
    expect(await decided.count()).toBe(1);
    const cells = (await decided.locator('td').allTextContents()).map((s) => s.trim());
    expect(cells[1]).toBe('Avgjort vid oenighet');
    expect(cells[2]).toBe('C → B');
    expect(cells[3]).toBe(coTeacherName);
  }, 60_000);
});
