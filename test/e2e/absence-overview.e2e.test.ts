// Journey: the mentor opens "Frånvaro" for 9A, sees a highlighted pupil and the heat map per week (and its
// table alternative), exports the overview to Excel (the file is opened and checked) and opens the pupil's
// absence; the principal opens an absence investigation for the highlighted pupil and records a contact with
// the home; student health finds it on their start page and reads it; the administrator changes the unit's
// threshold. axe-clean; screenshots.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates';
import { mondayOf } from '../../src/domain/absence/weeks';
import { one } from '../../src/server/platform/db/database';
import { generateUnitAbsence } from '../support/absence-week';
import { login, screenshot, seriousA11yViolations, journeyOnCopy } from './browser';
import { type RunningServer } from './server';
import { templateCopy } from './setup';

const day = (date: string, add: number) => new Date(Date.parse(`${date}T00:00:00Z`) + add * 86_400_000).toISOString().slice(0, 10);
const today = swedishDate(new Date());
const lastMonday = day(mondayOf(today), -7);

describe('absence: the mentor\'s overview, the principal\'s investigation, student health', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void> = async () => {};
  let elsa = '';

  beforeAll(async () => {
    // six school weeks of lessons and deviations at Björkskolan; Elsa (elev, 9A) unreported for a whole week
    // and reported by her guardian on last Monday
    const copy = await templateCopy('absence', async (database) => {
      const db = database.db;
      const org = (await one<{ id: string }>(db, sql`select id from organiser limit 1`))!.id;
      const unit = (await one<{ id: string }>(db, sql`select id from school_unit where name = 'Björkskolan'`))!.id;
      elsa = (await one<{ id: string }>(db, sql`select person_id as id from account where username = 'elev'`))!.id;
      await generateUnitAbsence(db, org, { unitId: unit, from: day(lastMonday, -35), to: day(lastMonday, 4), daysPerGroup: 2 });
      // Elsa's absence is only what follows (the demo's absence history and the generated weeks removed)
      await db.execute(sql`delete from attendance_deviation where pupil_id = ${elsa}`);
      const lessonsOf = (from: string, to: string) => sql`select l.id, l.lesson_date, l.minutes, l.group_id, g.subject_code from lesson l
        join group_membership m on m.group_id = l.group_id and m.person_id = ${elsa} and m.end_date is null
        join student_group g on g.id = l.group_id where l.lesson_date between ${from} and ${to}`;
      await db.execute(sql`insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid, subject_code, group_id, lesson_id)
        select ${org}, gen_random_uuid(), ${elsa}, x.lesson_date, 'absent', x.minutes, false, x.subject_code, x.group_id, x.id from (${lessonsOf(day(lastMonday, -7), day(lastMonday, -3))}) x`);
      const guardian = (await one<{ id: string }>(db, sql`select guardian_id as id from guardianship where child_id = ${elsa} limit 1`))!.id;
      await db.execute(sql`insert into absence_report (organiser_id, id, pupil_id, reported_by, reporter_role, from_date, to_date)
        values (${org}, '00000000-0000-4000-8000-0000000000a1', ${elsa}, ${guardian}, 'guardian', ${lastMonday}, ${lastMonday})`);
      await db.execute(sql`insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid, subject_code, group_id, lesson_id, absence_report_id)
        select ${org}, gen_random_uuid(), ${elsa}, x.lesson_date, 'absent', x.minutes, true, x.subject_code, x.group_id, x.id, '00000000-0000-4000-8000-0000000000a1'
          from (${lessonsOf(lastMonday, lastMonday)}) x`);
    });
    ({ server, browser, page, close } = await journeyOnCopy(copy));
  }, 180_000);
  afterAll(() => close());

  it('the mentor opens Frånvaro for 9A: a highlighted pupil and the heat map per week', async () => {
    await login(page, 'mentor');
    await page.getByTestId('nav-absence').click();
    await page.getByRole('heading', { level: 1, name: 'Frånvaro – 9A' }).waitFor();
    await page.getByTestId(`absence-highlight-${elsa}`).waitFor();
    expect(await page.getByTestId(`absence-highlight-${elsa}`).textContent()).toContain('Över gränsen');
    expect(await page.getByTestId('absence-highlighted-count').textContent()).toMatch(/\d+ elev(er)? (är|är markerad)/);
    const heat = page.getByTestId('heatmap');
    await heat.waitFor();
    expect(await heat.locator('thead th').count()).toBeGreaterThanOrEqual(7); // the name and every week of the term so far
    // the pupil's row: a number in the coloured cell of the week she was away (not colour alone)
    const row = heat.locator('tbody tr', { hasText: 'Nyström, Elsa' });
    expect(await row.locator('td[data-step="top"]').first().textContent()).toBe('100');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-overview-mentor');
    await page.getByTestId('heatmap-toggle').click();
    await page.getByTestId('heatmap-table').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('heatmap-toggle').click();
  }, 60_000);

  it('exports the overview to Excel', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('absence-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^Frånvaro – 9A – \d{4}-\d{2}-\d{2}–\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(mkdtempSync(join(tmpdir(), 'larka-absence-')), 'export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Frånvaro')!;
    expect(sheet.getRow(1).getCell(6).value).toBe('Ogiltig frånvaro (min)');
    let elsaRow: ExcelJS.Row | null = null;
    sheet.eachRow((r) => { if (r.getCell(1).value === 'Nyström' && r.getCell(2).value === 'Elsa') elsaRow = r; });
    expect(elsaRow).not.toBeNull();
    expect(typeof elsaRow!.getCell(6).value).toBe('number');
    expect(elsaRow!.getCell(10).value).toBe('Ja');
  }, 60_000);

  it('opens the pupil\'s absence: why each absence is valid or invalid', async () => {
    await page.getByTestId(`absence-pupil-${elsa}`).click();
    await page.getByRole('heading', { level: 1, name: 'Frånvaro – Elsa Nyström' }).waitFor();
    const list = page.getByTestId('pupil-absence-deviations');
    await list.waitFor();
    expect(await list.getByText('Anmäld av vårdnadshavare').count()).toBeGreaterThan(0);
    expect(await list.getByText('Ej anmäld').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-pupil');
  }, 60_000);

  it('the principal opens an investigation for the highlighted pupil and records a contact with the home', async () => {
    await page.context().clearCookies();
    await login(page, 'rektor');
    const t0 = Date.now();
    await page.getByTestId('nav-absence').click();
    // the whole unit opens on its highlighted pupils
    await page.getByTestId('absence-show-all').waitFor();
    console.log(`the unit's overview shown ${Date.now() - t0} ms after the menu click`);
    expect(await page.getByTestId(`absence-highlight-${elsa}`).count()).toBe(1);
    await screenshot(page, 'absence-overview-unit');
    await page.getByTestId('absence-group').click();
    await page.getByRole('option', { name: '9A', exact: true }).click();
    await page.getByTestId(`open-investigation-${elsa}`).click();
    await page.getByTestId('open-investigation-reason').fill('Hög ogiltig frånvaro, en hel vecka utan anmälan');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('open-investigation-submit').click();
    await page.getByRole('heading', { level: 1, name: 'Frånvaroutredning – Elsa Nyström' }).waitFor();
    await page.getByTestId('entry-text').fill('Samtal med vårdnadshavare per telefon; möte bokat med mentor och elevhälsa.');
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('investigation-entries-table').getByText('Kontakt med hemmet').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-investigation-principal');
  }, 60_000);

  it('student health finds it on the start page and reads it', async () => {
    await page.context().clearCookies();
    await login(page, 'elevhalsa');
    const list = page.getByTestId('student-health-investigations-table');
    await list.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-student-health-start');
    await list.getByRole('link', { name: 'Elsa Nyström' }).click();
    await page.getByTestId('investigation-entries-table').getByText('Samtal med vårdnadshavare per telefon', { exact: false }).waitFor();
    expect(await page.getByTestId('close-submit').count()).toBe(0); // only the principal closes it
    // student health has no grades in the menu
    expect(await page.getByTestId('nav-grading').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-investigation-student-health');
  }, 60_000);

  it('the administrator changes the unit\'s threshold; the principal may only read it', async () => {
    await page.context().clearCookies();
    await login(page, 'admin');
    await page.goto('/franvaro/installningar');
    await page.getByRole('heading', { level: 1, name: 'Frånvaroinställningar' }).waitFor();
    await page.getByTestId('absence-setting-thresholdPercent').fill('15');
    await page.getByTestId('absence-settings-save').click();
    await page.getByText('Inställningarna är sparade.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-settings-admin');
    await page.context().clearCookies();
    await login(page, 'rektor');
    await page.goto('/franvaro/installningar');
    await page.getByText('Skoladministratören ändrar inställningarna.').waitFor();
    expect(await page.getByTestId('absence-setting-thresholdPercent').inputValue()).toBe('15');
    expect(await page.getByTestId('absence-settings-save').count()).toBe(0);
  }, 60_000);

  it('a teacher who mentors no class is told where a pupil\'s absence is, not shown an empty list', async () => {
    await page.context().clearCookies();
    await login(page, 'larare2');
    await page.goto('/franvaro');
    await page.getByTestId('absence-not-mentor').waitFor();
    expect(await page.getByTestId('absence-not-mentor').textContent()).toContain('inte mentor');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);
});
