import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { schoolWeekday, settableClock } from '../support/school-day.js';

const clock = settableClock();
let t: TestApp;
let ip = 0;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.71.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const db = () => t.database.db;
const resultCount = async () => (await one<{ n: number }>(db(), sql`select count(*)::int as n from national_test_result`))!.n;

let schoolYear: string;
let maGroup: { id: string; pupils: string[] };
let otherUnitPupil: string;
let olle: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  clock.set(await schoolWeekday(t.database));
  schoolYear = (await one<{ y: string }>(db(), sql`select school_year as y from term where start_date <= ${clock.today}::date order by start_date desc limit 1`))!.y;
  // larare's year-9 mathematics group at Björkskolan, and its pupils today
  const g = (await one<{ id: string }>(db(), sql`select g.id from student_group g
    join school_unit u on u.id = g.school_unit_id and u.name = 'Björkskolan'
    join group_staff gs on gs.group_id = g.id join account a on a.person_id = gs.person_id and a.username = 'larare'
   where g.subject_code = 'MA' and g.group_type = 'teaching' and g.name like '%9%' and gs.start_date <= ${clock.today}::date
     and (gs.end_date is null or gs.end_date >= ${clock.today}::date) order by g.name limit 1`))!;
  const pupils = (await rows<{ id: string }>(db(), sql`select person_id as id from group_membership where group_id = ${g.id}
    and start_date <= ${clock.today}::date and (end_date is null or end_date >= ${clock.today}::date) order by person_id`)).map((r) => r.id);
  maGroup = { id: g.id, pupils };
  otherUnitPupil = (await one<{ id: string }>(db(), sql`select e.person_id as id from enrolment e join school_unit u on u.id = e.school_unit_id
    and u.name = 'Eksätraskolan' where e.end_date is null order by e.person_id limit 1`))!.id;
  olle = (await one<{ id: string }>(db(), sql`select g.child_id as id from guardianship g join account a on a.person_id = g.guardian_id
    and a.username = 'vardnadshavare' join enrolment e on e.person_id = g.child_id join school_unit u on u.id = e.school_unit_id and u.name = 'Björkskolan' limit 1`))!.id;
}, 60_000);
afterAll(async () => { await t?.close(); });

const put = (c: Client, pupilId: string, body: Record<string, unknown>) =>
  c.request('PUT', `/api/national-tests/${pupilId}`, { subjectCode: 'MA', gradeYear: 9, schoolYear, ...body });

