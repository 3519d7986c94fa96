import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { dayBefore } from '../../src/domain/register/date-ranges.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let admin: Client;
let teacher: Client;
let ip = 0;
const today = swedishDate(new Date());
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.61.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await as('admin');
  teacher = await as('larare', 'teacher', 'Björkskolan');
  // an administrator of the other unit (Eksätraskolan), with an account of their own
  const db = t.database.db;
  const other = randomUUID();
  const unit = (await one<{ id: string }>(db, sql`select id from school_unit where name = 'Eksätraskolan'`))!.id;
  await db.execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${other}, 'Annan', 'Administratör')`);
  await db.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, start_date) values (${t.organiserId}, ${randomUUID()}, ${other}, ${unit}, 'administrator', '2000-01-01')`);
  await db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash) values (${t.organiserId}, ${randomUUID()}, ${other}, 'annan_admin', ${await hashPassword('demo')})`);
});
afterAll(async () => { await t?.close(); });

const groups = async (status = 'current') => (await admin.get(`/api/admin/groups?status=${status}`)).json();
const named = async (name: string) => (await groups()).find((g: any) => g.name === name);
const detail = async (groupId: string) => (await admin.get(`/api/admin/groups/${groupId}`)).json();
const currentMembers = (d: any) => d.memberships.filter((m: any) => m.endDate === null || m.endDate >= today);
const auditOf = (action: string, groupId: string) => rows<{ details: any }>(t.database.db,
  sql`select details from audit_event where action = ${action} and details->>'groupId' = ${groupId}`);
const create = (body: Record<string, unknown>) => admin.request('POST', '/api/admin/groups',
  { subjectCode: null, schoolYear: null, startDate: today, endDate: null, ...body });

describe('the unit\'s groups', () => {
  it('lists classes and teaching groups with type, subject, year, pupils and teachers, in Swedish order (7A before 7B before 10A)', async () => {
    const list = await groups();
    expect(list.length).toBeGreaterThan(10);
    const names = list.map((g: any) => g.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv', { numeric: true }).compare));
    const ma = list.find((g: any) => g.name === '7A MA');
    expect(ma).toMatchObject({ groupType: 'teaching', subject: { code: 'MA' }, schoolYear: 7, endDate: null });
    expect(ma.pupilCount).toBeGreaterThan(0);
    expect(ma.teachers).toContain('Anna Öberg');
    expect(list.find((g: any) => g.name === '7A')).toMatchObject({ groupType: 'class', subject: null, schoolYear: 7 });
    expect((await create({ name: '10A', groupType: 'class', schoolYear: 9 })).statusCode).toBe(200);
    const after = (await groups()).map((g: any) => g.name);
    expect(after.indexOf('7B')).toBeLessThan(after.indexOf('10A'));
    expect(after.indexOf('7A')).toBeLessThan(after.indexOf('7B'));
  });

  it('creates a teaching group with a subject and a class with a school year; refuses what is missing with clear codes; audited with groupId', async () => {
    const res = await create({ name: 'MA 8 fördjupning', groupType: 'teaching', subjectCode: 'MA', schoolYear: 8 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ groupType: 'teaching', subject: { code: 'MA', name: 'Matematik' }, pupilCount: 0, startDate: today });
    expect(await auditOf('group.created', res.json().id)).toHaveLength(1);
    expect((await create({ name: 'X', groupType: 'teaching' })).json().error.code).toBe('subject_required');
    expect((await create({ name: '7X', groupType: 'class' })).json().error.code).toBe('school_year_required');
    expect((await create({ name: 'X', groupType: 'teaching', subjectCode: 'NOPE' })).json().error.code).toBe('unknown_subject');
    const taken = await create({ name: '7a', groupType: 'class', schoolYear: 7 });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'name_taken']);
  });

  it('renames a group; a rename based on a stale name is refused with the current name', async () => {
    const g = (await create({ name: 'Mentorsgrupp Björk', groupType: 'mentor' })).json();
    const res = await admin.request('PUT', `/api/admin/groups/${g.id}`, { name: 'Mentorsgrupp Ek', previousName: g.name });
    expect(res.json().name).toBe('Mentorsgrupp Ek');
    const stale = await admin.request('PUT', `/api/admin/groups/${g.id}`, { name: 'Mentorsgrupp Asp', previousName: g.name });
    expect([stale.statusCode, stale.json().error.code, stale.json().current.name]).toEqual([409, 'stale_name', 'Mentorsgrupp Ek']);
    expect((await auditOf('group.renamed', g.id))[0].details).toMatchObject({ before: { name: 'Mentorsgrupp Björk' }, after: { name: 'Mentorsgrupp Ek' } });
  });
});

describe('pupils of a group', () => {
  it('a pupil cannot be in two classes at once; moved with the old membership ended the day before, they can', async () => {
    const [a, b] = [await named('7A'), await named('7B')];
    const pupil = currentMembers(await detail(b.id))[0];
    const refused = await admin.request('POST', `/api/admin/groups/${a.id}/members`, { pupilIds: [pupil.pupilId], startDate: today, endDate: null });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'in_another_class']);
    expect(refused.json().problems).toEqual([{ pupilId: pupil.pupilId, name: `${pupil.givenName} ${pupil.familyName}`, problem: 'in_another_class' }]);
    const ended = await admin.request('POST', `/api/admin/groups/${b.id}/members/${pupil.id}/end`, { endDate: dayBefore(today) });
    expect(ended.statusCode).toBe(200);
    const moved = await admin.request('POST', `/api/admin/groups/${a.id}/members`, { pupilIds: [pupil.pupilId], startDate: today, endDate: null });
    expect(moved.statusCode).toBe(200);
    // the old membership stays on record, ended
    expect((await detail(b.id)).memberships.find((m: any) => m.id === pupil.id)).toMatchObject({ endDate: dayBefore(today) });
    const added = await auditOf('group.membership.added', a.id);
    expect(added.some((r) => r.details.personId === pupil.pupilId)).toBe(true);
  });

  it('overlapping dates in the same group are refused; the whole class joins a teaching group at once, all or nothing', async () => {
    const cls = await named('8B');
    const pupils = currentMembers(await detail(cls.id)).map((m: any) => m.pupilId);
    const g = (await create({ name: 'Schack 8B', groupType: 'teaching', subjectCode: 'IDH', schoolYear: 8 })).json();
    const whole = await admin.request('POST', `/api/admin/groups/${g.id}/members`, { pupilIds: pupils, startDate: today, endDate: null });
    expect(whole.statusCode).toBe(200);
    expect(whole.json().added).toBe(pupils.length);
    expect(await auditOf('group.membership.added', g.id)).toHaveLength(pupils.length);
    const later = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const overlap = await admin.request('POST', `/api/admin/groups/${g.id}/members`, { pupilIds: [pupils[0]], startDate: later, endDate: null });
    expect([overlap.statusCode, overlap.json().error.code]).toEqual([409, 'already_member']);
    const backwards = await admin.request('POST', `/api/admin/groups/${g.id}/members`, { pupilIds: [pupils[0]], startDate: later, endDate: today });
    expect([backwards.statusCode, backwards.json().error.code]).toEqual([400, 'invalid_range']);
    expect(currentMembers(await detail(g.id))).toHaveLength(pupils.length);
  });

  it('only pupils enrolled at the unit may be added; nothing is written when one of several may not', async () => {
    const g = (await create({ name: 'Kör', groupType: 'mentor' })).json();
    const own = currentMembers(await detail((await named('9A')).id))[0].pupilId;
    const elsewhere = (await one<{ id: string }>(t.database.db, sql`select e.person_id as id from enrolment e join school_unit u on u.organiser_id = e.organiser_id
      and u.id = e.school_unit_id where u.name = 'Eksätraskolan' and e.end_date is null limit 1`))!.id;
    const res = await admin.request('POST', `/api/admin/groups/${g.id}/members`, { pupilIds: [own, elsewhere], startDate: today, endDate: null });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'not_enrolled']);
    expect(res.json().problems).toEqual([{ pupilId: elsewhere, name: null, problem: 'not_enrolled' }]);
    expect((await detail(g.id)).memberships).toEqual([]);
  });

  it('a pupil moved mid-term keeps their grade in the old group\'s history (the grade stays with the old group)', async () => {
    const old = await named('8A MA');
    const register = (await teacher.get(`/api/grading/groups/${old.id}`)).json();
    const pupil = register.pupils[0];
    const saved = await teacher.request('PUT', `/api/grading/groups/${old.id}/cells`, { pupilId: pupil.id, column: register.term.kind, value: 'B', version: null, requestId: randomUUID() });
    expect(saved.statusCode).toBe(200);
    const m = (await detail(old.id)).memberships.find((x: any) => x.pupilId === pupil.id);
    expect((await admin.request('POST', `/api/admin/groups/${old.id}/members/${m.id}/end`, { endDate: today })).statusCode).toBe(200);
    const again = await admin.request('POST', `/api/admin/groups/${old.id}/members/${m.id}/end`, { endDate: today });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'already_ended']);
    const grade = await one<{ group_id: string }>(t.database.db, sql`select group_id from grade where id = ${saved.json().gradeId}`);
    expect(grade!.group_id).toBe(old.id);
    const history = (await detail(old.id)).history.map((h: any) => h.action);
    expect(history).toContain('group.membership.ended');
  });
});

describe('staff of a group', () => {
  it('adds a teacher with the grader flag and a mentor; only staff with a duty at the unit; a mentor not on a teaching group', async () => {
    const g = (await create({ name: 'TK 9 projekt', groupType: 'teaching', subjectCode: 'TK', schoolYear: 9 })).json();
    const staff = (await admin.get('/api/admin/groups/options')).json().staff;
    const larare = staff.find((s: any) => s.name === 'Anna Öberg');
    const added = await admin.request('POST', `/api/admin/groups/${g.id}/staff`, { personId: larare.id, assignment: 'teacher', grader: true, startDate: today, endDate: null });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual([expect.objectContaining({ personId: larare.id, assignment: 'teacher', grader: true, endDate: null })]);
    const twice = await admin.request('POST', `/api/admin/groups/${g.id}/staff`, { personId: larare.id, assignment: 'teacher', grader: false, startDate: today, endDate: null });
    expect(twice.json().error.code).toBe('already_assigned');
    const mentor = await admin.request('POST', `/api/admin/groups/${g.id}/staff`, { personId: larare.id, assignment: 'mentor', grader: false, startDate: today, endDate: null });
    expect(mentor.json().error.code).toBe('mentor_only_for_class');
    const guardian = (await as('vardnadshavare')).body.person.id;
    const outsider = await admin.request('POST', `/api/admin/groups/${g.id}/staff`, { personId: guardian, assignment: 'teacher', grader: false, startDate: today, endDate: null });
    expect([outsider.statusCode, outsider.json().error.code]).toEqual([400, 'not_unit_staff']);
    const ended = await admin.request('POST', `/api/admin/groups/${g.id}/staff/${added.json()[0].id}/end`, { endDate: today });
    expect(ended.json()[0].endDate).toBe(today);
    expect((await auditOf('group.staff.added', g.id))[0].details).toMatchObject({ groupId: g.id, personId: larare.id });
    expect(await auditOf('group.staff.ended', g.id)).toHaveLength(1);
  });
});

describe('ending a group', () => {
  it('ending a teaching group with grades not yet confirmed this term is warned with counts, and goes ahead only when confirmed', async () => {
    const g = await named('9A MA');
    const register = (await teacher.get(`/api/grading/groups/${g.id}`)).json();
    for (const p of register.pupils.slice(0, 2)) {
      const r = await teacher.request('PUT', `/api/grading/groups/${g.id}/cells`, { pupilId: p.id, column: register.term.kind, value: 'C', version: null, requestId: randomUUID() });
      expect(r.statusCode).toBe(200);
    }
    const warned = await admin.request('POST', `/api/admin/groups/${g.id}/end`, { endDate: today });
    expect([warned.statusCode, warned.json().error.code]).toEqual([409, 'unconfirmed_grades']);
    expect(warned.json().unconfirmed).toMatchObject({ grades: 2, pupils: 2, term: register.term.label });
    expect((await named('9A MA')).endDate).toBeNull();
    const ended = await admin.request('POST', `/api/admin/groups/${g.id}/end`, { endDate: today, confirm: true });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: today, unconfirmed: { grades: 2, pupils: 2 } });
    const d = await detail(g.id);
    expect(d.memberships.every((m: any) => m.endDate !== null && m.endDate <= today)).toBe(true);
    expect(d.staff.every((s: any) => s.endDate !== null && s.endDate <= today)).toBe(true);
    expect((await auditOf('group.ended', g.id))[0].details).toMatchObject({ groupId: g.id, unconfirmedGrades: 2, after: { endDate: today } });
  });

  it('an ended group leaves the current list and shows among the ended', async () => {
    const g = (await create({ name: 'Sommarskola', groupType: 'mentor', startDate: '2026-06-01', endDate: null })).json();
    expect((await admin.request('POST', `/api/admin/groups/${g.id}/end`, { endDate: '2026-06-20' })).statusCode).toBe(200);
    expect((await groups()).some((x: any) => x.id === g.id)).toBe(false);
    expect((await groups('ended')).some((x: any) => x.id === g.id)).toBe(true);
    const early = await admin.request('POST', `/api/admin/groups/${(await named('7A')).id}/end`, { endDate: '2000-01-01' });
    expect([early.statusCode, early.json().error.code]).toEqual([400, 'end_before_start']);
  });
});

describe('who may administer groups', () => {
  it('an administrator of another unit finds none of this unit\'s groups (404), and its list holds only their own', async () => {
    const other = await as('annan_admin');
    const g = await named('7A');
    expect((await other.get(`/api/admin/groups/${g.id}`)).statusCode).toBe(404);
    expect((await other.request('PUT', `/api/admin/groups/${g.id}`, { name: 'Hackad', previousName: '7A' })).statusCode).toBe(404);
    expect((await other.request('POST', `/api/admin/groups/${g.id}/end`, { endDate: today, confirm: true })).statusCode).toBe(404);
    expect((await other.request('POST', `/api/admin/groups/${g.id}/members`, { pupilIds: [randomUUID()], startDate: today, endDate: null })).statusCode).toBe(404);
    expect((await other.get('/api/admin/groups')).json().some((x: any) => x.id === g.id)).toBe(false);
    expect((await named('7A')).endDate).toBeNull();
  });

  it('a teacher, a principal, a guardian and a pupil are refused on the administrator\'s routes (403)', async () => {
    const g = await named('7B');
    for (const who of [teacher, await as('rektor'), await as('vardnadshavare'), await as('elev')]) {
      expect((await who.get('/api/admin/groups')).statusCode).toBe(403);
      expect((await who.get(`/api/admin/groups/${g.id}`)).statusCode).toBe(403);
      expect((await who.request('POST', '/api/admin/groups', { name: 'X', groupType: 'mentor', subjectCode: null, schoolYear: null, startDate: today, endDate: null })).statusCode).toBe(403);
      expect((await who.request('POST', `/api/admin/groups/${g.id}/end`, { endDate: today })).statusCode).toBe(403);
      expect((await who.get('/api/admin/group-reports')).statusCode).toBe(403);
    }
  });

  it('a mutation without the CSRF header is refused and writes nothing', async () => {
    const before = (await groups()).length;
    const res = await admin.request('POST', '/api/admin/groups', { name: 'Utan token', groupType: 'mentor', subjectCode: null, schoolYear: null, startDate: today, endDate: null }, { csrf: null });
    expect(res.statusCode).toBe(403);
    expect((await groups()).length).toBe(before);
  });
});

describe('"this group is wrong": a teacher reports, the administrator handles', () => {
  it('a teacher of the group reports a missing pupil; the administrator sees it as a to-do, resolves it; the teacher sees the outcome', async () => {
    const g = await named('7A MA');
    const res = await teacher.request('POST', `/api/groups/${g.id}/reports`, { kind: 'pupil_missing', pupilId: null, message: 'Sara Ek från 7B går i gruppen men saknas' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ groupId: g.id, kind: 'pupil_missing', status: 'open', reportedBy: { name: 'Anna Öberg' } });
    const todo = (await admin.get('/api/admin/group-reports')).json();
    expect(todo.map((r: any) => r.id)).toContain(report.id);
    expect((await named('7A MA')).openReports).toBe(1);
    expect((await detail(g.id)).reports.map((r: any) => r.id)).toContain(report.id);
    const handled = await admin.request('POST', `/api/admin/group-reports/${report.id}/handle`, { outcome: 'resolved', note: 'Sara är tillagd från i dag.' });
    expect(handled.json()).toMatchObject({ status: 'resolved', resolution: 'Sara är tillagd från i dag.', resolvedBy: expect.any(String) });
    const again = await admin.request('POST', `/api/admin/group-reports/${report.id}/handle`, { outcome: 'rejected', note: 'Nej' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'report_already_handled']);
    expect((await admin.get('/api/admin/group-reports')).json().map((r: any) => r.id)).not.toContain(report.id);
    const mine = (await teacher.get(`/api/groups/${g.id}/reports`)).json();
    expect(mine.find((r: any) => r.id === report.id)).toMatchObject({ status: 'resolved', resolution: 'Sara är tillagd från i dag.' });
    const actions = (await auditOf('group.report.created', g.id)).concat(await auditOf('group.report.resolved', g.id));
    expect(actions).toHaveLength(2);
  });

  it('"not in the group" names a pupil of the group; every report says what is wrong', async () => {
    const g = await named('7A MA');
    const noPupil = await teacher.request('POST', `/api/groups/${g.id}/reports`, { kind: 'pupil_not_in_group', pupilId: null, message: 'Fel' });
    expect(noPupil.json().error.code).toBe('pupil_required');
    const stranger = await teacher.request('POST', `/api/groups/${g.id}/reports`, { kind: 'pupil_not_in_group', pupilId: randomUUID(), message: 'Fel' });
    expect(stranger.json().error.code).toBe('pupil_not_member');
    const empty = await teacher.request('POST', `/api/groups/${g.id}/reports`, { kind: 'other', pupilId: null, message: '   ' });
    expect(empty.json().error.code).toBe('message_required');
  });

  it('a teacher who does not teach the group cannot report on it or read its reports (404); other roles are refused (403)', async () => {
    const g = await named('7A MA');
    const other = await as('larare2');
    expect((await other.request('POST', `/api/groups/${g.id}/reports`, { kind: 'other', pupilId: null, message: 'Fel' })).statusCode).toBe(404);
    expect((await other.get(`/api/groups/${g.id}/reports`)).statusCode).toBe(404);
    for (const who of [admin, await as('rektor'), await as('elev')]) {
      expect((await who.request('POST', `/api/groups/${g.id}/reports`, { kind: 'other', pupilId: null, message: 'Fel' })).statusCode).toBe(403);
    }
    const foreign = await as('annan_admin');
    const report = (await teacher.request('POST', `/api/groups/${g.id}/reports`, { kind: 'wrong_teacher', pupilId: null, message: 'Jag undervisar inte längre gruppen' })).json();
    expect((await foreign.request('POST', `/api/admin/group-reports/${report.id}/handle`, { outcome: 'rejected', note: 'Nej' })).statusCode).toBe(404);
    expect((await foreign.get('/api/admin/group-reports')).json()).toEqual([]);
    const note = await admin.request('POST', `/api/admin/group-reports/${report.id}/handle`, { outcome: 'rejected', note: ' ' });
    expect(note.json().error.code).toBe('note_required');
  });
});
