// SS 12000 attendance: roll calls taken in Lärka appear as attendances; a client with write permission
// registers and removes them through the teacher's own roll-call rules; guardian reports and granted leave
// are absences; aggregated attendance sums the minutes. Every answer is checked against the official file.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { schoolDayClock, schoolDayNear } from '../support/school-day.js';
import { ss12000Client, ss12000Token, apiClientWith } from '../support/ss12000.js';

const day = schoolDayNear();
let t: TestApp;
let larare: Client;
let lesson: { id: string; groupId: string; minutes: number; unitId: string };
let pupils: { id: string }[];
let teacherId: string;
let api: ReturnType<typeof ss12000Client>;

const addClient = (clientId: string, grant: { units?: string[]; resources: string[]; write?: boolean }) => apiClientWith(t, clientId, grant);
const ALL = ['attendances', 'attendanceEvents', 'attendanceSchedules', 'absences', 'aggregatedAttendance'];
const rollCallRow = async (pupilId: string) => (await larare.request('GET', `/api/attendance/lessons/${lesson.id}`)).json().pupils.find((p: any) => p.id === pupilId);

beforeAll(async () => {
  t = await startTestApp({ clock: schoolDayClock(day) });
  larare = new Client(t.app, '10.88.0.1');
  expect((await larare.login('larare')).statusCode).toBe(200);
  if (larare.body.current.role !== 'teacher') await larare.switchTo('teacher', 'Björkskolan');
  teacherId = larare.body.current?.personId ?? (await one<{ person_id: string }>(t.database.db, sql`select person_id from account where username = 'larare'`))!.person_id;
  const open = (await larare.request('GET', '/api/attendance/lessons')).json().lessons.filter((l: any) => !l.cancelled && !l.reported);
  const l = (await one<{ id: string; group_id: string; minutes: number; school_unit_id: string }>(t.database.db,
    sql`select id, group_id, minutes, school_unit_id from lesson where id = ${open[0].id}`))!;
  lesson = { id: l.id, groupId: l.group_id, minutes: l.minutes, unitId: l.school_unit_id };
  pupils = (await larare.request('GET', `/api/attendance/lessons/${lesson.id}`)).json().pupils;
  api = ss12000Client(t.app, await ss12000Token(t.app));
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('a roll call taken in Lärka appears as attendances', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    expect((await larare.request('PUT', `/api/attendance/lessons/${lesson.id}/pupils/${pupils[0].id}`, { status: 'absent' })).statusCode).toBe(200);
    expect((await larare.request('POST', `/api/attendance/lessons/${lesson.id}/complete`)).statusCode).toBe(200);
  });

  it('one attendance per member of the group: present the whole lesson, or absent with the minutes invalid', async () => {
    const res = await api.get(`/attendances?calendarEvent=${lesson.id}`);
    expect(res.statusCode).toBe(200);
    const data = res.json().data as any[];
    expect(data.map((a) => a.student.id).sort()).toEqual(pupils.map((p) => p.id).sort());
    ids = Object.fromEntries(data.map((a) => [a.student.id, a.id]));
    const absent = data.find((a) => a.student.id === pupils[0].id);
    expect(absent).toMatchObject({ isReported: true, calendarEvent: { id: lesson.id }, attendanceMinutes: 0, invalidAbsenceMinutes: lesson.minutes,
      validAbsenceMinutes: 0, absenceReason: 'Frånvaro', reporter: { id: teacherId } });
    expect(data.find((a) => a.student.id === pupils[1].id)).toMatchObject({ attendanceMinutes: lesson.minutes, invalidAbsenceMinutes: 0 });
  });

  it('by id, by lookup (calendar events, students) and with names', async () => {
    const one = await api.get(`/attendances/${ids[pupils[0].id]}?expandReferenceNames=true`);
    expect(one.json()).toMatchObject({ id: ids[pupils[0].id], student: { displayName: expect.any(String) } });
    const looked = (await api.post('/attendances/lookup', { calendareEvents: [lesson.id], students: [pupils[0].id] })).json();
    expect(looked.length).toBeGreaterThanOrEqual(pupils.length);
    // without a body, as the standard defines (checked by the client)
    expect((await api.get('/attendances/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('the id stays when the status changes, and meta.modified.after finds the change', async () => {
    const before = new Date((await one<{ now: string }>(t.database.db, sql`select clock_timestamp()::text as now`))!.now).toISOString();
    await larare.request('PUT', `/api/attendance/lessons/${lesson.id}/pupils/${pupils[1].id}`, { status: 'late', minutes: 5 });
    // meta is kept per lesson (migration 0019): the attendances of that lesson, and only of it, are modified
    const changed = (await api.get(`/attendances?meta.modified.after=${encodeURIComponent(before)}`)).json().data;
    expect(changed.map((a: any) => a.calendarEvent.id)).toEqual(changed.map(() => lesson.id));
    const mine = changed.find((a: any) => a.id === ids[pupils[1].id]);
    expect(mine).toMatchObject({ invalidAbsenceMinutes: 5, attendanceMinutes: lesson.minutes - 5, absenceReason: 'Sen ankomst' });
  });

  it('a cancelled lesson\'s attendances are no longer served and count as deleted', async () => {
    const past = (await one<{ lesson_id: string }>(t.database.db, sql`select rc.lesson_id from roll_call rc join lesson l on l.id = rc.lesson_id
      where l.lesson_date < ${day}::date and l.cancelled_at is null order by l.lesson_date desc limit 1`))!;
    const served = (await api.get(`/attendances?calendarEvent=${past.lesson_id}`)).json().data;
    expect(served.length).toBeGreaterThan(0);
    await t.database.db.execute(sql`update lesson set cancelled_at = now(), cancel_reason = 'Studiedag' where id = ${past.lesson_id}`);
    expect((await api.get(`/attendances?calendarEvent=${past.lesson_id}`)).json().data).toEqual([]);
    const gone = await rows<{ entity_id: string }>(t.database.db, sql`select entity_id from ss12000_entity
      where entity_type = 'attendances' and deleted_at is not null and entity_id = any(${sql.param(served.map((a: any) => a.id))}::uuid[])`);
    expect(gone).toHaveLength(served.length);
  });

  it('pages with limit until no pageToken is given', async () => {
    const first = (await api.get('/attendances?limit=3')).json();
    expect(first.data).toHaveLength(3);
    const next = (await api.get(`/attendances?limit=3&pageToken=${encodeURIComponent(first.pageToken)}`)).json();
    // ordered by lesson and pupil: the next page goes on where the first ended, without repeating it
    const key = (a: any) => `${a.calendarEvent.id}|${a.student.id}`;
    expect(key(next.data[0]) > key(first.data[2])).toBe(true);
    expect(next.data.map((a: any) => a.id)).not.toContain(first.data[2].id);
  });

  it('a full page of 1000 attendances is served quickly (measured)', async () => {
    const unchecked = ss12000Client(t.app, await ss12000Token(t.app), { validate: false });
    await unchecked.get('/attendances?limit=10');
    const started = performance.now();
    const first = (await unchecked.get('/attendances?limit=1000')).json();
    const second = (await unchecked.get(`/attendances?limit=1000&pageToken=${encodeURIComponent(first.pageToken)}`)).json();
    const ms = performance.now() - started;
    expect(first.data.length + second.data.length).toBe(2000);
    console.info(`[measure] /attendances: 2000 in ${ms.toFixed(0)} ms = ${Math.round(2000 / (ms / 1000))} entities/s`);
  });
});

describe('writing attendance through the interface', () => {
  let writer: ReturnType<typeof ss12000Client>;
  beforeAll(async () => { writer = await addClient('attendance-writer', { resources: ALL, write: true }); });

  it('a client without write permission is refused with 403', async () => {
    const res = await api.post('/attendances', { calendarEvent: { id: lesson.id }, student: { id: pupils[2].id }, isReported: true });
    expect(res.statusCode).toBe(403);
    expect((await api.delete('/attendances/00000000-0000-4000-8000-000000000000')).statusCode).toBe(403);
  });

  it('a posted late arrival is the roll call of the teacher\'s page; DELETE sets the pupil present again', async () => {
    const res = await writer.post('/attendances', { calendarEvent: { id: lesson.id }, student: { id: pupils[2].id }, reporter: { id: teacherId },
      isReported: true, invalidAbsenceMinutes: 12 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ student: { id: pupils[2].id }, invalidAbsenceMinutes: 12, absenceReason: 'Sen ankomst' });
    expect(await rollCallRow(pupils[2].id)).toMatchObject({ status: 'late', minutes: 12, valid: false });
    const audited = await one<{ actor_person_id: string | null; details: any }>(t.database.db, sql`select actor_person_id, details from audit_event
      where action = 'attendance.registered' and details->>'apiClient' = 'attendance-writer' order by occurred_at desc limit 1`);
    expect(audited).toMatchObject({ actor_person_id: null, details: { personId: pupils[2].id, status: 'late' } });

    expect((await writer.delete(`/attendances/${res.json().id}`)).statusCode).toBe(204);
    expect(await rollCallRow(pupils[2].id)).toMatchObject({ status: 'present', minutes: null });
    expect((await writer.delete(`/attendances/${res.json().id}`)).statusCode).toBe(409);
    expect((await writer.delete('/attendances/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('the roll call\'s rules answer 400: no reporter, minutes beyond the lesson, a future day; an unknown lesson is 404', async () => {
    const base = { calendarEvent: { id: lesson.id }, student: { id: pupils[3].id }, reporter: { id: teacherId }, isReported: true };
    expect((await writer.post('/attendances', { ...base, reporter: undefined })).json().code).toBe('reporter_required');
    expect((await writer.post('/attendances', { ...base, invalidAbsenceMinutes: lesson.minutes + 1 })).statusCode).toBe(400);
    const future = (await one<{ id: string }>(t.database.db, sql`select id from lesson where group_id = ${lesson.groupId} and lesson_date > ${day}::date and cancelled_at is null order by lesson_date limit 1`))!;
    const res = await writer.post('/attendances', { ...base, calendarEvent: { id: future.id } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('lesson_future');
    expect((await writer.post('/attendances', { ...base, calendarEvent: { id: '00000000-0000-4000-8000-000000000000' } })).statusCode).toBe(404);
  });

  it('a client of another unit neither reads nor writes this unit\'s attendance', async () => {
    const other = (await one<{ id: string }>(t.database.db, sql`select id from school_unit where id <> ${lesson.unitId} limit 1`))!;
    const elsewhere = await addClient('other-unit-writer', { resources: ALL, write: true, units: [other.id] });
    expect((await elsewhere.get(`/attendances?calendarEvent=${lesson.id}`)).json().data).toEqual([]);
    expect((await elsewhere.post('/attendances/lookup', { calendareEvents: [lesson.id] })).json()).toEqual([]);
    const res = await elsewhere.post('/attendances', { calendarEvent: { id: lesson.id }, student: { id: pupils[3].id }, reporter: { id: teacherId }, isReported: true, attendanceMinutes: 0 });
    expect(res.statusCode).toBe(404);
    expect(await rollCallRow(pupils[3].id)).toMatchObject({ status: 'present' });
    const absentId = (await api.get(`/attendances?calendarEvent=${lesson.id}&student=${pupils[0].id}`)).json().data[0].id;
    expect((await elsewhere.delete(`/attendances/${absentId}`)).statusCode).toBe(404);
    expect(await rollCallRow(pupils[0].id)).toMatchObject({ status: 'absent' });
    const agg = (await elsewhere.get(`/aggregatedAttendance?startDate=${day}&endDate=${day}&student=${pupils[0].id}`)).json().data;
    expect(agg).toEqual([]);
    expect((await elsewhere.get(`/absences?student=${pupils[0].id}`)).json().data).toEqual([]);
  });
});

describe('absences and aggregated attendance', () => {
  it('a posted absence is a guardian\'s report in Lärka, registered for the guardian and audited with the client', async () => {
    const writer = await addClient('absence-writer', { resources: ALL, write: true });
    const guardian = (await one<{ guardian_id: string }>(t.database.db, sql`select guardian_id from guardianship where child_id = ${pupils[4].id} and end_date is null limit 1`))!.guardian_id;
    const next = (await one<{ d: string }>(t.database.db, sql`select (${day}::date + 1)::text as d`))!.d;
    const start = new Date(`${next}T00:00:00+01:00`).toISOString();
    const end = new Date(new Date(start).getTime() + 24 * 3_600_000).toISOString();
    const res = await writer.post('/absences', { startTime: start, endTime: end, type: 'Anmäld frånvaro', student: { id: pupils[4].id }, registeredBy: { id: guardian } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'Anmäld frånvaro', student: { id: pupils[4].id }, registeredBy: { id: guardian } });
    const stored = await rows<{ reporter_role: string; from_date: string }>(t.database.db, sql`select reporter_role, from_date::text from absence_report where id = ${res.json().id}`);
    expect(stored).toEqual([{ reporter_role: 'guardian', from_date: next }]);
    expect((await api.get(`/absences?student=${pupils[4].id}&type=${encodeURIComponent('Anmäld frånvaro')}`)).json().data.map((a: any) => a.id)).toContain(res.json().id);
    expect((await api.get(`/absences/${res.json().id}`)).statusCode).toBe(200);
    expect((await api.post('/absences', res.json())).statusCode).toBe(403);
    const audited = await one<{ actor_person_id: string | null }>(t.database.db, sql`select actor_person_id from audit_event where entity_id = ${res.json().id} and details->>'apiClient' = 'absence-writer'`);
    expect(audited).toEqual({ actor_person_id: null });
  });

  it('lists absences sorted by start time, paged', async () => {
    const first = (await api.get('/absences?sortkey=StartTimeAsc&limit=5')).json();
    const starts = first.data.map((a: any) => a.startTime);
    expect(starts).toEqual([...starts].sort());
    const next = (await api.get(`/absences?limit=5&pageToken=${encodeURIComponent(first.pageToken)}`)).json();
    expect(next.data[0].startTime >= starts[4]).toBe(true);
  });

  it('aggregated attendance of the day: the lesson\'s minutes, hand-counted from the roll call', async () => {
    const held = await rows<{ minutes: number }>(t.database.db, sql`select minutes from lesson where group_id = ${lesson.groupId} and lesson_date = ${day}::date and cancelled_at is null`);
    const offered = held.reduce((s, l) => s + l.minutes, 0);
    const res = await api.get(`/aggregatedAttendance?startDate=${day}&endDate=${day}&student=${pupils[0].id}&student=${pupils[1].id}`);
    const byPupil = new Map((res.json().data as any[]).filter((a) => a.activity.id === lesson.groupId).map((a) => [a.student.id, a]));
    // pupil 0 absent the whole lesson; pupil 1 five minutes late; both on the one reported lesson
    expect(byPupil.get(pupils[0].id)).toMatchObject({ offeredSum: offered, reportedSum: lesson.minutes, attendanceSum: 0, invalidAbsenceSum: lesson.minutes, validAbsenceSum: 0 });
    expect(byPupil.get(pupils[1].id)).toMatchObject({ reportedSum: lesson.minutes, attendanceSum: lesson.minutes - 5, invalidAbsenceSum: 5 });
    expect((await api.get('/aggregatedAttendance')).statusCode).toBe(400);
    // expand embeds the Activity and the Person (schema-checked)
    const expanded = (await api.get(`/aggregatedAttendance?startDate=${day}&endDate=${day}&student=${pupils[0].id}&expand=activity&expand=student`)).json().data;
    expect(expanded.length).toBeGreaterThan(0);
    for (const a of expanded) expect([a._embedded.activity.id, a._embedded.student.id]).toEqual([a.activity.id, a.student.id]);
  });

  it('attendance events and schedules: none kept, answered empty; posting an event is not supported', async () => {
    expect((await api.get('/attendanceEvents')).json()).toEqual({ data: [] });
    expect((await api.get('/attendanceSchedule')).json()).toEqual({ data: [] });
    expect((await api.post('/attendanceSchedule/lookup', { ids: [] })).json()).toEqual([]);
    const writer = await addClient('event-writer', { resources: ALL, write: true });
    const res = await writer.post('/attendanceEvents', { person: { id: pupils[0].id }, group: { id: lesson.groupId }, eventType: 'In', time: new Date().toISOString() });
    expect(res.statusCode).toBe(501);
  });
});
