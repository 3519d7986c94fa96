import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { swedishDate, type Clock } from '../../domain/common/dates.js';
import { civicNoFromClaim, eidLoginVerdict, lastFourOf, safeReturnPath } from '../../domain/oidc/identity-claims.js';
import { openPendingLogin, sealPendingLogin } from '../../domain/oidc/pending-login.js';
import type { EidRefusal } from '../../domain/oidc/refusals.js';
import type { OidcProviderConfig, OidcSettings } from '../../domain/oidc/provider-config.js';
import { IP_POLICY, isLocked } from '../../domain/session/throttle.js';
import { audit } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import { AppError } from '../platform/http/errors.js';
import { loadRoleGrants } from '../session/grants-store.js';
import type { SessionService } from '../session/session-service.js';
import { readThrottles, recordFailure } from '../session/throttle-store.js';
import { createEidAccount, personOfCivicNo, personOfLink, recordLink, type EidPerson } from './identity-store.js';
import { oidcClient, type OidcClient } from './oidc-client.js';

type Refusal = EidRefusal;

export class LoginRefused extends Error {
  constructor(readonly reason: Refusal, readonly cause?: unknown) { super(`e-ID login refused: ${reason}`); }
}

export interface OidcDeps {
  db: Db;
  clock: Clock;
  organiserId: string;
  sessions: SessionService;
  settings: OidcSettings;
  /** Logs what the user is not shown (why the library refused a callback), never a personnummer. */
  warn: (details: Record<string, unknown>, message: string) => void;
}

const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Login with e-ID through OpenID Connect: the authorization-code flow with PKCE (S256), state and
 * nonce; the ID token is validated by openid-client. The person is found by an identity linked at an
 * earlier login (issuer + subject), else by the personnummer claim; the link is then recorded. Pupils,
 * people without a role today and unknown personnummer are refused, audited as failed logins (an unknown
 * personnummer by its last four digits only). The session is opened exactly as a password login's.
 */
