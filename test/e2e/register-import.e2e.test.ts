// Journey: the administrator of Björkskolan imports a class and its pupils. The first pupils file has errors:
// the preview shows the rejected rows with their row numbers and reasons, nothing is written; the fixed file
// is applied with a progress bar fed by the job's stream of events, and the imported pupil is found in the new class.
import { describe, expect, it } from 'vitest';
import { civicNumber, csv } from '../../bench/import-files';
import { journey, login, screenshot, seriousA11yViolations } from './browser';

const pupilA = civicNumber(0, 1998);
const pupilB = civicNumber(1, 1998);
const header = ['Personnummer', 'Förnamn', 'Efternamn', 'Årskurs', 'Klass'];
const klass = 'Lärkan 7';

describe('administrator imports pupils', () => {
  const j = journey();
  const upload = async (name: string, text: string, encoding: BufferEncoding = 'utf8') => {
    await j.page.getByTestId('import-page').locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, encoding) });
    await j.page.getByTestId('import-preview-button').click();
  };
  const chooseKind = async (label: string) => {
    await j.page.getByTestId('import-kind').click();
    await j.page.getByRole('option', { name: label, exact: true }).click();
  };

  it('creates the class from a groups file', async () => {
    const { page } = j;
    await login(page, 'admin');
    await page.goto('/admin');
    await page.getByTestId('admin-section-import').click();
    await page.getByRole('heading', { level: 1, name: 'Import och export' }).waitFor();
    expect(await page.getByTestId('import-template').getAttribute('href')).toBe('/api/admin/import/template?kind=elever');
    await chooseKind('Klasser och grupper');
    await upload('klasser.csv', csv([['Namn', 'Typ', 'Ämne', 'Årskurs'], [klass, 'klass', '', '7']]));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('1 rader: 1 skapas, 0 ändras, 0 oförändrade, 0 avvisas.');
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 20_000 }).toContain('klasser.csv är inläst');
  }, 60_000);

  it('a pupils file with errors shows the rejected rows with reasons and cannot be applied', async () => {
    const { page } = j;
    await chooseKind('Elever');
    // saved by Excel on Windows: Windows-1252, semicolons
    await upload('elever.csv', csv([header, [pupilA, 'Åsa', 'Öberg', '7', klass], ['20120315-1231', 'Björn', 'Ek', '7', klass],
      [pupilB, 'Märta', 'Sjö', '7', 'Lärkan 9']]), 'latin1');
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('3 rader: 1 skapas, 0 ändras, 0 oförändrade, 2 avvisas.');
    const rejected = page.getByTestId('import-rejected').locator('tbody tr');
    expect(await rejected.count()).toBe(2);
    expect((await rejected.nth(0).textContent())).toContain('Ogiltigt personnummer ”20120315-1231”: fel kontrollsiffra');
    expect(await rejected.nth(0).locator(':scope > :first-child').textContent()).toBe('3');
    expect((await rejected.nth(1).textContent())).toContain('Okänd klass Lärkan 9 på enheten');
    expect(await page.getByTestId('import-created').textContent()).toContain('Öberg, Åsa');
    expect(await page.getByTestId('import-blocked').isVisible()).toBe(true);
    expect(await page.getByTestId('import-apply').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'register-import-rejected');
  }, 60_000);

  it('the fixed file is applied with progress, and the pupil is found in the class', async () => {
    const { page } = j;
    await upload('elever-rattad.csv', csv([header, [pupilA, 'Åsa', 'Öberg', '7', klass], [pupilB, 'Märta', 'Sjö', '7', klass]]), 'latin1');
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('2 rader: 2 skapas, 0 ändras, 0 oförändrade, 0 avvisas.');
    // the page follows the job's stream of events; the stream is held back here until the bar has been seen,
    // so the bar shows the apply's first answer (no race with a fast apply), then lets it through
    let releaseStream!: () => void;
    const streamHeld = new Promise<void>((r) => { releaseStream = r; });
    const streams: string[] = [];
    const polls: string[] = [];
    const onRequest = (r: { url(): string }) => { if (/\/api\/admin\/import\/jobs\/[^/]+$/.test(new URL(r.url()).pathname)) polls.push(r.url()); };
    page.on('request', onRequest);
    await page.route('**/api/admin/import/jobs/*/events', async (route) => {
      streams.push(route.request().url());
      await streamHeld;
      await route.continue();
    });
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-progress').waitFor();
    // at 0 % the filled part has no width: present, not visible
    const bar = page.getByRole('progressbar', { name: 'Hur långt inläsningen har kommit' });
    await bar.waitFor({ state: 'attached' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    expect(await page.getByTestId('import-progress-phase').textContent()).toBe('Kontrollerar filen mot registret');
    expect(await page.getByTestId('import-progress-percent').textContent()).toBe('0 %');
    await expect.poll(() => streams.length).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'register-import-progress');
    releaseStream();
    await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 20_000 })
      .toBe('Klart: elever-rattad.csv är inläst. 2 rader skapade, 0 ändrade, 0 oförändrade.');
    await page.unroute('**/api/admin/import/jobs/*/events');
    page.off('request', onRequest);
    expect(polls).toEqual([]); // the stream sufficed: no fallback to polling
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'register-import-applied');
    // the same file again: nothing to do
    await upload('elever-rattad.csv', csv([header, [pupilA, 'Åsa', 'Öberg', '7', klass], [pupilB, 'Märta', 'Sjö', '7', klass]]), 'latin1');
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('2 rader: 0 skapas, 0 ändras, 2 oförändrade, 0 avvisas.');
    // the class on the start page lists the imported pupils
    await page.goto('/');
    await page.getByRole('link', { name: klass, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: klass }).waitFor();
    await page.getByRole('link', { name: /Öberg/ }).first().waitFor();
    expect(await page.getByText('Sjö', { exact: false }).count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'register-import-class');
  }, 90_000);
});
