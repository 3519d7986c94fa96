// Journey: the administrator of Björkskolan runs the new school year (läsårsskifte) ahead of time: previews it
// (a pupil of 9A leaves, 7A becomes 8A), applies it, checks that the leaving pupil's final grades are intact,
// then undoes it. Axe-clean at each step; screenshots in test-results/.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../src/server/platform/db/database.js';
import { journey, login, screenshot, seriousA11yViolations } from './browser';
import { apiClient, templateCopy } from './setup';

let template: Awaited<ReturnType<typeof templateCopy>> | undefined;

// Before the server starts: the year-9 pupil `elev` has final grades from last year, decided, locked and handed out.
beforeAll(async () => {
  template = await templateCopy('rollover', async (database) => {
    const db = database.db;
    const ctx = (await one<{ org: string; pupil: string; unit: string; term: string; teacher: string }>(db, sql`
      select a.organiser_id as org, a.person_id as pupil, e.school_unit_id as unit,
        (select id from term where start_date <= current_date order by start_date desc limit 1) as term,
        (select person_id from account where username = 'larare') as teacher
      from account a join enrolment e on e.organiser_id = a.organiser_id and e.person_id = a.person_id where a.username = 'elev'`))!;
    const group = (await one<{ id: string }>(db, sql`select g.id from student_group g join group_membership m on m.organiser_id = g.organiser_id
      and m.group_id = g.id where m.person_id = ${ctx.pupil} and g.subject_code = 'MA' limit 1`))!.id;
    for (const [subject, value] of [['MA', 'B'], ['SV', 'A']]) {
      await db.execute(sql`insert into grade (organiser_id, id, pupil_id, subject_code, group_id, term_id, kind, value, state, registered_by)
        values (${ctx.org}, ${randomUUID()}, ${ctx.pupil}, ${subject}, ${group}, ${ctx.term}, 'final', ${value}, 'locked', ${ctx.teacher})`);
    }
    await db.execute(sql`insert into grade_document (organiser_id, id, pupil_id, school_unit_id, kind, term_id, content, sha256, created_by, signed_by, signed_at, handed_out_by, handed_out_at)
      values (${ctx.org}, ${randomUUID()}, ${ctx.pupil}, ${ctx.unit}, 'final', ${ctx.term}, ${Buffer.from('%PDF-1.7')}, 'x', ${ctx.teacher}, ${ctx.teacher}, now(), ${ctx.teacher}, now())`);
  });
}, 120_000);
afterAll(() => template?.remove());

const j = journey();

describe('the administrator runs the new school year', () => {
  let pupil = { id: '', name: '' };

  beforeAll(async () => {
    template?.restoreEnv();
    const elev = await apiClient(j.server.baseUrl, 'elev');
    pupil = { id: elev.session().person.id, name: (elev.session().person as { displayName?: string }).displayName ?? '' };
  });

  it('previews the next school year from the administration page', async () => {
    const { page } = j;
    await login(page, 'admin');
    await page.goto('/admin');
    await page.getByTestId('admin-section-rollover').click();
    await page.getByRole('heading', { level: 1, name: 'Läsårsskifte' }).waitFor();
    expect(await page.getByTestId('rollover-from-to').textContent()).toMatch(/^Från läsår (\d{4})\/\d{4} till läsår \d{4}\/\d{4}$/);
    expect(await page.getByTestId('rollover-terms-source').textContent()).toContain('finns inte ännu');
    expect(await page.getByTestId('rollover-htStart').inputValue()).toMatch(/^\d{4}-08-2\d$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'school-year-rollover-step1');

    await page.getByTestId('rollover-preview').click();
    await page.getByTestId('rollover-preview-result').waitFor();
    await page.getByTestId('rollover-leaving-toggle').click();
    await page.getByTestId('rollover-teaching-toggle').click();
    const leaving = page.getByTestId('rollover-leaving').locator('tbody tr').filter({ hasText: pupil.name });
    expect(await leaving.count()).toBe(1);
    expect(await leaving.locator('td').first().textContent()).toBe('9A');
    const row7A = page.getByTestId('rollover-classes').locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: '7A', exact: true }) });
    expect(await row7A.locator('td').first().textContent()).toBe('8A');
    const row9A = page.getByTestId('rollover-classes').locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: '9A', exact: true }) });
    expect(await row9A.locator('td').first().textContent()).toBe('Avslutas');
    const en = page.getByTestId('rollover-teaching').locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: '7A EN', exact: true }) });
    expect(await en.locator('td').first().textContent()).toBe('8A EN');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'school-year-rollover-preview');
    await page.screenshot({ path: 'test-results/school-year-rollover-preview-top.png' });
    await page.getByTestId('rollover-classes').screenshot({ path: 'test-results/school-year-rollover-preview-classes.png' });
  }, 90_000);

  it('applies it; the pupil of 9A has left with the final grades intact', async () => {
    const { page } = j;
    await page.getByTestId('rollover-apply-open').click();
    const dialog = page.getByRole('dialog', { name: 'Genomföra läsårsskiftet?' });
    await dialog.waitFor();
    // the modal fades in: wait until it is fully opaque (axe measures contrast against what is painted)
    await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('rollover-apply-confirm').click();
    await page.getByTestId('rollover-applied').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('rollover-applied-body').textContent()).toMatch(/^Läsårsskiftet till \d{4}\/\d{4} genomfördes \d{4}-\d{2}-\d{2} av /);
    expect(await page.getByTestId('rollover-undo-open').isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'school-year-rollover-applied');

    // made ahead of time: the pupil is still enrolled today, and last year's final grades are as they were
    const admin = await apiClient(j.server.baseUrl, 'admin');
    const status = await admin.get<{ rollovers: { id: string }[] }>('/api/admin/school-year');
    expect(status.rollovers).toHaveLength(1);
    await page.goto(`/elever/${pupil.id}/betyg`);
    await page.getByTestId('pupil-grades-title').waitFor();
    expect((await page.getByTestId('grade-value').allTextContents()).sort()).toEqual(['A', 'B']);
    await screenshot(page, 'school-year-rollover-grades-intact');
  }, 120_000);

  it('undoes it; the page offers the new school year again', async () => {
    const { page } = j;
    await page.goto('/admin/lasarsskifte');
    await page.getByTestId('rollover-undo-open').click();
    const dialog = page.getByRole('dialog', { name: 'Ångra läsårsskiftet?' });
    await dialog.waitFor();
    await page.getByTestId('rollover-undo-confirm').click();
    await page.getByTestId('rollover-undone').waitFor({ timeout: 60_000 });
    await page.getByTestId('rollover-preview').waitFor();
    expect(await page.getByTestId('rollover-history').locator('tbody tr').first().textContent()).toContain('Ångrat');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'school-year-rollover-undone');
  }, 90_000);
});
