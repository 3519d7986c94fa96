// Journey: `huvudman` (the organiser-level administrator) opens Administration → Läsår och terminer, creates
// the next school year (a VT before HT is refused in the browser first) and adds an autumn break; adds a
// school unit; in Huvudmannens inställningar switches the grading module off and sees "Betyg" leave the menu
// and the grading pages say the module is off, sets a default grading period that pre-fills the unit's
// grading period once grading is back on, and edits the contact the login page shows. The unit's own
// administrator sees the settings read-only.
import { describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates';
import { currentSchoolYearStart } from '../../src/server/org/demo/terms';
import { journey, login, newPage, screenshot, seriousA11yViolations } from './browser';

const year = currentSchoolYearStart(swedishDate(new Date())) + 1;
const next = `${year}/${year + 1}`;
const CONTACT = 'Skolkontoret i Lärkby, 010-123 45 67, skolkontoret@larkby.se';

describe('organisation administration', () => {
  const j = journey();
  const termPosts: string[] = [];

  it('huvudman creates the next school year with its terms and an autumn break', async () => {
    const { page } = j;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/admin/terms') termPosts.push(r.url());
    });
    await login(page, 'huvudman');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-org-calendar').click();
    await page.getByRole('heading', { level: 1, name: 'Läsår och terminer' }).waitFor();

    await page.getByTestId('school-year-add').click();
    expect(await page.getByTestId('school-year-label').inputValue()).toBe(next);
    await page.getByTestId('school-year-ht-from').fill(`${year}-08-17`);
    await page.getByTestId('school-year-ht-to').fill(`${year}-12-21`);
    await page.getByTestId('school-year-vt-from').fill(`${year}-12-15`);
    await page.getByTestId('school-year-vt-to').fill(`${year + 1}-06-11`);
    await page.getByTestId('school-year-save').click();
    await expect.poll(() => page.getByTestId('school-year-error').textContent()).toBe('Vårterminen måste börja efter att höstterminen har slutat.');
    expect(termPosts).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisation-new-school-year');

    await page.getByTestId('school-year-vt-from').fill(`${year + 1}-01-08`);
    await page.getByTestId('school-year-save').click();
    await expect.poll(() => page.getByTestId('calendar-notice').textContent()).toBe(`Läsåret ${next} är skapat.`);
    expect(termPosts).toHaveLength(1);
    const section = page.getByTestId(`school-year-${next}`);
    await section.getByRole('heading', { level: 2, name: `Läsår ${next}` }).waitFor();
    expect(await section.getByTestId('term-dates').allTextContents()).toEqual([`${year}-08-17 – ${year}-12-21`, `${year + 1}-01-08 – ${year + 1}-06-11`]);

    const autumn = section.getByTestId(`term-HT-${year}`);
    await autumn.getByRole('button', { name: `Lägg till lov under HT ${year}` }).click();
    await autumn.getByTestId('holiday-name').fill('Höstlov');
    await autumn.getByTestId('holiday-from').fill(`${year}-10-26`);
    await autumn.getByTestId('holiday-to').fill(`${year + 1}-01-02`);
    await autumn.getByTestId('holiday-save').click();
    await expect.poll(() => autumn.getByTestId('holiday-error').textContent()).toBe('Lovet måste ligga inom terminens datum.');
    await autumn.getByTestId('holiday-to').fill(`${year}-10-30`);
    await autumn.getByTestId('holiday-save').click();
    await expect.poll(() => page.getByTestId('calendar-notice').textContent()).toBe('Höstlov är inlagt.');
    const rows = autumn.getByTestId(`holidays-HT-${year}`).locator('tbody tr');
    expect((await rows.first().textContent())?.replace(/\s+/g, ' ')).toContain(`Höstlov${year}-10-26 – ${year}-10-30Alla skolenheter`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisation-school-years');
  }, 60_000);

  it('huvudman adds a school unit; a code already in use is named', async () => {
    const { page } = j;
    await page.getByTestId('org-nav-units').click();
    await page.getByRole('heading', { level: 1, name: 'Skolenheter' }).waitFor();
    const existingCode = (await page.getByTestId('units-table').locator('tbody tr').first().locator('td').first().textContent())!.trim();
    await page.getByTestId('unit-add').click();
    await page.getByTestId('unit-name').fill('Tallskolan');
    await page.getByTestId('unit-schoolUnitCode').fill(existingCode);
    await page.getByTestId('unit-form-FKLASS').check();
    await page.getByTestId('unit-postalCode').fill('12345');
    await page.getByTestId('unit-city').fill('Lärkby');
    await page.getByTestId('unit-save').click();
    await expect.poll(() => page.getByTestId('unit-error').textContent()).toBe('Skolenhetskoden används redan av Björkskolan.');
    await page.getByTestId('unit-schoolUnitCode').fill('18009999');
    await page.getByTestId('unit-save').click();
    await expect.poll(() => page.getByTestId('unit-notice').textContent()).toBe('Tallskolan är skapad.');
    const row = page.getByTestId('units-table').locator('tbody tr').filter({ hasText: 'Tallskolan' });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('18009999Grundskola, Förskoleklass123 45 Lärkby');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisation-units');
  }, 60_000);

  it('switching grading off takes "Betyg" out of the menu; the contact and default periods are saved', async () => {
    const { page } = j;
    await page.getByTestId('org-nav-settings').click();
    await page.getByRole('heading', { level: 1, name: 'Huvudmannens inställningar' }).waitFor();
    expect(await page.getByTestId('nav-grading').count()).toBe(1);
    await page.getByTestId('module-grading').uncheck();
    await page.getByTestId('settings-contact').fill(CONTACT);
    await page.getByTestId('period-HT-from').fill('12-01');
    await page.getByTestId('period-HT-to').fill('12-32');
    await page.getByTestId('settings-save').click();
    await page.getByText('Skriv dagen som MM-DD, t.ex. 12-01.').first().waitFor();
    await page.getByTestId('period-HT-to').fill('12-20');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toBe('Sparat.');
    await expect.poll(() => page.getByTestId('nav-grading').count()).toBe(0);
    expect(await page.getByTestId('nav-grade-documents').count()).toBe(0);
    expect(await page.getByTestId('nav-admin').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisation-settings-grading-off');

    await page.goto('/betyg/perioder');
    await page.getByTestId('module-off').waitFor();
    await expect.poll(() => page.getByTestId('module-off').textContent()).toContain(`Huvudmannen har stängt av betyg. Uppgifterna finns kvar men visas inte förrän modulen slås på igen. Frågor? ${CONTACT}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisation-grading-off');
  }, 60_000);

  it('with grading on again the unit\'s grading period is pre-filled from the default', async () => {
    const { page } = j;
    await page.goto('/admin/organisation/installningar');
    await page.getByTestId('module-grading').check();
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toBe('Sparat.');
    await expect.poll(() => page.getByTestId('nav-grading').count()).toBe(1);
    await page.getByTestId('nav-grading').click();
    const ht = `HT-${year - 1}`;
    await page.getByTestId(`period-${ht}-suggested`).waitFor();
    expect(await page.getByTestId(`period-${ht}-from`).inputValue()).toBe(`${year - 1}-12-01`);
    expect(await page.getByTestId(`period-${ht}-to`).inputValue()).toBe(`${year - 1}-12-20`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organisation-period-suggested');
  }, 60_000);

  it('the login page shows the new contact', async () => {
    const fresh = await newPage(j.browser, j.server.baseUrl);
    await fresh.goto('/login');
    await expect.poll(() => fresh.getByTestId('organiser-contact').textContent()).toBe(`Frågor om inloggning? ${CONTACT}`);
    expect(await seriousA11yViolations(fresh)).toEqual([]);
    await screenshot(fresh, 'organisation-login-contact');

    // the unit's own administrator sees the settings, read-only
    await login(fresh, 'admin');
    await fresh.goto('/admin/organisation/installningar');
    await fresh.getByTestId('org-read-only').waitFor();
    expect(await fresh.getByTestId('settings-save').count()).toBe(0);
    expect(await fresh.getByTestId('settings-contact').inputValue()).toBe(CONTACT);
    expect(await seriousA11yViolations(fresh)).toEqual([]);
    await screenshot(fresh, 'organisation-settings-read-only');
    await fresh.context().close();
  }, 60_000);
});
