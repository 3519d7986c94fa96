import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekday } from '../../src/domain/timetable/calendar.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { schoolDayClock, schoolDayNear } from '../support/school-day.js';

const day = schoolDayNear();
let t: TestApp;
let admin: Client;
let ip = 0;
let group: { id: string; name: string };
let termId: string;

const login = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.78.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role && c.body.current.role !== role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const lessonsOfSlot = (slotId: string) => rows<{ lesson_date: string }>(t.database.db, sql`select lesson_date::text from lesson where slot_id = ${slotId} order by lesson_date`);

beforeAll(async () => {
  t = await startTestApp({ clock: schoolDayClock(day) });
  admin = await login('admin');
  const groups = await admin.request('GET', '/api/timetable/groups');
  expect(groups.statusCode).toBe(200);
  termId = groups.json().term.id;
  group = groups.json().groups.find((g: any) => g.name === '9A MA');
}, 120_000);
afterAll(async () => { await t?.close(); });

describe("the unit's timetable", () => {
  it("lists the unit's teaching groups with their weekly slots in the current term", async () => {
    const body = (await admin.request('GET', '/api/timetable/groups')).json();
    expect(body.term.startDate <= day && day <= body.term.endDate).toBe(true);
    expect(body.groups.length).toBeGreaterThan(50);
    expect(body.groups.every((g: any) => g.slots > 0)).toBe(true);
  });
  it("shows a group's slots and the term's lessons", async () => {
    const body = (await admin.request('GET', `/api/timetable/groups/${group.id}`)).json();
    expect(body.slots.length).toBe(3);
    expect(body.lessons.length).toBeGreaterThan(40);
    expect(body.lessons.every((l: any) => isoWeekday(l.date) <= 5)).toBe(true);
  });
});

describe('adding and removing a weekly slot', () => {
  let slotId: string;
  it('generates the lessons of the slot from today to the end of the term, audited', async () => {
    const res = await admin.request('POST', `/api/timetable/groups/${group.id}/slots`, { termId, weekday: 5, startTime: '15:40', endTime: '16:30', room: 'B203' });
    expect(res.statusCode).toBe(200);
    const slot = res.json().slots.find((s: any) => s.startTime === '15:40');
    slotId = slot.id;
    const dates = (await lessonsOfSlot(slotId)).map((l) => l.lesson_date);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= day && isoWeekday(d) === 5)).toBe(true);
    const audit = await one<{ details: any }>(t.database.db, sql`select details from audit_event where action = 'lesson_slot.created' and entity_id = ${slotId}`);
    expect(audit!.details).toMatchObject({ groupId: group.id, unitId: expect.any(String), lessons: dates.length });
  });
  it('refuses a slot that overlaps another of the group (409) and bad times (400), changing nothing', async () => {
    const before = (await admin.request('GET', `/api/timetable/groups/${group.id}`)).json().slots.length;
    expect((await admin.request('POST', `/api/timetable/groups/${group.id}/slots`, { termId, weekday: 5, startTime: '16:00', endTime: '16:45' })).statusCode).toBe(409);
    expect((await admin.request('POST', `/api/timetable/groups/${group.id}/slots`, { termId, weekday: 2, startTime: '10:00', endTime: '09:00' })).statusCode).toBe(400);
    expect((await admin.request('POST', `/api/timetable/groups/${group.id}/slots`, { termId, weekday: 6, startTime: '10:00', endTime: '11:00' })).statusCode).toBe(400);
    expect((await admin.request('GET', `/api/timetable/groups/${group.id}`)).json().slots.length).toBe(before);
  });
  it('removing a slot removes its lessons from today on, but never a lesson whose roll call was taken', async () => {
    const [first] = await lessonsOfSlot(slotId);
    const lesson = (await one<{ id: string }>(t.database.db, sql`select id from lesson where slot_id = ${slotId} and lesson_date = ${first.lesson_date}::date`))!;
    // the roll call of the first lesson taken (as if the day had come)
    await t.database.db.execute(sql`insert into roll_call (organiser_id, lesson_id, reported_by) select organiser_id, id,
      (select person_id from account where username = 'admin') from lesson where id = ${lesson.id}`);
    const res = await admin.request('DELETE', `/api/timetable/slots/${slotId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().slots.some((s: any) => s.id === slotId)).toBe(false);
    const left = await rows<{ id: string; slot_id: string | null }>(t.database.db, sql`select id, slot_id from lesson where id = ${lesson.id} or slot_id = ${slotId}`);
    expect(left).toEqual([{ id: lesson.id, slot_id: null }]);
  });
});

describe('cancelling a lesson', () => {
  it('cancels with a reason and takes it back, audited', async () => {
    const lesson = (await admin.request('GET', `/api/timetable/groups/${group.id}`)).json().lessons.find((l: any) => l.date > day && !l.reported);
    const res = await admin.request('POST', `/api/timetable/lessons/${lesson.id}/cancel`, { reason: 'Studiedag' });
    expect(res.json()).toEqual({ id: lesson.id, cancelled: true, cancelReason: 'Studiedag' });
    expect((await admin.request('POST', `/api/timetable/lessons/${lesson.id}/cancel`, { reason: '  ' })).statusCode).toBe(400);
    expect((await admin.request('POST', `/api/timetable/lessons/${lesson.id}/uncancel`)).json().cancelled).toBe(false);
    const audited = await rows(t.database.db, sql`select action from audit_event where entity_id = ${lesson.id} order by occurred_at`);
    expect(audited.map((a: any) => a.action)).toEqual(['lesson.cancelled', 'lesson.uncancelled']);
  });
});

describe('refusals change nothing', () => {
  it('a teacher may not administer the timetable (403)', async () => {
    const larare = await login('larare', 'teacher', 'Björkskolan');
    expect((await larare.request('GET', '/api/timetable/groups')).statusCode).toBe(403);
    expect((await larare.request('POST', `/api/timetable/groups/${group.id}/slots`, { termId, weekday: 1, startTime: '16:00', endTime: '16:45' })).statusCode).toBe(403);
  });
  it("another unit's administrator does not find the group (404)", async () => {
    const person = randomUUID();
    await t.database.db.execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${person}, 'Annan', 'Administratör')`);
    await t.database.db.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, start_date)
      select ${t.organiserId}, ${randomUUID()}, ${person}, id, 'administrator', '2000-01-01' from school_unit where name = 'Eksätraskolan'`);
    await t.database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
      values (${t.organiserId}, ${randomUUID()}, ${person}, 'schema_annan', ${await hashPassword('demo')})`);
    const c = await login('schema_annan');
    expect((await c.request('GET', `/api/timetable/groups/${group.id}`)).statusCode).toBe(404);
    expect((await c.request('POST', `/api/timetable/groups/${group.id}/slots`, { termId, weekday: 1, startTime: '16:00', endTime: '16:45' })).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/timetable/groups/${group.id}`)).json().slots.length).toBe(3);
  });
});
