// A disagreement between the unlicensed and the licensed grading teacher: nobody but the licensed teacher
// qualified in the subject (otherwise the principal) decides it, a refusal changes nothing, and the catalogue
// tells each actor whether they decide.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let unlicensed: Client;
let licensed: Client;
let rektor: Client;
let groupId: string;
let gradeId: string;
let bjorkskolan: string;
let coTeacherName: string;

const client = async (ip: string, username: string, role?: string, unitName?: string) => {
  const c = new Client(t.app, ip);
  expect((await c.login(username)).statusCode, `login ${username}`).toBe(200);
  if (role) expect((await c.switchTo(role, unitName)).statusCode, `${username} as ${role} at ${unitName}`).toBe(200);
  return c;
};
const decide = (c: Client, value = 'B', reason = 'Oeniga om bedömningen av den muntliga delen') =>
  c.request('POST', `/api/grading/grades/${gradeId}/disagreement`, { value, reason });
const catalogue = async (c: Client) => {
  const res = await c.get(`/api/grading/groups/${groupId}/catalogue?column=HT`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const setQualified = (subjects: string[]) => t.database.db.execute(sql`update duty set qualified_subjects = ${sql.param(subjects)}::text[]
  where organiser_id = ${t.organiserId} and person_id = ${licensed.body.person.id} and school_unit_id = ${bjorkskolan} and role = 'teacher'`);

/** The grade row, its history events and its audit rows: what a refused decision must leave as it was. */
const footprint = async () => ({
  grade: await one(t.database.db, sql`select value, state, version from grade where id = ${gradeId}`),
  events: (await rows<{ action: string }>(t.database.db, sql`select action from grade_event where grade_id = ${gradeId} order by occurred_at, id`)).map((e) => e.action),
  audits: (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where entity_id = ${gradeId} and action = 'grade.disagreement_decided'`))!.n,
});

beforeAll(async () => {
  t = await startTestApp();
  unlicensed = await client('10.64.0.1', 'larare2');
  const group = (await unlicensed.get('/api/grading/groups')).json().groups.find((g: any) => g.name === '7A EN');
  expect(group, 'larare2 grades 7A EN').toBeDefined();
  groupId = group.id;
  bjorkskolan = unlicensed.body.current.unitId;

  // the licensed co-grader of the demo has no account: give it one
  const coTeacher = (await catalogue(unlicensed)).teachers.find((x: any) => x.licensed);
  expect(coTeacher, '7A EN has a licensed grading teacher').toBeDefined();
  coTeacherName = coTeacher.name;
  await t.database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${randomUUID()}, ${coTeacher.id}, 'medlarare', ${await hashPassword('demo')})`);
  licensed = await client('10.64.0.2', 'medlarare', 'teacher', 'Björkskolan');
  rektor = await client('10.64.0.3', 'rektor');

  const pupil = (await unlicensed.get(`/api/grading/groups/${groupId}`)).json().pupils.find((p: any) => p.cells.HT.allowed && !p.cells.HT.value);
  const saved = await unlicensed.request('PUT', `/api/grading/groups/${groupId}/cells`,
    { pupilId: pupil.id, column: 'HT', value: 'C', version: null, requestId: randomUUID() });
  expect(saved.statusCode).toBe(200);
  gradeId = saved.json().gradeId;
  expect((await unlicensed.request('POST', `/api/grading/groups/${groupId}/confirm`, { column: 'HT', pupilIds: [pupil.id] })).statusCode).toBe(200);
});
afterAll(async () => { await t?.close(); });

describe('who may not decide a disagreement', () => {
  let before: Awaited<ReturnType<typeof footprint>>;
  beforeAll(async () => {
    await setQualified(['EN', 'M2SPA']);
    before = await footprint();
    expect(before.grade).toMatchObject({ value: 'C', state: 'confirmed' });
  });

  it('a teacher of another unit: not found, nothing changes', async () => {
    const other = await client('10.64.1.1', 'personal', 'teacher');
    expect(other.body.current.unitId).not.toBe(bjorkskolan);
    const res = await decide(other);
    expect(res.statusCode).toBe(404);
    expect(await footprint()).toEqual(before);
    // larare works at both units: from Eksätraskolan the grade is not found either
    const larare = await client('10.64.1.2', 'larare', 'teacher', 'Eksätraskolan');
    expect((await decide(larare)).statusCode).toBe(404);
    expect(await footprint()).toEqual(before);
  });

  it('a licensed teacher not qualified in the subject: refused, nothing changes', async () => {
    // licensed in MA/FY/TK at the same unit, not a teacher of the group: the grade is out of scope
    const larare = await client('10.64.2.1', 'larare', 'teacher', 'Björkskolan');
    expect((await decide(larare)).statusCode).toBe(404);
    // the group's own licensed grader when not qualified in EN: the principal decides, not they
    await setQualified(['M2SPA']);
    try {
      const res = await decide(licensed);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('principal_decides');
      expect((await catalogue(licensed)).canDecideDisagreement).toBe(false);
      expect((await catalogue(rektor)).canDecideDisagreement).toBe(true);
    } finally {
      await setQualified(['EN', 'M2SPA']);
    }
    expect(await footprint()).toEqual(before);
  });

  it('the unlicensed teacher himself: forbidden, nothing changes', async () => {
    const res = await decide(unlicensed);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('licensed_teacher_decides');
    // not even with an invalid body does he learn more than that he does not decide
    expect((await decide(unlicensed, 'B', '')).statusCode).toBe(403);
    expect((await catalogue(unlicensed)).canDecideDisagreement).toBe(false);
    expect(await footprint()).toEqual(before);
  });

  it('a pupil, the administrator, and the principal while a qualified licensed teacher grades: forbidden, nothing changes', async () => {
    const elev = await client('10.64.3.1', 'elev');
    expect((await decide(elev)).statusCode).toBe(403);
    const admin = await client('10.64.3.2', 'admin');
    expect((await decide(admin)).statusCode).toBe(403);
    const res = await decide(rektor);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('licensed_teacher_decides');
    expect((await catalogue(rektor)).canDecideDisagreement).toBe(false);
    expect(await footprint()).toEqual(before);
  });

  it('a teacher of the unit who does not teach the group: not found, nothing changes', async () => {
    const mentor = await client('10.64.4.1', 'mentor');
    expect((await decide(mentor)).statusCode).toBe(404);
    expect(await footprint()).toEqual(before);
  });
});

describe('the licensed teacher qualified in the subject decides', () => {
  it('the catalogue offers it to them; the reason is required; the decision is in the history with who decided', async () => {
    await setQualified(['EN', 'M2SPA']);
    const view = await catalogue(licensed);
    expect(view.canDecideDisagreement).toBe(true);
    const line = view.lines.find((l: any) => l.gradeId === gradeId);
    expect(line).toMatchObject({ value: 'C', state: 'confirmed', steps: ['A', 'B', 'C', 'D', 'E', 'F', '-'] });
    // every other pupil of the group who should have an HT grade is named as missing one; the graded one is not
    expect(view.missing.length).toBeGreaterThan(0);
    expect(view.missing.map((m: any) => m.pupilId)).not.toContain(line.pupilId);
    expect(view.missing.length).toBe(view.lines.filter((l: any) => l.value === null).length);

    const noReason = await decide(licensed, 'B', '  x ');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('no_reason');
    const res = await decide(licensed, 'B', '  Provresultaten visar B  ');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ gradeId, value: 'B', decidedBy: 'licensed_teacher' });

    const after = await footprint();
    expect(after.grade).toMatchObject({ value: 'B', state: 'confirmed' });
    expect(after.events.at(-1)).toBe('disagreement_decided');
    expect(after.audits).toBe(1);
    const history = (await unlicensed.get(`/api/grading/grades/${gradeId}/history`)).json();
    const decided = history.find((h: any) => h.action === 'disagreement_decided');
    expect(decided).toMatchObject({ fromValue: 'C', toValue: 'B', reason: 'Provresultaten visar B', by: coTeacherName });
  });

  it('a decided grade is settled: the teachers cannot change it in the register', async () => {
    const cell = (await unlicensed.get(`/api/grading/groups/${groupId}`)).json().pupils.map((p: any) => p.cells.HT).find((c: any) => c.gradeId === gradeId);
    const res = await unlicensed.request('PUT', `/api/grading/groups/${groupId}/cells`,
      { pupilId: (await one<{ pupil_id: string }>(t.database.db, sql`select pupil_id from grade where id = ${gradeId}`))!.pupil_id, column: 'HT', value: 'C', version: cell.version, requestId: randomUUID() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('not_editable');
    expect((await footprint()).grade).toMatchObject({ value: 'B', state: 'confirmed' });
  });

  it('a signature given before a decision changed a grade no longer counts; its signer signs again', async () => {
    const first = (await unlicensed.request('POST', `/api/grading/groups/${groupId}/catalogue/sign`, { column: 'HT' })).json();
    expect(first.decided).toBe(false);
    expect(first.signatures.map((x: any) => x.inForce)).toEqual([true]);
    expect((await decide(licensed, 'C', 'Vid närmare genomgång: C')).statusCode).toBe(200);
    const view = await catalogue(unlicensed);
    expect(view.signatures).toEqual([expect.objectContaining({ signerId: unlicensed.body.person.id, inForce: false })]);
    expect(view.canSign).toBe(true);
    const again = await unlicensed.request('POST', `/api/grading/groups/${groupId}/catalogue/sign`, { column: 'HT' });
    expect(again.statusCode).toBe(200);
    expect(again.json().signatures).toEqual([expect.objectContaining({ signerId: unlicensed.body.person.id, inForce: true })]);
    expect((await unlicensed.request('POST', `/api/grading/groups/${groupId}/catalogue/sign`, { column: 'HT' })).statusCode).toBe(409);
  });

  it('once the catalogue is signed by both, the grade is decided and no disagreement is offered or taken', async () => {
    const signed = (await licensed.request('POST', `/api/grading/groups/${groupId}/catalogue/sign`, { column: 'HT' })).json();
    expect(signed.decided).toBe(true);
    expect(signed.canDecideDisagreement).toBe(false);
    const res = await decide(licensed, 'A');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('decided_or_locked');
  });
});

describe('the grade steps on the catalogue follow the school form', () => {
  it('a pupil in anpassad grundskola gets A–E', async () => {
    const larare = await client('10.64.5.1', 'larare');
    const grs = await one<{ group_id: string; unit_id: string; pupil_id: string }>(t.database.db, sql`
      select g.id as group_id, g.school_unit_id as unit_id, e.person_id as pupil_id from student_group g
        join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id
        join enrolment e on e.organiser_id = m.organiser_id and e.person_id = m.person_id and e.school_form = 'GRS' and e.school_year >= 6
        join duty d on d.organiser_id = g.organiser_id and d.school_unit_id = g.school_unit_id and d.person_id = ${larare.body.person.id}
       where g.group_type = 'teaching' limit 1`);
    expect(grs).toBeDefined();
    await t.database.db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
      values (${t.organiserId}, ${randomUUID()}, ${grs!.group_id}, ${larare.body.person.id}, 'teacher', true, '2000-01-01')`);
    const unit = larare.body.roles.find((r: any) => r.role === 'teacher').units.find((u: any) => u.id === grs!.unit_id);
    expect((await larare.request('PUT', '/api/session/context', { role: 'teacher', unitId: unit.id })).statusCode).toBe(200);
    const view = (await larare.get(`/api/grading/groups/${grs!.group_id}/catalogue?column=HT`)).json();
    expect(view.lines.find((l: any) => l.pupilId === grs!.pupil_id).steps).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(view.canDecideDisagreement).toBe(false);
  });
});
