// Journey: a school day from the home's side and the school's. Elsa's guardian logs in with e-ID and reports
// Elsa sick for the whole day; her teacher opens the lesson, sees the report on Elsa's row and confirms it with
// one click; a classmate absent without a report is registered absent, so his guardian gets the e-mail the same
// day (through a real SMTP server); the mentor of 9A sees Elsa's absence as valid, "Anmäld av
// vårdnadshavare". The guardian then applies for leave, the principal's delegate grants it, and the guardian
// sees "Beviljad"; on Elsa's page she sees the handed-out grade and the national test result. Axe clean;
// screenshots. The server's clock is fixed on the first school day (from the nearest one) on which a teacher
// with an account has a lesson with Elsa.
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/absence-reports/span';
import { one, rows } from '../../src/server/platform/db/database';
import { schoolDayNear, stockholmInstant } from '../support/school-day';
import { startSmtpServer } from '../support/smtp';
import { launchBrowser, login, newPage, screenshot, seriousA11yViolations } from './browser';
import { loginWithEid, withEidProvider } from './oidc-helpers';
import { startServer, type RunningServer } from './server';
import { apiClient, handOutTermGrade, templateCopy } from './setup';

interface Person { id: string; given_name: string; family_name: string }
interface Facts {
  day: string;
  lesson: { id: string; group_id: string; group_name: string; subject_code: string; teacher: string };
  elsa: Person;
  guardian: Person & { civic_no: string };
  classmate: Person;
  classmateGuardianEmails: string[];
}

const eid = withEidProvider();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let server: RunningServer;
let browser: Browser;
let facts: Facts;
let copy: Awaited<ReturnType<typeof templateCopy>>;

/** The first lesson from the nearest school day on that `larare` or `mentor` teaches with Elsa (9A), a
 *  guardian of Elsa, and a classmate in the lesson whose guardians have e-mail addresses. */
async function findFacts(db: Parameters<Parameters<typeof templateCopy>[1]>[0]['db']): Promise<Facts> {
  const elsa = (await one<Person>(db, sql`select p.id, p.given_name, p.family_name from account a join person p on p.id = a.person_id where a.username = 'elev'`))!;
  const lesson = (await one<Facts['lesson'] & { day: string }>(db, sql`select l.id, l.group_id, g.name as group_name, g.subject_code,
      a.username as teacher, to_char(l.lesson_date, 'YYYY-MM-DD') as day
    from lesson l join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id
    join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id and m.person_id = ${elsa.id} and m.end_date is null
    join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'teacher' and gs.end_date is null
    join account a on a.person_id = gs.person_id and a.username in ('larare', 'mentor')
    where l.lesson_date >= ${schoolDayNear()}::date and l.cancelled_at is null
    order by l.lesson_date, l.start_time, a.username limit 1`))!;
  const guardian = (await one<Facts['guardian']>(db, sql`select p.id, p.given_name, p.family_name, p.civic_no from guardianship gu
    join person p on p.organiser_id = gu.organiser_id and p.id = gu.guardian_id
    where gu.child_id = ${elsa.id} and gu.end_date is null and p.civic_no is not null order by p.family_name, p.given_name limit 1`))!;
  const classmates = await rows<Person & { emails: string[] }>(db, sql`select p.id, p.given_name, p.family_name,
      array_agg(gp.email order by gp.email) as emails
    from group_membership m join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
    join guardianship gu on gu.organiser_id = p.organiser_id and gu.child_id = p.id and gu.end_date is null
    join person gp on gp.organiser_id = gu.organiser_id and gp.id = gu.guardian_id and gp.email is not null
    where m.group_id = ${lesson.group_id} and m.end_date is null and p.id <> ${elsa.id} and p.security_marking = 'none'
      and not exists (select 1 from absence_report r where r.pupil_id = p.id and r.withdrawn_at is null
        and r.from_date <= ${lesson.day}::date and r.to_date >= ${lesson.day}::date)
    group by p.id, p.given_name, p.family_name order by p.family_name, p.given_name limit 1`);
  const { day, ...rest } = lesson;
  return { day, lesson: rest, elsa, guardian, classmate: classmates[0], classmateGuardianEmails: classmates[0].emails };
}

/** Chooses the child in the guardian's child picker; with one child, the page names that child. */
async function pickChild(page: Page, givenName: string) {
  const only = page.getByTestId('child-name');
  const picker = page.getByTestId('child-picker');
  await only.or(picker).first().waitFor();
  if (await only.count()) {
    expect(await only.textContent()).toContain(givenName);
    return;
  }
  await picker.click();
  await page.getByRole('option').filter({ hasText: givenName }).first().click();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  copy = await templateCopy('absence-day', async (database) => { facts = await findFacts(database.db); });
  try {
    server = await startServer({ now: stockholmInstant(facts.day, '07:30'), env: { LARKA_SMTP_URL: smtp.url } });
  } finally {
    copy.restoreEnv();
  }
  browser = await launchBrowser();
  // a handed-out term grade in mathematics and a national test result for Elsa, through the school's own steps
  const [teacher, admin, rektor] = [await apiClient(server.baseUrl, 'larare'), await apiClient(server.baseUrl, 'admin'), await apiClient(server.baseUrl, 'rektor')];
  await teacher.switchUnit('teacher', 'Björkskolan');
  const groups = await teacher.get<{ groups: { id: string; subject: { code: string } }[] }>('/api/grading/groups');
  for (const g of groups.groups.filter((x) => x.subject.code === 'MA')) {
    const register = await teacher.get<{ pupils: { id: string; cells: { HT: { allowed: boolean } } }[] }>(`/api/grading/groups/${g.id}`);
    if (!register.pupils.some((p) => p.id === facts.elsa.id && p.cells.HT.allowed)) continue;
    await handOutTermGrade({ teacher, admin, rektor }, g.id, facts.elsa.id, 'B');
    const schoolYear = (await admin.get<{ schoolYear: string }>(`/api/national-tests?groupId=${g.id}&subjectCode=MA&gradeYear=9`)).schoolYear;
    await admin.put(`/api/national-tests/${facts.elsa.id}`, { subjectCode: 'MA', gradeYear: 9, schoolYear, testGrade: 'C', version: null });
    break;
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  copy?.remove();
});

