import { defaultContext, holdsContext, type Context, type Role, type RoleGrant } from '../../domain/access/roles.js';
import { ACCOUNT_POLICY, IP_POLICY, isLocked, secondsLeft } from '../../domain/session/throttle.js';
import { swedishDate, type Clock } from '../../domain/common/dates.js';
import { allowedActions } from '../platform/access/access.js';
import { audit } from '../platform/audit/audit.js';
import { decoyHash, verifyPassword } from '../platform/auth/passwords.js';
import type { Db, Queryable } from '../platform/db/database.js';
import { AppError, forbidden } from '../platform/http/errors.js';
import { readOrganiserProfile, type OrganiserProfile } from '../register/organisation/settings-store.js';
import { loadRoleGrants } from './grants-store.js';
import { createSession, deleteSession, findAccount, findSession, touchSession, type SessionRow } from './session-store.js';
import { clearThrottle, readThrottles, recordFailure } from './throttle-store.js';

export interface SessionDeps {
  db: Db;
  clock: Clock;
  organiser: { id: string; name: string; contact: string | null };
  sessionHours: number;
  /** A session unused this long ends. */
  idleMinutes: number;
}

export interface SessionBody {
  person: { id: string; givenName: string; familyName: string; displayName: string };
  username: string;
  current: { role: Role; unitId: string | null; unitName: string | null };
  roles: RoleGrant[];
  allowedActions: string[];
  organiser: { name: string; contact: string | null };
  /** The modules the organiser has switched on (the menu shows only those). */
  modules: string[];
  csrfToken: string;
  /** Nothing but choosing a new password is allowed until this is false (see access-hook.ts). */
  mustChangePassword: boolean;
}

/** How long a found session is remembered in the process (see `resolve`). */
export const SESSION_MEMORY_MS = 5_000;
const MAX_REMEMBERED = 20_000;
/** How often a session in use records that it is (the idle timeout counts from the last record). */
const TOUCH_EVERY_MS = 60_000;

