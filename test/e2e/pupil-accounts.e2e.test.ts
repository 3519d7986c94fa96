// Journey: `admin` opens Administration → Konton, chooses a class, prints credential letters for the pupils
// without an account (confirming first) and gets one PDF page per pupil with their usernames; a pupil logs in
// with the letter's password, is sent to "Byt lösenord" and can do nothing else until they have chosen their
// own, then reaches their start page. Axe clean; screenshots.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choose, journey, login, screenshot, seriousA11yViolations } from './browser';
import { apiClient } from './setup';

interface ClassSummary { id: string; name: string; pupils: number; withLogin: number }

describe('pupil accounts and credential letters', () => {
  const j = journey();
  const dir = mkdtempSync(join(tmpdir(), 'larka-letters-'));
  let cls: ClassSummary;
  let letter = { text: '', pages: 0 };
  const settle = () => j.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

  it('the administrator prints credential letters for a class, after a confirmation', async () => {
    const admin = await apiClient(j.server.baseUrl, 'admin');
    const classes = await admin.get<ClassSummary[]>('/api/admin/accounts/classes');
    cls = classes.find((c) => c.withLogin === 0 && c.pupils >= 3)!;
    expect(cls, 'a class where nobody has an account').toBeTruthy();

    const { page } = j;
    await login(page, 'admin');
    await page.getByRole('link', { name: 'Administration' }).first().click();
    await page.getByTestId('admin-section-accounts').click();
    await page.waitForURL((url) => url.pathname === '/admin/konton');
    await page.getByRole('heading', { level: 1, name: 'Konton' }).waitFor();
    await choose(page, 'accounts-class', `${cls.name} (0 av ${cls.pupils} har konto)`);
    const rows = page.getByTestId('class-accounts').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(cls.pupils);
    expect(await page.getByTestId('account-state').first().textContent()).toBe('Inget konto');

    await page.getByTestId('choose-without').click();
    expect(await page.getByTestId('chosen-count').textContent()).toBe(`${cls.pupils} elever valda`);
    await page.getByTestId('letters-open').click();
    const dialog = page.getByRole('dialog', { name: 'Skriva ut inloggningsbrev?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`${cls.pupils} elever får nya konton.`);
    await settle();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'accounts-letters-confirm');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letters-confirm-confirm').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^Inloggningsbrev ${cls.name} \\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const file = join(dir, 'letters.pdf');
    await download.saveAs(file);
    letter = {
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]),
    };
    expect(letter.pages).toBe(cls.pupils);
    await page.getByTestId('letters-done').waitFor();

    // the table now shows each pupil's username and that they must change password; the letters carry them
    await expect.poll(() => page.getByTestId('account-state').first().textContent()).toBe('Måste byta lösenord');
    const usernames = (await page.getByTestId('account-username').allTextContents()).map((s) => s.trim());
    expect(usernames).toHaveLength(cls.pupils);
    for (const u of usernames) expect(letter.text).toContain(u);
    expect(letter.text).toContain('Du byter lösenord första gången du loggar in');
    expect(letter.text).toContain(`Klass: ${cls.name}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'accounts-class');

    // a reset is confirmed with a warning that the old password stops working
    await page.getByTestId('choose-without').click();
    await page.getByRole('checkbox', { name: 'Välj alla elever i klassen' }).check();
    await page.getByTestId('letters-open').click();
    await page.getByTestId('letters-reset-warning').waitFor();
    expect(await page.getByTestId('letters-reset-warning').textContent()).toContain('slutar fungera direkt');
    await page.getByRole('button', { name: 'Avbryt' }).click();
  }, 90_000);

  it('the administrator gives a staff member a new password, shown once after a confirmation', async () => {
    const { page } = j;
    await page.getByTestId('tab-staff').click();
    const row = page.getByTestId('staff-accounts').locator('tbody tr').filter({ hasText: 'larare2' });
    await row.getByTestId('person-actions').click();
    await page.getByTestId('action-password').click();
    const confirm = page.getByTestId('person-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Det gamla lösenordet slutar fungera direkt');
    await page.getByTestId('person-confirm-confirm').click();
    await page.getByTestId('shown-password').waitFor();
    expect(await page.getByTestId('shown-username').textContent()).toBe('larare2');
    expect(await page.getByTestId('shown-password-value').textContent()).toMatch(/^[a-z]{6}-[a-z]{6}-[2-9]{2}$/);
    await settle();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'accounts-staff-password-shown');
    await page.getByRole('button', { name: 'Jag har lämnat över lösenordet' }).click();
    await expect.poll(() => row.getByTestId('account-state').textContent()).toBe('Måste byta lösenord');
  }, 60_000);

  it('a pupil logs in with the letter\'s password, must choose their own, then reaches the start page', async () => {
    const { page } = j;
    const first = letter.text.split('\f')[0];
    const username = /Användarnamn\s+(\S+)/.exec(first)![1];
    const password = /Lösenord\s+(\S+)/.exec(first)![1];
    const pupilName = /Till: (.+)/.exec(first)![1].trim();
    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Lösenord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL((url) => url.pathname === '/byt-losenord');
    await page.getByTestId('password-change-required').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'change-password-required');

    // nothing else opens: the start page sends the pupil back, the API refuses
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/byt-losenord');
    const refused = await page.evaluate(async () => (await fetch('/api/start')).status);
    expect(refused).toBe(403);

    await page.getByTestId('password-current').fill(password);
    await page.getByTestId('password-new').fill('kort');
    await page.getByTestId('password-repeat').fill('kort');
    await page.getByTestId('password-submit').click();
    expect(await page.getByTestId('password-error').textContent()).toContain('för kort');
    await page.getByTestId('password-new').fill('sol hund cykel');
    await page.getByTestId('password-repeat').fill('sol hund cykel');
    await page.getByTestId('password-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Välkommen, ${pupilName.split(' ')[0]}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'pupil-start-after-password');

    // the chosen password works from now on
    await page.context().clearCookies();
    await login(page, username, 'sol hund cykel');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
