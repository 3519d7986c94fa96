// Journey: `admin` sets the current term's grading period (Betyg → Betygsperioder); `larare` then sees
// "Betygsprocess" on the start page with the days left and the groups to grade, opens "Betyg", reads the
// group list's status (with a tooltip on focus) and goes straight into grading a group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { swedishDate } from '../../src/domain/common/dates';
import { launchBrowser, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { startServer, type RunningServer } from './server';

const DAY = 86_400_000;
const today = swedishDate(new Date());
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const lastDay = plusDays(today, 14);
// days left including today, as a teacher counts them
const expectedDaysLeft = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY) + 1;

describe('grading overview: period, Betygsprocess and group list', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let teacher: Page;
  const periodPuts: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await newPage(browser, server.baseUrl);
    admin.on('request', (r) => {
      if (r.method() === 'PUT' && new URL(r.url()).pathname.startsWith('/api/grading/periods/')) periodPuts.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator sets the current term’s grading period', async () => {
    await login(admin, 'admin');
    const nav = admin.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Betyg' }).click();
    await admin.waitForURL((u) => u.pathname === '/betyg/perioder');
    await admin.getByRole('heading', { level: 1, name: 'Betygsperioder' }).waitFor();
    expect(await admin.getByTestId('periods-explain').textContent()).toBe(
      'Utanför perioden kan lärarna inte registrera betyg. Utan period är registreringen öppen.',
    );
    await admin.getByTestId('period-term').first().waitFor();
    const terms = (await admin.getByTestId('period-term').getByRole('heading', { level: 2 }).allTextContents()).map((s) => s.trim());
    expect(terms.length).toBeGreaterThanOrEqual(1);
    expect(terms.every((s) => /^(HT|VT) \d{4}$/.test(s))).toBe(true);

    const card = admin.getByTestId('period-term').filter({ has: admin.getByTestId('period-current') });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('period-set').textContent()).toBe('Ingen betygsperiod – registreringen är öppen');
    const from = card.getByLabel('Från och med');
    const to = card.getByLabel('Till och med');
    expect(await from.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD');

    // refused in the browser: not a date, and an end before the start
    await from.fill('2026-02-30');
    await to.fill(plusDays(today, -1));
    await card.getByRole('button', { name: /^Spara period för/ }).click();
    await card.getByText('Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-01.').waitFor();
    await from.fill(today);
    await card.getByRole('button', { name: /^Spara period för/ }).click();
    await card.getByText('Slutdatumet kan inte vara före startdatumet.').waitFor();
    expect(periodPuts).toEqual([]);

    await to.fill(lastDay);
    await card.getByRole('button', { name: /^Spara period för/ }).click();
    const notice = card.locator('[data-kind]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(new RegExp(`^Betygsperioden för (HT|VT) \\d{4} är sparad: ${today} – ${lastDay}\\.$`));
    expect(await notice.getAttribute('data-kind')).toBe('saved');
    expect(periodPuts).toHaveLength(1);
    await expect.poll(() => card.getByTestId('period-set').textContent()).toBe(`Betygsperiod: ${today} – ${lastDay}`);

    expect(await seriousA11yViolations(admin)).toEqual([]);
    await screenshot(admin, 'grading-periods');
  }, 60_000);

  it('a save over someone else’s change shows the period now in force and succeeds when repeated', async () => {
    const card = admin.getByTestId('period-term').filter({ has: admin.getByTestId('period-current') });
    const label = (await card.getByRole('heading', { level: 2 }).textContent())!.trim();
    // "someone else" (here the same account, as if in another tab) moves the end date meanwhile
    const otherEnd = plusDays(today, 7);
    const status = await admin.evaluate(
      async ({ label: term, from, to }) => {
        const session = await (await fetch('/api/session')).json();
        const list: { term: { id: string; label: string }; period: { version: number } | null }[] = await (await fetch('/api/grading/periods')).json();
        const item = list.find((i) => i.term.label === term)!;
        const res = await fetch(`/api/grading/periods/${item.term.id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ from, to, version: item.period?.version ?? null }),
        });
        return res.status;
      },
      { label, from: today, to: otherEnd },
    );
    expect(status).toBe(200);

    await card.getByRole('button', { name: /^Spara period för/ }).click();
    const notice = card.locator('[data-kind]');
    await expect.poll(() => notice.getAttribute('data-kind')).toBe('stale');
    expect(await notice.textContent()).toContain(`Nu gäller: ${today} – ${otherEnd}.`);
    expect(await card.getByLabel('Till och med').inputValue()).toBe(lastDay);
    await card.getByRole('button', { name: /^Spara period för/ }).click();
    await expect.poll(() => notice.getAttribute('data-kind')).toBe('saved');
    await expect.poll(() => card.getByTestId('period-set').textContent()).toBe(`Betygsperiod: ${today} – ${lastDay}`);
    expect(periodPuts).toHaveLength(4); // the first save, the other change, the refused save, the repeated one
  }, 60_000);

  it('the teacher sees Betygsprocess with the days left and the groups to grade', async () => {
    teacher = await newPage(browser, server.baseUrl); // a new context: its own cookies
    await login(teacher, 'larare');
    const card = teacher.getByTestId('grading-process');
    await card.getByRole('heading', { level: 2, name: 'Betygsprocess' }).waitFor();
    await expect.poll(() => card.getByTestId('grading-period-status').textContent()).toBe(`${expectedDaysLeft} dagar kvar`);
    expect(expectedDaysLeft).toBe(15);
    expect(await card.getByTestId('grading-term').textContent()).toMatch(/^Termin (HT|VT) \d{4}$/);
    expect(await card.textContent()).toContain(`Betygsperiod ${today} – ${lastDay}`);
    const links = card.getByTestId('grading-todo').getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/betyg\/grupp\/[0-9a-f-]{36}$/);
    }
    expect(await links.allTextContents()).toContain('9A MA');
    expect(await seriousA11yViolations(teacher)).toEqual([]);
    await screenshot(teacher, 'grading-start');
  }, 60_000);

  it('the teacher opens Betyg: the group list with status texts and a tooltip on focus', async () => {
    await teacher.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Betyg' }).click();
    await teacher.waitForURL((u) => u.pathname === '/betyg');
    await teacher.getByRole('heading', { level: 1, name: 'Betyg' }).waitFor();
    const table = teacher.getByTestId('grading-groups-table');
    await table.waitFor();
    expect(await teacher.getByTestId('grading-period-status').textContent()).toBe(`${expectedDaysLeft} dagar kvar`);
    const names = (await table.locator('tbody tr > :first-child').allTextContents()).map((s) => s.trim());
    expect(names).toEqual(expect.arrayContaining(['7A MA', '8A MA', '9A MA']));
    const row = table.locator('tbody tr').filter({ hasText: '9A MA' });
    const graded = row.getByTestId('status-graded');
    expect(await graded.innerText()).toMatch(/^\d+\/\d+\s*(Inte påbörjat|Pågår|Klart)$/);
    expect(await row.getByTestId('status-confirmed').innerText()).toMatch(/^\d+\/\d+\s*(Inte påbörjat|Pågår|Klart)$/);

    // by keyboard, as a keyboard user reaches it (the tooltip opens on visible focus)
    await row.getByTestId('status-pupils').focus();
    await teacher.keyboard.press('Tab');
    expect(await graded.evaluate((el) => el === document.activeElement)).toBe(true);
    const tooltip = teacher.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toMatch(/^\d+ elever i gruppen, \d+ ska ha betyg denna termin, \d+ har betyg, \d+ bekräftade$/);
    expect(await seriousA11yViolations(teacher)).toEqual([]);
    await screenshot(teacher, 'grading-overview');

    // on a phone the top bar keeps product, menu and name on one row
    await teacher.setViewportSize({ width: 390, height: 844 });
    await teacher.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await screenshot(teacher, 'grading-overview-mobile');
    await teacher.setViewportSize({ width: 1280, height: 800 });

    const link = row.getByRole('link', { name: '9A MA' });
    const href = await link.getAttribute('href');
    await link.click();
    await teacher.waitForURL((u) => u.pathname === href);
    expect(new URL(teacher.url()).pathname).toMatch(/^\/betyg\/grupp\/[0-9a-f-]{36}$/);
  }, 60_000);
});