const accountKey = (username: string) => `account:${username.toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

export function sessionService(deps: SessionDeps) {
  const { db, clock, organiser } = deps;
  const org = organiser.id;
  const today = () => swedishDate(clock.now());

  function body(row: Pick<SessionRow, 'person_id' | 'username' | 'given_name' | 'family_name' | 'must_change_password'>, ctx: Context, grants: RoleGrant[], csrfToken: string,
    profile: OrganiserProfile): SessionBody {
    const unitName = grants.find((g) => g.role === ctx.role)?.units.find((u) => u.id === ctx.unitId)?.name ?? null;
    return {
      person: { id: row.person_id, givenName: row.given_name, familyName: row.family_name, displayName: `${row.given_name} ${row.family_name}` },
      username: row.username,
      current: { role: ctx.role, unitId: ctx.unitId, unitName },
      roles: grants,
      allowedActions: allowedActions(ctx),
      organiser: { name: organiser.name, contact: profile.contact },
      modules: profile.modules,
      csrfToken,
      mustChangePassword: row.must_change_password,
    };
  }

  /** Checks the password, throttling failures per account and per address; rotates any old session. */
  async function login(input: { username: string; password: string; ip: string; oldToken?: string }) {
    const username = input.username.trim();
    const now = clock.now();
    const throttles = await readThrottles(db, org, [accountKey(username), ipKey(input.ip)]);
    if (isLocked(throttles.get(ipKey(input.ip)), now)) {
      const s = secondsLeft(throttles.get(ipKey(input.ip))!, now);
      throw new AppError(429, 'too_many_attempts', 'Too many failed logins from this address; try again later', { retryAfterSeconds: s }, { 'retry-after': String(s) });
    }
    if (isLocked(throttles.get(accountKey(username)), now)) {
      const s = secondsLeft(throttles.get(accountKey(username))!, now);
      throw new AppError(423, 'account_locked', 'The account is locked for a while after too many failed logins', { retryAfterSeconds: s }, { 'retry-after': String(s) });
    }
    const account = await findAccount(db, org, username);
    const ok = await verifyPassword(account?.password_hash ?? (await decoyHash()), input.password);
    if (!account || !ok || account.disabled) {
      await db.transaction(async (tx) => {
        await recordFailure(tx, org, accountKey(username), now, ACCOUNT_POLICY);
        await recordFailure(tx, org, ipKey(input.ip), now, IP_POLICY);
        await audit(tx, { organiserId: org, actorPersonId: account?.person_id ?? null, action: 'session.login_failed',
          entityType: 'account', entityId: account?.id ?? null, details: { username: username.slice(0, 100) }, ip: input.ip });
      });
      throw new AppError(401, 'invalid_credentials', 'Wrong username or password');
    }
    return open({ accountId: account.id, personId: account.person_id, ip: input.ip, oldToken: input.oldToken,
      inTransaction: (tx) => clearThrottle(tx, org, accountKey(username)) });
  }

  /**
   * Opens a session for a person whose identity is already verified (password checked, or an e-ID
   * login): default context, the old session (if any) ended, a new session id and CSRF token, audited as
   * 'session.login' (with details.method for other methods than the password). `inTransaction` runs in
   * the same transaction (e.g. recording the identity link of an e-ID login).
   */
  async function open(input: { accountId: string; personId: string; ip: string; oldToken?: string; method?: string;
    inTransaction?: (tx: Pick<Queryable, 'execute'>) => Promise<void> }) {
    const grants = await loadRoleGrants(db, org, input.personId, today());
    const ctx = defaultContext(grants);
    if (!ctx) throw new AppError(403, 'no_role', 'The account holds no role in this organisation today');
    return ending(input.oldToken, db.transaction(async (tx) => {
      if (input.oldToken) await deleteSession(tx, org, input.oldToken);
      await input.inTransaction?.(tx);
      const created = await createSession(tx, org, { accountId: input.accountId, personId: input.personId, ...ctx }, deps.sessionHours);
      await audit(tx, { organiserId: org, actorPersonId: input.personId, actorRole: ctx.role, actorUnitId: ctx.unitId,
        action: 'session.login', entityType: 'account', entityId: input.accountId, details: input.method ? { method: input.method } : null, ip: input.ip });
      const row = (await findSession(tx, org, created.token))!;
      return { token: created.token, body: body(row, ctx, grants, created.csrfToken, await readOrganiserProfile(tx, org)) };
    }));
  }

  /**
   * The session behind a cookie token, or null when there is none or it has expired. Finding it is the
   * first query of every request, so a found session is remembered for a few seconds in this process
   * (never past its expiry). Logout and switching forget it at once here; another server process of the
   * same deployment sees a logout, or an account disabled, within `SESSION_MEMORY_MS`.
   */
  async function resolve(token: string): Promise<SessionRow | undefined> {
    const now = Date.now();
    const known = remembered.get(token);
    if (known && known.until > now) return known.row;
    const row = await findSession(db, org, token, deps.idleMinutes);
    if (known) remembered.delete(token);
    if (row) {
      if (now - Number(row.last_seen_ms) > TOUCH_EVERY_MS) {
        await touchSession(db, org, token);
        row.last_seen_ms = now;
      }
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(token, { row, until: Math.min(now + SESSION_MEMORY_MS, Number(row.expires_ms)) });
    }
    return row;
  }
  const remembered = new Map<string, { row: SessionRow; until: number }>();
  /** Forgets a session that is being ended, before and after the ending commits (a request resolving it
   *  meanwhile must not keep it alive). */
  async function ending<T>(token: string | undefined, work: Promise<T>): Promise<T> {
    if (token) remembered.delete(token);
    try { return await work; } finally { if (token) remembered.delete(token); }
  }

  async function describe(row: SessionRow): Promise<SessionBody> {
    const grants = await loadRoleGrants(db, org, row.person_id, today());
    return body(row, { role: row.role, unitId: row.unit_id }, grants, row.csrf_token, await readOrganiserProfile(db, org));
  }

  /** Switches role and/or unit after checking the person holds it; rotates the session id. */
  async function switchContext(row: SessionRow, token: string, ctx: Context, ip: string) {
    const grants = await loadRoleGrants(db, org, row.person_id, today());
    if (!holdsContext(grants, ctx)) throw forbidden('You do not hold that role at that unit');
    return ending(token, db.transaction(async (tx) => {
      await deleteSession(tx, org, token);
      const created = await createSession(tx, org, { accountId: row.account_id, personId: row.person_id, ...ctx }, deps.sessionHours);
      await audit(tx, { organiserId: org, actorPersonId: row.person_id, actorRole: ctx.role, actorUnitId: ctx.unitId,
        action: 'session.switch_context', entityType: 'session', details: { from: { role: row.role, unitId: row.unit_id }, to: ctx }, ip });
      return { token: created.token, body: body(row, ctx, grants, created.csrfToken, await readOrganiserProfile(tx, org)) };
    }));
  }

  /** The organiser's name and its contact for questions as the organiser-level administrator last set it. */
  async function organiserInfo() {
    return { name: organiser.name, contact: (await readOrganiserProfile(db, org)).contact };
  }

  async function logout(row: SessionRow, token: string, ip: string) {
    await ending(token, db.transaction(async (tx) => {
      await deleteSession(tx, org, token);
      await audit(tx, { organiserId: org, actorPersonId: row.person_id, actorRole: row.role, actorUnitId: row.unit_id,
        action: 'session.logout', entityType: 'session', ip });
    }));
  }

  /** Forgets every remembered session of an account whose sessions were just ended or changed (password
   *  reset or changed, account disabled), so that this process does not serve them from memory. */
  function forgetAccount(accountId: string) {
    for (const [token, known] of remembered) if (known.row.account_id === accountId) remembered.delete(token);
  }

  return { login, open, resolve, describe, switchContext, logout, forgetAccount, organiserInfo };
}

export type SessionService = ReturnType<typeof sessionService>;
