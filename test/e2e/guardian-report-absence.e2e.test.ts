// Journey: the guardian `vardnadshavare` reports her son Olle sick for the coming school day from the start
// page's "Anmäl frånvaro": the page shows the school's reporting window, the report appears in the list with
// who reported it; a report backwards in time is refused with the window named. Olle was absent without a
// report on a lesson today: "Meddelanden" in the top bar shows one unread same-day notice, which she reads.
// Axe clean; screenshots.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../src/server/platform/db/database';
import { sameDayNotices } from '../../src/server/notices/same-day';
import { templateCopy } from './setup';
import { swedishDate } from '../../src/domain/common/dates';
import { addDays } from '../../src/domain/absence-reports/span';
import { choose, journey, login, screenshot, seriousA11yViolations } from './browser';

const today = swedishDate(new Date());
/** The next weekday after today. */
function nextSchoolDay(from: string): string {
  let d = addDays(from, 1);
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

let template: Awaited<ReturnType<typeof templateCopy>> | undefined;
beforeAll(async () => {
  // a lesson of Olle's today, registered absent without a report, and the notice the roll-call's save gives
  template = await templateCopy('same-day-notice', async (database) => {
    const db = database.db;
    const g = (await one<{ organiser_id: string; id: string; unit: string; child: string }>(db, sql`select g.organiser_id, g.id, g.school_unit_id as unit, c.id as child
      from account a join guardianship gu on gu.guardian_id = a.person_id join person c on c.id = gu.child_id and c.given_name = 'Olle'
      join group_membership m on m.person_id = c.id and m.end_date is null join student_group g on g.id = m.group_id and g.group_type = 'teaching'
     where a.username = 'vardnadshavare' order by g.subject_code limit 1`))!;
    // Olle's absence is only what this journey does (the demo's absence history removed)
    await db.execute(sql`delete from attendance_deviation where pupil_id = ${g.child}`);
    await db.execute(sql`delete from absence_report where pupil_id = ${g.child}`);
    const lesson = randomUUID();
    await db.execute(sql`insert into lesson (organiser_id, id, group_id, school_unit_id, lesson_date, start_time, end_time, minutes)
      values (${g.organiser_id}, ${lesson}, ${g.id}, ${g.unit}, ${today}, '08:10', '09:00', 50)`);
    await db.execute(sql`insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid, group_id, lesson_id)
      values (${g.organiser_id}, ${randomUUID()}, ${g.child}, ${today}, 'absent', 50, false, ${g.id}, ${lesson})`);
    await db.transaction((tx) => sameDayNotices().onInvalidAbsence(tx, [{ organiserId: g.organiser_id, pupilId: g.child, day: today }]));
  });
});
afterAll(() => template?.remove());

describe('guardian reports absence', () => {
  const j = journey();
  beforeAll(() => template?.restoreEnv());
  const day = nextSchoolDay(today);

  it('opens "Anmäl frånvaro" from the start page and sees the reporting window', async () => {
    const { page } = j;
    await login(page, 'vardnadshavare');
    await page.getByTestId('start-report-absence').click();
    await page.getByRole('heading', { level: 1, name: 'Anmäl frånvaro' }).waitFor();
    await choose(page, 'child-picker', (await page.getByTestId('child-picker').inputValue()).startsWith('Olle')
      ? await page.getByTestId('child-picker').inputValue() : await optionStarting(page, 'Olle'));
    await expect.poll(() => page.getByTestId('report-window').textContent()).toBe(`Du kan anmäla frånvaro från och med ${today} till och med ${addDays(today, 14)}.`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);

  it('reports Olle sick for the coming school day: the report is listed with who reported it', async () => {
    const { page } = j;
    await page.getByTestId('when-coming').check();
    await page.getByTestId('report-from').fill(day);
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-saved').textContent()).toBe(`Frånvaron är anmäld: ${day}.`);
    const row = page.getByTestId('reports-table').locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain(day);
    expect(await row.textContent()).toContain('Hela dagen');
    expect(await row.textContent()).toContain('Sofia Ängström (vårdnadshavare)');
    expect(await page.getByTestId('withdraw-report').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guardian-report-absence');
  }, 60_000);

  it('a report backwards in time is refused, naming the window', async () => {
    const { page } = j;
    await page.getByTestId('report-from').fill(addDays(today, -3));
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-error').textContent())
      .toBe(`Datumet ligger utanför den tid skolan tar emot anmälningar (${today} – ${addDays(today, 14)}).`);
    expect(await page.getByTestId('reports-table').locator('tbody tr').count()).toBe(1);
  }, 60_000);

  it('part of a day: the times are kept with the report', async () => {
    const { page } = j;
    const later = nextSchoolDay(nextSchoolDay(day));
    await page.getByTestId('report-from').fill(later);
    await page.getByTestId('extent-part').check();
    await page.getByTestId('report-from-time').fill('13:00');
    await page.getByTestId('report-to-time').fill('15:30');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-saved').textContent()).toBe(`Frånvaron är anmäld: ${later} 13:00–15:30.`);
    expect(await page.getByTestId('reports-table').locator('tbody tr').first().textContent()).toContain('13:00–15:30');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guardian-report-absence-part-day');
  }, 60_000);

  it('"Meddelanden" shows one unread; the notice names Olle, the lesson and ogiltig frånvaro; marked read', async () => {
    const { page } = j;
    const link = page.getByTestId('nav-notices');
    expect((await link.textContent())!.replace(/\s+/g, ' ').trim()).toBe('Meddelanden 1 oläst');
    expect(await page.getByTestId('notices-unread').textContent()).toBe('1');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Meddelanden' }).waitFor();
    const notice = page.getByTestId('notice').first();
    expect(await notice.textContent()).toContain('Frånvaro utan anmälan idag');
    expect(await notice.textContent()).toContain(`Olle är registrerad med ogiltig frånvaro (frånvaro utan anmälan) ${today}`);
    expect(await notice.textContent()).toContain('08:10–09:00');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guardian-report-notice');
    await page.getByTestId('mark-read').click();
    await expect.poll(() => page.getByTestId('notices-unread').count()).toBe(0);
  }, 60_000);
});


async function optionStarting(page: import('playwright-core').Page, prefix: string): Promise<string> {
  await page.getByTestId('child-picker').click();
  const name = (await page.getByRole('option').filter({ hasText: prefix }).first().textContent())!.trim();
  await page.keyboard.press('Escape');
  return name;
}
