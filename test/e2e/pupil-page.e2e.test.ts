// Journey: the grading teachers give a 9A pupil an MA grade (larare, confirmed) and an SV grade (mentor) over
// the API. The mentor `mentor` opens the pupil from their class 9A and sees personal data, guardians, every
// subject with its teachers and both grades with their states; the page prints without the app's chrome. A
// mentee with protected registration shows "Skyddad" for their address and contact and their guardians' address.
// `larare`, who teaches the pupil MA but is not their mentor, sees only MA.
import { randomUUID } from 'node:crypto';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { journey, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { apiClient } from './setup';

interface Register { pupils: { id: string; givenName: string; familyName: string; cells: { HT: { allowed: boolean } } }[] }

const j = journey();
let pupil = { id: '', givenName: '', familyName: '' };

beforeAll(async () => {
  const larare = await apiClient(j.server.baseUrl, 'larare');
  const mentor = await apiClient(j.server.baseUrl, 'mentor');
  const groupOf = async (c: typeof larare, name: string) =>
    (await c.get<{ groups: { id: string; name: string }[] }>('/api/grading/groups')).groups.find((g) => g.name === name)!;
  const ma = await groupOf(larare, '9A MA');
  const sv = await groupOf(mentor, '9A SV');
  const register = await larare.get<Register>(`/api/grading/groups/${ma.id}`);
  pupil = register.pupils.find((p) => p.cells.HT.allowed)!;
  await larare.put(`/api/grading/groups/${ma.id}/cells`, { pupilId: pupil.id, column: 'HT', value: 'C', version: null, requestId: randomUUID() });
  await larare.post(`/api/grading/groups/${ma.id}/confirm`, { column: 'HT', pupilIds: [pupil.id] });
  await mentor.put(`/api/grading/groups/${sv.id}/cells`, { pupilId: pupil.id, column: 'HT', value: 'B', version: null, requestId: randomUUID() });
}, 120_000);

/** The text of the row of `table` whose row header is the subject. */
const rowText = async (table: Locator, subject: string) =>
  (await table.locator('tbody tr').filter({ has: table.page().getByRole('rowheader', { name: subject, exact: true }) }).textContent()) ?? '';

describe('the pupil page', () => {
  it('the mentor opens a mentee from the class and sees all subjects and grades', async () => {
    await login(j.page, 'mentor');
    await j.page.getByTestId('mentor-classes-table').getByRole('link', { name: '9A', exact: true }).click();
    await j.page.getByRole('heading', { level: 1, name: '9A' }).waitFor();
    await j.page.locator(`a[href="/elever/${pupil.id}"]`).first().click();
    await j.page.getByRole('heading', { level: 1, name: `${pupil.givenName} ${pupil.familyName}` }).waitFor();

    const facts = (await j.page.getByTestId('pupil-facts').textContent())!;
    expect(facts).toMatch(/Personnummer\d{8}-\d{4}/);
    expect(facts).toContain('Björkskolan');
    expect(facts).toContain('MentorMaria Sjöberg');
    expect(await j.page.getByTestId('guardians-table').locator('tbody tr').count()).toBeGreaterThan(0);

    const groups = j.page.getByTestId('current-groups-table');
    expect(await rowText(groups, 'Matematik')).toContain('Anna Öberg');
    expect(await rowText(groups, 'Svenska')).toContain('Maria Sjöberg');
    expect(await groups.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await j.page.getByTestId('taught-only').count()).toBe(0);

    const grades = j.page.getByTestId('grade-year').first().locator('table');
    expect(await rowText(grades, 'Matematik')).toContain('C Bekräftat');
    expect(await rowText(grades, 'Svenska')).toContain('B Registrerat');
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'pupil-page-mentor');
  }, 60_000);

  it('prints the whole page: "Skriv ut" opens the print dialogue; the print view has no app chrome or buttons', async () => {
    await j.page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => { w.printed++; };
    });
    await j.page.getByRole('button', { name: 'Skriv ut' }).click();
    expect(await j.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await j.page.emulateMedia({ media: 'print' });
    expect(await j.page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    expect(await j.page.locator('header').first().isVisible()).toBe(false);
    expect(await j.page.getByTestId('print-header').textContent()).toMatch(/^Björkskolan · Utskrivet \d{4}-\d{2}-\d{2}$/);
    for (const section of ['guardians-section', 'subjects-section', 'grades-section']) {
      expect(await j.page.getByTestId(section).isVisible(), section).toBe(true);
      expect(await j.page.getByTestId(section).evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    }
    await screenshot(j.page, 'pupil-page-print');
    await j.page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('a mentee with protected registration: "Skyddad" for their address and contact and their guardians\' address', async () => {
    const classId = (await (await j.page.request.get('/api/start')).json() as { mentorClasses: { id: string; name: string }[] }).mentorClasses.find((c) => c.name === '9A')!.id;
    const members = (await (await j.page.request.get(`/api/groups/${classId}`)).json() as { pupils: { id: string }[] }).pupils;
    let protectedId: string | undefined;
    for (const m of members) {
      if ((await (await j.page.request.get(`/api/pupils/${m.id}/record`)).json() as { contact: unknown }).contact === null) { protectedId = m.id; break; }
    }
    expect(protectedId, '9A has a pupil with protected registration in the demo').toBeTruthy();
    await j.page.goto(`/elever/${protectedId}`);
    await j.page.getByTestId('protected-marker').waitFor();
    for (const value of await j.page.getByTestId('pupil-contact').locator('td').allTextContents()) expect(value).toBe('Skyddad');
    const addresses = await j.page.getByTestId('guardians-table').locator('tbody tr > :nth-child(4)').allTextContents();
    expect(addresses.length).toBeGreaterThan(0);
    for (const value of addresses) expect(value).toBe('Skyddad');
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'pupil-page-protected-mentee');
  }, 60_000);

  it('a teacher who is not the mentor sees only the subject they teach the pupil', async () => {
    const teacher = await newPage(j.browser, j.server.baseUrl);
    await login(teacher, 'larare');
    await teacher.goto(`/elever/${pupil.id}`);
    await teacher.getByRole('heading', { level: 1, name: `${pupil.givenName} ${pupil.familyName}` }).waitFor();
    await teacher.getByTestId('taught-only').waitFor();
    const groups = teacher.getByTestId('current-groups-table');
    expect((await groups.locator('tbody tr > :first-child').allTextContents()).map((s) => s.trim())).toEqual(['Matematik']);
    const grades = teacher.getByTestId('grade-year').first().locator('table');
    expect((await grades.locator('tbody tr > :first-child').allTextContents()).map((s) => s.trim())).toEqual(['Matematik']);
    expect(await rowText(grades, 'Matematik')).toContain('C Bekräftat');
    expect(await teacher.getByText('Svenska', { exact: true }).count()).toBe(0);
    expect(await seriousA11yViolations(teacher)).toEqual([]);
    await screenshot(teacher, 'pupil-page-teacher');
    await teacher.context().close();
  }, 60_000);
});
