import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../src/server/platform/db/database.js';
import { WEEK, WEEK_CLOCK } from '../support/absence-week.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let ip = 0;
let elev: string;
let investigationId: string;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.68.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const counts = async () => one<{ inv: number; entries: number }>(t.database.db, sql`select
  (select count(*)::int from absence_investigation) as inv, (select count(*)::int from absence_investigation_entry) as entries`);

beforeAll(async () => {
  t = await startTestApp({ clock: WEEK_CLOCK });
  elev = (await one<{ id: string }>(t.database.db, sql`select person_id as id from account where username = 'elev'`))!.id;
});
afterAll(async () => { await t?.close(); });

describe('frånvaroutredning: the principal opens, the mentor and student health follow it', () => {
  it('the principal opens one for a pupil of the unit (audited); a second open one is refused (409)', async () => {
    const rektor = await as('rektor');
    const res = await rektor.request('POST', '/api/absence/investigations', { pupilId: elev, reason: 'Hög ogiltig frånvaro under hösten', openedOn: WEEK.wednesday });
    expect(res.statusCode).toBe(200);
    investigationId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'open', openedOn: WEEK.wednesday, familyName: 'Nyström', className: '9A', mayManage: true, entries: [] });
    const again = await rektor.request('POST', '/api/absence/investigations', { pupilId: elev, reason: 'Igen', openedOn: WEEK.wednesday });
    expect(again.statusCode).toBe(409);
    const audit = await one<{ details: any }>(t.database.db, sql`select details from audit_event where action = 'absence_investigation.opened'`);
    expect(audit!.details).toMatchObject({ personId: elev });
  });

  it('the principal adds a contact; a measure needs its follow-up date; the mentor and student health read it and add entries', async () => {
    const rektor = await as('rektor');
    const contact = await rektor.request('POST', `/api/absence/investigations/${investigationId}/entries`,
      { kind: 'contact', occurredOn: WEEK.wednesday, followUpOn: null, text: 'Samtal med vårdnadshavare per telefon' });
    expect(contact.statusCode).toBe(200);
    const noDate = await rektor.request('POST', `/api/absence/investigations/${investigationId}/entries`,
      { kind: 'measure', occurredOn: WEEK.wednesday, followUpOn: null, text: 'Anpassat schema' });
    expect(noDate.statusCode).toBe(400);
    const health = await as('elevhalsa');
    expect((await health.get(`/api/absence/investigations/${investigationId}`)).statusCode).toBe(200);
    const measure = await health.request('POST', `/api/absence/investigations/${investigationId}/entries`,
      { kind: 'measure', occurredOn: WEEK.wednesday, followUpOn: '2026-12-02', text: 'Samtal hos skolsköterskan varje vecka' });
    expect(measure.statusCode).toBe(200);
    expect(measure.json().nextFollowUp).toBe('2026-12-02');
    expect(measure.json().mayManage).toBe(false);
    const mentor = await as('mentor');
    const read = await mentor.get(`/api/absence/investigations/${investigationId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().entries.map((e: any) => e.kind)).toEqual(['contact', 'measure']);
    const list = await mentor.get('/api/absence/investigations');
    expect(list.json().investigations.map((i: any) => i.id)).toEqual([investigationId]);
    // student health's start page lists it
    const start = await health.get('/api/start');
    expect(start.json()).toMatchObject({ kind: 'student_health', investigations: [{ id: investigationId, nextFollowUp: '2026-12-02' }] });
  });

  it('another teacher, the administrator, another unit\'s principal, a guardian and the pupil find nothing; nothing changed', async () => {
    const before = await counts();
    const entry = { kind: 'note', occurredOn: WEEK.wednesday, followUpOn: null, text: 'Försök' };
    const refused: [string, string?, string?, number?][] = [
      ['larare', 'teacher', 'Björkskolan', 404], ['larare2', undefined, undefined, 404], ['admin', undefined, undefined, 403],
      ['vardnadshavare', undefined, undefined, 403], ['elev', undefined, undefined, 403],
    ];
    for (const [who, role, unit, status] of refused) {
      const c = await as(who, role, unit);
      expect((await c.get(`/api/absence/investigations/${investigationId}`)).statusCode, who).toBe(status);
      expect((await c.request('POST', `/api/absence/investigations/${investigationId}/entries`, entry)).statusCode, who).toBe(status);
      if (status === 404) expect((await c.get('/api/absence/investigations')).json().investigations, who).toEqual([]);
    }
    // the principal of another unit (larare is given that duty at Eksätraskolan here)
    await t.database.db.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, licensed, start_date)
      select organiser_id, gen_random_uuid(), person_id, (select id from school_unit where name = 'Eksätraskolan'), 'principal', true, '2000-01-01'
        from account where username = 'larare'`);
    const otherPrincipal = await as('larare', 'principal', 'Eksätraskolan');
    expect((await otherPrincipal.get(`/api/absence/investigations/${investigationId}`)).statusCode).toBe(404);
    expect((await otherPrincipal.request('POST', `/api/absence/investigations/${investigationId}/close`, { conclusion: 'x', closedOn: WEEK.wednesday, version: 3 })).statusCode).toBe(404);
    expect((await otherPrincipal.request('POST', '/api/absence/investigations', { pupilId: elev, reason: 'x', openedOn: WEEK.wednesday })).statusCode).toBe(404);
    // the mentor and student health may not open or close one (principal only)
    for (const who of ['mentor', 'elevhalsa']) {
      const c = await as(who);
      expect((await c.request('POST', '/api/absence/investigations', { pupilId: elev, reason: 'x', openedOn: WEEK.wednesday })).statusCode).toBe(403);
      expect((await c.request('POST', `/api/absence/investigations/${investigationId}/close`, { conclusion: 'x', closedOn: WEEK.wednesday, version: 1 })).statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('the principal closes it with a conclusion (version-checked); a closed one takes no entries', async () => {
    const rektor = await as('rektor');
    const current = (await rektor.get(`/api/absence/investigations/${investigationId}`)).json();
    const stale = await rektor.request('POST', `/api/absence/investigations/${investigationId}/close`, { conclusion: 'Klar', closedOn: WEEK.wednesday, version: current.version - 1 });
    expect(stale.statusCode).toBe(409);
    const closed = await rektor.request('POST', `/api/absence/investigations/${investigationId}/close`, { conclusion: 'Närvaron har förbättrats', closedOn: WEEK.wednesday, version: current.version });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', conclusion: 'Närvaron har förbättrats', nextFollowUp: null });
    const late = await rektor.request('POST', `/api/absence/investigations/${investigationId}/entries`, { kind: 'note', occurredOn: WEEK.wednesday, followUpOn: null, text: 'x' });
    expect(late.statusCode).toBe(409);
    expect((await rektor.request('POST', '/api/absence/investigations', { pupilId: elev, reason: 'Ny', openedOn: '2026-11-19' })).statusCode).toBe(400);
  });
});

describe('student health is a role of its own: absence and investigations, never grades or the pupil record', () => {
  it('is refused the pupil record, the grades and "Mina elever"', async () => {
    const health = await as('elevhalsa');
    expect(health.body.current.role).toBe('student_health');
    expect(health.body.current.unitName).toBe('Björkskolan');
    expect((await health.get(`/api/pupils/${elev}/record`)).statusCode).toBe(403);
    expect((await health.get(`/api/pupils/${elev}/grades`)).statusCode).toBe(403);
    expect((await health.get('/api/my-pupils')).statusCode).toBe(403);
    expect((await health.get('/api/absence/overview')).statusCode).toBe(403);
    expect((await health.get(`/api/pupils/${elev}/absence`)).statusCode).toBe(200);
  });
});
