import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/domain/timetable/calendar.js';
import { attendanceService } from '../../src/server/attendance/service.js';
import type { Actor } from '../../src/server/platform/access/actor.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { schoolDayClock, schoolDayNear } from '../support/school-day.js';

const day = schoolDayNear();
let t: TestApp;
let larare: Client;
let admin: Client;
let ip = 0;
let lesson: { id: string; groupId: string; date: string };
let pupils: { id: string; givenName: string; familyName: string }[];

const login = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.77.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role && c.body.current.role !== role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const deviations = (lessonId: string) => rows<{ pupil_id: string; kind: string; minutes: number; valid: boolean; absence_report_id: string | null }>(t.database.db,
  sql`select pupil_id, kind, minutes, valid, absence_report_id from attendance_deviation where lesson_id = ${lessonId} order by pupil_id`);
const rollCall = (lessonId: string) => one<{ version: number }>(t.database.db, sql`select version from roll_call where lesson_id = ${lessonId}`);
const put = (c: Client, lessonId: string, pupilId: string, body: unknown) => c.request('PUT', `/api/attendance/lessons/${lessonId}/pupils/${pupilId}`, body);

beforeAll(async () => {
  t = await startTestApp({ clock: schoolDayClock(day) });
  larare = await login('larare', 'teacher', 'Björkskolan');
  admin = await login('admin');
  const list = await larare.request('GET', '/api/attendance/lessons');
  expect(list.statusCode).toBe(200);
  expect(list.json().date).toBe(day);
  const open = list.json().lessons.filter((l: any) => !l.cancelled && !l.reported);
  expect(open.length).toBeGreaterThan(1);
  lesson = open[0];
  pupils = (await larare.request('GET', `/api/attendance/lessons/${lesson.id}`)).json().pupils;
}, 120_000);
afterAll(async () => { await t?.close(); });

describe("the teacher's lessons of a day", () => {
  it("lists today's lessons of the groups the teacher teaches, in order of time, with the day picker's school days", async () => {
    const body = (await larare.request('GET', '/api/attendance/lessons')).json();
    expect(body.today).toBe(day);
    const times = body.lessons.map((l: any) => l.startTime);
    expect(times).toEqual([...times].sort());
    expect(body.lessons.every((l: any) => l.groupName.endsWith(' MA'))).toBe(true);
    expect(body.previousSchoolDay < day && day < body.nextSchoolDay).toBe(true);
  });
  it('a past day shows its lessons as the demo reported them', async () => {
    const past = (await larare.request('GET', `/api/attendance/lessons?date=${addDays(day, -7)}`)).json();
    expect(past.lessons.length).toBeGreaterThan(0);
  });
  it('a malformed date is refused', async () => {
    expect((await larare.request('GET', '/api/attendance/lessons?date=2026-02-30')).statusCode).toBe(400);
  });
});

describe('one lesson: the group on the day, what is stored and what was reported in advance', () => {
  it('lists the members in Swedish order, all present before the roll call', async () => {
    const body = (await larare.request('GET', `/api/attendance/lessons/${lesson.id}`)).json();
    expect(body.lesson).toMatchObject({ id: lesson.id, reported: false, problem: null });
    expect(body.pupils.length).toBeGreaterThan(10);
    expect(body.pupils.every((p: any) => p.status === 'present')).toBe(true);
    const names = body.pupils.map((p: any) => `${p.familyName} ${p.givenName}`);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv', { numeric: true }).compare));
  });
});

