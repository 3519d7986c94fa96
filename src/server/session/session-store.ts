import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.js';
import { one, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface AccountRow { id: string; person_id: string; password_hash: string | null; disabled: boolean }

export function findAccount(q: Q, organiserId: string, username: string) {
  return one<AccountRow>(q, sql`
    select id, person_id, password_hash, disabled from account
     where organiser_id = ${organiserId} and username = ${username}`);
}

export interface SessionRow {
  token_hash: string; person_id: string; account_id: string; role: Role; unit_id: string | null;
  csrf_token: string; username: string; given_name: string; family_name: string;
  /** The account's password was set by an administrator: the person must choose their own first. */ must_change_password: boolean;
  /** When the session expires, in ms since the epoch. */ expires_ms: number;
  /** The session's last request (to the minute), in ms since the epoch. */ last_seen_ms: number;
}

/** The session behind a cookie token, unless it has expired or been idle `idleMinutes`. */
export function findSession(q: Q, organiserId: string, token: string, idleMinutes = 24 * 60) {
  return one<SessionRow>(q, sql`
    select s.token_hash, s.person_id, s.account_id, s.role, s.unit_id, s.csrf_token,
           a.username, a.must_change_password, p.given_name, p.family_name, (extract(epoch from s.expires_at) * 1000)::float8 as expires_ms,
           (extract(epoch from s.last_seen_at) * 1000)::float8 as last_seen_ms
      from session s
      join account a on a.organiser_id = s.organiser_id and a.id = s.account_id and not a.disabled
      join person p on p.organiser_id = s.organiser_id and p.id = s.person_id
     where s.organiser_id = ${organiserId} and s.token_hash = ${hashToken(token)} and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})`, { prepared: true });
}

export interface NewSession { accountId: string; personId: string; role: Role; unitId: string | null }

/** Creates a session and returns its cookie token and CSRF token (only the token's hash is stored). */
export async function createSession(q: Q, organiserId: string, s: NewSession, hours: number) {
  const token = newToken();
  const csrfToken = newToken();
  await q.execute(sql`
    insert into session (organiser_id, token_hash, person_id, account_id, role, unit_id, csrf_token, expires_at)
    values (${organiserId}, ${hashToken(token)}, ${s.personId}, ${s.accountId}, ${s.role}, ${s.unitId}, ${csrfToken},
            now() + make_interval(hours => ${hours}))`);
  return { token, csrfToken };
}

export async function deleteSession(q: Q, organiserId: string, token: string) {
  await q.execute(sql`delete from session where organiser_id = ${organiserId} and token_hash = ${hashToken(token)}`);
}

export async function deleteExpiredSessions(q: Q) {
  await q.execute(sql`delete from session where expires_at <= now()`);
}

export { randomUUID };

/** Records that the session is in use (called at most about once a minute per session). */
export async function touchSession(q: Q, organiserId: string, token: string) {
  await q.execute(sql`update session set last_seen_at = now() where organiser_id = ${organiserId} and token_hash = ${hashToken(token)}`);
}
