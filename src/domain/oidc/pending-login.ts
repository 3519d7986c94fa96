import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A login started at an OpenID provider and not yet come back: kept in a short-lived, signed, httpOnly
 * cookie of the browser that started it (no server state, works across server processes). The cookie is
 * signed with HMAC-SHA-256, so it cannot be forged or altered; it names the provider, so a callback to
 * another provider is refused; it expires after PENDING_LOGIN_MINUTES.
 */
export interface PendingLogin {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** When the login was started, in ms since the epoch. */
  startedAt: number;
}

export const PENDING_LOGIN_MINUTES = 10;

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export function sealPendingLogin(key: Buffer, p: PendingLogin): string {
  const payload = Buffer.from(JSON.stringify(p)).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

export type OpenedPendingLogin = { ok: true; login: PendingLogin } | { ok: false; reason: 'missing' | 'forged' | 'expired' };

/** The pending login of a cookie, checked: signature, shape, age (a clock set back counts as expired too). */
export function openPendingLogin(key: Buffer, cookie: string | undefined, now: number): OpenedPendingLogin {
  if (!cookie) return { ok: false, reason: 'missing' };
  const [payload, mac, extra] = cookie.split('.');
  if (!payload || !mac || extra !== undefined) return { ok: false, reason: 'forged' };
  const want = Buffer.from(sign(key, payload));
  const got = Buffer.from(mac);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'forged' };
  let p: PendingLogin;
  try { p = JSON.parse(Buffer.from(payload, 'base64url').toString()); } catch { return { ok: false, reason: 'forged' }; }
  const fields = [p?.provider, p?.state, p?.nonce, p?.codeVerifier, p?.returnTo];
  if (fields.some((f) => typeof f !== 'string') || typeof p.startedAt !== 'number') return { ok: false, reason: 'forged' };
  const age = now - p.startedAt;
  if (age < -60_000 || age > PENDING_LOGIN_MINUTES * 60_000) return { ok: false, reason: 'expired' };
  return { ok: true, login: p };
}
