// Accounts of a school unit, run by its administrator: credential letters per class, password resets,
// disabling, and the first login that makes a pupil choose their own password.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_PASSWORD_SHAPE } from '../../src/domain/accounts/initial-password.js';
import { systemClock } from '../../src/domain/common/dates.js';
import { buildApp } from '../../src/server/app.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

let ip = 0;
const as = async (username: string, password = 'demo') => {
  const c = new Client(t.app, `10.55.${Math.floor(++ip / 250)}.${ip % 250}`);
  const res = await c.login(username, password);
  expect(res.statusCode, `login ${username}: ${res.body}`).toBe(200);
  return c;
};
const db = () => t.database.db;

interface ClassSummary { id: string; name: string; pupils: number; withLogin: number }
interface PupilAccount { personId: string; givenName: string; familyName: string; account: { accountId: string | null; username: string | null; state: string } }

/** The text of a PDF (pdftotext) and its page count. */
function readPdf(body: Buffer) {
  const file = path.join(os.tmpdir(), `larka-letters-${randomUUID()}.pdf`);
  fs.writeFileSync(file, body);
  try {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    return { text, pages };
  } finally { fs.rmSync(file, { force: true }); }
}

/** The username and password on each page of the letters, in page order. */
const credentialsOf = (text: string) => text.split('\f').filter((p) => p.trim()).map((page) => ({
  username: /Användarnamn\s+(\S+)/.exec(page)![1], password: /Lösenord\s+(\S+)/.exec(page)![1],
}));