describe('a school day: reported, confirmed, valid; unreported, invalid, mailed; leave; grades at home', () => {
  let guardianPage: Page;
  const name = (p: Person) => `${p.given_name} ${p.family_name}`;

  it("the guardian logs in with e-ID and reports Elsa sick for the whole day", async () => {
    guardianPage = await newPage(browser, server.baseUrl);
    await loginWithEid(guardianPage, eid, server.baseUrl, facts.guardian.civic_no);
    const page = guardianPage;
    await page.getByTestId('start-report-absence').click();
    await page.getByRole('heading', { level: 1, name: 'Anmäl frånvaro' }).waitFor();
    await pickChild(page, facts.elsa.given_name);
    await page.getByTestId('when-today').check();
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-saved').textContent()).toBe(`Frånvaron är anmäld: ${facts.day}.`);
    expect(await page.getByTestId('reports-table').locator('tbody tr').first().textContent()).toContain(`${name(facts.guardian)} (vårdnadshavare)`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-day-guardian-reports');
  }, 90_000);

  it('the teacher sees the report on the lesson and confirms it; the unreported classmate is registered absent', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, facts.lesson.teacher);
    await page.goto(`/narvaro/lektion/${facts.lesson.id}`);
    await page.getByTestId('rollcall-table').waitFor();
    expect(await page.getByTestId(`rollcall-advance-${facts.elsa.id}`).textContent()).toContain('Anmäld frånvaro');
    const state = (p: Person) => page.getByTestId(`rollcall-state-${p.id}`).textContent();
    await page.getByTestId(`rollcall-confirm-${facts.elsa.id}`).click();
    await expect.poll(() => state(facts.elsa)).toContain('Sparat');
    await page.getByTestId(`rollcall-absent-${facts.classmate.id}`).click();
    await expect.poll(() => state(facts.classmate)).toContain('Sparat');
    // read back: the split follows from the facts
    await page.reload();
    await page.getByTestId('rollcall-table').waitFor();
    expect(await state(facts.elsa)).toContain('Giltig');
    expect(await state(facts.classmate)).toContain('Ogiltig');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-day-roll-call');
    await page.context().close();
  }, 90_000);

  it("the classmate's guardians get the e-mail the same day; Elsa's guardian gets none", async () => {
    const mail = await smtp.waitFor(facts.classmateGuardianEmails.length, 45_000);
    expect(mail.flatMap((m) => m.to).sort()).toEqual([...facts.classmateGuardianEmails].sort());
    for (const m of mail) {
      expect(m.subject).toContain('Frånvaro utan anmälan');
      expect(m.text).toContain(facts.classmate.given_name);
      expect(m.text).toContain(facts.day);
      expect(m.text).not.toContain(facts.elsa.given_name);
    }
  }, 60_000);

  it("the mentor of 9A sees Elsa's absence as valid, reported by the guardian", async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'mentor');
    await page.goto(`/elever/${facts.elsa.id}/franvaro`);
    const row = page.getByTestId('pupil-absence-deviations').locator('tbody tr').filter({ hasText: facts.day }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Giltig');
    expect(await row.textContent()).toContain('Anmäld av vårdnadshavare');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-day-mentor');
    await page.context().close();
  }, 90_000);

  it("the guardian applies for leave, the principal's delegate grants it, the guardian sees Beviljad", async () => {
    const [from, to] = [addDays(facts.day, 14), addDays(facts.day, 16)];
    const page = guardianPage;
    await page.goto('/ledighet');
    await page.getByRole('heading', { level: 1, name: 'Ledighet' }).waitFor();
    await pickChild(page, facts.elsa.given_name);
    await page.getByTestId('leave-from').fill(from);
    await page.getByTestId('leave-to').fill(to);
    await page.getByTestId('leave-reason').fill('Besök hos släkten');
    await page.getByTestId('leave-submit').click();
    await page.getByTestId('leave-sent').waitFor();

    const delegate = await newPage(browser, server.baseUrl);
    await login(delegate, 'admin');
    await delegate.getByTestId('nav-leave-decisions').click();
    const row = delegate.getByTestId('leave-queue').locator('tbody tr').filter({ hasText: 'Besök hos släkten' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Elsa');
    await row.getByTestId('grant-leave').click();
    await expect.poll(() => delegate.getByTestId('decision-message').textContent()).toMatch(/^Ledigheten för Elsa .+ är beviljad\.$/);
    await delegate.context().close();

    await page.reload();
    await expect.poll(() => page.getByTestId('leave-status').first().textContent()).toBe('Beviljad');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-day-leave-granted');
  }, 90_000);

  it("the guardian sees Elsa's handed-out grade and national test result", async () => {
    const page = guardianPage;
    await page.goto('/');
    await page.getByTestId('children-table').getByRole('link', { name: name(facts.elsa) }).click();
    await page.getByRole('heading', { level: 1, name: name(facts.elsa) }).waitFor();
    expect(await page.getByTestId('portal-grades-list').getByRole('row', { name: /Matematik/ }).textContent()).toContain('B');
    expect(await page.getByTestId('portal-national-tests-list').getByRole('row', { name: /Matematik, åk 9/ }).getByTestId('test-result-value').textContent()).toBe('C');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'absence-day-guardian-child');
  }, 90_000);
});
