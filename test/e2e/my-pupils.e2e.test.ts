// Journey: the teacher `larare` opens "Mina elever" from the top menu, narrows the list to one of their
// groups, searches without å ä ö, changes the columns (remembered after a reload), exports the list to
// Excel (the downloaded file is opened and checked), prints it with boxes to tick, and opens a pupil; a pupil
// with protected registration shows "Skyddad" instead of address and contact.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates';
import { foldForSearch } from '../../src/domain/org/person-search';
import { choose, journey, login, screenshot, seriousA11yViolations } from './browser';
import { apiClient } from './setup';

const today = swedishDate(new Date());
interface Group { id: string; name: string; type: string; pupils: number }

describe('teacher uses "Mina elever"', () => {
  const j = journey();
  let group: Group;
  let searched: string[] = [];

  const headers = async () => (await j.page.getByTestId('my-pupils-table').locator('thead th').allTextContents()).map((s) => s.trim());
  const names = async () => (await j.page.getByTestId('my-pupils-name').allTextContents()).map((s) => s.trim());
  const count = () => j.page.getByTestId('my-pupils-count').textContent();

  it('opens the list from the top menu: every pupil of their groups, usable at once', async () => {
    const { page } = j;
    await login(page, 'larare');
    const groups = await page.evaluate(async () => (await (await fetch('/api/my-pupils/groups')).json()) as { unit: { name: string }; groups: Group[] });
    const started = Date.now();
    await page.getByTestId('nav-my-pupils').click();
    await page.getByTestId('my-pupils-row').first().waitFor();
    await page.getByTestId('my-pupils-search').waitFor({ state: 'visible' });
    const usable = Date.now() - started;
    // once more, as a teacher comes back to the list: the server and the browser have the app and the plans
    const again = Date.now();
    await page.reload();
    await page.getByTestId('my-pupils-row').first().waitFor();
    await page.getByTestId('my-pupils-search').waitFor({ state: 'visible' });
    const reloaded = Date.now() - again;
    console.log(`"Mina elever" usable ${usable} ms after the menu click, ${reloaded} ms after a reload (${await count()})`);
    expect(reloaded).toBeLessThan(2000); // the < 1 s goal for 2,500 rows is measured by bench/my-pupils.ts
    await page.getByRole('heading', { level: 1, name: 'Mina elever' }).waitFor();
    expect(await page.getByText(`Eleverna i dina klasser och grupper på ${groups.unit.name}.`).count()).toBe(1);
    expect(await count()).toMatch(/^\d+ elever$/);
    expect(await headers()).toEqual(['Namn', 'Klass', 'Grupper', 'Personnummer']);
    group = groups.groups.find((g) => g.type === 'teaching')!;
    expect(group).toBeTruthy();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'my-pupils-all');
  }, 60_000);

  it('narrows the list to one group and finds a pupil without typing å ä ö', async () => {
    const { page } = j;
    await choose(page, 'my-pupils-group', `${group.name} (${group.pupils})`);
    await expect.poll(count).toBe(`${group.pupils} elever`);
    const inGroup = await names();
    expect(inGroup).toHaveLength(Math.min(group.pupils, inGroup.length));
    // a family name, typed folded ("Ostlund" for "Östlund") when it has å ä ö
    const family = (inGroup.find((n) => /[åäöÅÄÖ]/.test(n.split(',')[0])) ?? inGroup[0]).split(',')[0].split(/[\s-]/)[0];
    const typed = foldForSearch(family);
    await page.getByTestId('my-pupils-search').fill(typed);
    await expect.poll(async () => (await names()).every((n) => foldForSearch(n).includes(typed))).toBe(true);
    searched = await names();
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.length).toBeLessThan(inGroup.length + 1);
    expect(page.url()).toContain(`grupp=${group.id}`);
  }, 60_000);

  it('changes the columns; the choice is remembered after a reload', async () => {
    const { page } = j;
    await page.getByTestId('my-pupils-columns').click();
    await page.getByRole('checkbox', { name: 'Grupper' }).uncheck();
    await page.getByRole('checkbox', { name: 'E-post' }).check();
    await page.getByRole('checkbox', { name: 'Vårdnadshavare', exact: true }).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'my-pupils-columns');
    await page.keyboard.press('Escape');
    const chosen = ['Namn', 'Klass', 'Personnummer', 'E-post', 'Vårdnadshavare'];
    await expect.poll(headers).toEqual(chosen);
    await page.reload();
    await page.getByTestId('my-pupils-row').first().waitFor();
    await expect.poll(headers).toEqual(chosen);
    // the group and the search are kept in the address
    await expect.poll(names).toEqual(searched);
  }, 60_000);

  it('exports what is shown to Excel: the downloaded file has the header and the rows of the list', async () => {
    const { page } = j;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-pupils-export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`Mina elever – ${group.name} – ${today}.xlsx`);
    const file = join(mkdtempSync(join(tmpdir(), 'larka-my-pupils-')), 'list.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Efternamn', 'Förnamn', 'Klass', 'Personnummer', 'E-post', 'Vårdnadshavare']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(searched.length + 1);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(`${first[0]}, ${first[1]}`).toBe(searched[0]);
    expect(String(first[3])).toMatch(/^\d{8}-\d{4}$/);
    const shown = (await page.getByTestId('my-pupils-row').first().locator('td').allTextContents()).map((s) => s.trim());
    expect(Array.from({ length: shown.length }, (_, i) => String(first[2 + i] ?? ''))).toEqual(shown);
  }, 60_000);

  it('prints the group with boxes to tick: the unit, the group and the date in the header, no app frame', async () => {
    const { page } = j;
    await page.getByTestId('my-pupils-search').fill('');
    await expect.poll(count).toBe(`${group.pupils} elever`);
    await page.getByTestId('my-pupils-print').click();
    await page.waitForURL((url) => url.pathname === '/mina-elever/utskrift');
    await page.getByRole('heading', { level: 1, name: `Elevlista: ${group.name}` }).waitFor();
    expect(await page.getByTestId('nav-my-pupils').count()).toBe(0);
    expect(await page.getByTestId('print-meta').textContent()).toContain(`Utskriven ${today}`);
    await page.getByText('Med rutor').click();
    // the box count appears with its default; wait for it before typing over it
    const boxes = page.getByTestId('print-box-count');
    await expect.poll(() => boxes.inputValue()).not.toBe('');
    await boxes.fill('4');
    await boxes.press('Tab');
    await expect.poll(() => boxes.inputValue()).toBe('4');
    await page.getByTestId('print-box-heading').fill('Utflykt till Skansen');
    await expect.poll(() => page.getByTestId('print-table').locator('thead th').allTextContents())
      .toEqual(['Utflykt till Skansen', 'Nr', 'Namn', 'Klass', 'Personnummer', 'E-post', 'Vårdnadshavare', '1', '2', '3', '4']);
    expect(await page.getByTestId('print-table').locator('tbody tr').count()).toBe(group.pupils);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'my-pupils-print-screen');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    await screenshot(page, 'my-pupils-print');
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('a name (with its blue dot) opens the pupil', async () => {
    const { page } = j;
    await page.getByRole('link', { name: 'Tillbaka till Mina elever' }).click();
    await page.getByTestId('my-pupils-row').first().waitFor();
    const link = page.getByTestId('my-pupils-name').first();
    const [family, given] = (await link.textContent())!.split(', ');
    await link.click();
    await page.waitForURL(/\/elever\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toContain(given);
    expect(await heading.textContent()).toContain(family);
  }, 60_000);

  it('a pupil with protected registration shows "Skyddad" instead of address and contact', async () => {
    const { page } = j;
    // the school's administrator records protected registration for the pupil just opened
    const pupilId = new URL(page.url()).pathname.split('/').pop()!;
    const admin = await apiClient(j.server.baseUrl, 'admin');
    const person = await admin.get<{ givenName: string; familyName: string; civicNo: string; version: number }>(`/api/admin/people/${pupilId}`);
    await admin.put(`/api/admin/people/${pupilId}`, { givenName: person.givenName, familyName: person.familyName, civicNo: person.civicNo,
      securityMarking: 'protected', contact: null, version: person.version });
    await page.goto(`/mina-elever?sok=${encodeURIComponent(person.civicNo)}`);
    await expect.poll(count).toBe('1 elev');
    await page.getByTestId('my-pupils-columns').click();
    await page.getByRole('checkbox', { name: 'Telefon', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Adress' }).check();
    await page.keyboard.press('Escape');
    await expect.poll(headers).toEqual(['Namn', 'Klass', 'Personnummer', 'E-post', 'Telefon', 'Adress', 'Vårdnadshavare']);
    const cells = (await page.getByTestId('my-pupils-row').first().locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(2, 5)).toEqual(['Skyddad', 'Skyddad', 'Skyddad']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'my-pupils-protected');
  }, 60_000);
});