/** Whether a text occurs anywhere in the database (every row of every table, as text). */
async function inDatabase(text: string): Promise<string[]> {
  const tables = await rows<{ name: string }>(db(), sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const hits: string[] = [];
  for (const { name } of tables) {
    const found = await one<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.identifier(name)} x where x::text like ${`%${text}%`}`);
    if (found!.n > 0) hits.push(name);
  }
  return hits;
}

/** A class of the administrator's unit where nobody has an account yet, not used by another test. */
const usedClasses = new Set<string>();
async function freshClass(admin: Client) {
  const classes = (await admin.get('/api/admin/accounts/classes')).json() as ClassSummary[];
  for (const c of classes.filter((x) => !usedClasses.has(x.id))) {
    const pupils = (await admin.get(`/api/admin/accounts/classes/${c.id}`)).json().pupils as PupilAccount[];
    if (pupils.length >= 3 && pupils.every((p) => p.account.state === 'none')) { usedClasses.add(c.id); return { id: c.id, name: c.name, pupils }; }
  }
  throw new Error('no class without accounts left');
}

async function letters(admin: Client, classId: string, personIds: string[]) {
  const res = await admin.request('POST', `/api/admin/accounts/classes/${classId}/letters`, { personIds });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { res, ...readPdf(res.rawPayload) };
}

describe('the administrator sees the accounts of the unit', () => {
  it('classes with their pupils and account states; staff likewise', async () => {
    const admin = await as('admin');
    const classes = (await admin.get('/api/admin/accounts/classes')).json() as ClassSummary[];
    expect(classes.length).toBeGreaterThan(3);
    const elev = await as('elev');
    const withElev = await (async () => {
      for (const c of classes) {
        const body = (await admin.get(`/api/admin/accounts/classes/${c.id}`)).json();
        const found = body.pupils.find((p: PupilAccount) => p.personId === elev.body.person.id);
        if (found) return { c, found };
      }
    })();
    expect(withElev!.found.account).toMatchObject({ username: 'elev', state: 'active' });
    expect(withElev!.c.withLogin).toBeGreaterThanOrEqual(1);
    const staff = (await admin.get('/api/admin/accounts/staff')).json();
    const byUser = (u: string) => staff.find((s: any) => s.account.username === u);
    expect(byUser('larare2')).toMatchObject({ manageable: true, account: { state: 'active' } });
    expect(byUser('rektor')).toMatchObject({ manageable: false, roles: expect.arrayContaining(['principal']) });
    expect(byUser('admin')).toMatchObject({ manageable: false });
  });
});

describe('credential letters for a class', () => {
  it('creates accounts for the chosen pupils: one page each with name, class, username, password and instructions', async () => {
    const admin = await as('admin');
    const cls = await freshClass(admin);
    const chosen = cls.pupils.slice(0, 3);
    const { res, text, pages } = await letters(admin, cls.id, chosen.map((p) => p.personId));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''Inloggningsbrev%20${encodeURIComponent(cls.name)}%20`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(pages).toBe(3);
    expect(text).toContain('Björkskolan');
    expect(text).toContain('Du byter lösenord första gången du loggar in');
    expect(text).toContain('http://localhost:80/login');
    const creds = credentialsOf(text);
    expect(creds).toHaveLength(3);
    const after = (await admin.get(`/api/admin/accounts/classes/${cls.id}`)).json().pupils as PupilAccount[];
    for (const p of chosen) {
      const row = after.find((a) => a.personId === p.personId)!;
      expect(row.account.state).toBe('must_change');
      expect(row.account.username).toMatch(/^[a-z]+\d{2,}$/);
      expect(text).toContain(`${p.givenName} ${p.familyName}`);
      expect(creds.map((c) => c.username)).toContain(row.account.username);
    }
    for (const c of creds) expect(c.password).toMatch(INITIAL_PASSWORD_SHAPE);
    expect(text).toContain(`Klass: ${cls.name}`);
    // the pupils not chosen have no account
    for (const p of cls.pupils.slice(3)) expect(after.find((a) => a.personId === p.personId)!.account.state).toBe('none');
    // audited per pupil, in one statement's rows, with details.personId
    const audited = await rows<{ action: string; details: any }>(db(), sql`select action, details from audit_event
      where action = 'account.created' and details->>'classId' = ${cls.id}`);
    expect(audited.map((a) => a.details.personId).sort()).toEqual(chosen.map((p) => p.personId).sort());
    expect(audited[0].details).toMatchObject({ delivery: 'letter', unitId: admin.body.current.unitId });
  });

  it('a pupil logs in with the letter\'s password, may use nothing but the password change, then chooses their own', async () => {
    const admin = await as('admin');
    const cls = await freshClass(admin);
    const { text } = await letters(admin, cls.id, [cls.pupils[0].personId]);
    const [cred] = credentialsOf(text);
    const pupil = await as(cred.username, cred.password);
    expect(pupil.body).toMatchObject({ mustChangePassword: true, current: { role: 'pupil' } });
    for (const url of ['/api/start', `/api/pupils/${pupil.body.person.id}`, '/api/me/contact']) {
      const res = await pupil.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('password_change_required');
    }
    expect((await pupil.get('/api/session')).statusCode).toBe(200);
    const change = (currentPassword: string, newPassword: string) => pupil.request('PUT', '/api/me/password', { currentPassword, newPassword });
    expect((await change('fel-lösenord-123', 'mitt eget lösenord')).json().error.code).toBe('current_password_wrong');
    expect((await change(cred.password, 'kort')).json().error.code).toBe('password_too_short');
    expect((await change(cred.password, `${cred.username}!!`)).json().error.code).toBe('password_contains_username');
    expect((await change(cred.password, cred.password)).json().error.code).toBe('password_reused');
    const oldCookie = pupil.cookie;
    const changed = await change(cred.password, 'sol hund cykel');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    expect(pupil.cookie).not.toBe(oldCookie); // the session continues under a new id
    expect((await pupil.get('/api/start')).statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: oldCookie! } });
    expect(stale.statusCode).toBe(401);
    expect((await new Client(t.app, '10.56.0.1').login(cred.username, cred.password)).statusCode).toBe(401);
    await as(cred.username, 'sol hund cykel');
    const audited = await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_event where action = 'account.password_changed' and details->>'personId' = ${pupil.body.person.id}`);
    expect(audited!.n).toBe(1);
  });

  it('printing letters again gives new passwords: the old one stops working and the pupil\'s sessions end', async () => {
    const admin = await as('admin');
    const cls = await freshClass(admin);
    const first = credentialsOf((await letters(admin, cls.id, [cls.pupils[0].personId])).text)[0];
    const pupil = await as(first.username, first.password);
    expect((await pupil.get('/api/session')).statusCode).toBe(200);
    const second = credentialsOf((await letters(admin, cls.id, [cls.pupils[0].personId])).text)[0];
    expect(second.username).toBe(first.username);
    expect(second.password).not.toBe(first.password);
    expect((await pupil.get('/api/session')).statusCode).toBe(401);
    expect((await new Client(t.app, '10.56.0.2').login(first.username, first.password)).statusCode).toBe(401);
    await as(second.username, second.password);
    const reset = await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_event where action = 'account.password_reset' and details->>'personId' = ${cls.pupils[0].personId}`);
    expect(reset!.n).toBe(1);
  });

  it('a pupil who is not in the class, or a disabled account, is refused and nothing is written', async () => {
    const admin = await as('admin');
    const cls = await freshClass(admin);
    const other = await freshClass(admin);
    const before = await one<{ n: number }>(db(), sql`select count(*)::int as n from account`);
    const mixed = await admin.request('POST', `/api/admin/accounts/classes/${cls.id}/letters`, { personIds: [cls.pupils[0].personId, other.pupils[0].personId] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.code).toBe('not_in_class');
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from account`))!.n).toBe(before!.n);
    // a disabled account gets no letter until it is enabled
    const made = (await admin.request('POST', '/api/admin/accounts', { personId: cls.pupils[1].personId })).json();
    expect((await admin.request('POST', `/api/admin/accounts/${made.accountId}/disable`)).json().state).toBe('disabled');
    const refused = await admin.request('POST', `/api/admin/accounts/classes/${cls.id}/letters`, { personIds: [cls.pupils[0].personId, cls.pupils[1].personId] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('account_disabled');
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from account`))!.n).toBe(before!.n + 1);
    // without the CSRF header: refused, nothing written
    const noCsrf = await admin.request('POST', `/api/admin/accounts/classes/${cls.id}/letters`, { personIds: [cls.pupils[0].personId] }, { csrf: null });
    expect(noCsrf.statusCode).toBe(403);
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from account`))!.n).toBe(before!.n + 1);
  });
});

describe('usernames', () => {
  /** A pupil enrolled at Björkskolan in the class, with these names. */
  async function addPupil(classId: string, givenName: string, familyName: string) {
    const id = randomUUID();
    const unit = await one<{ id: string }>(db(), sql`select school_unit_id as id from student_group where id = ${classId}`);
    await db().execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${id}, ${givenName}, ${familyName})`);
    await db().execute(sql`insert into enrolment (organiser_id, id, person_id, school_unit_id, school_year, school_form, start_date)
      values (${t.organiserId}, ${randomUUID()}, ${id}, ${unit!.id}, 7, 'GR', '2020-01-01')`);
    await db().execute(sql`insert into group_membership (organiser_id, id, group_id, person_id, start_date)
      values (${t.organiserId}, ${randomUUID()}, ${classId}, ${id}, '2020-01-01')`);
    return id;
  }

  it('follow the rule (ASCII-folded, three + three letters, lowest free number) and never collide in the organiser', async () => {
    const admin = await as('admin');
    const cls = await freshClass(admin);
    // someone already has the first name of the rule, in another case
    const other = await one<{ id: string }>(db(), sql`select p.id from person p where not exists (select 1 from account a where a.person_id = p.id) limit 1`);
    await db().execute(sql`insert into account (organiser_id, id, person_id, username) values (${t.organiserId}, ${randomUUID()}, ${other!.id}, 'ASAOBE01')`);
    const ids = [await addPupil(cls.id, 'Åsa', 'Öberg'), await addPupil(cls.id, 'Asa', 'Oberg'), await addPupil(cls.id, 'Éva-Lena', 'Ängström')];
    const creds = credentialsOf((await letters(admin, cls.id, ids)).text);
    expect(creds.map((c) => c.username).sort()).toEqual(['asaobe02', 'asaobe03', 'evaang01']);
  });
});

