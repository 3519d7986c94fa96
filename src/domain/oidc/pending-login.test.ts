import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPendingLogin, PENDING_LOGIN_MINUTES, sealPendingLogin, type PendingLogin } from './pending-login.js';

const key = randomBytes(32);
const t0 = Date.parse('2026-11-20T08:00:00Z');
const login: PendingLogin = { provider: 'eid', state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/', startedAt: t0 };

describe('the pending login cookie', () => {
  it('a sealed pending login opens again with the same key', () => {
    expect(openPendingLogin(key, sealPendingLogin(key, login), t0 + 1000)).toEqual({ ok: true, login });
  });
  it('no cookie is a missing pending login', () => {
    expect(openPendingLogin(key, undefined, t0)).toEqual({ ok: false, reason: 'missing' });
  });
  it('a cookie signed with another key, or altered, is refused as forged', () => {
    expect(openPendingLogin(randomBytes(32), sealPendingLogin(key, login), t0)).toMatchObject({ reason: 'forged' });
    const [payload, mac] = sealPendingLogin(key, login).split('.');
    const altered = Buffer.from(JSON.stringify({ ...login, returnTo: '/admin' })).toString('base64url');
    expect(openPendingLogin(key, `${altered}.${mac}`, t0)).toMatchObject({ reason: 'forged' });
    expect(openPendingLogin(key, `${payload}.${mac}.x`, t0)).toMatchObject({ reason: 'forged' });
    expect(openPendingLogin(key, 'garbage', t0)).toMatchObject({ reason: 'forged' });
  });
  it(`a pending login expires after ${PENDING_LOGIN_MINUTES} minutes`, () => {
    const sealed = sealPendingLogin(key, login);
    expect(openPendingLogin(key, sealed, t0 + PENDING_LOGIN_MINUTES * 60_000 - 1).ok).toBe(true);
    expect(openPendingLogin(key, sealed, t0 + PENDING_LOGIN_MINUTES * 60_000 + 1)).toMatchObject({ reason: 'expired' });
  });
});
