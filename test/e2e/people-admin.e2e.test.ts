// Journey: the administrator of Björkskolan runs the people register — finds people without typing å ä ö,
// adds a pupil (a wrong check digit is caught and fixed), adds a guardian, is stopped from adding the
// same person twice and led to the existing one, ends the enrolment with a date and reads the history.
import { describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates';
import { luhnCheckDigit } from '../../src/domain/org/personnummer';
import { choose, firstColumn, journey, login, screenshot, seriousA11yViolations } from './browser';

const today = swedishDate(new Date());
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const pnr = (nine: string) => `${nine.startsWith('0') || nine.startsWith('1') ? '20' : '19'}${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
const pupilNo = pnr('130228917');
const wrongPupilNo = pupilNo.slice(0, -1) + String((Number(pupilNo.slice(-1)) + 3) % 10);
const guardianNo = pnr('810612917');

describe('administrator runs the people register', () => {
  const j = journey();

  it('finds people by name without å ä ö', async () => {
    const { page } = j;
    await login(page, 'admin');
    await page.goto('/admin');
    await page.getByTestId('admin-people').click();
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    await page.getByTestId('people-search').fill('akesson');
    await expect.poll(async () => (await firstColumn(page, 'people-table')).every((n) => n.startsWith('Åkesson, '))).toBe(true);
    const found = await firstColumn(page, 'people-table');
    expect(found.length).toBeGreaterThan(0);
    expect(await page.getByTestId('people-count').textContent()).toMatch(/^\d+ person(er)?$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'people-admin-search');
  }, 60_000);

  it('adds a pupil: a wrong check digit is shown at the field, the fixed number is accepted', async () => {
    const { page } = j;
    await page.getByTestId('new-pupil').click();
    await page.getByRole('heading', { level: 1, name: 'Ny elev' }).waitFor();
    await page.getByTestId('new-person-given').fill('Åsa');
    await page.getByTestId('new-person-family').fill('Ängström');
    await page.getByTestId('new-person-civic').fill(wrongPupilNo);
    await page.getByTestId('new-person-email').fill('asa.angstrom@example.se');
    await choose(page, 'new-enrolment-year', '7');
    await page.getByTestId('new-enrolment-from').fill('2025-08-18');
    await page.getByTestId('new-person-submit').click();
    await page.getByText('Kontrollsiffran stämmer inte. Kontrollera personnumret.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'people-admin-check-digit');

    await page.getByTestId('new-person-civic').fill(pupilNo);
    await page.getByTestId('new-person-submit').click();
    await page.getByRole('heading', { level: 1, name: 'Åsa Ängström' }).waitFor();
    expect(await page.getByTestId('person-facts').textContent()).toContain(pupilNo);
    expect(await firstColumn(page, 'enrolments-table')).toEqual(['7']);
  }, 60_000);

  it('adds a guardian, and adding the same person again leads to the existing one', async () => {
    const { page } = j;
    const pupilUrl = page.url();
    await page.getByTestId('add-guardian').click();
    await page.getByRole('heading', { level: 1, name: 'Ny vårdnadshavare till Åsa Ängström' }).waitFor();
    await page.getByTestId('new-person-given').fill('Örjan');
    await page.getByTestId('new-person-family').fill('Ängström');
    await page.getByTestId('new-person-civic').fill(guardianNo);
    await page.getByTestId('new-guardianship-from').fill('2013-02-28');
    await page.getByTestId('new-person-submit').click();
    await page.waitForURL(pupilUrl);
    expect(await firstColumn(page, 'guardians-table')).toEqual(['Örjan Ängström']);
    const guardianHref = await page.getByTestId('guardians-table').getByRole('link', { name: 'Örjan Ängström' }).getAttribute('href');

    await page.getByTestId('add-guardian').click();
    await page.getByTestId('new-person-given').fill('Örjan');
    await page.getByTestId('new-person-family').fill('Ängström');
    await page.getByTestId('new-person-civic').fill(guardianNo.slice(2)); // the same number, without century
    await page.getByTestId('new-person-submit').click();
    await page.getByTestId('duplicate-notice').waitFor();
    expect(await page.getByTestId('duplicate-notice').textContent()).toContain('Det finns redan en person med det här personnumret.');
    expect(await page.getByTestId('duplicate-link').getAttribute('href')).toBe(guardianHref);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'people-admin-duplicate');
    await page.getByTestId('duplicate-link').click();
    await page.getByRole('heading', { level: 1, name: 'Örjan Ängström' }).waitFor();
    expect(await firstColumn(page, 'children-table')).toEqual(['Åsa Ängström']);
    await page.goto(pupilUrl);
  }, 60_000);

  it('ends the enrolment with a date (not before its start) and sees every change in the history', async () => {
    const { page } = j;
    await page.getByRole('heading', { level: 1, name: 'Åsa Ängström' }).waitFor();
    await page.getByTestId('enrolments-table').getByRole('button', { name: 'Avsluta inskrivning' }).click();
    await page.getByTestId('end-date').fill('2025-08-17');
    await page.getByTestId('end-submit').click();
    await page.getByText('Sista dagen kan inte vara före första dagen.').waitFor();
    const lastDay = dayBefore(today);
    await page.getByTestId('end-date').fill(lastDay);
    await page.getByTestId('end-submit').click();
    await expect.poll(() => page.getByTestId('enrolments-table').locator('tbody tr').first().textContent()).toContain('Avslutad');
    expect(await page.getByTestId('enrolments-table').textContent()).toContain(`2025-08-18 – ${lastDay}`);

    const history = page.getByTestId('history-table');
    await expect.poll(async () => (await history.locator('tbody tr').first().textContent()) ?? '').toContain(`Inskrivning avslutad, sista dag ${lastDay}`);
    const rows = (await history.locator('tbody tr').allTextContents()).map((s) => s.trim());
    expect(rows.map((r) => r.replace(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, '').trim())).toEqual([
      expect.stringContaining(`Inskrivning avslutad, sista dag ${lastDay}`),
      expect.stringContaining('Vårdnadshavare Örjan Ängström från 2013-02-28'),
      expect.stringContaining('Inskrivning åk 7 GR från 2025-08-18'),
      expect.stringContaining('Personen lades till'),
    ]);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(r) && r.includes('(Skoladministratör)'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'people-admin-history');
  }, 60_000);
});
