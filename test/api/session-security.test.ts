// Sessions end when they should (idle, expired, logged out), cookies and security headers are set as a
// browser needs them (also behind a trusted https proxy), and a password never reaches the log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/common/dates.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { one } from '../../src/server/platform/db/database.js';
import { hashToken } from '../../src/server/session/session-store.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const organiser = async () => (await one<AppOptions['organiser']>(t.database.db, sql`select id, name, contact from organiser limit 1`))!;
const hashOf = (cookie: string) => hashToken(cookie.split('=')[1]);
const tokenHashOf = async (c: Client) => hashOf(c.cookie!);
const loggedIn = async (ip: string, username = 'larare') => {
  const c = new Client(t.app, ip);
  expect((await c.login(username)).statusCode).toBe(200);
  return c;
};

describe('sessions end when they should', () => {
  it('a session unused for longer than the idle timeout (60 minutes) is refused', async () => {
    const c = await loggedIn('10.80.0.1');
    await t.database.db.execute(sql`update session set last_seen_at = now() - interval '61 minutes' where token_hash = ${await tokenHashOf(c)}`);
    expect((await c.get('/api/session')).statusCode).toBe(401);
  });

  it('a session in use is kept alive: its last use is recorded (to the minute)', async () => {
    const c = await loggedIn('10.80.0.2');
    const hash = await tokenHashOf(c);
    await t.database.db.execute(sql`update session set last_seen_at = now() - interval '50 minutes' where token_hash = ${hash}`);
    expect((await c.get('/api/session')).statusCode).toBe(200);
    const seen = await one<{ minutes: number }>(t.database.db, sql`select extract(epoch from now() - last_seen_at) / 60 as minutes from session where token_hash = ${hash}`);
    expect(Number(seen!.minutes)).toBeLessThan(1);
  });

  it('a session past its expiry is refused, however recently used', async () => {
    const c = await loggedIn('10.80.0.3');
    await t.database.db.execute(sql`update session set expires_at = now() - interval '1 second' where token_hash = ${await tokenHashOf(c)}`);
    expect((await c.get('/api/session')).statusCode).toBe(401);
  });

  it('logout deletes the session on the server: the old cookie is refused at once', async () => {
    const c = await loggedIn('10.80.0.4');
    const cookie = c.cookie;
    expect((await c.get('/api/session')).statusCode).toBe(200); // now remembered by the server process
    expect(await one(t.database.db, sql`select 1 as found from session where token_hash = ${hashOf(cookie!)}`)).toEqual({ found: 1 });
    expect((await c.request('DELETE', '/api/session')).statusCode).toBe(204);
    expect(await one(t.database.db, sql`select 1 as found from session where token_hash = ${hashOf(cookie!)}`)).toBeUndefined();
    c.cookie = cookie;
    expect((await c.get('/api/session')).statusCode).toBe(401);
  });

  it('login and a role or unit switch each give a new session id and a new CSRF token', async () => {
    const c = await loggedIn('10.80.0.5');
    const first = { cookie: c.cookie, csrf: c.csrf };
    expect((await c.login('larare')).statusCode).toBe(200);
    expect(c.cookie).not.toBe(first.cookie);
    expect(c.csrf).not.toBe(first.csrf);
    const second = { cookie: c.cookie, csrf: c.csrf };
    expect((await c.switchTo('teacher', 'Eksätraskolan')).statusCode).toBe(200);
    expect(c.cookie).not.toBe(second.cookie);
    expect(c.csrf).not.toBe(second.csrf);
    const old = new Client(t.app, '10.80.0.6');
    old.cookie = second.cookie;
    expect((await old.get('/api/session')).statusCode).toBe(401);
  });
});

describe('cookies and headers', () => {
  const appWith = async (extra: Partial<AppOptions>) => {
    const app = await buildApp({ database: t.database, clock: systemClock, organiser: await organiser(), sessionHours: 8, secureCookies: false, logLevel: 'silent', webRoot: null, ...extra });
    await app.ready();
    return app;
  };
  const login = (app: Awaited<ReturnType<typeof appWith>>, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/session', payload: { username: 'larare', password: 'demo' }, headers, remoteAddress: '10.80.1.1' });

  it('the session cookie is httpOnly and SameSite=Lax; Secure only over https', async () => {
    const app = await appWith({});
    const cookie = String((await login(app)).headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    await app.close();
  });

  it('behind a trusted proxy that terminates https, the cookie is Secure; an untrusted x-forwarded-proto is ignored', async () => {
    const trusting = await appWith({ trustProxy: true });
    expect(String((await login(trusting, { 'x-forwarded-proto': 'https' })).headers['set-cookie'])).toMatch(/;\s*Secure/i);
    await trusting.close();
    const untrusting = await appWith({});
    expect(String((await login(untrusting, { 'x-forwarded-proto': 'https' })).headers['set-cookie'])).not.toMatch(/Secure/i);
    await untrusting.close();
  });

  it('the web app and the API carry the security headers (CSP, no framing, no sniffing, referrer policy, HSTS)', async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Lärka</title>');
    const app = await appWith({ webRoot });
    for (const url of ['/', '/betyg', '/api/health']) {
      const res = await app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(String(res.headers['strict-transport-security']), url).toContain('max-age=');
    }
    await app.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });
});

describe('passwords', () => {
  it('a password, right or wrong, never reaches the log, even at the most detailed level', async () => {
    const log = new PassThrough();
    let written = '';
    log.on('data', (chunk) => { written += String(chunk); });
    const app = await buildApp({ database: t.database, clock: systemClock, organiser: await organiser(), sessionHours: 8, secureCookies: false,
      logLevel: 'trace', logStream: log, webRoot: null });
    await app.ready();
    const secret = 'Hemligt-lösenord-4711';
    await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'larare', password: secret }, remoteAddress: '10.80.2.1' });
    await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'larare', password: 'demo' }, remoteAddress: '10.80.2.1' });
    await app.close();
    expect(written.length).toBeGreaterThan(0);
    expect(written).not.toContain(secret);
    expect(written).not.toContain('"password"');
    const audited = await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where details::text like ${'%' + secret + '%'}`);
    expect(audited!.n).toBe(0);
  });
});
