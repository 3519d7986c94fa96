// Journey: on a school day (the server's clock fixed to it), a guardian has reported a pupil sick. The teacher
// `larare` opens "Närvaro" from the top menu, opens the first lesson of the day, marks one pupil absent and
// one late 10 minutes, confirms the reported absence with one click; a reload shows the same; "Alla övriga
// närvarande" reports the lesson. The unit's administrator opens the group's timetable at /admin/schema and
// corrects the held lesson.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedPersonId } from '../../src/server/org/demo/staff';
import { one, rows } from '../../src/server/platform/db/database';
import { schoolDayNear, stockholmInstant } from '../support/school-day';
import { journey, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { templateCopy } from './setup';

const day = schoolDayNear();
let copy: Awaited<ReturnType<typeof templateCopy>>;
let lesson: { id: string; group_name: string; group_id: string };
let members: { id: string; given_name: string; family_name: string }[];
let sick: { id: string; given_name: string; family_name: string };

beforeAll(async () => {
  copy = await templateCopy('roll-call', async (database) => {
    const db = database.db;
    lesson = (await one<typeof lesson>(db, sql`select l.id, g.name as group_name, g.id as group_id from lesson l
      join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id
      join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'teacher'
      where gs.person_id = ${namedPersonId('larare')} and l.lesson_date = ${day}::date and l.cancelled_at is null
        and g.school_unit_id = (select id from school_unit where name = 'Björkskolan')
      order by l.start_time limit 1`))!;
    members = await rows(db, sql`select p.id, p.given_name, p.family_name from group_membership m join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
      where m.group_id = ${lesson.group_id} order by p.family_name, p.given_name`);
    // a pupil without a report of the day yet, reported sick for the whole day by a guardian
    const reported = new Set((await rows<{ pupil_id: string }>(db, sql`select pupil_id from absence_report where from_date <= ${day}::date and to_date >= ${day}::date`)).map((r) => r.pupil_id));
    sick = members.filter((m) => !reported.has(m.id))[4];
    const guardian = (await one<{ guardian_id: string }>(db, sql`select guardian_id from guardianship where child_id = ${sick.id} limit 1`))!.guardian_id;
    await db.execute(sql`insert into absence_report (organiser_id, id, pupil_id, reported_by, reporter_role, from_date, to_date)
      select organiser_id, ${randomUUID()}, ${sick.id}, ${guardian}, 'guardian', ${day}::date, ${day}::date from person where id = ${sick.id}`);
  });
}, 120_000);

describe('teacher takes the roll call of a lesson', () => {
  const j = journey({ now: stockholmInstant(day, '08:05') });
  beforeAll(() => copy.restoreEnv());
  afterAll(() => copy.remove());
  const row = (id: string) => j.page.getByTestId(`rollcall-row-${id}`);
  const statusOf = (id: string) => row(id).getAttribute('data-status');
  let absent: typeof members[number];
  let late: typeof members[number];

  it("opens Närvaro from the menu: today's lessons of the day", async () => {
    const { page } = j;
    await login(page, 'larare');
    await page.getByTestId('nav-attendance').click();
    await page.getByRole('heading', { level: 1, name: 'Närvaro' }).waitFor();
    await page.getByTestId('attendance-lessons').waitFor();
    expect(await page.getByTestId('attendance-day').textContent()).toContain(day);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'roll-call-lessons-of-day');
  }, 60_000);

  it('opens the lesson: the group in one screen, the reported absence shown on the row', async () => {
    const { page } = j;
    await page.getByTestId(`attendance-lesson-${lesson.id}`).click();
    await page.getByRole('heading', { level: 1, name: `Närvaro ${lesson.group_name}` }).waitFor();
    await page.getByTestId('rollcall-table').waitFor();
    expect(await page.getByTestId(`rollcall-advance-${sick.id}`).textContent()).toContain('Anmäld frånvaro');
    const others = members.filter((m) => m.id !== sick.id);
    [absent, late] = [others[0], others[1]];
    expect(await statusOf(absent.id)).toBe('present');
  }, 60_000);

  it('marks one absent and one late 10 minutes with one click each, saved at once', async () => {
    const { page } = j;
    await page.getByTestId(`rollcall-absent-${absent.id}`).click();
    await expect.poll(() => statusOf(absent.id)).toBe('absent');
    await expect.poll(() => page.getByTestId(`rollcall-state-${absent.id}`).textContent()).toContain('Sparat');
    await page.getByTestId(`rollcall-late-${late.id}`).click();
    await expect.poll(() => statusOf(late.id)).toBe('late');
    const minutes = page.getByTestId(`rollcall-minutes-${late.id}`);
    await minutes.fill('10');
    await minutes.press('Enter');
    await expect.poll(() => page.getByTestId(`rollcall-state-${late.id}`).textContent()).toContain('Sparat');
  }, 60_000);

  it("confirms the guardian's report with one click: stored as valid absence", async () => {
    const { page } = j;
    await page.getByTestId(`rollcall-confirm-${sick.id}`).click();
    await expect.poll(() => statusOf(sick.id)).toBe('absent');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'roll-call-lesson');
  }, 60_000);

  it('a reload shows the same; "Alla övriga närvarande" reports the lesson', async () => {
    const { page } = j;
    await page.reload();
    await page.getByTestId('rollcall-table').waitFor();
    expect(await statusOf(absent.id)).toBe('absent');
    expect(await statusOf(late.id)).toBe('late');
    expect(await statusOf(sick.id)).toBe('absent');
    expect(await page.getByTestId(`rollcall-state-${sick.id}`).textContent()).toContain('Giltig');
    expect(await page.getByTestId(`rollcall-state-${absent.id}`).textContent()).toContain('Ogiltig');
    expect(await page.getByTestId(`rollcall-state-${late.id}`).textContent()).toContain('10 min');
    await page.getByTestId('rollcall-complete').click();
    await expect.poll(() => page.getByTestId('rollcall-reported').textContent()).toContain('Lektionen är registrerad');
    await screenshot(page, 'roll-call-reported');
  }, 60_000);

  it("the unit's administrator sees the group's timetable at /admin/schema", async () => {
    const page = await newPage(j.browser, j.server.baseUrl);
    await login(page, 'admin');
    await page.goto('/admin');
    await page.getByTestId('admin-section-timetable').click();
    await page.getByRole('heading', { level: 1, name: 'Schema' }).waitFor();
    await page.getByTestId('timetable-group').click();
    await page.getByRole('option', { name: new RegExp(`^${lesson.group_name} \\(`) }).click();
    await page.getByTestId('timetable-slots').waitFor();
    expect(await page.getByTestId('timetable-slots').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'timetable-admin');
    // today's lesson was held: its date opens the roll call, which the administrator may correct
    await page.getByRole('link', { name: day, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: `Närvaro ${lesson.group_name}` }).waitFor();
    expect(await page.getByTestId(`rollcall-row-${sick.id}`).getAttribute('data-status')).toBe('absent');
    await page.getByTestId(`rollcall-present-${absent.id}`).click();
    await expect.poll(() => page.getByTestId(`rollcall-row-${absent.id}`).getAttribute('data-status')).toBe('present');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);
});
