import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { assignUsernames, usernameBase } from '../../domain/accounts/usernames.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

/** A person an e-ID login may be for, with their account (if any). */
export interface EidPerson {
  person_id: string; given_name: string; family_name: string; active: boolean;
  account_id: string | null; account_disabled: boolean | null;
}

const PERSON = sql`select p.id as person_id, p.given_name, p.family_name, p.status = 'active' as active,
                          a.id as account_id, a.disabled as account_disabled
                     from person p left join account a on a.organiser_id = p.organiser_id and a.person_id = p.id`;

/** The person an identity (issuer + subject) was linked to at an earlier login. */
export function personOfLink(q: Q, organiserId: string, issuer: string, subject: string) {
  return one<EidPerson>(q, sql`${PERSON}
    join identity_link l on l.organiser_id = p.organiser_id and l.person_id = p.id
   where l.organiser_id = ${organiserId} and l.issuer = ${issuer} and l.subject = ${subject}`);
}

/** The person with this personnummer (12 digits, normalised as the register stores it). */
export function personOfCivicNo(q: Q, organiserId: string, civicNo: string) {
  return one<EidPerson>(q, sql`${PERSON} where p.organiser_id = ${organiserId} and p.civic_no = ${civicNo}`);
}

/** Records (or refreshes) the link issuer + subject → person; true when it is new. */
export async function recordLink(q: Q, organiserId: string, issuer: string, subject: string, personId: string): Promise<boolean> {
  const made = await rows<{ fresh: boolean }>(q, sql`
    insert into identity_link (organiser_id, issuer, subject, person_id, last_login_at)
    values (${organiserId}, ${issuer}, ${subject}, ${personId}, now())
    on conflict (organiser_id, issuer, subject) do update set last_login_at = now()
    returning (xmax = 0) as fresh`);
  return made[0]?.fresh ?? false;
}

/**
 * An account without a password for a person who logs in only with e-ID (a session belongs to an
 * account). The username follows the house rule (domain/accounts/usernames.ts), so an administrator
 * can later give the person a password too. Returns the account id (the existing one, if a concurrent login
 * of the same person made it first).
 */
export async function createEidAccount(q: Q, organiserId: string, p: Pick<EidPerson, 'person_id' | 'given_name' | 'family_name'>): Promise<{ id: string; created: boolean }> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`account-usernames:${organiserId}`}))`);
  // a login of the same person at the same moment may have made it while this one waited for the lock
  const made = await one<{ id: string }>(q, sql`select id from account where organiser_id = ${organiserId} and person_id = ${p.person_id}`);
  if (made) return { id: made.id, created: false };
  const base = usernameBase(p.given_name, p.family_name);
  const taken = await rows<{ username: string }>(q, sql`select lower(username) as username from account
    where organiser_id = ${organiserId} and lower(username) like ${`${base}%`}`);
  const [username] = assignUsernames([{ givenName: p.given_name, familyName: p.family_name }], taken.map((t) => t.username));
  const id = randomUUID();
  await q.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash, must_change_password)
    values (${organiserId}, ${id}, ${p.person_id}, ${username}, null, false)`);
  return { id, created: true };
}
