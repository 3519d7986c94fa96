import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { one } from '../../src/server/platform/db/database.js';
import { startTestApp, type Client, type TestApp } from '../support/api.js';
import { childOf, count, deviation, fixedClock, loggedIn, otherGuardianOf, registeredAbsence, strangerGuardian, TODAY, withoutAbsenceHistory } from './absence-report-helpers.js';

let t: TestApp;
let guardian: Client;
let olle: { id: string; givenName: string };
const reportsOf = (pupilId: string) => count(t, 'absence_report', sql`pupil_id = ${pupilId}`);

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock });
  guardian = await loggedIn(t, 'vardnadshavare');
  olle = await childOf(t, 'vardnadshavare', 'Björkskolan');
  await withoutAbsenceHistory(t, olle.id);
});
afterAll(async () => t?.close());

describe('a guardian reports absence for their child', () => {
  it('lists the children with the reporting window of their unit (default: today and two weeks ahead)', async () => {
    const res = await guardian.get('/api/absence-reports/pupils');
    expect(res.statusCode).toBe(200);
    const mine = res.json().find((p: any) => p.id === olle.id);
    expect(mine).toMatchObject({ unitName: 'Björkskolan', window: { from: TODAY, to: '2026-12-02' }, mayReport: true });
    expect(res.json()).toHaveLength(2);
  });

  it('reports a whole coming day; the report shows who reported and when', async () => {
    const res = await guardian.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: '2026-11-19', toDate: '2026-11-19' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'new', report: { fromDate: '2026-11-19', toDate: '2026-11-19', fromTime: null, reporterRole: 'guardian', reportedByName: 'Sofia Ängström' } });
    const audit = await one<{ details: any }>(t.database.db, sql`select details from audit_event where action = 'absence_report.created' and entity_id = ${res.json().report.id}`);
    expect(audit!.details.personId).toBe(olle.id);
  });

  it('an overlapping or adjoining report merges into one span, and says what it merged', async () => {
    const res = await guardian.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: '2026-11-20', toDate: '2026-11-23' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'merged', report: { fromDate: '2026-11-19', toDate: '2026-11-23' }, mergedWith: [{ fromDate: '2026-11-19', toDate: '2026-11-19' }] });
    expect(await count(t, 'absence_report', sql`pupil_id = ${olle.id} and withdrawn_at is null`)).toBe(1);
    const inside = await guardian.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: '2026-11-20', toDate: '2026-11-20', fromTime: '08:00', toTime: '10:00' });
    expect(inside.json().outcome).toBe('already_covered');
  });

  it('both guardians see all reports of the child', async () => {
    await otherGuardianOf(t, olle.id, 'vardnadshavare', 'vh_andra');
    const other = await loggedIn(t, 'vh_andra');
    const res = await other.get(`/api/absence-reports?pupilId=${olle.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().reports.map((r: any) => [r.fromDate, r.toDate, r.reportedByName])).toEqual([['2026-11-19', '2026-11-23', 'Sofia Ängström']]);
  });

  it('reporting backwards outside the window is refused with a clear code, nothing stored', async () => {
    const before = await reportsOf(olle.id);
    const res = await guardian.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: '2026-11-17', toDate: TODAY });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('outside_report_window');
    expect(res.json().window).toEqual({ from: TODAY, to: '2026-12-02' });
    expect(await reportsOf(olle.id)).toBe(before);
  });

  it('part of a day needs both times, the end after the start', async () => {
    const res = await guardian.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: TODAY, toDate: TODAY, fromTime: '10:00', toTime: '09:00' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('times_reversed');
  });

  it('another family\'s child is not found (404), in a report and in the list; nothing stored', async () => {
    const stranger = await strangerGuardian(t, olle.id, 'vh_annan');
    const before = await reportsOf(stranger.childId);
    expect((await guardian.get(`/api/absence-reports?pupilId=${stranger.childId}`)).statusCode).toBe(404);
    const res = await guardian.request('POST', '/api/absence-reports', { pupilId: stranger.childId, fromDate: TODAY, toDate: TODAY });
    expect(res.statusCode).toBe(404);
    expect(await reportsOf(stranger.childId)).toBe(before);
    const other = await loggedIn(t, 'vh_annan');
    expect((await other.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: TODAY, toDate: TODAY })).statusCode).toBe(404);
  });

  it('a report covering a lesson already registered absent makes it valid; withdrawing it makes it invalid again', async () => {
    const d = await registeredAbsence(t, olle.id, TODAY, '08:10', '09:00');
    const res = await guardian.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: TODAY, toDate: TODAY, fromTime: '08:00', toTime: '09:30' });
    expect(res.statusCode).toBe(200);
    expect(res.json().lessonsMadeValid).toBe(1);
    expect(await deviation(t, d)).toEqual({ valid: true, absence_report_id: res.json().report.id, leave_id: null });
    const back = await guardian.request('POST', `/api/absence-reports/${res.json().report.id}/withdraw`);
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ report: { withdrawn: true, mayWithdraw: false }, lessonsMadeInvalid: 1 });
    expect(await deviation(t, d)).toEqual({ valid: false, absence_report_id: null, leave_id: null });
    expect((await guardian.request('POST', `/api/absence-reports/${res.json().report.id}/withdraw`)).statusCode).toBe(409);
  });
});

describe('who may report', () => {
  it('a pupil may not report own absence when the unit does not allow it (403), and may when it does', async () => {
    const elev = await loggedIn(t, 'elev');
    const me = elev.body.person.id;
    await withoutAbsenceHistory(t, me);
    const refused = await elev.request('POST', '/api/absence-reports', { pupilId: me, fromDate: TODAY, toDate: TODAY });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('pupil_may_not_report');
    expect(await reportsOf(me)).toBe(0);
    await t.database.db.execute(sql`insert into unit_absence_setting (organiser_id, school_unit_id, pupil_may_report)
      select organiser_id, id, true from school_unit where name = 'Björkskolan'`);
    const allowed = await elev.request('POST', '/api/absence-reports', { pupilId: me, fromDate: TODAY, toDate: TODAY });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().report.reporterRole).toBe('pupil');
  });

  it('the unit\'s administrator reports on the family\'s behalf; another unit\'s staff gets 404', async () => {
    const admin = await loggedIn(t, 'admin');
    const res = await admin.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: '2026-11-30', toDate: '2026-11-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json().report.reporterRole).toBe('staff');
    const ida = await childOf(t, 'vardnadshavare', 'Eksätraskolan');
    expect((await admin.request('POST', '/api/absence-reports', { pupilId: ida.id, fromDate: TODAY, toDate: TODAY })).statusCode).toBe(404);
  });

  it('an analyst may not report at all (403)', async () => {
    const analyst = await loggedIn(t, 'analytiker');
    expect((await analyst.request('POST', '/api/absence-reports', { pupilId: olle.id, fromDate: TODAY, toDate: TODAY })).statusCode).toBe(403);
  });
});
