// Journey: `larare` registers HT grades in "9A MA" with the keyboard, sets a final F with its written
// assessment and confirms it; `admin` removes the confirmation with a reason; the teacher can change it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { startServer, type RunningServer } from './server';
import { namedPersonId } from '../../src/server/org/demo/staff';

/** Logs in over the API and returns a GET helper carrying the session cookie. */
async function apiGet<T>(baseUrl: string, username: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const r = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  expect(r.status, `GET ${path}`).toBe(200);
  return (await r.json()) as T;
}

const cellOf = (row: Locator, column: 'HT' | 'VT' | 'final') => row.getByTestId(`cell-${column}`);

describe('teacher registers grades', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let registerPath: string;
  let pupilName: string;
  let pupilRow: Locator;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.baseUrl);
    const overview = await apiGet<{ groups: { id: string; name: string }[] }>(server.baseUrl, 'larare', '/api/grading/groups');
    const group = overview.groups.find((g) => g.name === '9A MA');
    expect(group, 'larare grades 9A MA at Björkskolan').toBeTruthy();
    registerPath = `/betyg/grupp/${group!.id}`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers HT grades with the keyboard; they are saved at once and persist', async () => {
    await login(page, 'larare');
    await page.goto(registerPath);
    await page.getByRole('heading', { level: 1, name: '9A MA' }).waitFor();
    expect(await page.getByText('Matematik · HT 2026 · Björkskolan').count()).toBe(1);
    const ht = page.locator('select[data-col="HT"]');
    expect(await ht.count()).toBeGreaterThanOrEqual(3);
    expect(await ht.first().getAttribute('aria-label')).toMatch(/^Betyg HT 2026 för \S.+/);

    await ht.nth(0).focus();
    for (const [i, step] of ['C', 'B', 'A'].entries()) {
      expect(await ht.nth(i).evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press(step);
    }
    expect(await ht.nth(3).evaluate((el) => el === document.activeElement)).toBe(true);
    const rows = page.getByTestId('register-row');
    for (const i of [0, 1, 2]) {
      await cellOf(rows.nth(i), 'HT').getByText('Sparat').waitFor();
      expect(await cellOf(rows.nth(i), 'HT').getByTestId('cell-registered').textContent()).toMatch(/Registrerat av .+ \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    }
    // year 9 gets no VT term grade: a greyed dash with the reason
    const vt = cellOf(rows.nth(0), 'VT');
    expect(await rows.nth(0).getByTestId('cell-not-allowed').first().getAttribute('title')).toBe('Inget terminsbetyg i åk 9 VT – slutbetyg ges i stället');
    expect(await vt.count()).toBe(0);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '9A MA' }).waitFor();
    await expect.poll(() => Promise.all([0, 1, 2].map((i) => ht.nth(i).inputValue()))).toEqual(['C', 'B', 'A']);

    // the column choice is remembered for the user
    const remembered = page.waitForResponse((r) => r.url().endsWith('/api/me/preferences/grading.columns') && r.request().method() === 'PUT');
    await page.getByTestId('column-chooser').getByLabel('VT 2027').uncheck();
    expect(await page.getByTestId('column-VT').count()).toBe(0);
    expect((await remembered).status()).toBe(200);
    await page.goto(registerPath.replace('/betyg/grupp/', '/grupper/'));
    await page.getByRole('link', { name: 'Betygslista' }).click();
    await page.getByRole('heading', { level: 1, name: '9A MA' }).waitFor();
    await page.getByTestId('grade-register').waitFor();
    expect(await page.getByTestId('column-VT').count()).toBe(0);
    await page.getByTestId('column-chooser').getByLabel('VT 2027').check();
    await page.getByTestId('column-VT').waitFor();
  }, 60_000);

  it('sets a final F, is told the written assessment is missing, writes it', async () => {
    pupilRow = page.getByTestId('register-row').first();
    pupilName = `${(await pupilRow.locator('td').nth(1).textContent())!.trim()} ${(await pupilRow.locator('th').textContent())!.trim()}`;
    await pupilRow.getByLabel(`Slutbetyg för ${pupilName}`, { exact: true }).selectOption('F');
    await cellOf(pupilRow, 'final').getByText('Sparat').waitFor();
    const missing = pupilRow.getByRole('button', { name: `Skriftlig bedömning saknas – ${pupilName}` });
    await missing.waitFor();

    // confirming now is refused: nothing is confirmed and the pupil is named
    await pupilRow.getByLabel(`Markera ${pupilName}`).check();
    await page.getByRole('button', { name: 'Bekräfta betyg' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekräfta betyg' });
    await dialog.getByRole('radio', { name: 'Slutbetyg' }).check();
    expect(await dialog.getByRole('radio', { name: 'Markerade elever (1)' }).isChecked()).toBe(true);
    await dialog.getByTestId('confirm-submit').click();
    await dialog.getByText(`Skriftlig bedömning saknas för: ${pupilName}. Inga betyg bekräftades.`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });

    await missing.click();
    const drawer = page.getByRole('dialog', { name: `Skriftlig bedömning – ${pupilName}` });
    await drawer.getByLabel('Elevens kunskapsutveckling').fill('Eleven har utvecklat sin förmåga att lösa enkla ekvationer men når inte kunskapskraven för E i algebra.');
    await drawer.getByLabel('Stödåtgärder').fill('Extra anpassningar: förlängd skrivtid. Särskilt stöd i liten grupp två timmar per vecka.');
    await drawer.getByRole('button', { name: 'Spara bedömningen' }).click();
    await drawer.waitFor({ state: 'detached' });
    await pupilRow.getByRole('button', { name: `Skriftlig bedömning klar – ${pupilName}` }).waitFor();
  }, 60_000);

  it('tries "Överför" for a pupil without an earlier term grade: the cell says so, nothing is saved', async () => {
    // the demo pupil `elev`: the demo's grade history gives the other pupils their year-6 grades
    const row = page.locator(`[data-testid="register-row"][data-pupil="${namedPersonId('elev')}"]`);
    const name = `${(await row.locator('td').nth(1).textContent())!.trim()} ${(await row.locator('th').textContent())!.trim()}`;
    const ht = cellOf(row, 'HT');
    expect(await ht.locator('select').inputValue()).toBe('');
    const carry = ht.getByRole('button', { name: `Överför tidigare terminsbetyg för ${name}`, exact: true });
    expect(await carry.getAttribute('title')).toBe('Ämnet har inte lästs denna termin – föregående terminsbetyg förs över och markeras som överfört');
    // only empty term cells offer it, never the final grade
    expect(await cellOf(page.getByTestId('register-row').first(), 'HT').getByTestId('carry-over').count()).toBe(0);
    expect(await cellOf(row, 'final').getByTestId('carry-over').count()).toBe(0);

    const put = page.waitForRequest((r) => r.url().endsWith('/cells') && r.method() === 'PUT');
    await carry.click();
    expect((await put).postDataJSON()).toMatchObject({ pupilId: await row.getAttribute('data-pupil'), column: 'HT', value: null, version: null, carryOver: true });
    await ht.getByText('Eleven har inget tidigare terminsbetyg i ämnet att överföra').waitFor();
    expect(await ht.getByRole('button', { name: 'Försök igen' }).count()).toBe(0); // trying again cannot help
    expect(await ht.locator('select').inputValue()).toBe('');
    expect(await ht.getByTestId('cell-carried-over').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // the fill-down choice: the first pupil has an HT grade of its own (skipped), this one has nothing to carry over
    await row.getByLabel(`Markera ${name}`).check();
    const fill = page.getByTestId('fill-down');
    await fill.getByLabel('Kolumn').selectOption('HT');
    await fill.getByLabel('Betyg', { exact: true }).selectOption({ label: 'Överför tidigare betyg' });
    await fill.getByRole('button', { name: 'Fyll i' }).click();
    await page.getByTestId('register-notice').getByText('0 betyg överförda, 2 elever hoppades över (varav 1 med inget tidigare betyg).').waitFor();
    await row.getByLabel(`Markera ${name}`).uncheck();
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);

  it('confirms the final grade: the cell shows "Bekräftat" and is read-only', async () => {
    await page.getByRole('button', { name: 'Bekräfta betyg' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekräfta betyg' });
    await dialog.getByRole('radio', { name: 'Slutbetyg' }).check();
    await dialog.getByRole('radio', { name: 'Markerade elever (1)' }).check();
    await dialog.getByTestId('confirm-submit').click();
    await page.getByTestId('register-notice').getByText('1 betyg bekräftade, 0 utan betyg hoppades över.').waitFor();
    const final = cellOf(pupilRow, 'final');
    await final.getByTestId('cell-state').getByText('Bekräftat').waitFor();
    expect(await final.locator('select').count()).toBe(0);
    expect((await final.getByTestId('cell-value').textContent())!.trim()).toMatch(/F$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'grade-register');
    // the print view: no app chrome or controls, values as text, a header with unit, group, subject, term
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    expect(await page.getByTestId('print-header').textContent()).toContain('Björkskolan · 9A MA · Matematik · HT 2026');
    await screenshot(page, 'grade-register-print');
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('the administrator removes the confirmation with a reason; the teacher can change the grade again', async () => {
    const admin = await newPage(browser, server.baseUrl);
    await login(admin, 'admin');
    await admin.goto(registerPath);
    await admin.getByRole('heading', { level: 1, name: '9A MA' }).waitFor();
    expect(await admin.locator('select[data-col]').count()).toBe(0); // read-only for the administrator
    const row = admin.getByTestId('register-row').first();
    await row.getByRole('button', { name: 'Ta bort bekräftelse' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Ta bort bekräftelse' }).click();
    await dialog.getByText('Skriv en motivering på minst 3 tecken.').waitFor();
    await dialog.getByLabel('Motivering').fill('Läraren har räknat fel; betyget ska ändras.');
    await dialog.getByRole('button', { name: 'Ta bort bekräftelse' }).click();
    await admin.getByTestId('register-notice').getByText('Bekräftelsen är borttagen').waitFor();
    expect(await cellOf(row, 'final').getByTestId('cell-state').count()).toBe(0);
    await cellOf(row, 'final').getByRole('button', { name: /^Historik/ }).click();
    await admin.getByTestId('history-table').getByText('Läraren har räknat fel; betyget ska ändras.').waitFor();
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.keyboard.press('Escape');
    await admin.getByTestId('history-table').waitFor({ state: 'detached' });
    await screenshot(admin, 'grade-register-admin');
    await admin.context().close();

    await page.reload();
    await page.getByTestId('grade-register').waitFor();
    await screenshot(page, 'grade-register-after-unconfirm');
    const select = pupilRow.getByLabel(`Slutbetyg för ${pupilName}`, { exact: true });
    // the first attempt does not reach the server: "Kunde inte sparas"; "Försök igen" resends the same request
    const bodies: { requestId: string; value: string | null }[] = [];
    await page.route('**/cells', async (route) => {
      bodies.push(route.request().postDataJSON() as { requestId: string; value: string | null });
      if (bodies.length === 1) await route.abort();
      else await route.continue();
    });
    await select.selectOption('E');
    await cellOf(pupilRow, 'final').getByText('Kunde inte sparas').waitFor();
    await cellOf(pupilRow, 'final').getByRole('button', { name: 'Försök igen' }).click();
    await cellOf(pupilRow, 'final').getByText('Sparat').waitFor();
    await page.unroute('**/cells');
    expect(bodies.map((b) => b.value)).toEqual(['E', 'E']);
    expect(bodies[1]!.requestId).toBe(bodies[0]!.requestId);
    expect(await select.inputValue()).toBe('E');
    expect(await pupilRow.getByRole('button', { name: /Skriftlig bedömning/ }).count()).toBe(0);
  }, 60_000);
});