describe('one person\'s password, and disabling', () => {
  it('a staff member\'s new initial password is shown once; they must change it, and their other sessions end', async () => {
    const admin = await as('admin');
    const teacher = await as('larare2');
    const staff = (await admin.get('/api/admin/accounts/staff')).json();
    const row = staff.find((s: any) => s.account.username === 'larare2');
    const res = await admin.request('POST', `/api/admin/accounts/${row.account.accountId}/password`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const shown = res.json();
    expect(shown).toMatchObject({ username: 'larare2', state: 'must_change' });
    expect(shown.password).toMatch(INITIAL_PASSWORD_SHAPE);
    expect((await teacher.get('/api/session')).statusCode).toBe(401);
    expect((await new Client(t.app, '10.56.0.3').login('larare2', 'demo')).statusCode).toBe(401);
    const again = await as('larare2', shown.password);
    expect(again.body.mustChangePassword).toBe(true);
    expect((await again.get('/api/grading/groups')).json().error.code).toBe('password_change_required');
    const audited = await one<{ details: any }>(db(), sql`select details from audit_event where action = 'account.password_reset' and entity_id = ${row.account.accountId}`);
    expect(audited!.details).toMatchObject({ personId: row.personId, delivery: 'shown' });
  });

  it('a one-page letter for one pupil resets their password', async () => {
    const admin = await as('admin');
    const cls = await freshClass(admin);
    const made = (await admin.request('POST', '/api/admin/accounts', { personId: cls.pupils[0].personId })).json();
    const res = await admin.request('POST', `/api/admin/accounts/${made.accountId}/letter`);
    expect(res.statusCode).toBe(200);
    const { text, pages } = readPdf(res.rawPayload);
    expect(pages).toBe(1);
    const [cred] = credentialsOf(text);
    expect(cred.username).toBe(made.username);
    expect(cred.password).not.toBe(made.password);
    expect((await new Client(t.app, '10.56.0.4').login(made.username, made.password)).statusCode).toBe(401);
    await as(cred.username, cred.password);
  });

  it('a staff member without a login gets one; an account that exists is not created twice', async () => {
    const admin = await as('admin');
    const id = randomUUID();
    await db().execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${id}, 'Örjan', 'Lööf')`);
    await db().execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, start_date)
      values (${t.organiserId}, ${randomUUID()}, ${id}, ${admin.body.current.unitId}, 'teacher', '2020-01-01')`);
    const made = await admin.request('POST', '/api/admin/accounts', { personId: id });
    expect(made.statusCode).toBe(200);
    expect(made.json().username).toBe('orjloo01');
    const twice = await admin.request('POST', '/api/admin/accounts', { personId: id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('account_exists');
  });

  it('disabling ends the sessions and refuses login; enabling lets the person in again; both audited', async () => {
    const admin = await as('admin');
    const cls = await freshClass(admin);
    const made = (await admin.request('POST', '/api/admin/accounts', { personId: cls.pupils[0].personId })).json();
    const pupil = await as(made.username, made.password);
    const off = await admin.request('POST', `/api/admin/accounts/${made.accountId}/disable`);
    expect(off.json()).toMatchObject({ state: 'disabled' });
    expect((await pupil.get('/api/session')).statusCode).toBe(401);
    expect((await new Client(t.app, '10.56.0.5').login(made.username, made.password)).statusCode).toBe(401);
    expect((await admin.request('POST', `/api/admin/accounts/${made.accountId}/enable`)).json()).toMatchObject({ state: 'must_change' });
    await as(made.username, made.password);
    const actions = await rows<{ action: string }>(db(), sql`select action from audit_event where entity_id = ${made.accountId} order by occurred_at`);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['account.created', 'account.disabled', 'account.enabled']));
  });

  it('a unit administrator may not set the password of a principal or their own (organiser-level administrators only)', async () => {
    const admin = await as('admin');
    const staff = (await admin.get('/api/admin/accounts/staff')).json();
    for (const [username, code] of [['rektor', 'privileged_account'], ['admin', 'own_account']]) {
      const row = staff.find((s: any) => s.account.username === username);
      const res = await admin.request('POST', `/api/admin/accounts/${row.account.accountId}/password`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe(code);
    }
  });
});

