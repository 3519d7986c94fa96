import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('login', () => {
  it('a demo account logs in and gets an httpOnly, SameSite=Lax session cookie', async () => {
    const c = new Client(t.app);
    const res = await c.login('larare');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'larka_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().csrfToken).toEqual(expect.any(String));
    expect(res.json().current.role).toBe('teacher');
  });

  it('a wrong password gets 401 and writes a failed-login audit row', async () => {
    const c = new Client(t.app, '10.0.0.2');
    const res = await c.login('admin', 'wrong');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    const found = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event
      where action = 'session.login_failed' and details->>'username' = 'admin'`);
    expect(found[0].n).toBeGreaterThanOrEqual(1);
  });

  it('an unknown username gets the same 401 as a wrong password', async () => {
    const res = await new Client(t.app, '10.0.0.3').login('nobody-here', 'x');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  it('five failures lock the account: even the right password then gets 423 saying so', async () => {
    for (let i = 0; i < 5; i++) expect((await new Client(t.app, `10.1.0.${i}`).login('larare2', 'nope')).statusCode).toBe(401);
    const res = await new Client(t.app, '10.1.0.99').login('larare2', 'demo');
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('account_locked');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('successful logins are not counted towards the lock', async () => {
    for (let i = 0; i < 8; i++) expect((await new Client(t.app, '10.2.0.1').login('analytiker')).statusCode).toBe(200);
  });

  it('one address that keeps failing is throttled with 429', async () => {
    const ip = '10.3.0.1';
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await new Client(t.app, ip).login(`guess${i}`, 'x')).statusCode;
    expect(last).toBe(429);
    expect((await new Client(t.app, ip).login('rektor')).statusCode).toBe(429);
    expect((await new Client(t.app, '10.3.0.2').login('rektor')).statusCode).toBe(200);
  });

  it('login rotates the session id: the old session stops working', async () => {
    const c = new Client(t.app, '10.4.0.1');
    await c.login('mentor');
    const oldCookie = c.cookie;
    await c.login('mentor');
    expect(c.cookie).not.toBe(oldCookie);
    const stale = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: oldCookie! } });
    expect(stale.statusCode).toBe(401);
  });

  it('a login is audited', async () => {
    const c = new Client(t.app, '10.4.0.2');
    await c.login('elev');
    const found = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event
      where action = 'session.login' and actor_person_id = ${c.body.person.id}`);
    expect(found[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe('session', () => {
  it('GET /api/session without a session is 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
  });

  it('the teacher at two units holds the teacher role at both and starts at one of them', async () => {
    const c = new Client(t.app, '10.5.0.1');
    await c.login('larare');
    const res = await c.get('/api/session');
    const body = res.json();
    const teacher = body.roles.find((r: any) => r.role === 'teacher');
    expect(teacher.units.map((u: any) => u.name).sort()).toEqual(['Björkskolan', 'Eksätraskolan']);
    expect(teacher.units.map((u: any) => u.id)).toContain(body.current.unitId);
  });

  it('a teacher who is also a guardian starts as staff and may switch to guardian', async () => {
    const c = new Client(t.app, '10.5.0.2');
    await c.login('personal');
    expect(c.body.current.role).toBe('teacher');
    expect(c.body.roles.map((r: any) => r.role)).toEqual(expect.arrayContaining(['teacher', 'guardian']));
    const oldCookie = c.cookie;
    const res = await c.switchTo('guardian');
    expect(res.statusCode).toBe(200);
    expect(res.json().current).toEqual({ role: 'guardian', unitId: null, unitName: null });
    expect(c.cookie).not.toBe(oldCookie);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: oldCookie! } })).statusCode).toBe(401);
    const audited = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event
      where action = 'session.switch_context' and actor_person_id = ${c.body.person.id}`);
    expect(audited[0].n).toBe(1);
  });

  it('switching to a role the person does not hold is refused with 403', async () => {
    const c = new Client(t.app, '10.5.0.3');
    await c.login('larare');
    const res = await c.request('PUT', '/api/session/context', { role: 'principal', unitId: c.body.current.unitId });
    expect(res.statusCode).toBe(403);
  });

  it('switching to a unit where the teacher has no duty is refused with 403', async () => {
    const admin = new Client(t.app, '10.5.0.4');
    await admin.login('analytiker');
    const start = (await admin.get('/api/start')).json();
    const lindang = start.units.find((u: any) => u.name === 'Lindängsskolan');
    const c = new Client(t.app, '10.5.0.5');
    await c.login('larare');
    expect((await c.request('PUT', '/api/session/context', { role: 'teacher', unitId: lindang.id })).statusCode).toBe(403);
  });

  it('logout ends the session on the server', async () => {
    const c = new Client(t.app, '10.5.0.6');
    await c.login('admin');
    const cookie = c.cookie!;
    expect((await c.request('DELETE', '/api/session')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('a mutation without the x-csrf-token header is refused with 403', async () => {
    const c = new Client(t.app, '10.6.0.1');
    await c.login('personal');
    const res = await c.request('PUT', '/api/session/context', { role: 'guardian', unitId: null }, { csrf: null });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_token_invalid');
  });

  it('a mutation with a wrong token is refused with 403 and changes nothing', async () => {
    const c = new Client(t.app, '10.6.0.2');
    await c.login('personal');
    const res = await c.request('PUT', '/api/me/contact', { personal: { email: 'x@example.se', phone: null }, work: null, version: 1 }, { csrf: 'forged' });
    expect(res.statusCode).toBe(403);
    expect((await c.get('/api/me/contact')).json().personal.email).not.toBe('x@example.se');
  });

  it('the token from before a role switch no longer works after it', async () => {
    const c = new Client(t.app, '10.6.0.3');
    await c.login('personal');
    const oldCsrf = c.csrf;
    await c.switchTo('guardian');
    const res = await c.request('DELETE', '/api/session', undefined, { csrf: oldCsrf });
    expect(res.statusCode).toBe(403);
  });
});
