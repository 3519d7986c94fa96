// Login with e-ID: the whole authorization-code + PKCE flow against a real OpenID provider (oidc-provider
// on 127.0.0.1), redirects followed by hand with a cookie jar on each side.
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../src/domain/org/personnummer.js';
import { readOidcSettings } from '../../src/domain/oidc/provider-config.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { startTestApp, type TestApp } from '../support/api.js';
import { startOidcProvider, type OidcTestProvider } from '../support/oidc-provider.js';

const LARKA = 'http://larka.test';
const CALLBACK = `${LARKA}/api/auth/oidc/eid/callback`;
const clock = { now: () => new Date('2026-11-18T08:00:00Z') }; // a Wednesday of the autumn term
const UNKNOWN = (() => { const nine = '000101238'; return `19${nine}${luhnCheckDigit(nine)}`; })();

let t: TestApp;
let idp: OidcTestProvider;

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [CALLBACK] });
  t = await startTestApp({ clock, oidc: readOidcSettings({ ...idp.env, LARKA_PUBLIC_URL: LARKA }) });
});
afterAll(async () => {
  await t?.close();
  await idp?.stop();
});

const civicNoOf = async (username: string) => (await one<{ civic_no: string }>(t.database.db, sql`
  select p.civic_no from person p join account a on a.organiser_id = p.organiser_id and a.person_id = p.id where a.username = ${username}`))!.civic_no;

/** A browser: Lärka's cookies (through inject) and the provider's (over HTTP). */
class Browser {
  larka = new Map<string, string>();
  idp = new Map<string, string>();
  constructor(readonly ip = '127.0.0.1') {}

  private static header(jar: Map<string, string>) { return [...jar].map(([k, v]) => `${k}=${v}`).join('; '); }

