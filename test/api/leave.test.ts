import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { startTestApp, type Client, type TestApp } from '../support/api.js';
import { childOf, count, deviation, fixedClock, loggedIn, otherGuardianOf, registeredAbsence, strangerGuardian, withoutAbsenceHistory } from './absence-report-helpers.js';

let t: TestApp;
let guardian: Client;
let delegate: Client; // admin: the demo principal delegated decide_leave to them
let olle: { id: string; givenName: string };
const apply = (c: Client, pupilId: string, fromDate = '2026-11-23', toDate = '2026-11-25', reason = 'Familjeresa') =>
  c.request('POST', '/api/leave-applications', { pupilId, fromDate, toDate, reason });

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock });
  guardian = await loggedIn(t, 'vardnadshavare');
  delegate = await loggedIn(t, 'admin');
  olle = await childOf(t, 'vardnadshavare', 'Björkskolan');
  await withoutAbsenceHistory(t, olle.id);
});
afterAll(async () => t?.close());

describe('a guardian applies for leave; the principal\'s delegate decides', () => {
  let id: string;
  let version: number;

  it('the application is pending, in the guardian\'s words', async () => {
    const res = await apply(guardian, olle.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', reason: 'Familjeresa', appliedByName: 'Sofia Ängström', decidedByName: null });
    ({ id, version } = res.json());
  });

  it('both guardians with custody see the application', async () => {
    await otherGuardianOf(t, olle.id, 'vardnadshavare', 'vh_andra');
    const other = await loggedIn(t, 'vh_andra');
    const res = await other.get(`/api/leave-applications?pupilId=${olle.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().applications.map((a: any) => a.id)).toEqual([id]);
  });

  it('a teacher without the delegation sees no queue and may not decide (403), nothing changed', async () => {
    const teacher = await loggedIn(t, 'mentor');
    expect((await teacher.get('/api/leave-applications/pending')).json()).toEqual({ mayDecide: false, applications: [] });
    const res = await teacher.request('POST', `/api/leave-applications/${id}/decision`, { decision: 'granted', version });
    expect(res.statusCode).toBe(403);
    expect(await count(t, 'leave_application', sql`id = ${id} and status = 'pending'`)).toBe(1);
  });

  it('a guardian may not decide (403)', async () => {
    expect((await guardian.request('POST', `/api/leave-applications/${id}/decision`, { decision: 'granted', version })).statusCode).toBe(403);
  });

  it('the principal of another unit does not find it (404)', async () => {
    const stranger = randomUUID();
    const db = t.database.db;
    await db.execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${stranger}, 'Annan', 'Rektorsson')`);
    await db.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, licensed, start_date)
      select ${t.organiserId}, ${randomUUID()}, ${stranger}, id, 'principal', true, '2000-01-01' from school_unit where name = 'Eksätraskolan'`);
    await db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash) values (${t.organiserId}, ${randomUUID()}, ${stranger}, 'annan_rektor', ${await hashPassword('demo')})`);
    const other = await loggedIn(t, 'annan_rektor');
    expect((await other.request('POST', `/api/leave-applications/${id}/decision`, { decision: 'granted', version })).statusCode).toBe(404);
    expect((await other.get('/api/leave-applications/pending')).json().applications).toEqual([]);
  });

  it('the delegate sees it in the queue with the pupil and class', async () => {
    const res = await delegate.get('/api/leave-applications/pending');
    expect(res.json().mayDecide).toBe(true);
    expect(res.json().applications.find((a: any) => a.id === id)).toMatchObject({ pupilName: expect.stringContaining(olle.givenName), className: '9B', invalidMinutes: 0 });
  });

  it('a refusal needs a reason (422); a stale version is refused (409)', async () => {
    const noReason = await delegate.request('POST', `/api/leave-applications/${id}/decision`, { decision: 'refused', reason: ' ', version });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.code).toBe('reason_required');
    expect((await delegate.request('POST', `/api/leave-applications/${id}/decision`, { decision: 'granted', version: version + 5 })).statusCode).toBe(409);
  });

  it('the delegate grants it (200, audited); an absence already registered in its days becomes valid; the guardian sees "granted"', async () => {
    const d = await registeredAbsence(t, olle.id, '2026-11-23', '08:10', '09:00');
    const res = await delegate.request('POST', `/api/leave-applications/${id}/decision`, { decision: 'granted', version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'granted', decidedByName: 'Karin Ek' });
    expect(await deviation(t, d)).toEqual({ valid: true, absence_report_id: null, leave_id: id });
    expect(await count(t, 'audit_event', sql`action = 'leave.granted' and entity_id = ${id} and details->>'personId' = ${olle.id}`)).toBe(1);
    expect((await guardian.get(`/api/leave-applications?pupilId=${olle.id}`)).json().applications[0].status).toBe('granted');
    expect((await delegate.request('POST', `/api/leave-applications/${id}/decision`, { decision: 'refused', reason: 'Nej', version: version + 1 })).statusCode).toBe(409);
  });

  it('the principal refuses with a reason, and the guardian sees it', async () => {
    const rektor = await loggedIn(t, 'rektor');
    const made = (await apply(guardian, olle.id, '2026-12-07', '2026-12-11', 'Resa till mormor')).json();
    const res = await rektor.request('POST', `/api/leave-applications/${made.id}/decision`, { decision: 'refused', reason: 'Nationella prov den veckan', version: made.version });
    expect(res.statusCode).toBe(200);
    const seen = (await guardian.get(`/api/leave-applications?pupilId=${olle.id}`)).json().applications.find((a: any) => a.id === made.id);
    expect(seen).toMatchObject({ status: 'refused', decisionReason: 'Nationella prov den veckan' });
  });
});

