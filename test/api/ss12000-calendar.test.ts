// SS 12000 /calendarEvents (our lessons), /rooms (the rooms lessons name) and the resources we keep no data
// for: answers checked against the official schema, filters, sortkeys, paging and the client's unit limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/api.js';
import { ss12000Client, ss12000Schema, ss12000Token, apiClientWith } from '../support/ss12000.js';

let t: TestApp;
const q = async <T>(statement: ReturnType<typeof sql>) => (await t.database.db.execute(statement)).rows as T[];
const demo = async () => ss12000Client(t.app, await ss12000Token(t.app));
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

interface Group { id: string; school_unit_id: string; person_id: string }
let a: Group; let b: Group;
const WINDOW = `startTime.onOrAfter=${encodeURIComponent('2026-03-01T00:00:00+01:00')}&startTime.onOrBefore=${encodeURIComponent('2026-06-30T23:59:59+02:00')}`;

async function addLesson(g: Group, day: string, start: string, end: string, opts: { room?: string; cancelled?: string } = {}) {
  const [{ id }] = await q<{ id: string }>(sql`insert into lesson (organiser_id, id, group_id, school_unit_id, lesson_date, start_time, end_time, minutes, room, cancelled_at, cancel_reason)
    values (${t.organiserId}, gen_random_uuid(), ${g.id}, ${g.school_unit_id}, ${day}::date, ${start}::time, ${end}::time,
      (extract(epoch from ${end}::time - ${start}::time) / 60)::int, ${opts.room ?? null}, ${opts.cancelled ? sql`now()` : sql`null`}, ${opts.cancelled ?? null})
    returning id`);
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  const groups = await q<Group>(sql`select distinct on (g.school_unit_id) g.id, g.school_unit_id, gm.person_id from student_group g
    join group_membership gm on gm.group_id = g.id where g.group_type = 'teaching' order by g.school_unit_id, g.id`);
  [a, b] = groups;
  await addLesson(a, '2026-03-02', '08:15', '09:00', { room: 'SS Sal 12' });
  await addLesson(a, '2026-06-02', '10:00', '11:00', { room: 'SS Sal 12' });
  await addLesson(a, '2026-06-03', '13:00', '13:40', { cancelled: 'Studiedag' });
  await addLesson(b, '2026-03-03', '09:00', '10:00', { room: 'SS Aulan' });
  await addLesson(b, '2027-01-11', '09:00', '10:00');
});
afterAll(async () => t?.close());

