// Journey: stored text is shown as text, never run as markup (no XSS). A pupil of `larare`'s year-9 group is
// given a name that is HTML — an <img> whose onerror would set window.__xss, and a <script> — and so is the
// teacher herself (her name is in the top bar of every page), in the test's own copy of the demo template
// before the server starts (no API renames people). Over the API the teacher then gives the pupil a final F
// and writes the written assessment in HTML too. The start page, the grade register with the assessment
// drawer, the group page, the catalogue and the pupil page show all of it as the literal text; no element is
// made of it and window.__xss stays undefined. The pages are opened with the CSP bypassed (as every journey
// does, for axe), so what is checked is the escaping itself, not the CSP behind it.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { one } from '../../src/server/platform/db/database.js';
import { journey, login, screenshot, seriousA11yViolations } from './browser';
import { templateCopy } from './setup';

const PUPIL_GIVEN = '<img src=x onerror="window.__xss=1">';
const PUPIL_FAMILY = '<script>window.__xss=2</script>Ek';
const TEACHER_GIVEN = '<svg onload="window.__xss=3">Anna';
const ASSESSMENT = '<img src=y onerror="window.__xss=4"><b>fet</b> & "citat"';

let template: Awaited<ReturnType<typeof templateCopy>> | undefined;
let groupId = '';
let pupilId = '';

// Before the journey's server starts: a copy of the demo template with the names in HTML.
beforeAll(async () => {
  template = await templateCopy('xss', async (database) => {
    const found = await one<{ group_id: string; pupil_id: string; teacher_id: string }>(database.db, sql`
      select g.id as group_id, m.person_id as pupil_id, a.person_id as teacher_id
        from student_group g
        join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id and u.name = 'Björkskolan'
        join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.grader
        join account a on a.organiser_id = gs.organiser_id and a.person_id = gs.person_id and a.username = 'larare'
        join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id
         and m.start_date <= current_date and (m.end_date is null or m.end_date >= current_date)
        join enrolment e on e.organiser_id = m.organiser_id and e.person_id = m.person_id and e.school_year = 9
         and e.start_date <= current_date and (e.end_date is null or e.end_date >= current_date)
       where g.group_type = 'teaching' and g.name like '9%'
       order by g.name, m.person_id limit 1`);
    expect(found, 'larare grades a year-9 group at Björkskolan').toBeTruthy();
    groupId = found!.group_id;
    pupilId = found!.pupil_id;
    await database.db.execute(sql`update person set given_name = ${PUPIL_GIVEN}, family_name = ${PUPIL_FAMILY} where id = ${pupilId}`);
    await database.db.execute(sql`update person set given_name = ${TEACHER_GIVEN} where id = ${found!.teacher_id}`);
  });
}, 120_000);

const j = journey();

/** What must hold on every page: the markup is nowhere an element, nothing ran, no dialog opened. */
async function nothingRan(page: Page) {
  const injected = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    elements: document.querySelectorAll('img[src="x"], img[src="y"], svg[onload], [onerror], [onload]').length
      + [...document.querySelectorAll('b')].filter((b) => b.textContent === 'fet').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
  }));
  expect(injected).toEqual({ xss: undefined, elements: 0, scripts: 0 });
}

describe('stored text is shown as text, never run', () => {
  const dialogs: string[] = [];
  const page = () => j.page;

  beforeAll(async () => {
    template?.restoreEnv();
    j.page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });

    // the teacher's written assessment, through the API: a final F makes it due
    const res = await fetch(`${j.server.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'larare', password: 'demo' }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const put = async (path: string, body: unknown) => {
      const r = await fetch(`${j.server.baseUrl}${path}`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify(body) });
      expect(r.status, `${path} → ${await r.clone().text()}`).toBe(200);
    };
    await put(`/api/grading/groups/${groupId}/cells`, { pupilId, column: 'final', value: 'F', version: null, requestId: randomUUID() });
    await put(`/api/grading/groups/${groupId}/pupils/${pupilId}/written-assessment`, { knowledgeDevelopment: ASSESSMENT, supportMeasures: PUPIL_GIVEN, version: null });
  }, 60_000);

  afterAll(() => {
    template?.remove();
  });

  it('the top bar and the start page show the teacher\'s name as text', async () => {
    await login(page(), 'larare');
    await expect.poll(() => page().getByText(TEACHER_GIVEN, { exact: false }).count()).toBeGreaterThan(0);
    await nothingRan(page());
  }, 60_000);

  it('the grade register and the written assessment show the names and the text as written', async () => {
    await page().goto(`/betyg/grupp/${groupId}`);
    const row = page().locator(`[data-testid="register-row"][data-pupil="${pupilId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(PUPIL_GIVEN);
    expect(await row.textContent()).toContain(PUPIL_FAMILY);
    await nothingRan(page());
    await row.getByTestId('assessment-done').click();
    const form = page().getByTestId('assessment-form');
    await form.waitFor();
    const texts = await form.locator('textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    expect(texts).toEqual([ASSESSMENT, PUPIL_GIVEN]);
    // the drawer's title names the pupil
    expect(await page().getByRole('dialog').first().textContent()).toContain(PUPIL_GIVEN);
    await nothingRan(page());
    expect(await seriousA11yViolations(page())).toEqual([]);
    await screenshot(page(), 'stored-text-escaped');
  }, 60_000);

  it('the group page, the catalogue and the pupil page show the name as text', async () => {
    for (const path of [`/grupper/${groupId}`, `/betyg/grupp/${groupId}/katalog?kolumn=final`, `/elever/${pupilId}`]) {
      await page().goto(path);
      await expect.poll(() => page().getByText(PUPIL_GIVEN, { exact: false }).count(), { message: path }).toBeGreaterThan(0);
      expect(await page().locator('body').textContent(), path).toContain(PUPIL_FAMILY);
      await nothingRan(page());
    }
    expect(await page().getByTestId('pupil-name').textContent()).toBe(`${PUPIL_GIVEN} ${PUPIL_FAMILY}`);
    expect(await page().title()).toContain(PUPIL_GIVEN);
    expect(dialogs).toEqual([]);
  }, 60_000);
});
