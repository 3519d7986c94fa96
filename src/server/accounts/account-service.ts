import { sql } from 'drizzle-orm';
import { byPersonName } from '../../domain/org/sorting.js';
import { isOrganiserAdministrator, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import {
  byAccountId, byPersonIds, classesOfUnit, classOfUnit, holders, membersOf, pupilsOfClass, staffOfUnit, unitName, type AccountState, type Holder,
} from './account-store.js';
import { endSessions, issueCredentials, type Delivery } from './credentials.js';
import { attachment, credentialLetters } from './letters-pdf.js';

export interface AccountServiceDeps {
  db: Db;
  organiserName: string;
  /** Forgets the sessions this process remembers for an account (after its sessions were ended). */
  forgetAccount: (accountId: string) => void;
}

/** Where the letters send people to log in: this server's own address, as the administrator reached it. */
export interface Origin { loginAddress: string }

/** Accounts of a school unit's pupils and staff, run by its administrator: credential letters per class,
 *  password resets, disabling. Everything audited with details.personId; passwords never. */
export function accountService(deps: AccountServiceDeps) {
  const { db } = deps;

  async function organiserLevel(actor: Actor) {
    requireAction(actor, 'register.administer');
    return isOrganiserAdministrator(db, actor);
  }

  /** The actor may set this person's password: not their own (that is /api/me/password), and a person who
   *  administers or leads only when the actor is the organiser-level administrator. */
  function requireManageable(actor: Actor, holder: Holder, orgLevel: boolean) {
    if (holder.personId === actor.personId) throw new AppError(403, 'own_account', 'Change your own password on your own page');
    if (holder.privileged && !orgLevel) throw new AppError(403, 'privileged_account', 'Only the organiser-level administrator manages the account of an administrator or principal');
  }

  async function holderOfAccount(actor: Actor, accountId: string) {
    const orgLevel = await organiserLevel(actor);
    const [holder] = await holders(db, actor, byAccountId(accountId));
    if (!holder) throw notFound('No such account at this school unit');
    requireManageable(actor, holder, orgLevel);
    return holder;
  }

  async function letterPdf(actor: Actor, origin: Origin, people: Holder[], title: string, extra: Record<string, unknown> = {}) {
    const { credentials, resetAccountIds } = await issueCredentials(db, actor, people, 'letter', extra);
    resetAccountIds.forEach(deps.forgetAccount);
    const sheet = { organiserName: deps.organiserName, unitName: await unitName(db, actor), loginAddress: origin.loginAddress, printedOn: actor.today };
    return { document: credentialLetters(sheet, credentials), disposition: attachment(`Inloggningsbrev ${title} ${actor.today}.pdf`) };
  }

  async function stateOf(actor: Actor, accountId: string) {
    const a = await one<{ username: string; state: AccountState }>(db, sql`select username,
        case when disabled then 'disabled' when password_hash is null then 'none' when must_change_password then 'must_change' else 'active' end as state
      from account where organiser_id = ${actor.organiserId} and id = ${accountId}`);
    return { accountId, username: a!.username, state: a!.state };
  }

  return {
    async classes(actor: Actor) {
      await organiserLevel(actor);
      return classesOfUnit(db, actor);
    },

    async classPupils(actor: Actor, classId: string) {
      await organiserLevel(actor);
      const found = await classOfUnit(db, actor, classId);
      if (!found) throw notFound('No such class at this school unit');
      return { class: found, pupils: await pupilsOfClass(db, actor, classId) };
    },

    async staff(actor: Actor) {
      return staffOfUnit(db, actor, await organiserLevel(actor));
    },

    /** Letters for chosen pupils of a class: accounts are created for those without one, the others get a
     *  new password (the old one stops working, their sessions end). */
    async classLetters(actor: Actor, classId: string, personIds: string[], origin: Origin) {
      const orgLevel = await organiserLevel(actor);
      const found = await classOfUnit(db, actor, classId);
      if (!found) throw notFound('No such class at this school unit');
      const ids = [...new Set(personIds)];
      const members = await membersOf(db, actor, classId, ids);
      const people = (await holders(db, actor, byPersonIds(ids))).filter((h) => h.pupil && members.has(h.personId));
      if (people.length !== ids.length) throw new AppError(400, 'not_in_class', 'Every chosen pupil must be a pupil of the class today');
      people.forEach((h) => requireManageable(actor, h, orgLevel));
      people.sort(byPersonName);
      return letterPdf(actor, origin, people.map((p) => ({ ...p, className: found.name })), found.name, { classId });
    },

    /** A login for one person of the unit (pupil or staff) who has none; the password is shown once. */
    async create(actor: Actor, personId: string) {
      const orgLevel = await organiserLevel(actor);
      const [holder] = await holders(db, actor, byPersonIds([personId]));
      if (!holder) throw notFound('No such person at this school unit');
      requireManageable(actor, holder, orgLevel);
      if (holder.accountId) throw conflict('account_exists', 'The person already has an account: reset its password instead');
      return shown(actor, holder);
    },

    /** A new initial password for one account, shown once. */
    async resetShown(actor: Actor, accountId: string) {
      return shown(actor, await holderOfAccount(actor, accountId));
    },

    /** A new initial password for one account, on a one-page letter. */
    async resetLetter(actor: Actor, accountId: string, origin: Origin) {
      const holder = await holderOfAccount(actor, accountId);
      return letterPdf(actor, origin, [holder], `${holder.givenName} ${holder.familyName}`);
    },

    /** Disables (nobody can log in, sessions end) or enables an account; a change to the same state is none. */
    async setDisabled(actor: Actor, accountId: string, disabled: boolean) {
      const holder = await holderOfAccount(actor, accountId);
      await db.transaction(async (tx) => {
        const changed = await one<{ id: string }>(tx, sql`update account set disabled = ${disabled}
          where organiser_id = ${actor.organiserId} and id = ${accountId} and disabled <> ${disabled} returning id`);
        if (!changed) return;
        if (disabled) await endSessions(tx, actor, [accountId]);
        await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
          action: disabled ? 'account.disabled' : 'account.enabled', entityType: 'account', entityId: accountId,
          details: { personId: holder.personId, username: holder.username, unitId: actor.unitId }, ip: actor.ip });
      });
      if (disabled) deps.forgetAccount(accountId);
      return stateOf(actor, accountId);
    },
  };

  async function shown(actor: Actor, holder: Holder) {
    const delivery: Delivery = 'shown';
    const { credentials, resetAccountIds } = await issueCredentials(db, actor, [holder], delivery);
    resetAccountIds.forEach(deps.forgetAccount);
    const c = credentials[0];
    return { accountId: c.accountId, personId: c.personId, name: c.name, username: c.username, password: c.password, state: 'must_change' as const };
  }
}

export type AccountService = ReturnType<typeof accountService>;