export function oidcService(deps: OidcDeps) {
  const { db, organiserId: org, settings } = deps;
  const providers = new Map(settings.providers.map((p) => [p.id, { config: p, client: oidcClient(p), key: cookieKey(p) }]));

  function provider(id: string) {
    const found = providers.get(id);
    if (!found) throw new LoginRefused('unknown_provider');
    return found;
  }

  function list() {
    return settings.providers.map((p) => ({ id: p.id, label: p.label }));
  }

  async function refuseIfThrottled(ip: string) {
    const throttles = await readThrottles(db, org, [ipKey(ip)]);
    if (isLocked(throttles.get(ipKey(ip)), deps.clock.now())) throw new LoginRefused('too_many_attempts');
  }

  /** A new login: the provider's URL to send the browser to and the sealed pending login for its cookie. */
  async function start(providerId: string, input: { redirectUri: string; returnTo: unknown; ip: string }) {
    const p = provider(providerId);
    await refuseIfThrottled(input.ip);
    let begun: Awaited<ReturnType<OidcClient['start']>>;
    try {
      begun = await p.client.start(input.redirectUri);
    } catch (err) {
      deps.warn({ provider: providerId, err: String(err) }, 'OpenID provider unreachable or misconfigured');
      throw new LoginRefused('provider_unavailable', err);
    }
    const pending = sealPendingLogin(p.key, { provider: providerId, state: begun.state, nonce: begun.nonce, codeVerifier: begun.codeVerifier,
      returnTo: safeReturnPath(input.returnTo), startedAt: deps.clock.now().getTime() });
    return { location: begun.url, pending };
  }

  /** The provider sent the browser back: check everything, find the person, open the session. */
  async function callback(providerId: string, input: { callbackUrl: URL; pendingCookie: string | undefined; ip: string; oldToken?: string }) {
    const p = provider(providerId);
    await refuseIfThrottled(input.ip);
    const refuse = async (reason: Refusal, details: Record<string, unknown> = {}, personId: string | null = null): Promise<never> => {
      await db.transaction(async (tx) => {
        await recordFailure(tx, org, ipKey(input.ip), deps.clock.now(), IP_POLICY);
        await audit(tx, { organiserId: org, actorPersonId: personId, action: 'session.login_failed', entityType: personId ? 'person' : null,
          entityId: personId, details: { method: 'oidc', provider: providerId, reason, ...details }, ip: input.ip });
      });
      throw new LoginRefused(reason);
    };

    const opened = openPendingLogin(p.key, input.pendingCookie, deps.clock.now().getTime());
    if (!opened.ok) return refuse(opened.reason === 'forged' ? 'login_invalid' : 'login_expired');
    const pending = opened.login;
    if (pending.provider !== providerId) return refuse('login_invalid');
    const params = input.callbackUrl.searchParams;
    if (params.get('state') !== pending.state) return refuse('state_mismatch');
    if (params.has('error')) return refuse('cancelled', { error: String(params.get('error')).slice(0, 100) });

    let identity;
    try {
      identity = await p.client.finish(input.callbackUrl, pending, p.config.civicNoClaim);
    } catch (err) {
      deps.warn({ provider: providerId, err: String(err) }, 'OpenID callback refused by the client library');
      return refuse('login_invalid');
    }

    const today = deps.clock.now();
    let person: EidPerson | undefined = await personOfLink(db, org, identity.issuer, identity.subject);
    let matchedBy: 'link' | 'civic_no' = 'link';
    if (!person) {
      const civicNo = civicNoFromClaim(identity.claims[p.config.civicNoClaim], today);
      if (!civicNo) return refuse('no_civic_no', { claim: p.config.civicNoClaim });
      person = await personOfCivicNo(db, org, civicNo);
      if (!person) return refuse('unknown_person', { civicNoLast4: lastFourOf(civicNo) });
      matchedBy = 'civic_no';
    }
    const grants = person.active ? await loadRoleGrants(db, org, person.person_id, swedishDate(today)) : [];
    const verdict = eidLoginVerdict(grants);
    if (verdict !== 'allowed') return refuse(verdict, {}, person.person_id);
    if (person.account_disabled) return refuse('account_disabled', {}, person.person_id);

    const accountId = person.account_id ?? await db.transaction(async (tx) => {
      const { id, created } = await createEidAccount(tx, org, person);
      if (created) {
        await audit(tx, { organiserId: org, actorPersonId: person.person_id, action: 'account.created', entityType: 'account', entityId: id,
          details: { personId: person.person_id, method: 'oidc' }, ip: input.ip });
      }
      return id;
    });
    const session = await deps.sessions.open({
      accountId, personId: person.person_id, ip: input.ip, oldToken: input.oldToken, method: 'oidc',
      inTransaction: async (tx) => {
        const fresh = await recordLink(tx, org, identity.issuer, identity.subject, person.person_id);
        if (fresh) {
          await audit(tx, { organiserId: org, actorPersonId: person.person_id, action: 'identity.linked', entityType: 'person', entityId: person.person_id,
            details: { personId: person.person_id, provider: providerId, issuer: identity.issuer, matchedBy }, ip: input.ip });
        }
      },
    }).catch((err) => {
      // the role ended between the check above and now
      if (err instanceof AppError && err.code === 'no_role') return refuse('no_role', {}, person.person_id);
      throw err;
    });
    return { token: session.token, returnTo: pending.returnTo, matchedBy };
  }

  return { list, start, callback, has: (id: string) => providers.has(id) };
}

export type OidcService = ReturnType<typeof oidcService>;

/** The key that signs a provider's pending-login cookies: derived from its client secret, so every
 *  server process of a deployment has the same one; a provider without a secret gets a key of this
 *  process (a login then has to come back to the process that started it). */
function cookieKey(p: OidcProviderConfig): Buffer {
  if (!p.clientSecret) return randomBytes(32);
  const salt = createHash('sha256').update(`larka-oidc:${p.id}:${p.issuer}`).digest();
  return Buffer.from(hkdfSync('sha256', p.clientSecret, salt, 'pending-login', 32));
}
