import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../src/server/platform/db/database.js';
import { constructWeek, deviate, WEEK, WEEK_CLOCK, type Week } from '../support/absence-week.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let w: Week;
let ip = 0;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.67.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const period = `from=${WEEK.monday}&to=${WEEK.friday}`;

beforeAll(async () => {
  t = await startTestApp({ clock: WEEK_CLOCK });
  const db = t.database.db;
  w = await constructWeek(db, t.organiserId);
  // Mon MA: absent, reported by a guardian (valid); Tue SV: absent, unreported (invalid); Wed MA: 10 min late
  // (invalid); Thu SV: cancelled, not counted. Scheduled: 3 × 60 = 180 min; absent 60 + 60 + 10 = 130 min.
  await deviate(db, t.organiserId, w, w.lessons.maMon, 'absent', 60, true);
  await deviate(db, t.organiserId, w, w.lessons.svTue, 'absent', 60);
  await deviate(db, t.organiserId, w, w.lessons.maWed, 'late', 10);
});
afterAll(async () => { await t?.close(); });

describe('one pupil\'s absence: GET /api/pupils/:pupilId/absence', () => {
  it('sums valid and invalid minutes, per subject and term, and the share of the scheduled lesson minutes', async () => {
    const elev = await as('elev');
    const res = await elev.get(`/api/pupils/${w.pupilId}/absence?${period}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals).toEqual({ validMinutes: 60, invalidMinutes: 70, absentMinutes: 130, shortCount: 1, lessonMinutes: 180, share: 72.2 });
    const ma = body.subjects.find((s: any) => s.subjectCode === 'MA');
    expect(ma).toMatchObject({ validMinutes: 60, invalidMinutes: 10, lessonMinutes: 120, share: 58.3 });
    expect(body.subjects.find((s: any) => s.subjectCode === 'SV')).toMatchObject({ invalidMinutes: 60, lessonMinutes: 60, share: 100 });
    expect(body.terms).toHaveLength(1);
    expect(body.terms[0]).toMatchObject({ kind: 'HT', validMinutes: 60, invalidMinutes: 70 });
    expect(body.deviations.map((d: any) => [d.date, d.reason, d.valid])).toEqual([
      ['2026-11-18', 'late', false], ['2026-11-17', 'unreported', false], ['2026-11-16', 'reported_guardian', true]]);
  });

  it('the mentor, the principal and student health see it; another family, another pupil and another unit do not (404)', async () => {
    for (const [who, role, unit] of [['mentor'], ['rektor'], ['elevhalsa'], ['admin']] as [string, string?, string?][]) {
      expect((await (await as(who, role, unit)).get(`/api/pupils/${w.pupilId}/absence?${period}`)).statusCode, who).toBe(200);
    }
    const otherGuardian = await as('vardnadshavare');
    expect((await otherGuardian.get(`/api/pupils/${w.pupilId}/absence?${period}`)).statusCode).toBe(404);
    const larare = await as('larare', 'teacher', 'Eksätraskolan');
    expect((await larare.get(`/api/pupils/${w.pupilId}/absence?${period}`)).statusCode).toBe(404);
    // out of scope is 404 before the period is even looked at; in scope, a period backwards is 400
    expect((await otherGuardian.get(`/api/pupils/${w.pupilId}/absence?from=2026-11-20&to=2026-11-16`)).statusCode).toBe(404);
    expect((await (await as('elev')).get(`/api/pupils/${w.pupilId}/absence?from=2026-11-20&to=2026-11-16`)).statusCode).toBe(400);
  });

  it('the analyst may not ask for a pupil\'s absence (403)', async () => {
    expect((await (await as('analytiker')).get(`/api/pupils/${w.pupilId}/absence`)).statusCode).toBe(403);
  });
});

describe('the overview: GET /api/absence/overview', () => {
  it('the mentor sees 9A with the pupil highlighted (over the share) and the week\'s bucket', async () => {
    const mentor = await as('mentor');
    const res = await mentor.get(`/api/absence/overview?groupId=${w.classId}&${period}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.group.name).toBe('9A');
    expect(body.weeks).toEqual([{ monday: '2026-11-16', week: 47, key: '2026-W47' }]);
    const elsa = body.pupils.find((p: any) => p.id === w.pupilId);
    expect(elsa).toMatchObject({ lessonMinutes: 180, validMinutes: 60, invalidMinutes: 70, share: 72.2, shortCount: 1, highlighted: true, reasons: ['share'] });
    expect(elsa.weeks).toEqual([{ lessonMinutes: 180, absentMinutes: 130, share: 72.2 }]); // one cell per week of body.weeks
    expect(body.pupils.filter((p: any) => p.highlighted).map((p: any) => p.id)).toEqual([w.pupilId]);
  });

  it('a teacher who is not the class\'s mentor is refused the class (404), and the default period is the term up to today', async () => {
    const larare2 = await as('larare2');
    expect((await larare2.get(`/api/absence/overview?groupId=${w.classId}`)).statusCode).toBe(404);
    const mentor = await as('mentor');
    const res = await mentor.get('/api/absence/overview');
    expect(res.statusCode).toBe(200);
    expect(res.json().to).toBe(WEEK.wednesday);
    expect(res.json().group?.name).toBe('9A');
    expect((await (await as('rektor')).get('/api/absence/overview?' + period)).json().pupils.length).toBeGreaterThan(100);
  });

  it('the export is an Excel file with Swedish headers and numbers', async () => {
    const mentor = await as('mentor');
    const res = await mentor.get(`/api/absence/overview.xlsx?groupId=${w.classId}&${period}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const sheet = wb.getWorksheet('Frånvaro')!;
    const headers = (sheet.getRow(1).values as any[]).slice(1);
    expect(headers).toEqual(['Efternamn', 'Förnamn', 'Klass', 'Lektionstid (min)', 'Giltig frånvaro (min)', 'Ogiltig frånvaro (min)',
      'Frånvaro totalt (min)', 'Andel frånvaro', 'Sena ankomster och tidiga avgångar', 'Markerad', 'Skäl']);
    let found = false;
    sheet.eachRow((row, n) => {
      if (n === 1 || row.getCell(1).value !== 'Nyström') return;
      found = true;
      expect([4, 5, 6, 7, 9].map((c) => row.getCell(c).value)).toEqual([180, 60, 70, 130, 1]);
      expect(row.getCell(8).value).toBeCloseTo(0.722, 3);
      expect(row.getCell(10).value).toBe('Ja');
    });
    expect(found).toBe(true);
    expect(wb.getWorksheet('Per vecka')!.getRow(1).getCell(3).value).toBe('v. 47 (2026-11-16)');
  });
});

describe('thresholds follow the unit\'s settings: GET/PUT /api/absence/settings', () => {
  it('defaults, a save, and a stale save refused (409, nothing changed)', async () => {
    const admin = await as('admin');
    const first = await admin.get('/api/absence/settings') as { json(): Record<string, unknown>; statusCode: number };
    expect(first.json()).toMatchObject({ thresholdPercent: 10, shortAbsenceCount: 5, version: 0 });
    const saved = await admin.request('PUT', '/api/absence/settings', { ...first.json(), shortAbsenceCount: 1, thresholdPercent: 80 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ shortAbsenceCount: 1, thresholdPercent: 80, version: 1 });
    const stale = await admin.request('PUT', '/api/absence/settings', { ...first.json(), thresholdPercent: 5 });
    expect(stale.statusCode).toBe(409);
    expect((await admin.get('/api/absence/settings')).json().thresholdPercent).toBe(80);
    const audited = await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where action = 'absence.settings_changed'`);
    expect(audited!.n).toBe(1);
    // now 72 % is under the share, and one late arrival is enough
    const elsa = (await (await as('mentor')).get(`/api/absence/overview?groupId=${w.classId}&${period}`)).json().pupils.find((p: any) => p.id === w.pupilId);
    expect(elsa.reasons).toEqual(['short_absences']);
  });

  it('the principal reads but may not change; a teacher may not read (403)', async () => {
    const rektor = await as('rektor');
    const current = (await rektor.get('/api/absence/settings')).json() as Record<string, unknown>;
    expect((await rektor.request('PUT', '/api/absence/settings', current)).statusCode).toBe(403);
    expect((await (await as('mentor')).get('/api/absence/settings')).statusCode).toBe(403);
    const other = await as('admin');
    expect((await other.request('PUT', '/api/absence/settings', { ...current, thresholdPercent: 0 })).statusCode).toBe(400);
  });
});
