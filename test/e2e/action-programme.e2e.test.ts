// Journey: a teacher starts an investigation of a pupil's need for special support from the pupil page and
// drafts the programme (findings, needs, a measure with responsible and follow-up date, evaluation date); the
// principal finds it on the unit's list, decides it, downloads the decision document, records that the
// guardians were informed and shares it; the guardian reads it on the child's page. axe-clean; screenshots.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates';
import { addDays } from '../../src/domain/timetable/calendar';
import { one } from '../../src/server/platform/db/database';
import { choose, login, screenshot, seriousA11yViolations, journeyOnCopy } from './browser';
import { type RunningServer } from './server';
import { templateCopy } from './setup';

const today = swedishDate(new Date());

describe('action programme: investigation, the principal\'s decision, the guardian reads it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void> = async () => {};
  let olle = '';

  beforeAll(async () => {
    // Olle (the demo guardian's child, 9B at Björkskolan) is taught mathematics by larare
    const copy = await templateCopy('action-programme', async (database) => {
      const db = database.db;
      const guardian = (await one<{ id: string }>(db, sql`select person_id as id from account where username = 'vardnadshavare'`))!.id;
      const larare = (await one<{ id: string }>(db, sql`select person_id as id from account where username = 'larare'`))!.id;
      olle = (await one<{ id: string }>(db, sql`select g.child_id as id from guardianship g join enrolment e on e.person_id = g.child_id
        join school_unit su on su.id = e.school_unit_id and su.name = 'Björkskolan' where g.guardian_id = ${guardian} limit 1`))!.id;
      await db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
        select g.organiser_id, gen_random_uuid(), g.id, ${larare}, 'teacher', true, '2000-01-01' from student_group g
          join group_membership m on m.group_id = g.id and m.person_id = ${olle} and m.end_date is null
         where g.subject_code = 'MA' and g.group_type = 'teaching'
           and not exists (select 1 from group_staff s where s.group_id = g.id and s.person_id = ${larare} and s.end_date is null)`);
    });
    ({ server, browser, page, close } = await journeyOnCopy(copy));
  }, 180_000);
  afterAll(() => close());

  it('the teacher starts an investigation from the pupil page and drafts the programme', async () => {
    await login(page, 'larare');
    if ((await page.getByTestId('unit-switcher').count()) && (await page.getByTestId('unit-switcher').inputValue()) !== 'Björkskolan') {
      await choose(page, 'unit-switcher', 'Björkskolan');
    }
    await page.getByTestId('support-deadlines').waitFor(); // "Att följa upp" on the start page
    expect(await page.getByTestId('support-deadlines').textContent()).toContain('Inlästa läromedel'); // the demo's programme, due within 14 days
    await screenshot(page, 'action-programme-teacher-start');
    await page.goto(`/elever/${olle}`);
    await page.getByTestId('pupil-programmes-link').click();
    await page.getByRole('heading', { level: 1, name: /^Åtgärdsprogram – Olle/ }).waitFor();
    await page.getByTestId('start-reason').fill('Olle når inte kunskapskraven i matematik trots extra anpassningar under hösten.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('start-submit').click();
    await page.getByRole('heading', { level: 1, name: /^Åtgärdsprogram för Olle/ }).waitFor();
    await page.getByTestId('draft-findings').fill('Kartläggning med speciallärare visar svag taluppfattning. Samtal med Olle och vårdnadshavare har hållits.');
    await page.getByTestId('draft-needs').fill('Olle behöver särskilt stöd i taluppfattning och i att komma igång med uppgifter.');
    await page.getByTestId('add-measure').click();
    await page.getByTestId('measure-text').fill('Enskild undervisning i matematik två gånger i veckan');
    await choose(page, 'measure-responsible', 'Anna Öberg');
    await page.getByTestId('measure-follow-up').fill(addDays(today, 7));
    await page.getByTestId('draft-evaluate-by').fill(addDays(today, 60));
    await page.getByTestId('draft-save').click();
    await page.getByText('Sparat.').waitFor();
    await page.getByTestId('decision-waiting').waitFor(); // the teacher does not decide
    expect(await page.getByTestId('decision-submit').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'action-programme-draft');
  }, 90_000);

  it('the principal decides it, downloads the decision document, marks the guardians informed and shares it', async () => {
    await page.context().clearCookies();
    await login(page, 'rektor');
    await page.getByTestId('support-deadlines').waitFor();
    await page.getByTestId('nav-action-programmes').click();
    await page.getByRole('heading', { level: 1, name: 'Åtgärdsprogram på skolenheten' }).waitFor();
    const awaiting = page.getByTestId('programmes-awaiting-table');
    await awaiting.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'action-programme-unit-list');
    await awaiting.getByRole('link', { name: /Olle$/ }).click();
    await page.getByTestId('decision-reason').fill('Utredningen visar att Olle trots extra anpassningar inte når kunskapskraven i matematik. Särskilt stöd ges enligt programmet.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'action-programme-decision-form');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('decision-facts').waitFor();
    expect(await page.getByTestId('programme-status').first().textContent()).toBe('Gäller');

    // the link's file, fetched with the page's session (the link opens it in a new tab)
    const href = (await page.getByTestId('decision-pdf').getAttribute('href'))!;
    const pdf = await page.request.get(href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain('attachment');
    const file = join(mkdtempSync(join(tmpdir(), 'larka-ap-')), 'beslut.pdf');
    writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Beslut om åtgärdsprogram');
    expect(text).toContain('Hur man överklagar');
    expect(text).toContain('Enskild undervisning i matematik');

    await page.getByTestId('informed-submit').click();
    await page.getByTestId('home-facts').getByText(today).waitFor();
    await page.getByTestId('share-submit').click();
    await page.getByTestId('share-submit').waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'action-programme-decided');
  }, 90_000);

  it('the guardian reads it on the child\'s page', async () => {
    await page.context().clearCookies();
    await login(page, 'vardnadshavare');
    await page.goto(`/barn/${olle}`);
    const section = page.getByTestId('portal-action-programmes');
    await section.waitFor();
    await section.getByTestId('portal-action-programme').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'action-programme-portal');
    await section.getByTestId('portal-action-programme-link').click();
    await page.getByTestId('decision-facts').waitFor();
    expect(await page.getByTestId('programme-needs').textContent()).toContain('taluppfattning');
    expect(await page.getByTestId('share-submit').count()).toBe(0);
    expect(await page.getByTestId('evaluation-submit').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'action-programme-guardian');
  }, 60_000);
});
