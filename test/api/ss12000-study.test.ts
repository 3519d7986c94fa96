// SS 12000 /activities, /grades and /syllabuses: every answer checked against the official schema;
// filters, sortkeys, paging, the client's unit limit, and that only decided grades are given out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/api.js';
import { ss12000Client, ss12000Token, apiClientWith } from '../support/ss12000.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

type Api = ReturnType<typeof ss12000Client>;
const ids = (body: { data: { id: string }[] }) => body.data.map((x) => x.id);
const q = async <T>(statement: ReturnType<typeof sql>) => (await t.database.db.execute(statement)).rows as T[];
const demo = async () => ss12000Client(t.app, await ss12000Token(t.app));
/** The status of a GET (the answer checked against the standard, a 404 of /{id} too). */
async function statusOf(clientId: string, secret: string, path: string) {
  return (await ss12000Client(t.app, await ss12000Token(t.app, clientId, secret)).get(path)).statusCode;
}

const addClient = (clientId: string, units: string[] | null, resources: string[]) => apiClientWith(t, clientId, { units, resources });

/** Every page of a list with this limit, following pageToken. */
async function allPages(api: Api, path: string, limit: number) {
  const seen: { id: string }[] = [];
  let res = await api.get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}`);
  for (;;) {
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data.length).toBeLessThanOrEqual(limit);
    seen.push(...body.data);
    if (!body.pageToken) return seen;
    res = await api.get(`${path.split('?')[0]}?limit=${limit}&pageToken=${encodeURIComponent(body.pageToken)}`);
  }
}

const units = () => q<{ id: string }>(sql`select id from school_unit order by name`);

describe('/activities', () => {
  it('one conformant activity per teaching group with its group, teachers as duties, syllabus and unit', async () => {
    const api = await demo();
    const body = (await api.get('/activities')).json();
    const [{ n }] = await q<{ n: number }>(sql`select count(*)::int as n from student_group where group_type = 'teaching'`);
    expect(body.data.length).toBe(Math.min(n, 1000));
    expect((await allPages(api, '/activities', 1000)).length).toBe(n);
    const a = body.data[0];
    expect(a.groups).toEqual([{ id: a.id }]);
    expect(a.activityType).toBe('Undervisning');
    expect(a.teachers.length).toBeGreaterThan(0);
    const [duty] = await q<{ school_unit_id: string; role: string }>(sql`select school_unit_id, role from duty where id = ${a.teachers[0].duty.id}`);
    expect(duty).toEqual({ school_unit_id: a.organisation.id, role: 'teacher' });
    const syllabus = (await api.get(`/syllabuses/${a.syllabus.id}`)).json();
    expect(syllabus.subjectCode).toMatch(/^GRGR/);
  });

  it('filters by group, organisation, teacher, member and dates; expand=syllabus embeds it; names on request', async () => {
    const api = await demo();
    const [g] = await q<{ id: string; school_unit_id: string; person_id: string; start_date: string }>(sql`select g.id, g.school_unit_id, gm.person_id, g.start_date::text
      from student_group g join group_membership gm on gm.group_id = g.id where g.group_type = 'teaching' order by g.id limit 1`);
    const one = (await api.get(`/activities/${g.id}?expand=syllabus&expand=groups&expand=teachers&expandReferenceNames=true`)).json();
    expect(one._embedded.syllabus.id).toBe(one.syllabus.id);
    // the group and the teachers' duties embedded as whole Group and Duty objects (schema-checked)
    expect(one._embedded.groups.map((x: { id: string }) => x.id)).toEqual([g.id]);
    expect(one._embedded.groups[0].groupMemberships.map((m: { person: { id: string } }) => m.person.id)).toContain(g.person_id);
    expect(one._embedded.teachers.map((d: { id: string }) => d.id)).toEqual(one.teachers.map((t: { duty: { id: string } }) => t.duty.id));
    expect(one._embedded.teachers[0].dutyRole).toBe('Lärare');
    expect(one.organisation.displayName).toEqual(expect.any(String));
    expect(ids((await api.get(`/activities?group=${g.id}`)).json())).toEqual([g.id]);
    const ofUnit = (await api.get(`/activities?organisation=${g.school_unit_id}`)).json().data;
    expect(ofUnit.every((a: { organisation: { id: string } }) => a.organisation.id === g.school_unit_id)).toBe(true);
    expect(ids((await api.get(`/activities?member=${g.person_id}`)).json())).toContain(g.id);
    const dutyId = one.teachers[0].duty.id;
    const taught = (await api.get(`/activities?teacher=${dutyId}`)).json().data;
    expect(taught.map((a: { id: string }) => a.id)).toContain(g.id);
    expect(taught.every((a: { teachers: { duty: { id: string } }[] }) => a.teachers.some((x) => x.duty.id === dutyId))).toBe(true);
    const later = (await api.get(`/activities?startDate.onOrAfter=2999-01-01`)).json().data;
    expect(later).toEqual([]);
    const lookedUp = (await api.post('/activities/lookup', { teachers: [dutyId] })).json();
    expect(lookedUp.map((a: { id: string }) => a.id).sort()).toEqual(taught.map((a: { id: string }) => a.id).sort());
    expect((await api.post('/activities/lookup', { members: [g.person_id] })).json().map((a: { id: string }) => a.id)).toContain(g.id);
  });

  it('sortkeys order the list and paging returns each activity once', async () => {
    const api = await demo();
    const names = (await api.get('/activities?sortkey=DisplayNameAsc')).json().data.map((a: { displayName: string }) => a.displayName);
    const [{ sorted }] = await q<{ sorted: string[] }>(sql`select array_agg(name order by name, id) as sorted from student_group where group_type = 'teaching'`);
    expect(names).toEqual(sorted.slice(0, 1000));
    const paged = await allPages(api, '/activities?sortkey=DisplayNameAsc', 400);
    expect(paged.map((a) => (a as unknown as { displayName: string }).displayName)).toEqual(sorted);
    expect(new Set(paged.map((a) => a.id)).size).toBe(sorted.length);
    const modified = await allPages(api, '/activities?sortkey=ModifiedDesc', 500);
    expect(new Set(modified.map((a) => a.id)).size).toBe(sorted.length);
  });
});

describe('/grades', () => {
  it('decided grades are served, conformant, with schoolUnit beside organisation (Grade.required names it)', async () => {
    const api = await demo();
    const res = await api.get('/grades?limit=50');
    const g = res.json().data[0];
    expect(g.schoolUnit).toEqual(g.organisation);
    expect(['HT', 'VT']).toContain(g.semester);
    expect(g.adaptedStudyPlan).toEqual(expect.any(String));
    const [row] = await q<{ pupil_id: string; state: string; value: string; kind: string }>(sql`select pupil_id, state, value, kind from grade where id = ${g.id}`);
    expect(row.pupil_id).toBe(g.student.id);
    expect(['decided', 'locked']).toContain(row.state);
    expect(g.gradeValue).toBe(row.value);
    expect(g.finalGrade).toBe(row.kind === 'final');
  });

  it('filters by student, organisation, registeredBy, gradingTeacher and registered date; sortkeys order', async () => {
    const api = await demo();
    const [g] = (await api.get('/grades?limit=1')).json().data;
    const byStudent = (await api.get(`/grades?student=${g.student.id}`)).json().data;
    const [{ n }] = await q<{ n: number }>(sql`select count(*)::int as n from grade where pupil_id = ${g.student.id} and state in ('decided','locked') and value is not null`);
    expect(byStudent.length).toBe(n);
    for (const [param, key] of [['organisation', 'organisation'], ['registeredBy', 'registeredBy'], ['gradingTeacher', 'gradingTeacher']] as const) {
      const found = (await api.get(`/grades?${param}=${g[key].id}&limit=200`)).json().data;
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((x: Record<string, { id: string }>) => x[key].id === g[key].id)).toBe(true);
    }
    const onDay = (await api.get(`/grades?registeredDate.onOrAfter=${g.registeredDate}&registeredDate.onOrBefore=${g.registeredDate}&limit=200`)).json().data;
    expect(onDay.every((x: { registeredDate: string }) => x.registeredDate === g.registeredDate)).toBe(true);
    const asc = (await api.get('/grades?sortkey=registeredDateAsc&limit=300')).json().data.map((x: { registeredDate: string }) => x.registeredDate);
    expect(asc).toEqual([...asc].sort());
    const desc = (await api.get('/grades?sortkey=registeredDateDesc&limit=300')).json().data.map((x: { registeredDate: string }) => x.registeredDate);
    expect(desc).toEqual([...desc].sort().reverse());
  });

  it('pages of 1000 cover every served grade once', async () => {
    const api = await demo();
    const all = await allPages(api, '/grades?sortkey=registeredDateDesc', 1000);
    const [{ n }] = await q<{ n: number }>(sql`select count(*)::int as n from grade where state in ('decided','locked') and value is not null`);
    expect(all.length).toBe(n);
    expect(new Set(all.map((x) => x.id)).size).toBe(n);
  });

  it('a draft grade is not served and appears once decided (meta.modified.after)', async () => {
    const api = await demo();
    const [g] = (await api.get('/grades?limit=1')).json().data;
    await t.database.db.execute(sql`update grade set state = 'confirmed' where id = ${g.id}`);
    expect(await statusOf('demo-client', 'demo-secret', `/grades/${g.id}`)).toBe(404);
    expect(ids((await api.get(`/grades?student=${g.student.id}`)).json())).not.toContain(g.id);
    expect((await api.post('/grades/lookup', { ids: [g.id] })).json()).toEqual([]);
    const before = new Date(Date.now() - 1).toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await t.database.db.execute(sql`update grade set state = 'decided' where id = ${g.id}`);
    const changed = (await api.get(`/grades?meta.modified.after=${encodeURIComponent(before)}`)).json();
    expect(ids(changed)).toEqual([g.id]);
    expect((await api.post('/grades/lookup', { ids: [g.id] })).json().map((x: { id: string }) => x.id)).toEqual([g.id]);
  });
});

describe('/grades corrections', () => {
  it('a decided grade changed by a formal ändring is served with correctionType Ändring', async () => {
    const api = await demo();
    const [g] = (await api.get('/grades?limit=1&sortkey=registeredDateAsc')).json().data;
    expect(g.correctionType).toBeUndefined();
    await t.database.db.execute(sql`insert into grade_event (organiser_id, id, grade_id, actor_id, action, from_value, to_value, from_state, to_state, reason)
      values (${t.organiserId}, gen_random_uuid(), ${g.id}, ${g.registeredBy.id}, 'andring', ${g.gradeValue}, ${g.gradeValue}, 'locked', 'locked', 'Omprövning')`);
    expect((await api.get(`/grades/${g.id}`)).json().correctionType).toBe('Ändring');
  });
});

describe('a client limited to one unit', () => {
  it('sees no activity or grade of another unit, by list, lookup or id', async () => {
    const [a, b] = await units();
    const api = await addClient('study-unit-a', [a.id], ['activities', 'grades', 'syllabuses']);
    const acts = (await api.get('/activities')).json().data;
    expect(acts.length).toBeGreaterThan(0);
    expect(acts.every((x: { organisation: { id: string } }) => x.organisation.id === a.id)).toBe(true);
    const grades = await allPages(api, '/grades', 1000) as unknown as { organisation: { id: string } }[];
    expect(grades.length).toBeGreaterThan(0);
    expect(grades.every((x) => x.organisation.id === a.id)).toBe(true);
    const [otherGroup] = await q<{ id: string }>(sql`select id from student_group where group_type = 'teaching' and school_unit_id = ${b.id} limit 1`);
    const [otherGrade] = await q<{ id: string }>(sql`select gr.id from grade gr join student_group g on g.id = gr.group_id where g.school_unit_id = ${b.id} limit 1`);
    expect(await statusOf('study-unit-a', 's3cret', `/activities/${otherGroup.id}`)).toBe(404);
    expect(await statusOf('study-unit-a', 's3cret', `/grades/${otherGrade.id}`)).toBe(404);
    expect((await api.post('/activities/lookup', { ids: [otherGroup.id] })).json()).toEqual([]);
    expect((await api.post('/grades/lookup', { ids: [otherGrade.id] })).json()).toEqual([]);
    expect((await api.get(`/activities?organisation=${b.id}`)).json().data).toEqual([]);
  });

  it('a client without grades is refused them', async () => {
    const api = await addClient('study-no-grades', null, ['activities']);
    expect((await api.get('/grades')).statusCode).toBe(403);
  });
});

describe('/syllabuses', () => {
  it('every shipped syllabus, official Lgr11 GR with stable ids; sortkeys; lookup and by id', async () => {
    const api = await demo();
    const all = (await api.get('/syllabuses?sortkey=SubjectCodeAsc')).json().data;
    const [{ n }] = await q<{ n: number }>(sql`select count(*)::int as n from syllabus`);
    expect(all.length).toBe(n);
    const codes = all.map((s: { subjectCode: string }) => s.subjectCode);
    expect(codes).toEqual([...codes].sort());
    const ma = all.find((s: { subjectCode: string }) => s.subjectCode === 'GRGRMAT01');
    expect(ma).toMatchObject({ subjectName: 'Matematik', subjectDesignation: 'MA', schoolType: 'GR', curriculum: 'GR2011', official: true, startSchoolYear: 1, endSchoolYear: 9 });
    const desc = (await api.get('/syllabuses?sortkey=SubjectNameDesc')).json().data.map((s: { subjectName: string }) => s.subjectName);
    expect(desc[0] >= desc[desc.length - 1]).toBe(true);
    expect((await api.post('/syllabuses/lookup', { ids: [ma.id] })).json()).toEqual([ma]);
    expect((await api.get(`/syllabuses/${ma.id}`)).json()).toEqual(ma);
    const paged = await allPages(api, '/syllabuses?sortkey=SubjectDesignationAsc', 7);
    expect(new Set(paged.map((s) => s.id)).size).toBe(n);
  });
});
