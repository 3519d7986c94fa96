// Journey: a teacher reports from the grade register that a pupil is missing from the group; the school
// administrator sees the report on the start page and in the to-do list, opens the group, adds the pupil
// from today and resolves the report; the teacher then sees the pupil in the register and the outcome.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { swedishDate } from '../../src/domain/common/dates';
import { journey, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { apiClient } from './setup';

const today = swedishDate(new Date());
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

describe('a teacher reports a missing pupil and the administrator fixes the group', () => {
  const j = journey();
  let groupId = '';
  let missing = { givenName: '', familyName: '', className: '7B' };
  const missingName = () => `${missing.givenName} ${missing.familyName}`;

  it('the teacher reports from the grade register that a pupil is missing', async () => {
    const admin = await apiClient(j.server.baseUrl, 'admin');
    const groups = await admin.get<{ id: string; name: string }[]>('/api/admin/groups');
    groupId = groups.find((g) => g.name === '7A MA')!.id;
    const seven = await admin.get<{ memberships: { givenName: string; familyName: string; endDate: string | null }[] }>(`/api/admin/groups/${groups.find((g) => g.name === '7B')!.id}`);
    missing = { ...seven.memberships.find((m) => m.endDate === null)!, className: '7B' };

    await login(j.page, 'larare');
    await j.page.goto(`/betyg/grupp/${groupId}`);
    await j.page.getByRole('heading', { level: 1, name: '7A MA' }).waitFor();
    expect(await j.page.getByTestId('register-title').textContent()).toBe('7A MA');
    expect(await j.page.getByText(missingName()).count()).toBe(0);
    await j.page.getByRole('button', { name: 'Rapportera fel i gruppen' }).click();
    const dialog = j.page.getByRole('dialog', { name: 'Rapportera fel i 7A MA' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Vad är fel?').inputValue()).toBe('pupil_missing');
    // nothing filled in: the browser says what is missing, nothing is sent
    await dialog.getByRole('button', { name: 'Skicka rapporten' }).click();
    await dialog.getByText('Beskriv vad som är fel.').waitFor();
    await dialog.getByLabel('Den saknade elevens namn (och klass)').fill(`${missingName()} (7B)`);
    await dialog.getByLabel('Beskrivning').fill('Går i gruppen sedan i måndags men finns inte i betygslistan.');
    await settled(j.page);
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'group-report-teacher-dialog');
    await dialog.getByRole('button', { name: 'Skicka rapporten' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await j.page.getByTestId('report-sent').waitFor();
    await expect.poll(() => j.page.getByTestId('my-report-status').first().textContent()).toBe('Öppen');
    expect(await j.page.getByTestId('my-reports-table').textContent()).toContain(`${missingName()} (7B): Går i gruppen`);
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'group-report-teacher-sent');
  }, 90_000);

  let adminPage: Page;
  it('the administrator sees the report as a to-do, opens the group and adds the pupil from today', async () => {
    adminPage = await newPage(j.browser, j.server.baseUrl);
    await login(adminPage, 'admin');
    await adminPage.getByTestId('open-group-reports-link').waitFor();
    expect(await adminPage.getByTestId('open-group-reports-link').textContent()).toBe('1 felanmäld grupp att åtgärda');
    await adminPage.getByTestId('open-group-reports-link').click();
    await adminPage.getByRole('heading', { level: 1, name: 'Felanmälda grupper' }).waitFor();
    const card = adminPage.getByTestId('reports-open-list').getByTestId('group-report');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('7A MA · En elev saknas');
    expect(await card.getByTestId('report-message').textContent()).toContain(`${missingName()} (7B)`);
    expect(await card.textContent()).toContain('Rapporterad av Anna Öberg');
    expect(await seriousA11yViolations(adminPage)).toEqual([]);
    await screenshot(adminPage, 'group-report-admin-todo');

    await card.getByRole('link', { name: 'Öppna gruppen 7A MA' }).click();
    await adminPage.getByRole('heading', { level: 1, name: '7A MA' }).waitFor();
    const before = await adminPage.getByTestId('admin-pupil-count').textContent();
    const form = adminPage.getByTestId('add-pupils-form');
    expect(await form.getByLabel('Från och med').inputValue()).toBe(today);
    await form.getByTestId('add-pupils-pick').click();
    await form.getByTestId('add-pupils-pick').fill(missing.familyName);
    await adminPage.getByRole('option', { name: `${missing.familyName} ${missing.givenName} (7B)`, exact: true }).click();
    await form.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await expect.poll(() => adminPage.getByTestId('pupils-notice').textContent()).toBe('1 elev är tillagd.');
    const row = adminPage.getByTestId('admin-pupils-table').locator('tbody tr').filter({ hasText: missing.familyName }).filter({ hasText: missing.givenName });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe(today);
    expect(await adminPage.getByTestId('admin-pupil-count').textContent()).not.toBe(before);
    await expect.poll(() => adminPage.getByTestId('admin-history-table').textContent()).toContain(`Elev tillagd ${missingName()} (${today})`);
  }, 90_000);

  it('the administrator resolves the report with a note from the group page', async () => {
    const card = adminPage.getByTestId('admin-group-reports').getByTestId('group-report');
    await card.getByRole('button', { name: 'Markera som åtgärdad' }).click();
    await card.getByText('Skriv vad du gjorde eller varför rapporten avvisas.').waitFor();
    await card.getByLabel('Anteckning till läraren').fill(`${missing.givenName} är tillagd i gruppen från och med ${today}.`);
    await card.getByRole('button', { name: 'Markera som åtgärdad' }).click();
    await expect.poll(() => card.getByTestId('report-status').textContent()).toBe('Åtgärdad');
    expect(await card.getByTestId('report-outcome').textContent()).toContain(`är tillagd i gruppen från och med ${today}`);
    await expect.poll(() => adminPage.getByTestId('admin-history-table').textContent()).toContain('Rapport åtgärdad');
    expect(await seriousA11yViolations(adminPage)).toEqual([]);
    await screenshot(adminPage, 'group-report-admin-group');
    await adminPage.goto('/');
    await adminPage.getByRole('heading', { level: 1 }).waitFor();
    await adminPage.getByTestId('classes-table').waitFor();
    expect(await adminPage.getByTestId('open-group-reports').count()).toBe(0);

    // the list of the unit's groups, from the administration page: Swedish order, 7A before 7B before 10A
    await adminPage.getByRole('link', { name: 'Administration' }).click();
    await adminPage.getByTestId('admin-section-groups').click();
    await adminPage.getByRole('heading', { level: 1, name: 'Klasser och grupper' }).waitFor();
    await adminPage.getByTestId('admin-groups-table').waitFor();
    const names = (await adminPage.getByTestId('admin-groups-table').locator('tbody tr > :first-child').allTextContents()).map((s) => s.trim());
    expect(names.indexOf('7A')).toBeLessThan(names.indexOf('7B'));
    expect(names).toEqual([...names].sort(new Intl.Collator('sv', { numeric: true }).compare));
    const row = adminPage.getByTestId('admin-groups-table').locator('tbody tr').filter({ has: adminPage.getByRole('link', { name: '7A MA', exact: true }) });
    expect(await row.textContent()).toContain('Anna Öberg');
    expect(await adminPage.getByTestId('group-reports-link').textContent()).toBe('Felanmälda grupper (0 öppna)');
    expect(await seriousA11yViolations(adminPage)).toEqual([]);
    await adminPage.screenshot({ path: (await screenshot(adminPage, 'group-report-admin-groups')).replace('.png', '-top.png') }); // the first screenful, readable
  }, 90_000);

  it('the teacher sees the pupil in the register and the report resolved', async () => {
    await j.page.reload();
    await j.page.getByRole('heading', { level: 1, name: '7A MA' }).waitFor();
    await j.page.getByText(missing.familyName, { exact: true }).first().waitFor();
    await expect.poll(() => j.page.getByTestId('my-report-status').first().textContent()).toBe('Åtgärdad');
    expect(await j.page.getByTestId('my-reports-table').textContent()).toContain(`är tillagd i gruppen från och med ${today}`);
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'group-report-teacher-resolved');
  }, 90_000);
});
