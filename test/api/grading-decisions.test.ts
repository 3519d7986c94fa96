import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let teacher: Client;
let admin: Client;
let group: any;
beforeAll(async () => {
  t = await startTestApp();
  teacher = new Client(t.app, '10.60.0.1');
  await teacher.login('larare');
  await teacher.switchTo('teacher', 'Björkskolan');
  admin = new Client(t.app, '10.60.0.2');
  await admin.login('admin');
  group = (await teacher.get('/api/grading/groups')).json().groups.find((g: any) => g.name.startsWith('9'));
});
afterAll(async () => { await t?.close(); });

const register = async (c = teacher, id = group.id) => (await c.get(`/api/grading/groups/${id}`)).json();
const save = (pupilId: string, value: string, version: number | null = null, c = teacher, id = group.id) =>
  c.request('PUT', `/api/grading/groups/${id}/cells`, { pupilId, column: 'HT', value, version, requestId: randomUUID() });

describe('catalogue, lock and corrections', () => {
  let gradeId: string;
  let pupils: any[];

  it('a catalogue cannot be signed while a grade is only registered', async () => {
    pupils = (await register()).pupils.slice(0, 2);
    gradeId = (await save(pupils[0].id, 'C')).json().gradeId;
    await save(pupils[1].id, 'A');
    const res = await teacher.request('POST', `/api/grading/groups/${group.id}/catalogue/sign`, { column: 'HT' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('not_confirmed');
  });

  it('the licensed teacher signs the confirmed catalogue and the grades become decided', async () => {
    await teacher.request('POST', `/api/grading/groups/${group.id}/confirm`, { column: 'HT', pupilIds: pupils.map((p) => p.id) });
    const res = await teacher.request('POST', `/api/grading/groups/${group.id}/catalogue/sign`, { column: 'HT' });
    expect(res.statusCode).toBe(200);
    expect(res.json().decided).toBe(true);
    expect(res.json().signatures[0]).toMatchObject({ signerId: teacher.body.person.id, licensed: true });
    const cell = (await register()).pupils.find((p: any) => p.id === pupils[0].id).cells.HT;
    expect(cell.state).toBe('decided');
    expect((await teacher.request('POST', `/api/grading/groups/${group.id}/catalogue/sign`, { column: 'HT' })).statusCode).toBe(409);
  });

  it('the catalogue prints as a PDF', async () => {
    const res = await teacher.get(`/api/grading/groups/${group.id}/catalogue.pdf?column=HT`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.toString('latin1')).toContain('pdfaid:part');
  });

  it('only the administrator locks, and a locked grade cannot be changed by anyone', async () => {
    expect((await teacher.request('POST', `/api/grading/groups/${group.id}/lock`, { column: 'HT' })).statusCode).toBe(403);
    const locked = await admin.request('POST', `/api/grading/groups/${group.id}/lock`, { column: 'HT' });
    expect(locked.json()).toEqual({ locked: 2 });
    const cell = (await register()).pupils.find((p: any) => p.id === pupils[0].id).cells.HT;
    expect(cell.state).toBe('locked');
    const change = await save(pupils[0].id, 'B', cell.version);
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe('not_editable');
  });

  it('an ändring may never lower a grade; a rättelse may, decided by the grading teacher', async () => {
    const lower = await admin.request('POST', `/api/grading/grades/${gradeId}/correction`, { kind: 'andring', value: 'D', reason: 'Omprövning', decidedBy: teacher.body.person.id });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.code).toBe('lowers_grade');
    const raise = await admin.request('POST', `/api/grading/grades/${gradeId}/correction`, { kind: 'andring', value: 'B', reason: 'Omprövning efter nationellt prov', decidedBy: teacher.body.person.id });
    expect(raise.statusCode).toBe(200);
    const fix = await admin.request('POST', `/api/grading/grades/${gradeId}/correction`, { kind: 'rattelse', value: 'C', reason: 'Skrivfel vid registreringen', decidedBy: teacher.body.person.id });
    expect(fix.statusCode).toBe(200);
    const history = (await admin.get(`/api/grading/grades/${gradeId}/history`)).json();
    expect(history.map((h: any) => [h.action, h.fromValue, h.toValue])).toEqual([
      ['registered', null, 'C'], ['confirmed', 'C', 'C'], ['decided', 'C', 'C'], ['locked', 'C', 'C'], ['andring', 'C', 'B'], ['rattelse', 'B', 'C'],
    ]);
  });

  it('a correction is decided by the grading teacher or the principal, nobody else', async () => {
    const other = new Client(t.app, '10.60.0.3');
    await other.login('mentor');
    const res = await admin.request('POST', `/api/grading/grades/${gradeId}/correction`, { kind: 'rattelse', value: 'A', reason: 'Räknefel', decidedBy: other.body.person.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('decider_not_allowed');
    const rektor = new Client(t.app, '10.60.0.4');
    await rektor.login('rektor');
    expect((await admin.request('POST', `/api/grading/grades/${gradeId}/correction`, { kind: 'rattelse', value: 'A', reason: 'Räknefel', decidedBy: rektor.body.person.id })).statusCode).toBe(200);
  });
});

describe('history export', () => {
  it('the principal exports every grade change with who, when and why; a teacher may not', async () => {
    const rektor = new Client(t.app, '10.62.0.1');
    await rektor.login('rektor');
    const res = await rektor.get('/api/grading/history.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const sheet = book.getWorksheet('Betygshistorik')!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain('Rättelse');
    expect(values).toContain('Skrivfel vid registreringen');
    expect((await teacher.get('/api/grading/history.xlsx')).statusCode).toBe(403);
  });
});

describe('a teacher without a licence', () => {
  it('signs together with a licensed teacher: alone the grades are not decided', async () => {
    const unlicensed = new Client(t.app, '10.61.0.1');
    await unlicensed.login('larare2');
    const enGroup = (await unlicensed.get('/api/grading/groups')).json().groups[0];
    const r = await register(unlicensed, enGroup.id);
    const pupil = r.pupils.find((p: any) => p.cells.HT.allowed);
    await save(pupil.id, 'B', null, unlicensed, enGroup.id);
    await unlicensed.request('POST', `/api/grading/groups/${enGroup.id}/confirm`, { column: 'HT', pupilIds: [pupil.id] });
    const signed = (await unlicensed.request('POST', `/api/grading/groups/${enGroup.id}/catalogue/sign`, { column: 'HT' })).json();
    expect(signed.decided).toBe(false);
    expect(signed.signatures).toHaveLength(1);

    const coTeacher = signed.teachers.find((x: any) => x.licensed);
    expect(coTeacher).toBeDefined();
    await t.database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
      values (${t.organiserId}, ${randomUUID()}, ${coTeacher.id}, 'medlarare', ${await hashPassword('demo')})`);
    const licensed = new Client(t.app, '10.61.0.2');
    await licensed.login('medlarare');
    const unit = licensed.body.roles.find((x: any) => x.role === 'teacher').units.find((u: any) => u.name === 'Björkskolan');
    await licensed.request('PUT', '/api/session/context', { role: 'teacher', unitId: unit.id });
    const cosigned = (await licensed.request('POST', `/api/grading/groups/${enGroup.id}/catalogue/sign`, { column: 'HT' })).json();
    expect(cosigned.decided).toBe(true);
    const state = await one<{ state: string }>(t.database.db, sql`select state from grade where pupil_id = ${pupil.id} and subject_code = 'EN' and kind = 'term' and group_id = ${enGroup.id}`);
    expect(state!.state).toBe('decided');
  });
});

describe('when the unlicensed and the licensed teacher disagree', () => {
  it('the licensed teacher qualified in the subject decides; without one, the principal', async () => {
    const unlicensed = new Client(t.app, '10.63.0.1');
    await unlicensed.login('larare2');
    const enGroup = (await unlicensed.get('/api/grading/groups')).json().groups[0];
    const r = await register(unlicensed, enGroup.id);
    const pupil = r.pupils.filter((p: any) => p.cells.HT.allowed && !p.cells.HT.value)[0];
    const gradeId = (await save(pupil.id, 'C', null, unlicensed, enGroup.id)).json().gradeId;
    const licensed = new Client(t.app, '10.63.0.2');
    await licensed.login('medlarare');
    const unit = licensed.body.roles.find((x: any) => x.role === 'teacher').units.find((u: any) => u.name === 'Björkskolan');
    await licensed.request('PUT', '/api/session/context', { role: 'teacher', unitId: unit.id });
    const rektor = new Client(t.app, '10.63.0.3');
    await rektor.login('rektor');
    const decide = (c: Client, value: string) => c.request('POST', `/api/grading/grades/${gradeId}/disagreement`, { value, reason: 'Oeniga om bedömningen' });
    const setQualified = (subjects: string[]) => t.database.db.execute(sql`update duty set qualified_subjects = ${sql.param(subjects)}::text[]
      where person_id = ${licensed.body.person.id} and school_unit_id = ${unit.id}`);

    await setQualified(['EN']);
    expect((await decide(unlicensed, 'B')).statusCode).toBe(403);
    expect((await decide(rektor, 'B')).statusCode).toBe(403);
    const byTeacher = await decide(licensed, 'B');
    expect(byTeacher.statusCode).toBe(200);
    expect(byTeacher.json().decidedBy).toBe('licensed_teacher');

    await setQualified([]);
    expect((await decide(licensed, 'A')).statusCode).toBe(403);
    const byPrincipal = await decide(rektor, 'A');
    expect(byPrincipal.json()).toMatchObject({ value: 'A', decidedBy: 'principal' });
    const history = (await rektor.get(`/api/grading/grades/${gradeId}/history`)).json();
    expect(history.filter((h: any) => h.action === 'disagreement_decided').map((h: any) => h.toValue)).toEqual(['B', 'A']);
  });
});