  async larkaGet(url: string): Promise<LightMyRequestResponse> {
    const res = await t.app.inject({ method: 'GET', url: url.replace(LARKA, ''), headers: this.larka.size ? { cookie: Browser.header(this.larka) } : {}, remoteAddress: this.ip });
    for (const c of res.cookies) if (c.value && !(c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))) this.larka.set(c.name, c.value); else this.larka.delete(c.name);
    return res;
  }

  async idpRequest(url: string, form?: Record<string, string>): Promise<Response> {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET', redirect: 'manual',
      headers: { ...(this.idp.size ? { cookie: Browser.header(this.idp) } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value) this.idp.set(name, value); else this.idp.delete(name);
    }
    return res;
  }

  /** Start at Lärka, log in at the provider: the URL the provider sends the browser back to. */
  async throughProvider(form: Record<string, string>, returnTo?: string): Promise<string> {
    const start = await this.larkaGet(`/api/auth/oidc/eid/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
    expect(start.statusCode).toBe(302);
    let location = String(start.headers.location);
    expect(location.startsWith(idp.issuer)).toBe(true);
    const auth = new URL(location);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(auth.searchParams.has('code_verifier')).toBe(false);
    for (let hop = 0; hop < 10; hop++) {
      if (location.startsWith(LARKA)) return location;
      const url = new URL(location, idp.issuer).href;
      const res = /\/interaction\/[\w-]+$/.test(url)
        ? await this.idpRequest(url, form) // the provider's login page, filled in
        : await this.idpRequest(url);
      expect([302, 303]).toContain(res.status);
      location = res.headers.get('location')!;
    }
    throw new Error('too many redirects');
  }

  async login(form: Record<string, string>, returnTo?: string) {
    const back = await this.throughProvider(form, returnTo);
    return this.larkaGet(back);
  }

  async session() {
    return t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: Browser.header(this.larka) } });
  }
}

const failedLogins = () => rows<{ details: any; actor_person_id: string | null }>(t.database.db, sql`
  select details, actor_person_id from audit_event where action = 'session.login_failed' and details->>'method' = 'oidc' order by occurred_at, id`);

describe('login with e-ID', () => {
  it('lists the configured provider for the login page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/providers' });
    expect(res.json()).toEqual({ providers: [{ id: 'eid', label: 'Logga in med BankID eller Freja' }] });
  });

  it('the demo guardian logs in with her personnummer and gets a session as guardian, where she was going', async () => {
    const b = new Browser();
    const res = await b.login({ civicNo: await civicNoOf('vardnadshavare') }, '/barn');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/barn');
    expect(b.larka.has('larka_oidc')).toBe(false);
    const session = await b.session();
    expect(session.statusCode).toBe(200);
    expect(session.json().current.role).toBe('guardian');
    expect(session.json().person.displayName).toBe('Sofia Ängström');
    const login = await one<{ details: any; actor_role: string }>(t.database.db, sql`
      select details, actor_role from audit_event where action = 'session.login' order by occurred_at desc limit 1`);
    expect(login).toEqual({ details: { method: 'oidc' }, actor_role: 'guardian' });
  });

  it('a second login is matched by the linked identity, even when the provider sends no personnummer', async () => {
    const civicNo = await civicNoOf('personal');
    const first = new Browser();
    expect((await first.login({ civicNo, sub: 'linked-subject-1' })).headers.location).toBe('/');
    const link = await one<{ person_id: string }>(t.database.db, sql`select person_id from identity_link where subject = 'linked-subject-1'`);
    expect(link).toBeTruthy();

    const second = new Browser();
    const res = await second.login({ civicNo: '', sub: 'linked-subject-1', omitClaim: '1' });
    expect(res.headers.location).toBe('/');
    expect((await second.session()).json().person.id).toBe(link!.person_id);
    const linked = await rows(t.database.db, sql`select 1 from audit_event where action = 'identity.linked' and details->>'personId' = ${link!.person_id}`);
    expect(linked).toHaveLength(1);
  });

  it('a guardian without a local account gets one without a password, and the session', async () => {
    const g = (await one<{ civic_no: string; id: string }>(t.database.db, sql`
      select p.civic_no, p.id from person p join guardianship g on g.organiser_id = p.organiser_id and g.guardian_id = p.id
       where not exists (select 1 from account a where a.person_id = p.id) and p.civic_no ~ '^[0-9]{12}$'
         and not exists (select 1 from duty d where d.person_id = p.id) and g.end_date is null limit 1`))!;
    const b = new Browser();
    expect((await b.login({ civicNo: g.civic_no })).headers.location).toBe('/');
    expect((await b.session()).json().current.role).toBe('guardian');
    const account = await one<{ password_hash: string | null }>(t.database.db, sql`select password_hash from account where person_id = ${g.id}`);
    expect(account).toEqual({ password_hash: null });
    const created = await rows(t.database.db, sql`select 1 from audit_event where action = 'account.created' and details->>'personId' = ${g.id} and details->>'method' = 'oidc'`);
    expect(created).toHaveLength(1);
  });

  it('an unknown personnummer is refused with a message, audited with its last four digits only', async () => {
    const b = new Browser();
    const res = await b.login({ civicNo: UNKNOWN });
    expect(res.headers.location).toBe('/login?error=unknown_person');
    expect(b.larka.has('larka_session')).toBe(false);
    const failed = (await failedLogins()).at(-1)!;
    expect(failed.details).toMatchObject({ reason: 'unknown_person', civicNoLast4: UNKNOWN.slice(-4) });
    const all = JSON.stringify(await rows(t.database.db, sql`select details from audit_event`));
    expect(all).not.toContain(UNKNOWN);
    expect(all).not.toContain(UNKNOWN.slice(2));
  });

  it('a person whose only role is pupil is refused: pupils log in with username and password', async () => {
    const b = new Browser();
    const res = await b.login({ civicNo: await civicNoOf('elev') });
    expect(res.headers.location).toBe('/login?error=pupil_only');
    expect(b.larka.has('larka_session')).toBe(false);
    expect((await failedLogins()).at(-1)!.details.reason).toBe('pupil_only');
  });

  it('a callback with another state is refused, and so is a replayed callback', async () => {
    const b = new Browser();
    const back = new URL(await b.throughProvider({ civicNo: await civicNoOf('vardnadshavare') }));
    const pending = b.larka.get('larka_oidc')!;
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state');
    expect((await b.larkaGet(forged.href)).headers.location).toBe('/login?error=state_mismatch');
    expect(b.larka.has('larka_session')).toBe(false);

    // the pending login was used up: the same callback again finds none
    expect((await b.larkaGet(back.href)).headers.location).toBe('/login?error=login_expired');
    // even with the old cookie kept, the code is single-use at the provider… and here unused yet, so a
    // kept cookie and the right state log in once; a second time the provider refuses the code
    b.larka.set('larka_oidc', pending);
    expect((await b.larkaGet(back.href)).headers.location).toBe('/');
    b.larka.set('larka_oidc', pending);
    expect((await b.larkaGet(back.href)).headers.location).toBe('/login?error=login_invalid');
  });

  it('a callback without the pending-login cookie, or with an altered one, is refused', async () => {
    const b = new Browser();
    const back = await b.throughProvider({ civicNo: await civicNoOf('vardnadshavare') });
    const pending = b.larka.get('larka_oidc')!;
    b.larka.set('larka_oidc', `${pending.split('.')[0]}.AAAA`);
    expect((await b.larkaGet(back)).headers.location).toBe('/login?error=login_invalid');
    expect((await new Browser().larkaGet(back)).headers.location).toBe('/login?error=login_expired');
  });

  it('a provider that is not configured, or an error from the provider, goes back to the login page', async () => {
    const b = new Browser();
    expect((await b.larkaGet('/api/auth/oidc/okand/start')).headers.location).toBe('/login?error=unknown_provider');
    await b.larkaGet('/api/auth/oidc/eid/start');
    const state = new URL(String((await b.larkaGet('/api/auth/oidc/eid/start')).headers.location)).searchParams.get('state');
    const res = await b.larkaGet(`/api/auth/oidc/eid/callback?error=access_denied&state=${state}`);
    expect(res.headers.location).toBe('/login?error=cancelled');
  });

  it('a return path to another site is ignored', async () => {
    const b = new Browser();
    const res = await b.login({ civicNo: await civicNoOf('vardnadshavare') }, 'https://evil.example/');
    expect(res.headers.location).toBe('/');
  });

  it('a disabled account is refused, audited with the person', async () => {
    const civicNo = await civicNoOf('larare2');
    await t.database.db.execute(sql`update account set disabled = true where username = 'larare2'`);
    try {
      const b = new Browser();
      expect((await b.login({ civicNo })).headers.location).toBe('/login?error=account_disabled');
      expect((await failedLogins()).at(-1)!.actor_person_id).toBeTruthy();
    } finally {
      await t.database.db.execute(sql`update account set disabled = false where username = 'larare2'`);
    }
  });

  it('an address with many refused logins is held off for a while, like the password login', async () => {
    const b = new Browser('192.0.2.77');
    for (let i = 0; i < 30; i++) expect((await b.larkaGet('/api/auth/oidc/eid/callback?state=x&code=y')).headers.location).toBe('/login?error=login_expired');
    expect((await b.larkaGet('/api/auth/oidc/eid/start')).headers.location).toBe('/login?error=too_many_attempts');
    expect((await b.larkaGet('/api/auth/oidc/eid/callback?state=x&code=y')).headers.location).toBe('/login?error=too_many_attempts');
    // another address is not affected
    expect(String((await new Browser('192.0.2.78').larkaGet('/api/auth/oidc/eid/start')).headers.location).startsWith(idp.issuer)).toBe(true);
  });

  it('the server never loads the test provider (oidc-provider is a development dependency)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(files.filter((f) => /from ['"]oidc-provider['"]|import\(['"]oidc-provider['"]\)/.test(readFileSync(`src/${f}`, 'utf8')))).toEqual([]);
  });
});