describe('saving one pupil at a time', () => {
  let reportId: string;
  beforeAll(async () => {
    // a guardian of the first pupil reports the whole day
    const guardian = (await one<{ guardian_id: string }>(t.database.db, sql`select guardian_id from guardianship where child_id = ${pupils[0].id} limit 1`))!.guardian_id;
    reportId = randomUUID();
    await t.database.db.execute(sql`insert into absence_report (organiser_id, id, pupil_id, reported_by, reporter_role, from_date, to_date)
      values (${t.organiserId}, ${reportId}, ${pupils[0].id}, ${guardian}, 'guardian', ${day}, ${day})`);
  });

  it('shows the absence a guardian reported on the row', async () => {
    const body = (await larare.request('GET', `/api/attendance/lessons/${lesson.id}`)).json();
    expect(body.pupils.find((p: any) => p.id === pupils[0].id).advance).toMatchObject({ kind: 'report', id: reportId });
  });
  it('confirming a guardian-reported absence stores it VALID with the report, and marks the lesson reported', async () => {
    const res = await put(larare, lesson.id, pupils[0].id, { status: 'absent' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: pupils[0].id, status: 'absent', valid: true, advance: { kind: 'report' } });
    const [d] = await deviations(lesson.id);
    expect(d).toMatchObject({ kind: 'absent', valid: true, absence_report_id: reportId });
    expect(await rollCall(lesson.id)).toBeTruthy();
  });
  it('an unreported absence is invalid, the whole lesson in minutes', async () => {
    const res = await put(larare, lesson.id, pupils[1].id, { status: 'absent' });
    expect(res.json()).toMatchObject({ status: 'absent', valid: false, minutes: expect.any(Number) });
    const d = (await deviations(lesson.id)).find((x) => x.pupil_id === pupils[1].id)!;
    expect(d).toMatchObject({ kind: 'absent', valid: false, absence_report_id: null });
  });
  it('late arrival is invalid with the minutes given; left early likewise', async () => {
    expect((await put(larare, lesson.id, pupils[2].id, { status: 'late', minutes: 10 })).json()).toMatchObject({ status: 'late', minutes: 10, valid: false });
    expect((await put(larare, lesson.id, pupils[3].id, { status: 'left_early', minutes: 15 })).json()).toMatchObject({ status: 'left_early', minutes: 15, valid: false });
    const d = (await deviations(lesson.id)).find((x) => x.pupil_id === pupils[2].id)!;
    expect(d).toMatchObject({ kind: 'late', minutes: 10, valid: false });
  });
  it('late without minutes, or more minutes than the lesson has, is refused and changes nothing', async () => {
    const before = await deviations(lesson.id);
    expect((await put(larare, lesson.id, pupils[2].id, { status: 'late' })).statusCode).toBe(400);
    expect((await put(larare, lesson.id, pupils[2].id, { status: 'late', minutes: 500 })).statusCode).toBe(400);
    expect(await deviations(lesson.id)).toEqual(before);
  });
  it('setting a pupil present again removes the deviation (only deviations are stored)', async () => {
    await put(larare, lesson.id, pupils[3].id, { status: 'present' });
    expect((await deviations(lesson.id)).some((x) => x.pupil_id === pupils[3].id)).toBe(false);
  });
  it('every save is audited with the pupil, the group and the unit', async () => {
    const audited = await rows<{ details: any }>(t.database.db, sql`select details from audit_event where action = 'attendance.registered' and entity_id = ${lesson.id}`);
    expect(audited.length).toBeGreaterThanOrEqual(5);
    expect(audited[0].details).toMatchObject({ personId: pupils[0].id, groupId: lesson.groupId, unitId: expect.any(String) });
  });
  it('the unit administrator may correct the lesson', async () => {
    expect((await put(admin, lesson.id, pupils[4].id, { status: 'late', minutes: 5 })).statusCode).toBe(200);
    expect((await put(admin, lesson.id, pupils[4].id, { status: 'present' })).statusCode).toBe(200);
  });
  it('the lesson page shows what was saved after a reload', async () => {
    const body = (await larare.request('GET', `/api/attendance/lessons/${lesson.id}`)).json();
    const byId = new Map(body.pupils.map((p: any) => [p.id, p]));
    expect(byId.get(pupils[0].id)).toMatchObject({ status: 'absent', valid: true });
    expect(byId.get(pupils[2].id)).toMatchObject({ status: 'late', minutes: 10 });
    expect(body.lesson.reported).toBe(true);
  });
});

describe('marking everyone else present', () => {
  it('completes a lesson without storing a row per present pupil', async () => {
    const list = (await larare.request('GET', '/api/attendance/lessons')).json();
    const other = list.lessons.find((l: any) => l.id !== lesson.id && !l.reported && !l.cancelled);
    const res = await larare.request('POST', `/api/attendance/lessons/${other.id}/complete`);
    expect(res.statusCode).toBe(200);
    expect(await rollCall(other.id)).toBeTruthy();
    expect(await deviations(other.id)).toEqual([]);
  });
});