describe('registering national test results', () => {
  it('a teacher of the group sees its pupils and registers a test grade, saved at once, audited with the pupil', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const grid = await larare.get(`/api/national-tests?groupId=${maGroup.id}&subjectCode=MA&gradeYear=9`);
    expect(grid.statusCode).toBe(200);
    expect(grid.json().schoolYear).toBe(schoolYear);
    expect(grid.json().pupils.map((p: any) => p.id).sort()).toEqual(maGroup.pupils);
    const pupil = maGroup.pupils[0];
    const saved = await put(larare, pupil, { testGrade: 'C', version: null });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().result).toMatchObject({ testGrade: 'C', notParticipated: false, version: 1, finished: true });
    const audited = await one<{ details: any }>(db(), sql`select details from audit_event where action = 'national_test.registered' order by occurred_at desc limit 1`);
    expect(audited?.details).toMatchObject({ personId: pupil, subjectCode: 'MA', gradeYear: 9, schoolYear });
    const again = await larare.get(`/api/national-tests?groupId=${maGroup.id}&subjectCode=MA&gradeYear=9`);
    expect(again.json().pupils.find((p: any) => p.id === pupil).result.testGrade).toBe('C');
  });

  it('a stale version is refused with the current result (409); the right version changes it', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const pupil = maGroup.pupils[1];
    expect((await put(larare, pupil, { testGrade: 'B', version: null })).statusCode).toBe(200);
    const stale = await put(larare, pupil, { testGrade: 'A', version: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.testGrade).toBe('B');
    const ok = await put(larare, pupil, { notParticipated: true, version: 1 });
    expect(ok.json().result).toMatchObject({ testGrade: null, notParticipated: true, version: 2 });
  });

  it('an empty result removes what was registered (audited)', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const pupil = maGroup.pupils[2];
    await put(larare, pupil, { testGrade: 'E', version: null });
    const removed = await put(larare, pupil, { testGrade: null, version: 1 });
    expect(removed.json()).toEqual({ pupilId: pupil, result: null });
    expect(await one(db(), sql`select 1 from audit_event where action = 'national_test.removed' and details->>'personId' = ${pupil}`)).toBeDefined();
  });

  it('the unit\'s administrator registers on behalf of the teacher', async () => {
    const admin = await as('admin');
    expect((await put(admin, olle, { testGrade: 'A', version: null })).statusCode).toBe(200);
  });

  it('refuses a grade in year 3, a subject without a test that year, and sub-tests outside year 3 (422); nothing changes', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const before = await resultCount();
    const pupil = maGroup.pupils[3];
    const year3 = await put(larare, pupil, { gradeYear: 3, testGrade: 'C' });
    expect([year3.statusCode, year3.json().error.code]).toEqual([422, 'grade_in_year_3']);
    const noTest = await put(larare, pupil, { gradeYear: 6, subjectCode: 'BI', testGrade: 'C' });
    expect([noTest.statusCode, noTest.json().error.code]).toEqual([422, 'no_test']);
    expect((await put(larare, pupil, { subTests: { A: 'met' } })).statusCode).toBe(422);
    expect((await put(larare, pupil, { schoolYear: '2999/3000', testGrade: 'C' })).statusCode).toBe(422);
    expect((await put(larare, pupil, { schoolYear: 'last year', testGrade: 'C' })).statusCode).toBe(422);
    expect(await resultCount()).toBe(before);
  });

  it('a pupil takes one of Swedish and Swedish as a second language (409 once the other is registered)', async () => {
    const admin = await as('admin');
    const pupil = maGroup.pupils[4];
    expect((await put(admin, pupil, { subjectCode: 'SV', testGrade: 'D' })).statusCode).toBe(200);
    const other = await put(admin, pupil, { subjectCode: 'SVA', testGrade: 'D' });
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'other_choice_registered']);
  });

  it('another unit\'s pupil is not found (404), for the teacher and the administrator; nothing changes', async () => {
    const before = await resultCount();
    const larare = await as('larare', 'teacher', 'Björkskolan');
    expect((await put(larare, otherUnitPupil, { testGrade: 'C' })).statusCode).toBe(404);
    const admin = await as('admin');
    expect((await put(admin, otherUnitPupil, { testGrade: 'C' })).statusCode).toBe(404);
    const otherGroup = (await one<{ id: string }>(db(), sql`select g.id from student_group g join school_unit u on u.id = g.school_unit_id
      and u.name = 'Eksätraskolan' where g.group_type = 'class' limit 1`))!.id;
    expect((await admin.get(`/api/national-tests?groupId=${otherGroup}&subjectCode=MA&gradeYear=9`)).statusCode).toBe(404);
    expect(await resultCount()).toBe(before);
  });

  it('a teacher who does not teach the pupil gets 404; a guardian and a pupil are refused (403)', async () => {
    const before = await resultCount();
    const larare2 = await as('larare2');
    const notTheirs = (await one<{ id: string }>(db(), sql`select m.person_id as id from group_membership m where m.group_id = ${maGroup.id}
      and not exists (select 1 from group_membership x join group_staff gs on gs.group_id = x.group_id
        join account a on a.person_id = gs.person_id and a.username = 'larare2' where x.person_id = m.person_id) limit 1`))!.id;
    expect((await put(larare2, notTheirs, { testGrade: 'C' })).statusCode).toBe(404);
    const guardian = await as('vardnadshavare');
    expect((await put(guardian, olle, { testGrade: 'A', version: 1 })).statusCode).toBe(403);
    const elev = await as('elev');
    expect((await put(elev, elev.body.person.id, { testGrade: 'A' })).statusCode).toBe(403);
    expect((await elev.get(`/api/national-tests?groupId=${maGroup.id}&subjectCode=MA&gradeYear=9`)).statusCode).toBe(403);
    expect(await resultCount()).toBe(before);
  });
});

describe('national test results at home', () => {
  it('the guardian sees the child\'s finished results; another family\'s guardian gets 404', async () => {
    const guardian = await as('vardnadshavare');
    const res = await guardian.get(`/api/pupils/${olle}/national-tests`);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([expect.objectContaining({ subject: { code: 'MA', name: 'Matematik' }, gradeYear: 9, schoolYear, testGrade: 'A' })]);
    const other = await as('personal');
    await other.switchTo('guardian');
    expect((await other.get(`/api/pupils/${olle}/national-tests`)).statusCode).toBe(404);
  });

  it('a half-registered year-3 result is never shown at home; once every sub-test is in, it is', async () => {
    const admin = await as('admin');
    const partial = await put(admin, olle, { gradeYear: 3, schoolYear: '2020/2021', subTests: { A: 'met', B: 'not_met' } });
    expect(partial.json().result.finished).toBe(false);
    const guardian = await as('vardnadshavare');
    const seen = async () => (await guardian.get(`/api/pupils/${olle}/national-tests`)).json().results.map((r: any) => r.gradeYear);
    expect(await seen()).toEqual([9]);
    // staff see what is registered so far
    expect((await admin.get(`/api/pupils/${olle}/national-tests`)).json().results.map((r: any) => r.finished)).toContain(false);
    const all = Object.fromEntries('ABCDEFG'.split('').map((c) => [c, c === 'C' ? 'absent' : 'met']));
    expect((await put(admin, olle, { gradeYear: 3, schoolYear: '2020/2021', subTests: all, version: 1 })).json().result.finished).toBe(true);
    expect(await seen()).toEqual([9, 3]);
    const year3 = (await guardian.get(`/api/pupils/${olle}/national-tests`)).json().results[1];
    expect(year3.testGrade).toBeNull();
    expect(year3.subTests[2]).toEqual({ code: 'C', outcome: 'absent' });
  });

  it('a pupil sees their own results and not a classmate\'s (404)', async () => {
    const elev = await as('elev');
    expect((await elev.get(`/api/pupils/${elev.body.person.id}/national-tests`)).statusCode).toBe(200);
    expect((await elev.get(`/api/pupils/${olle}/national-tests`)).statusCode).toBe(404);
  });
});
