import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const today = swedishDate(new Date());
const as = async (username: string, ip: string) => { const c = new Client(t.app, ip); expect((await c.login(username)).statusCode).toBe(200); return c; };

describe('the principal delegates decisions', () => {
  it('the principal delegates signing term grades to a teacher of the unit; it is audited and shown as active', async () => {
    const rektor = await as('rektor', '10.40.0.1');
    const teacher = await as('larare2', '10.40.0.2');
    const staff = (await rektor.get('/api/unit/staff')).json();
    expect(staff.map((s: any) => s.id)).toContain(teacher.body.person.id);
    const res = await rektor.request('POST', '/api/delegations', { delegateId: teacher.body.person.id, decisionKind: 'sign_term_grades', startDate: today, endDate: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decisionKind: 'sign_term_grades', active: true, revoked: false, delegate: { id: teacher.body.person.id } });
    const start = (await rektor.get('/api/start')).json();
    expect(start.delegations.map((d: any) => d.id)).toContain(res.json().id);
    const audited = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where action = 'delegation.created' and entity_id = ${res.json().id}`);
    expect(audited[0].n).toBe(1);
  });

  it('signing final grades cannot be delegated', async () => {
    const rektor = await as('rektor', '10.40.0.3');
    const teacher = await as('mentor', '10.40.0.4');
    const res = await rektor.request('POST', '/api/delegations', { delegateId: teacher.body.person.id, decisionKind: 'sign_final_grades', startDate: today, endDate: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('not_delegable');
  });

  it('the delegate must work at the unit: a teacher of another unit or a guardian is refused', async () => {
    const rektor = await as('rektor', '10.40.0.5');
    const other = await as('personal', '10.40.0.6');
    const guardian = await as('vardnadshavare', '10.40.0.7');
    for (const id of [other.body.person.id, guardian.body.person.id]) {
      const res = await rektor.request('POST', '/api/delegations', { delegateId: id, decisionKind: 'decide_leave', startDate: today, endDate: null });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('delegate_not_staff');
    }
  });

  it('an administrator or a teacher cannot delegate', async () => {
    for (const [who, ip] of [['admin', '10.40.0.8'], ['larare', '10.40.0.9']]) {
      const c = await as(who, ip);
      const res = await c.request('POST', '/api/delegations', { delegateId: c.body.person.id, decisionKind: 'decide_leave', startDate: today, endDate: null });
      expect(res.statusCode).toBe(403);
    }
  });

  it('a withdrawn delegation stays on record but is no longer active', async () => {
    const rektor = await as('rektor', '10.40.0.10');
    const teacher = await as('mentor', '10.40.0.11');
    const created = (await rektor.request('POST', '/api/delegations', { delegateId: teacher.body.person.id, decisionKind: 'decide_leave', startDate: today, endDate: null })).json();
    const res = await rektor.request('POST', `/api/delegations/${created.id}/end`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: created.id, active: false, revoked: true });
    const listed = (await rektor.get('/api/start')).json().delegations.find((d: any) => d.id === created.id);
    expect(listed).toMatchObject({ active: false, revoked: true });
  });

  it('a delegation without the CSRF header is refused and nothing is recorded', async () => {
    const rektor = await as('rektor', '10.40.0.12');
    const teacher = await as('larare2', '10.40.0.13');
    const before = (await rektor.get('/api/start')).json().delegations.length;
    const res = await rektor.request('POST', '/api/delegations', { delegateId: teacher.body.person.id, decisionKind: 'decide_leave', startDate: today, endDate: null }, { csrf: null });
    expect(res.statusCode).toBe(403);
    expect((await rektor.get('/api/start')).json().delegations.length).toBe(before);
  });
});