describe('refusals change nothing', () => {
  it("another teacher's group is not found (404)", async () => {
    const mentor = await login('mentor');
    const before = await deviations(lesson.id);
    expect((await mentor.request('GET', `/api/attendance/lessons/${lesson.id}`)).statusCode).toBe(404);
    expect((await put(mentor, lesson.id, pupils[5].id, { status: 'absent' })).statusCode).toBe(404);
    expect((await mentor.request('POST', `/api/attendance/lessons/${lesson.id}/complete`)).statusCode).toBe(404);
    expect(await deviations(lesson.id)).toEqual(before);
  });
  it('a weaker role is refused (403)', async () => {
    for (const username of ['elev', 'vardnadshavare', 'rektor']) {
      const c = await login(username);
      expect((await put(c, lesson.id, pupils[5].id, { status: 'absent' })).statusCode).toBe(403);
    }
    expect((await deviations(lesson.id)).some((x) => x.pupil_id === pupils[5].id)).toBe(false);
  });
  it('a pupil who is not in the group on that day is not found', async () => {
    const elev = (await one<{ person_id: string }>(t.database.db, sql`select e.person_id from enrolment e
      where e.person_id not in (select person_id from group_membership where group_id = ${lesson.groupId}) limit 1`))!.person_id;
    expect((await put(larare, lesson.id, elev, { status: 'absent' })).statusCode).toBe(404);
  });
  it('a future day is refused (409) and nothing is stored', async () => {
    const future = await one<{ id: string }>(t.database.db, sql`select l.id from lesson l where l.group_id = ${lesson.groupId} and l.lesson_date > ${day}::date order by l.lesson_date limit 1`);
    expect((await put(larare, future!.id, pupils[5].id, { status: 'absent' })).json().error.code).toBe('lesson_future');
    expect((await larare.request('POST', `/api/attendance/lessons/${future!.id}/complete`)).statusCode).toBe(409);
    expect(await deviations(future!.id)).toEqual([]);
    expect(await rollCall(future!.id)).toBeUndefined();
  });
  it('a cancelled lesson refuses registration (409); a reported lesson cannot be cancelled', async () => {
    const list = (await larare.request('GET', '/api/attendance/lessons')).json();
    const open = list.lessons.find((l: any) => !l.reported && !l.cancelled);
    const target = open ?? (await one<{ id: string }>(t.database.db, sql`select l.id from lesson l where l.group_id = ${lesson.groupId} and l.lesson_date < ${day}::date
      and not exists (select 1 from roll_call r where r.lesson_id = l.id) limit 1`));
    expect((await admin.request('POST', `/api/timetable/lessons/${lesson.id}/cancel`, { reason: 'Studiedag' })).statusCode).toBe(409);
    if (target) {
      expect((await admin.request('POST', `/api/timetable/lessons/${target.id}/cancel`, { reason: 'Studiedag' })).statusCode).toBe(200);
      const res = await put(larare, target.id, pupils[5].id, { status: 'absent' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('lesson_cancelled');
      expect(await deviations(target.id)).toEqual([]);
      expect((await admin.request('POST', `/api/timetable/lessons/${target.id}/uncancel`)).statusCode).toBe(200);
    }
  });
});

describe('the same-day notice request', () => {
  it('is written by the save for an invalid absence or late arrival, never for a valid absence; the worker is told after commit', async () => {
    const kicks = vi.fn();
    const service = attendanceService(t.database.db, { afterInvalidAbsence: kicks });
    const person = larare.body.person.id as string;
    const actor: Actor = { organiserId: t.organiserId, personId: person, role: 'teacher', unitId: larare.body.current.unitId, today: day, ip: null, name: 'Lärare' };
    const requested = async () => (await rows<{ pupil_id: string }>(t.database.db, sql`select pupil_id from notice_request
      where day = ${day}::date and pupil_id in (${sql.join(pupils.slice(0, 9).map((p) => sql`${p.id}::uuid`), sql`, `)}) order by pupil_id`)).map((r) => r.pupil_id);
    await t.database.db.execute(sql`delete from notice_request`);
    await service.save(actor, lesson.id, pupils[0].id, { status: 'absent' }); // reported by the guardian: valid
    expect(kicks).not.toHaveBeenCalled();
    expect(await requested()).toEqual([]);
    await service.save(actor, lesson.id, pupils[6].id, { status: 'absent' });
    await service.save(actor, lesson.id, pupils[7].id, { status: 'late', minutes: 7 });
    await service.save(actor, lesson.id, pupils[8].id, { status: 'left_early', minutes: 7 });
    expect(await requested()).toEqual([pupils[6].id, pupils[7].id].sort());
    expect(kicks).toHaveBeenCalledTimes(2);
  });

  it('the guardians get the notice soon after the roll call: the worker works off the request', async () => {
    const pupil = pupils[9];
    const res = await larare.request('PUT', `/api/attendance/lessons/${lesson.id}/pupils/${pupil.id}`, { status: 'absent' });
    expect(res.statusCode).toBe(200);
    const notices = async () => (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from notice where pupil_id = ${pupil.id} and day = ${day}::date`))!.n;
    await expect.poll(notices, { timeout: 5_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from notice_request where pupil_id = ${pupil.id}`))!.n).toBe(0);
  });
});