describe('/calendarEvents', () => {
  it('lessons in the asked window, with their activity, Stockholm times with offset, cancellation and room', async () => {
    const api = await demo();
    const data = (await api.get(`/calendarEvents?${WINDOW}&sortkey=StartTimeAsc`)).json().data;
    expect(data.map((e: { startTime: string }) => e.startTime)).toEqual([
      '2026-03-02T08:15:00+01:00', '2026-03-03T09:00:00+01:00', '2026-06-02T10:00:00+02:00', '2026-06-03T13:00:00+02:00']);
    expect(data[0]).toMatchObject({ activity: { id: a.id }, endTime: '2026-03-02T09:00:00+01:00', cancelled: false, teachingLengthStudent: 45 });
    expect(data[0].rooms).toEqual([{ id: expect.any(String) }]);
    expect(data[3]).toMatchObject({ cancelled: true, comment: 'Studiedag' });
    expect(data[3].rooms).toBeUndefined();
    const desc = (await api.get(`/calendarEvents?${WINDOW}&sortkey=StartTimeDesc`)).json().data;
    expect(ids(desc)).toEqual(ids(data).reverse());
  });

  it('the window is required; filters by activity, group, organisation, student, teacher and end time', async () => {
    const api = await demo();
    expect((await api.get('/calendarEvents')).statusCode).toBe(400);
    const only = async (filter: string) => (await api.get(`/calendarEvents?${WINDOW}&${filter}`)).json().data as { activity: { id: string }; endTime: string }[];
    expect((await only(`activity=${a.id}`)).every((e) => e.activity.id === a.id)).toBe(true);
    expect((await only(`group=${b.id}`)).map((e) => e.activity.id)).toEqual([b.id]);
    expect((await only(`organisation=${b.school_unit_id}`)).map((e) => e.activity.id)).toEqual([b.id]);
    expect((await only(`organisation=${t.organiserId}`)).length).toBe(4);
    expect((await only(`student=${a.person_id}`)).every((e) => e.activity.id === a.id)).toBe(true);
    const activity = (await api.get(`/activities/${a.id}`)).json();
    expect((await only(`teacher=${activity.teachers[0].duty.id}`)).length).toBe(3);
    expect((await only(`endTime.onOrBefore=${encodeURIComponent('2026-03-02T09:00:00+01:00')}`)).length).toBe(1);
    expect((await only(`endTime.onOrAfter=${encodeURIComponent('2026-06-01T00:00:00+02:00')}`)).length).toBe(2);
  });

  it('by id with expand=activity, lookup by ids, activities, student and teacher; paging', async () => {
    const api = await demo();
    const [first] = (await api.get(`/calendarEvents?${WINDOW}&sortkey=StartTimeAsc&limit=1`)).json().data;
    const one = (await api.get(`/calendarEvents/${first.id}?expand=activity&expand=attendance&expandReferenceNames=true`)).json();
    // the attendance registered on the event, embedded as the standard's Attendance objects (schema-checked)
    expect(one._embedded.attendance).toEqual((await api.post('/attendances/lookup', { calendareEvents: [first.id] })).json());
    expect(one._embedded.activity.id).toBe(a.id);
    expect(one.activity.displayName).toEqual(expect.any(String));
    // the standard's schema gives AttendancesArray as this lookup's answer: the attendances of the matching
    // events, the same as /attendances/lookup by calendar event or activity (both schema-checked)
    const byEvent = (await api.post('/calendarEvents/lookup', { ids: [first.id] })).json();
    expect(byEvent).toEqual((await api.post('/attendances/lookup', { calendareEvents: [first.id] })).json());
    const ofB = (await api.post('/calendarEvents/lookup', { activities: [b.id] })).json();
    expect(ids(ofB).sort()).toEqual(ids((await api.post('/attendances/lookup', { activities: [b.id] })).json()).sort());
    expect(ofB.every((e: { calendarEvent: { id: string } }) => e.calendarEvent.id)).toBe(true);
    const seen: string[] = [];
    let res = await api.get(`/calendarEvents?${WINDOW}&limit=1&sortkey=ModifiedDesc`);
    for (;;) {
      seen.push(...ids(res.json().data));
      if (!res.json().pageToken) break;
      res = await api.get(`/calendarEvents?limit=1&pageToken=${encodeURIComponent(res.json().pageToken)}`);
    }
    expect(seen.length).toBe(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('a client limited to one unit sees no event or room of another unit', async () => {
    const api = await apiClientWith(t, 'calendar-unit-a', { units: [a.school_unit_id], resources: ['calendarEvents', 'rooms'] });
    const events = (await api.get(`/calendarEvents?${WINDOW}`)).json().data;
    expect(events.length).toBe(3);
    expect(events.every((e: { activity: { id: string } }) => e.activity.id === a.id)).toBe(true);
    const [other] = await q<{ id: string }>(sql`select id from lesson where school_unit_id = ${b.school_unit_id} limit 1`);
    expect((await api.get(`/calendarEvents/${other.id}`)).statusCode).toBe(404);
    // the lookup answers attendances, which this client is not granted
    expect((await api.post('/calendarEvents/lookup', { ids: [other.id] })).statusCode).toBe(403);
    const rooms = (await api.get('/rooms')).json().data as { displayName: string; owner: { id: string } }[];
    expect(rooms.map((r) => r.displayName)).toContain('SS Sal 12');
    expect(rooms.map((r) => r.displayName)).not.toContain('SS Aulan');
    expect(rooms.every((r) => r.owner.id === a.school_unit_id)).toBe(true);
  });
});

describe('/rooms', () => {
  it('one room per name and unit the lessons use, owned by the unit, with the id the events refer to', async () => {
    const api = await demo();
    const all = (await api.get('/rooms?sortkey=DisplayNameAsc&expandReferenceNames=true')).json().data;
    const names = all.map((r: { displayName: string }) => r.displayName);
    const [{ sorted }] = await q<{ sorted: string[] }>(sql`select array_agg(room order by room) as sorted from (select distinct school_unit_id, room from lesson where room is not null) x`);
    expect(names).toEqual(sorted);
    const rooms = all.filter((r: { displayName: string }) => r.displayName.startsWith('SS '));
    expect(rooms.map((r: { displayName: string }) => r.displayName)).toEqual(['SS Aulan', 'SS Sal 12']);
    expect(rooms[1].owner).toMatchObject({ id: a.school_unit_id, displayName: expect.any(String) });
    const [event] = (await api.get(`/calendarEvents?${WINDOW}&sortkey=StartTimeAsc&limit=1`)).json().data;
    expect(event.rooms[0].id).toBe(rooms[1].id);
    expect((await api.get(`/rooms/${rooms[1].id}`)).json().displayName).toBe('SS Sal 12');
    expect((await api.post('/rooms/lookup', { ids: [rooms[0].id] })).json().map((r: { id: string }) => r.id)).toEqual([rooms[0].id]);
    const ofB = (await api.get(`/rooms?organisation=${b.school_unit_id}`)).json().data;
    expect(ofB.map((r: { displayName: string }) => r.displayName)).toContain('SS Aulan');
    expect(ofB.every((r: { owner: { id: string } }) => r.owner.id === b.school_unit_id)).toBe(true);
    const page = (await api.get('/rooms?limit=1&sortkey=ModifiedDesc')).json();
    expect(page.data).toHaveLength(1);
    expect((await api.get(`/rooms?limit=1&pageToken=${encodeURIComponent(page.pageToken)}`)).json().data).toHaveLength(1);
  });
});

describe('resources we keep no data for', () => {
  it('programmes, studyplans, schoolUnitOfferings and resources: empty conformant lists and lookups, 404 by id', async () => {
    const api = await demo();
    for (const name of ['programmes', 'studyplans', 'schoolUnitOfferings', 'resources']) {
      expect((await api.get(`/${name}?sortkey=ModifiedDesc`)).json()).toEqual({ data: [] });
      if (name !== 'studyplans') expect((await api.post(`/${name}/lookup`, { ids: [a.id] })).json()).toEqual([]);
      expect((await api.get(`/${name}/${a.id}`)).statusCode).toBe(404); // without a body, as the standard defines
    }
    expect((await api.get('/programmes?sortkey=Nonsense')).statusCode).toBe(400);
  });
});
