import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { one } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
const as = async (username: string, ip: string) => { const c = new Client(t.app, ip); expect((await c.login(username)).statusCode).toBe(200); return c; };
let teacher: Client; let admin: Client; let rektor: Client; let pupil: Client;
let groupId: string; let pupilId: string;

/** Takes the grade through the whole process: register, confirm, sign the catalogue, lock. */
async function lockedGrade(column: 'HT' | 'final', value: string) {
  const cell = (await teacher.request('PUT', `/api/grading/groups/${groupId}/cells`, { pupilId, column, value, version: null, requestId: randomUUID() })).json();
  if (value === 'F') {
    await teacher.request('PUT', `/api/grading/groups/${groupId}/pupils/${pupilId}/written-assessment`, { knowledgeDevelopment: 'Eleven har utvecklat sin förmåga att lösa problem', supportMeasures: 'Extra anpassningar i algebra', version: null });
  }
  await teacher.request('POST', `/api/grading/groups/${groupId}/confirm`, { column, pupilIds: [pupilId] });
  await teacher.request('POST', `/api/grading/groups/${groupId}/catalogue/sign`, { column });
  expect((await admin.request('POST', `/api/grading/groups/${groupId}/lock`, { column })).statusCode).toBe(200);
  return cell;
}

beforeAll(async () => {
  t = await startTestApp();
  pupil = await as('elev', '10.70.0.1');
  pupilId = pupil.body.person.id;
  teacher = await as('larare', '10.70.0.2');
  await teacher.switchTo('teacher', 'Björkskolan');
  const g = await one<{ id: string }>(t.database.db, sql`select g.id from student_group g join group_membership m on m.organiser_id = g.organiser_id
    and m.group_id = g.id where m.person_id = ${pupilId} and g.subject_code = 'MA' limit 1`);
  groupId = g!.id;
  await t.database.db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
    values (${t.organiserId}, ${randomUUID()}, ${groupId}, ${teacher.body.person.id}, 'teacher', true, '2000-01-01')`);
  admin = await as('admin', '10.70.0.3');
  rektor = await as('rektor', '10.70.0.4');
});
afterAll(async () => { await t?.close(); });

describe('grade documents, signing and handing out', () => {
  let termDoc: string;
  let finalDoc: string;

  it('a document is made only for a pupil whose grades are all locked; the others are reported', async () => {
    const cell = (await teacher.request('PUT', `/api/grading/groups/${groupId}/cells`, { pupilId, column: 'HT', value: 'B', version: null, requestId: randomUUID() })).json();
    const early = (await admin.request('POST', '/api/grading/documents', { kind: 'term', pupilIds: [pupilId] })).json();
    expect(early).toEqual({ produced: [], failed: [{ pupilId, reason: 'not_locked' }] });
    await teacher.request('POST', `/api/grading/groups/${groupId}/confirm`, { column: 'HT', pupilIds: [pupilId] });
    await teacher.request('POST', `/api/grading/groups/${groupId}/catalogue/sign`, { column: 'HT' });
    await admin.request('POST', `/api/grading/groups/${groupId}/lock`, { column: 'HT' });
    // this pupil's absence is exactly what follows (the demo's absence history removed)
    await t.database.db.execute(sql`delete from attendance_deviation where pupil_id = ${pupilId}`);
    await t.database.db.execute(sql`insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid)
      values (${t.organiserId}, ${randomUUID()}, ${pupilId}, ${swedishDate(new Date())}, 'absent', 100, false),
             (${t.organiserId}, ${randomUUID()}, ${pupilId}, ${swedishDate(new Date())}, 'absent', 300, true)`);
    const made = (await admin.request('POST', '/api/grading/documents', { kind: 'term', pupilIds: [pupilId, randomUUID()] })).json();
    expect(made.produced).toHaveLength(1);
    expect(made.failed).toEqual([{ pupilId: expect.any(String), reason: 'not_found' }]);
    termDoc = made.produced[0];
    expect(cell.value).toBe('B');
  });

  it('the term grade document carries the grades and the invalid absence in whole hours, as extractable Swedish text', async () => {
    const res = await admin.get(`/api/grading/documents/${termDoc}/pdf`);
    expect(res.statusCode).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pdf-')), 'doc.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Terminsbetyg');
    expect(text).toMatch(/Matematik \(MA\)\s+B/);
    expect(text).toContain('Ogiltig frånvaro under terminen: 2 timmar');
  });

  it('a class\'s documents come in bulk: one PDF per pupil in a ZIP, and one combined PDF', async () => {
    const cls = await one<{ id: string }>(t.database.db, sql`select g.id from student_group g join group_membership m on m.organiser_id = g.organiser_id
      and m.group_id = g.id where m.person_id = ${pupilId} and g.group_type = 'class' limit 1`);
    const zip = await admin.get(`/api/grading/documents/bundle?kind=term&classId=${cls!.id}&format=zip`);
    expect(zip.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const names = Object.keys(files);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/_terminsbetyg-HT\d{4}\.pdf$/);
    expect(Buffer.from(files[names[0]]).subarray(0, 5).toString()).toBe('%PDF-');
    const combined = await admin.get(`/api/grading/documents/bundle?kind=term&classId=${cls!.id}&format=pdf`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pdf-')), 'class.pdf');
    fs.writeFileSync(file, combined.rawPayload);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Terminsbetyg');
    expect((await teacher.get(`/api/grading/documents/bundle?kind=term&classId=${cls!.id}&format=zip`)).statusCode).toBe(403);
  });

  it('the pupil sees no grade before the document is handed out', async () => {
    const before = (await pupil.get(`/api/pupils/${pupilId}/grades`)).json();
    expect(before.terms).toEqual([]);
    expect((await pupil.get(`/api/grading/documents/${termDoc}/pdf`)).statusCode).toBe(404);
  });

  it('an unsigned document cannot be handed out', async () => {
    const res = await admin.request('POST', '/api/grading/documents/hand-out', { documentIds: [termDoc] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('not_signed');
  });

  it('a delegate of the principal signs a term grade document', async () => {
    const mentor = await as('mentor', '10.70.0.5');
    expect((await mentor.request('POST', `/api/grading/documents/${termDoc}/sign`)).statusCode).toBe(403);
    await rektor.request('POST', '/api/delegations', { delegateId: mentor.body.person.id, decisionKind: 'sign_term_grades', startDate: swedishDate(new Date()), endDate: null });
    const signed = await mentor.request('POST', `/api/grading/documents/${termDoc}/sign`);
    expect(signed.statusCode).toBe(200);
    expect(signed.json().signedBy).toBe(mentor.body.person.displayName);
  });

  it('once handed out, the pupil sees the grade and downloads the document', async () => {
    expect((await admin.request('POST', '/api/grading/documents/hand-out', { documentIds: [termDoc] })).json()).toEqual({ handedOut: [termDoc] });
    const after = (await pupil.get(`/api/pupils/${pupilId}/grades`)).json();
    expect(after.terms[0].grades).toEqual([{ subject: { code: 'MA', name: 'Matematik' }, value: 'B', carriedOver: false }]);
    expect(after.documents.map((d: any) => d.id)).toEqual([termDoc]);
    expect((await pupil.get(`/api/grading/documents/${termDoc}/pdf`)).statusCode).toBe(200);
  });

  it('another family cannot see the pupil\'s grades or documents', async () => {
    const other = await as('vardnadshavare', '10.70.0.6');
    expect((await other.get(`/api/pupils/${pupilId}/grades`)).statusCode).toBe(404);
    expect((await other.get(`/api/grading/documents/${termDoc}/pdf`)).statusCode).toBe(404);
  });

  it('a final grade document with an F carries the written assessment and is signed by the principal only', async () => {
    await lockedGrade('final', 'F');
    const made = (await admin.request('POST', '/api/grading/documents', { kind: 'final', pupilIds: [pupilId] })).json();
    finalDoc = made.produced[0];
    const mentor = await as('mentor', '10.70.0.7');
    const byDelegate = await mentor.request('POST', `/api/grading/documents/${finalDoc}/sign`);
    expect(byDelegate.statusCode).toBe(403);
    expect((await rektor.request('POST', `/api/grading/documents/${finalDoc}/sign`)).statusCode).toBe(200);
    const pdf = await rektor.get(`/api/grading/documents/${finalDoc}/pdf`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pdf-')), 'final.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Slutbetyg');
    expect(text).toContain('Meritvärde: 0');
    expect(text).toContain('Skriftlig bedömning — Matematik');
    expect(text).toContain('Eleven har utvecklat sin förmåga att lösa problem');
  });
});
