import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let teacher: Client;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  teacher = new Client(t.app, '10.50.0.1');
  await teacher.login('larare');
  await teacher.switchTo('teacher', 'Björkskolan');
  admin = new Client(t.app, '10.50.0.2');
  await admin.login('admin');
});
afterAll(async () => { await t?.close(); });

const today = swedishDate(new Date());
const overview = async () => (await teacher.get('/api/grading/groups')).json();
const groupNamed = async (prefix: string) => (await overview()).groups.find((g: any) => g.name.startsWith(prefix));
const register = async (groupId: string, c = teacher) => (await c.get(`/api/grading/groups/${groupId}`)).json();
const save = (groupId: string, body: { pupilId: string; column: string; value: string | null; version: number | null; requestId?: string; carryOver?: boolean }, c = teacher) =>
  c.request('PUT', `/api/grading/groups/${groupId}/cells`, { requestId: randomUUID(), ...body });

describe('register grades', () => {
  it('the teacher sees the groups to grade this term with their progress', async () => {
    const o = await overview();
    expect(o.term.label).toMatch(/^(HT|VT) \d{4}$/);
    expect(o.groups.length).toBeGreaterThan(0);
    expect(o.groups.every((g: any) => g.subject.code === 'MA' && g.pupils > 0 && g.graded === 0)).toBe(true);
  });

  it('the register lists the pupils in Swedish order with the columns valid for year 9', async () => {
    const g = await groupNamed('9');
    const r = await register(g.id);
    const names = r.pupils.map((p: any) => `${p.familyName} ${p.givenName}`);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    const p = r.pupils.find((x: any) => x.schoolYear === 9);
    expect(p.cells.HT).toMatchObject({ allowed: true, steps: ['A', 'B', 'C', 'D', 'E', 'F', '-'] });
    expect(p.cells.VT).toMatchObject({ allowed: false, blocked: 'after_last_term_grade' });
    expect(p.cells.final).toMatchObject({ allowed: true, blocked: null });
  });

  it('choosing a step saves at once, records who and when, and writes history and audit', async () => {
    const g = await groupNamed('9');
    const p = (await register(g.id)).pupils[0];
    const res = await save(g.id, { pupilId: p.id, column: 'HT', value: 'C', version: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ value: 'C', state: 'registered', version: 1, by: { id: teacher.body.person.id } });
    const events = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from grade_event where grade_id = ${res.json().gradeId}`);
    expect(events[0].n).toBe(1);
    const audited = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where action = 'grade.registered' and entity_id = ${res.json().gradeId}`);
    expect(audited[0].n).toBe(1);
    expect((await groupNamed(g.name)).graded).toBe(1);
  });

  it('a stale write gets 409 with the current value, and nothing changes', async () => {
    const g = await groupNamed('9');
    const p = (await register(g.id)).pupils[1];
    await save(g.id, { pupilId: p.id, column: 'HT', value: 'B', version: null });
    const res = await save(g.id, { pupilId: p.id, column: 'HT', value: 'D', version: null });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('stale_version');
    expect(res.json().current).toMatchObject({ value: 'B', version: 1 });
  });

  it('two teachers saving the same empty cell at once: one is stored, the other gets 409 with the current value', async () => {
    const g = await groupNamed('9');
    const p = (await register(g.id)).pupils[7];
    const [a, b] = await Promise.all([
      save(g.id, { pupilId: p.id, column: 'HT', value: 'A', version: null }),
      save(g.id, { pupilId: p.id, column: 'HT', value: 'E', version: null }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a.json() : b.json();
    const loser = a.statusCode === 409 ? a.json() : b.json();
    expect(loser.current?.value ?? winner.value).toBe(winner.value);
    const events = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from grade_event where grade_id = ${winner.gradeId}`);
    expect(events[0].n).toBe(1);
  });

  it('a repeated save with the same request id is applied once', async () => {
    const g = await groupNamed('9');
    const p = (await register(g.id)).pupils[2];
    const requestId = randomUUID();
    const first = await save(g.id, { pupilId: p.id, column: 'HT', value: 'A', version: null, requestId });
    const again = await save(g.id, { pupilId: p.id, column: 'HT', value: 'A', version: null, requestId });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(1);
    const events = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from grade_event where request_id = ${requestId}`);
    expect(events[0].n).toBe(1);
  });

  it('bad input is refused with a clear 400 and nothing is written', async () => {
    const g = await groupNamed('9');
    const r = await register(g.id);
    const p = r.pupils[3];
    const cases = [
      [{ pupilId: p.id, column: 'HT', value: 'G', version: null }, 'step_not_allowed'],
      [{ pupilId: p.id, column: 'VT', value: 'C', version: null }, 'column_not_allowed'],
      [{ pupilId: randomUUID(), column: 'HT', value: 'C', version: null }, 'not_in_group'],
    ] as const;
    for (const [body, code] of cases) {
      const res = await save(g.id, body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    expect((await register(g.id)).pupils[3].cells.HT.value).toBeNull();
  });

  it('a teacher who does not grade the group cannot see or write its register', async () => {
    const g = await groupNamed('9');
    const other = new Client(t.app, '10.50.0.3');
    await other.login('larare2');
    expect((await other.get(`/api/grading/groups/${g.id}`)).statusCode).toBe(404);
    const p = (await register(g.id)).pupils[4];
    expect((await save(g.id, { pupilId: p.id, column: 'HT', value: 'A', version: null }, other)).statusCode).toBe(404);
    expect((await save(g.id, { pupilId: p.id, column: 'HT', value: 'A', version: null }, admin)).statusCode).toBe(403);
  });
});

describe('carried-over grades (överfört)', () => {
  it('the latest earlier term grade is carried over and marked as such; without one it is refused', async () => {
    const g = await groupNamed('9');
    const pupils = (await register(g.id)).pupils;
    const p = pupils[8];
    // q has no earlier MA term grade (the demo's history gives most of today's pupils their year-6 grades)
    const gradedBefore = new Set((await rows<{ id: string }>(t.database.db, sql`select pupil_id as id from grade
      where subject_code = 'MA' and kind = 'term'`)).map((r) => r.id));
    const q = pupils.find((x: any) => x.id !== p.id && !gradedBefore.has(x.id));
    const earlier = await one<{ id: string }>(t.database.db, sql`select id from term where start_date < (select max(start_date) from term
      where start_date <= ${today}::date) order by start_date desc limit 1`);
    await t.database.db.execute(sql`insert into grade (organiser_id, id, pupil_id, subject_code, group_id, term_id, kind, value, state, registered_by)
      values (${t.organiserId}, ${randomUUID()}, ${p.id}, 'MA', ${g.id}, ${earlier!.id}, 'term', 'D', 'locked', ${teacher.body.person.id})`);
    const res = await save(g.id, { pupilId: p.id, column: 'HT', value: null, version: null, carryOver: true } as any);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ value: 'D', carriedOver: true });
    expect((await register(g.id)).pupils.find((x: any) => x.id === p.id).cells.HT.carriedOver).toBe(true);
    const none = await save(g.id, { pupilId: q.id, column: 'HT', value: null, version: null, carryOver: true } as any);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('nothing_to_carry_over');
  });
});

describe('grading period', () => {
  it('outside the period registration is refused; inside it is open', async () => {
    const periods = (await admin.get('/api/grading/periods')).json();
    const current = periods.find((p: any) => p.term.startDate <= today && today <= p.term.endDate) ?? periods[0];
    const future = await admin.request('PUT', `/api/grading/periods/${current.term.id}`, { from: '2099-01-01', to: '2099-01-31', version: null });
    expect(future.statusCode).toBe(200);
    const g = await groupNamed('9');
    const p = (await register(g.id)).pupils[5];
    const refused = await save(g.id, { pupilId: p.id, column: 'HT', value: 'C', version: null });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('before_period');
    const open = await admin.request('PUT', `/api/grading/periods/${current.term.id}`, { from: today, to: '2099-12-31', version: 1 });
    expect(open.statusCode).toBe(200);
    expect((await overview()).period).toMatchObject({ open: true });
    expect((await save(g.id, { pupilId: p.id, column: 'HT', value: 'C', version: null })).statusCode).toBe(200);
  });

  it('the administrator removes a period and registration is open again', async () => {
    const periods = (await admin.get('/api/grading/periods')).json();
    const withPeriod = periods.find((p: any) => p.period);
    const res = await admin.request('DELETE', `/api/grading/periods/${withPeriod.term.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().period).toBeNull();
  });

  it('only the administrator sets the period', async () => {
    const periods = (await admin.get('/api/grading/periods')).json();
    const res = await teacher.request('PUT', `/api/grading/periods/${periods[0].term.id}`, { from: today, to: today, version: null });
    expect(res.statusCode).toBe(403);
  });
});

describe('written assessment and confirmation', () => {
  it('F as a final grade must have its written assessment before it is confirmed; then it is frozen until un-confirmed', async () => {
    const g = await groupNamed('9');
    const p = (await register(g.id)).pupils[6];
    const f = (await save(g.id, { pupilId: p.id, column: 'final', value: 'F', version: null })).json();
    expect(f.writtenAssessment).toBe('missing');
    const refused = await teacher.request('POST', `/api/grading/groups/${g.id}/confirm`, { column: 'final', pupilIds: [p.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('written_assessment_missing');

    const url = `/api/grading/groups/${g.id}/pupils/${p.id}/written-assessment`;
    expect((await teacher.get(url)).json()).toMatchObject({ required: true, version: null });
    const written = await teacher.request('PUT', url, { knowledgeDevelopment: 'Eleven har utvecklat …', supportMeasures: 'Extra stöd i algebra', version: null });
    expect(written.statusCode).toBe(200);
    const cell = (await register(g.id)).pupils.find((x: any) => x.id === p.id).cells.final;
    expect(cell.writtenAssessment).toBe('done');

    const confirmed = await teacher.request('POST', `/api/grading/groups/${g.id}/confirm`, { column: 'final', pupilIds: [p.id] });
    expect(confirmed.json().confirmed).toEqual([p.id]);
    const change = await save(g.id, { pupilId: p.id, column: 'final', value: 'E', version: cell.version + 1 });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe('not_editable');
    expect((await teacher.request('PUT', url, { knowledgeDevelopment: 'x', supportMeasures: '', version: 1 })).statusCode).toBe(409);

    expect((await teacher.request('POST', `/api/grading/grades/${f.gradeId}/unconfirm`, { reason: 'fel' })).statusCode).toBe(403);
    const un = await admin.request('POST', `/api/grading/grades/${f.gradeId}/unconfirm`, { reason: 'Läraren begärde ändring' });
    expect(un.statusCode).toBe(200);
    const now = (await register(g.id)).pupils.find((x: any) => x.id === p.id).cells.final;
    expect(now.state).toBe('registered');
    expect((await save(g.id, { pupilId: p.id, column: 'final', value: 'E', version: now.version })).statusCode).toBe(200);

    const history = (await teacher.get(`/api/grading/grades/${f.gradeId}/history`)).json();
    expect(history.map((h: any) => h.action)).toEqual(['registered', 'confirmed', 'unconfirmed', 'changed']);
    expect(history[2].reason).toBe('Läraren begärde ändring');
  });
});

describe('anpassad grundskola', () => {
  it('grades only for pupils who asked, and only A–E', async () => {
    const grs = await one<{ group_id: string; unit_id: string }>(t.database.db, sql`
      select g.id as group_id, g.school_unit_id as unit_id from student_group g
        join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id
        join enrolment e on e.organiser_id = m.organiser_id and e.person_id = m.person_id and e.school_form = 'GRS' and e.school_year >= 6
       where g.group_type = 'teaching' group by g.id, g.school_unit_id
      having bool_or(e.grades_requested) and bool_or(not e.grades_requested) limit 1`);
    expect(grs).toBeDefined();
    await t.database.db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
      values (${t.organiserId}, ${randomUUID()}, ${grs!.group_id}, ${teacher.body.person.id}, 'teacher', true, '2000-01-01')`);
    const c = new Client(t.app, '10.50.0.9');
    await c.login('larare');
    const unit = c.body.roles.find((r: any) => r.role === 'teacher').units.find((u: any) => u.id === grs!.unit_id);
    await c.request('PUT', '/api/session/context', { role: 'teacher', unitId: unit.id });
    const r = await register(grs!.group_id, c);
    const facts = await rows<{ id: string; grades_requested: boolean }>(t.database.db, sql`select person_id as id, grades_requested from enrolment where school_form = 'GRS'`);
    const asked = r.pupils.find((p: any) => facts.find((f) => f.id === p.id)?.grades_requested && p.cells.HT.allowed);
    const notAsked = r.pupils.find((p: any) => facts.find((f) => f.id === p.id && !f.grades_requested));
    expect(asked.cells.HT.steps).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(notAsked.cells.HT).toMatchObject({ allowed: false, blocked: 'grades_not_requested' });
    const fRes = await save(grs!.group_id, { pupilId: asked.id, column: 'HT', value: 'F', version: null }, c);
    expect(fRes.statusCode).toBe(400);
    expect(fRes.json().error.code).toBe('step_not_allowed');
    expect((await save(grs!.group_id, { pupilId: notAsked.id, column: 'HT', value: 'E', version: null }, c)).json().error.code).toBe('grades_not_requested');
    expect((await save(grs!.group_id, { pupilId: asked.id, column: 'HT', value: 'E', version: null }, c)).statusCode).toBe(200);
  });
});