describe('who may', () => {
  it('an administrator of another unit finds nothing of this unit (404); teacher, principal, guardian and pupil are refused (403)', async () => {
    const admin = await as('admin');
    const cls = await freshClass(admin);
    const made = (await admin.request('POST', '/api/admin/accounts', { personId: cls.pupils[0].personId })).json();
    // an administrator of Eksätraskolan only
    const stranger = randomUUID();
    const eks = await one<{ id: string }>(db(), sql`select id from school_unit where name = 'Eksätraskolan'`);
    await db().execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${stranger}, 'Annan', 'Administratör')`);
    await db().execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, start_date) values (${t.organiserId}, ${randomUUID()}, ${stranger}, ${eks!.id}, 'administrator', '2020-01-01')`);
    await db().execute(sql`insert into account (organiser_id, id, person_id, username, password_hash) values (${t.organiserId}, ${randomUUID()}, ${stranger},
      'annan_admin', (select password_hash from account where username = 'admin'))`);
    const other = await as('annan_admin');
    const requests: [string, string, unknown?][] = [
      ['GET', `/api/admin/accounts/classes/${cls.id}`],
      ['POST', `/api/admin/accounts/classes/${cls.id}/letters`, { personIds: [cls.pupils[1].personId] }],
      ['POST', '/api/admin/accounts', { personId: cls.pupils[1].personId }],
      ['POST', `/api/admin/accounts/${made.accountId}/password`],
      ['POST', `/api/admin/accounts/${made.accountId}/letter`],
      ['POST', `/api/admin/accounts/${made.accountId}/disable`],
    ];
    for (const [method, url, body] of requests) {
      const res = await other.request(method as never, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await other.get('/api/admin/accounts/classes')).json().map((c: ClassSummary) => c.id)).not.toContain(cls.id);
    for (const username of ['larare', 'rektor', 'vardnadshavare', 'elev']) {
      const c = await as(username);
      for (const [method, url, body] of [...requests, ['GET', '/api/admin/accounts/classes'], ['GET', '/api/admin/accounts/staff']] as [string, string, unknown?][]) {
        const res = await c.request(method as never, url, body);
        expect(res.statusCode, `${username} ${method} ${url}`).toBe(403);
      }
    }
    // nothing happened to the account
    const after = (await admin.get(`/api/admin/accounts/classes/${cls.id}`)).json().pupils as PupilAccount[];
    expect(after.find((p) => p.personId === cls.pupils[0].personId)!.account.state).toBe('must_change');
    expect(after.find((p) => p.personId === cls.pupils[1].personId)!.account.state).toBe('none');
  });
});

