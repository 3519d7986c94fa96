import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { initialPassword } from '../../domain/accounts/initial-password.js';
import { assignUsernames, usernameBase } from '../../domain/accounts/usernames.js';
import type { Actor } from '../platform/access/actor.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { rows, type Db, type Queryable } from '../platform/db/database.js';
import { conflict } from '../platform/http/errors.js';
import type { Holder } from './account-store.js';

type Q = Pick<Queryable, 'execute'>;

/** What one credential letter (or the one-time display) shows. The password exists in clear only here,
 *  on its way into the response: it is never stored, logged or audited. */
export interface Credential { personId: string; accountId: string; name: string; className: string | null; username: string; password: string }

/** How the new password reaches the person (kept in the audit row). */
export type Delivery = 'letter' | 'shown';

/**
 * Gives each holder a new initial password (argon2id, must be changed at first login): creates the
 * account of those who have none, with a username by the rule in domain/accounts/usernames.ts, and resets
 * the others, ending their sessions. One transaction; one audit row per person (account.created or
 * account.password_reset, with details.personId), written in one statement. Returns the credentials and
 * the accounts whose remembered sessions must be forgotten.
 */
export async function issueCredentials(db: Db, actor: Actor, people: Holder[], delivery: Delivery, extra: Record<string, unknown> = {}) {
  if (people.some((p) => p.disabled)) throw conflict('account_disabled', 'A disabled account gets no new password: enable it first');
  const passwords = people.map(() => initialPassword(randomInt));
  // hashing is the slow part (≈30 ms each): before the transaction, on libuv's threads
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  const credentials = await db.transaction(async (tx) => {
    const fresh = people.filter((p) => !p.accountId);
    const usernames = await freeUsernames(tx, actor, fresh);
    const accountIds = new Map(people.map((p) => [p.personId, p.accountId ?? randomUUID()]));
    const hashOf = new Map(people.map((p, i) => [p.personId, hashes[i]]));
    if (fresh.length) {
      const made = await rows<{ id: string }>(tx, sql`insert into account (organiser_id, id, person_id, username, password_hash, must_change_password)
        select ${actor.organiserId}, v.id, v.person_id, v.username, v.hash, true
          from unnest(${sql.param(fresh.map((p) => accountIds.get(p.personId)!))}::uuid[], ${sql.param(fresh.map((p) => p.personId))}::uuid[],
                      ${sql.param(fresh.map((_, i) => usernames[i]))}::text[], ${sql.param(fresh.map((p) => hashOf.get(p.personId)!))}::text[]) as v(id, person_id, username, hash)
        on conflict do nothing returning id`);
      if (made.length !== fresh.length) throw conflict('accounts_changed', 'Someone else created one of these accounts meanwhile; reload and try again');
    }
    const existing = people.filter((p) => p.accountId);
    if (existing.length) {
      const reset = await rows<{ id: string }>(tx, sql`update account a set password_hash = v.hash, must_change_password = true
          from unnest(${sql.param(existing.map((p) => p.accountId!))}::uuid[], ${sql.param(existing.map((p) => hashOf.get(p.personId)!))}::text[]) as v(id, hash)
         where a.organiser_id = ${actor.organiserId} and a.id = v.id and not a.disabled returning a.id`);
      if (reset.length !== existing.length) throw conflict('accounts_changed', 'One of these accounts changed meanwhile; reload and try again');
      await endSessions(tx, actor, existing.map((p) => p.accountId!));
    }
    const usernameOf = new Map(fresh.map((p, i) => [p.personId, usernames[i]]));
    await auditMany(tx, actor, people.map((p) => ({
      action: p.accountId ? 'account.password_reset' : 'account.created', entityId: accountIds.get(p.personId)!,
      details: { personId: p.personId, username: p.username ?? usernameOf.get(p.personId), unitId: actor.unitId, delivery, ...extra },
    })));
    return people.map((p, i): Credential => ({
      personId: p.personId, accountId: accountIds.get(p.personId)!, name: `${p.givenName} ${p.familyName}`, className: p.className,
      username: p.username ?? usernameOf.get(p.personId)!, password: passwords[i],
    }));
  });
  return { credentials, resetAccountIds: people.flatMap((p) => (p.accountId ? [p.accountId] : [])) };
}

/** Usernames by the rule, free in the organiser. Serialised per organiser (a transaction lock), so two
 *  administrators creating accounts at once never pick the same name. */
async function freeUsernames(tx: Q, actor: Actor, people: Holder[]): Promise<string[]> {
  if (!people.length) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`account-usernames:${actor.organiserId}`}))`);
  const patterns = [...new Set(people.map((p) => `${usernameBase(p.givenName, p.familyName)}%`))];
  const taken = await rows<{ username: string }>(tx, sql`select lower(username) as username from account
    where organiser_id = ${actor.organiserId} and lower(username) like any(${sql.param(patterns)}::text[])`);
  return assignUsernames(people, taken.map((t) => t.username));
}

/** Ends every session of these accounts (their remembered copies are forgotten by the caller after commit). */
export async function endSessions(tx: Q, actor: Pick<Actor, 'organiserId'>, accountIds: string[]) {
  await tx.execute(sql`delete from session where organiser_id = ${actor.organiserId} and account_id = any(${sql.param(accountIds)}::uuid[])`);
}

/** Audit rows of one bulk change in one statement (the history convention: details.personId on each). */
export async function auditMany(tx: Q, actor: Actor, entries: { action: string; entityId: string; details: Record<string, unknown> }[]) {
  if (!entries.length) return;
  await tx.execute(sql`insert into audit_event (organiser_id, id, actor_person_id, actor_role, actor_unit_id, action, entity_type, entity_id, details, ip)
    select ${actor.organiserId}::uuid, v.id, ${actor.personId}::uuid, ${actor.role}, ${actor.unitId}::uuid, v.action, 'account', v.entity_id, v.details, ${actor.ip}
      from unnest(${sql.param(entries.map(() => randomUUID()))}::uuid[], ${sql.param(entries.map((e) => e.action))}::text[],
                  ${sql.param(entries.map((e) => e.entityId))}::text[], ${sql.param(entries.map((e) => JSON.stringify(e.details)))}::jsonb[]) as v(id, action, entity_id, details)`);
}
