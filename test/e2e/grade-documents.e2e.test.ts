// Journey: HT grades of a group are registered, confirmed and the catalogue signed by `larare`, locked by
// `admin` (all over the API); then in the browser `admin` makes term grade documents for the pupil's class
// (progress, failures per pupil), `rektor` signs the pupil's document, `admin` hands it out, and the pupil
// sees the grade on "Mina betyg". The catalogue page says "Betygen är beslutade".
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choose, launchBrowser, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { startServer, type RunningServer } from './server';
import { apiClient } from './setup';


interface Cell {
  allowed: boolean;
  steps: string[];
  value: string | null;
  version: number | null;
}
interface Register {
  pupils: { id: string; givenName: string; familyName: string; cells: { HT: Cell } }[];
}

describe('grade documents are made, signed and handed out', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let groupId = '';
  let pupil = { id: '', name: '', listName: '' };
  let pupilIsElev = false;
  let className = '';
  const given = 'B';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.baseUrl);

    const teacher = await apiClient(server.baseUrl, 'larare');
    await teacher.switchUnit('teacher', 'Björkskolan');
    const overview = await teacher.get<{ groups: { id: string; name: string; subject: { code: string } }[] }>('/api/grading/groups');
    const elev = await apiClient(server.baseUrl, 'elev');
    const elevStart = await elev.get<{ self: { id: string; name: string; className: string | null }; groups: { id: string; subject: { code: string } | null }[] }>('/api/start');
    const elevMa = elevStart.groups.find((g) => g.subject?.code === 'MA' && overview.groups.some((o) => o.id === g.id));
    const group = elevMa ? overview.groups.find((o) => o.id === elevMa.id)! : overview.groups.find((g) => g.name === '9A MA')!;
    expect(group, 'a MA group graded by larare').toBeTruthy();
    groupId = group.id;

    // HT grades for all pupils but the last (who then gets no document), confirm, sign the catalogue
    const register = await teacher.get<Register>(`/api/grading/groups/${groupId}`);
    const gradable = register.pupils.filter((p) => p.cells.HT.allowed);
    const chosen = elevMa ? gradable.find((p) => p.id === elevStart.self.id) : gradable[0];
    expect(chosen, 'the pupil can get an HT grade').toBeTruthy();
    pupil = { id: chosen!.id, name: `${chosen!.givenName} ${chosen!.familyName}`, listName: `${chosen!.familyName}, ${chosen!.givenName}` };
    pupilIsElev = chosen!.id === elevStart.self.id;
    const graded = gradable.filter((p, i) => p.id === chosen!.id || i < gradable.length - 1);
    for (const p of graded) {
      const value = p.id === chosen!.id ? given : 'C';
      if (p.cells.HT.value === value) continue;
      await teacher.put(`/api/grading/groups/${groupId}/cells`, { pupilId: p.id, column: 'HT', value, version: p.cells.HT.version, requestId: randomUUID() });
    }
    await teacher.post(`/api/grading/groups/${groupId}/confirm`, { column: 'HT', pupilIds: graded.map((p) => p.id) });
    const signed = await teacher.post<{ decided: boolean }>(`/api/grading/groups/${groupId}/catalogue/sign`, { column: 'HT' });
    expect(signed.decided).toBe(true);

    const admin = await apiClient(server.baseUrl, 'admin');
    const locked = await admin.post<{ locked: number }>(`/api/grading/groups/${groupId}/lock`, { column: 'HT' });
    expect(locked.locked).toBe(graded.length);
    const start = await admin.get<{ classes: { id: string; name: string }[] }>('/api/start');
    for (const c of start.classes) {
      const cls = await admin.get<{ pupils: { id: string }[] }>(`/api/groups/${c.id}`);
      if (cls.pupils.some((p) => p.id === pupil.id)) className = c.name;
    }
    expect(className, 'the pupil has a class').not.toBe('');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const docRow = () => page.getByTestId('documents-table').locator('tbody tr').filter({ hasText: pupil.listName });
  /** Another person in the same browser: forget the previous session first. */
  const loginAs = async (username: string) => {
    await page.context().clearCookies();
    await login(page, username);
  };
  const settle = () => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

  it('the catalogue says the grades are decided and locked', async () => {
    await loginAs('admin');
    await page.goto(`/betyg/grupp/${groupId}/katalog`);
    await page.getByTestId('catalogue-decided').waitFor();
    expect(await page.getByTestId('catalogue-decided').textContent()).toContain('Betygen är beslutade');
    const row = page.getByTestId('catalogue-table').locator('tbody tr').filter({ hasText: pupil.listName });
    expect(await row.first().getByTestId('catalogue-state').textContent()).toBe('Låst');
    expect(await page.getByTestId('signatures-table').textContent()).toMatch(/legitimerad.*\d{4}-\d{2}-\d{2}/);
    expect(await page.getByTestId('catalogue-pdf').getAttribute('href')).toBe(`/api/grading/groups/${groupId}/catalogue.pdf?column=HT`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'grade-catalogue');

    // an ändring may never lower the grade: refused in the browser with the domain rule, nothing is sent
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/correction')) posts.push(r.url());
    });
    await row.first().getByRole('button', { name: `Rättelse/ändring av betyget för ${pupil.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Rättelse/ändring av betyg för ${pupil.name}` });
    await dialog.waitFor();
    await dialog.getByLabel(/^Ändring — uppenbart fel av annat skäl/).check();
    await choose(page, 'correction-value', 'C');
    await page.getByTestId('correction-reason').fill('Felaktig bedömning av provet');
    await page.getByTestId('correction-decider').click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('button', { name: 'Registrera beslutet' }).click();
    await expect.poll(() => page.getByTestId('correction-error').textContent()).toMatch(/^En ändring får aldrig sänka betyget/);
    expect(posts).toEqual([]);
    await settle();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }, 60_000);

  it('admin makes term documents for the class with a progress bar; failures are listed', async () => {
    await page.getByTestId('nav-grade-documents').click();
    await page.getByRole('heading', { level: 1, name: 'Betygsdokument' }).waitFor();
    await choose(page, 'create-class', className);
    await page.getByTestId('create-run').click();
    await page.getByTestId('create-done').waitFor();
    const progress = (await page.getByTestId('create-progress-text').textContent())!;
    const [done, total] = progress.split(' av ').map(Number);
    expect(done).toBe(total);
    expect(await page.getByTestId('create-progress').getAttribute('aria-label')).toBe('Skapar betygsdokument');
    const failures = page.getByTestId('create-failures');
    if (total > 1) expect(await failures.textContent()).toMatch(/(Alla betyg är inte låsta|Eleven har inga betyg)/);
    await docRow().waitFor();
    await settle();
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 120_000);

  it('admin downloads the class\'s documents as a ZIP and as one PDF', async () => {
    await choose(page, 'download-class', className);
    for (const [testId, type] of [['download-zip', 'application/zip'], ['download-pdf', 'application/pdf']] as const) {
      const href = (await page.getByTestId(testId).getAttribute('href'))!;
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe(type);
      expect((await res.body()).length).toBeGreaterThan(1000);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);

  it('rektor signs the pupil\'s document', async () => {
    await loginAs('rektor');
    await page.getByTestId('nav-grade-documents').click();
    await docRow().waitFor();
    await docRow().getByRole('button', { name: `Signera betygsdokumentet för ${pupil.name}` }).click();
    await expect.poll(() => docRow().getByTestId('document-signed-by').textContent()).not.toBe('Ej signerat');
    expect(await page.getByTestId('documents-notice').textContent()).toBe('1 dokument är signerat.');
  }, 60_000);

  it('admin hands it out after confirming', async () => {
    await loginAs('admin');
    await page.getByTestId('nav-grade-documents').click();
    await docRow().getByRole('checkbox', { name: `Markera dokumentet för ${pupil.name}` }).check();
    await page.getByTestId('hand-out').click();
    const dialog = page.getByRole('dialog', { name: 'Lämna ut betygsdokumenten?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Först då ser elev och vårdnadshavare betygen');
    await settle();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lämna ut', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => docRow().getByTestId('document-handed-out').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}/);
    await settle();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'grade-documents');
  }, 60_000);

  it('the pupil sees the grade and the document on "Mina betyg"', async () => {
    if (pupilIsElev) {
      await loginAs('elev');
      await page.getByTestId('my-grades-link').click();
      await page.getByRole('heading', { level: 1, name: 'Mina betyg' }).waitFor();
    } else {
      await page.goto(`/elever/${pupil.id}/betyg`);
      await page.getByRole('heading', { level: 1, name: `Betyg för ${pupil.name}` }).waitFor();
    }
    const term = page.getByTestId('term-grades').first();
    expect(await term.getByRole('heading', { level: 2 }).textContent()).toBe('HT 2026');
    const row = term.locator('tbody tr').filter({ hasText: 'Matematik' });
    expect(await row.getByTestId('grade-value').textContent()).toBe(given);
    const link = page.getByTestId('grade-document-link').first();
    expect(await link.textContent()).toBe('Terminsbetyg HT 2026 (PDF)');
    const pdf = await page.request.get((await link.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'my-grades');
  }, 60_000);
});