describe('the clear password', () => {
  it('is never in the database, the log (at trace level) or the audit trail', async () => {
    const logStream = new PassThrough();
    let written = '';
    logStream.on('data', (chunk) => { written += String(chunk); });
    const organiser = (await one<{ id: string; name: string; contact: string | null }>(db(), sql`select id, name, contact from organiser limit 1`))!;
    const app = await buildApp({ database: t.database, clock: systemClock, organiser, sessionHours: 8, secureCookies: false, logLevel: 'trace', logStream, webRoot: null });
    await app.ready();
    try {
      const client = (address: string) => new Client(app, address);
      const admin = client('10.57.0.1');
      expect((await admin.login('admin')).statusCode).toBe(200);
      const cls = await freshClass(admin);
      const res = await admin.request('POST', `/api/admin/accounts/classes/${cls.id}/letters`, { personIds: cls.pupils.slice(0, 2).map((p) => p.personId) });
      const creds = credentialsOf(readPdf(res.rawPayload).text);
      const shown = (await admin.request('POST', '/api/admin/accounts', { personId: cls.pupils[2].personId })).json();
      const pupil = client('10.57.0.2');
      expect((await pupil.login(creds[0].username, creds[0].password)).statusCode).toBe(200);
      const chosen = 'Min-egen-hemlis-4711';
      expect((await pupil.request('PUT', '/api/me/password', { currentPassword: 'fel-gissning-99', newPassword: chosen })).statusCode).toBe(400);
      expect((await pupil.request('PUT', '/api/me/password', { currentPassword: creds[0].password, newPassword: chosen })).statusCode).toBe(200);
      const secrets = [...creds.map((c) => c.password), shown.password, chosen, 'fel-gissning-99'].filter(Boolean);
      expect(secrets.length).toBeGreaterThanOrEqual(4);
      expect(written.length).toBeGreaterThan(0);
      expect(await inDatabase(creds[0].username), 'the search finds what is stored').toContain('account');
      for (const s of secrets) {
        expect(written, 'log').not.toContain(s);
        expect(await inDatabase(s), `tables holding ${s}`).toEqual([]);
      }
      const audited = await rows<{ details: string }>(db(), sql`select details::text as details from audit_event where action like 'account.%'`);
      expect(audited.length).toBeGreaterThan(3);
      expect(audited.some((a) => /password"?\s*:/.test(a.details))).toBe(false);
      // the hash is argon2id
      const hash = await one<{ h: string }>(db(), sql`select password_hash as h from account where username = ${creds[1].username}`);
      expect(hash!.h).toMatch(/^\$argon2id\$/);
    } finally {
      await app.close();
    }
  });
});