describe('withdrawing and bad input', () => {
  it('a withdrawn application cannot be decided (409)', async () => {
    const made = (await apply(guardian, olle.id, '2026-11-26', '2026-11-26')).json();
    const w = await guardian.request('POST', `/api/leave-applications/${made.id}/withdraw`);
    expect(w.statusCode).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    const res = await delegate.request('POST', `/api/leave-applications/${made.id}/decision`, { decision: 'granted', version: w.json().version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('not_pending');
    expect((await guardian.request('POST', `/api/leave-applications/${made.id}/withdraw`)).statusCode).toBe(409);
  });

  it('leave for another family\'s child is not found (404), nothing stored; nor can they withdraw ours', async () => {
    const stranger = await strangerGuardian(t, olle.id, 'vh_annan');
    const before = await count(t, 'leave_application', sql`pupil_id = ${stranger.childId}`);
    expect((await apply(guardian, stranger.childId)).statusCode).toBe(404);
    expect(await count(t, 'leave_application', sql`pupil_id = ${stranger.childId}`)).toBe(before);
    const other = await loggedIn(t, 'vh_annan');
    const mine = (await apply(guardian, olle.id, '2026-11-27', '2026-11-27')).json();
    expect((await other.request('POST', `/api/leave-applications/${mine.id}/withdraw`)).statusCode).toBe(404);
    expect((await other.get(`/api/leave-applications?pupilId=${olle.id}`)).statusCode).toBe(404);
  });

  it('leave in the past is refused (422)', async () => {
    const res = await apply(guardian, olle.id, '2026-11-16', '2026-11-17');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('starts_in_past');
  });

  it('the pupil sees their own applications but may not apply', async () => {
    const elev = await loggedIn(t, 'elev');
    expect((await elev.get(`/api/leave-applications?pupilId=${elev.body.person.id}`)).statusCode).toBe(200);
    expect((await elev.get(`/api/leave-applications?pupilId=${olle.id}`)).statusCode).toBe(404);
    expect((await apply(elev, elev.body.person.id)).statusCode).toBe(403);
  });
});
