// The 18-year rule (DOMAIN.md §5): a guardian sees the child until the child turns 18, unless the young
// adult consents (recorded, revocable); the relation's end date ends it too.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { schoolWeekday, settableClock } from '../support/school-day.js';

const clock = settableClock();
let t: TestApp;
let ip = 0;
const as = async (username: string) => {
  const c = new Client(t.app, `10.72.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  return c;
};
const db = () => t.database.db;
/** The day `years` years before today, shifted by `days`. */
const yearsAgo = (years: number, days = 0) => {
  const d = new Date(`${Number(clock.today.slice(0, 4)) - years}${clock.today.slice(4)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const setBirth = (personId: string, birthDate: string | null) => db().execute(sql`update person set birth_date = ${birthDate}::date where id = ${personId}`);

let olle: string;
let sofia: string;
let yasmin: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  clock.set(await schoolWeekday(t.database));
  const child = (await one<{ child_id: string; guardian_id: string }>(db(), sql`select g.child_id, g.guardian_id from guardianship g
    join account a on a.person_id = g.guardian_id and a.username = 'vardnadshavare'
    join enrolment e on e.person_id = g.child_id join school_unit u on u.id = e.school_unit_id and u.name = 'Björkskolan' limit 1`))!;
  [olle, sofia] = [child.child_id, child.guardian_id];
  yasmin = (await one<{ id: string }>(db(), sql`select g.child_id as id from guardianship g join account a on a.person_id = g.guardian_id
    and a.username = 'personal' limit 1`))!.id;
  // Olle logs in himself to give and revoke consent
  await db().execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${randomUUID()}, ${olle}, 'olle', ${await hashPassword('demo')})`);
}, 60_000);
afterAll(async () => { await t?.close(); });

const sees = async (guardian: Client, pupilId: string) => {
  const start = (await guardian.get('/api/start')).json();
  const record = (await guardian.get(`/api/pupils/${pupilId}`)).statusCode;
  const tests = (await guardian.get(`/api/pupils/${pupilId}/national-tests`)).statusCode;
  const grades = (await guardian.get(`/api/pupils/${pupilId}/grades`)).statusCode;
  const listed = start.children.some((c: any) => c.id === pupilId);
  return { listed, record, tests, grades };
};
const seen = { listed: true, record: 200, tests: 200, grades: 200 };
const hidden = { listed: false, record: 404, tests: 404, grades: 404 };

describe('the guardian and the 18-year rule', () => {
  it('the day before the 18th birthday the guardian still sees the child', async () => {
    await setBirth(olle, yearsAgo(18, 1));
    expect(await sees(await as('vardnadshavare'), olle)).toEqual(seen);
  });

  it('on the 18th birthday the child is no longer seen (404, not on the start page)', async () => {
    await setBirth(olle, yearsAgo(18));
    expect(await sees(await as('vardnadshavare'), olle)).toEqual(hidden);
    await setBirth(olle, yearsAgo(18, -1));
    expect(await sees(await as('vardnadshavare'), olle)).toEqual(hidden);
  });

  it('without a birth date the age follows from the personnummer, a samordningsnummer\'s day less 60', async () => {
    const civic = (await one<{ civic_no: string; civic_no_kind: string; birth_date: string }>(db(), sql`select civic_no, civic_no_kind, to_char(birth_date, 'YYYY-MM-DD') as birth_date from person where id = ${olle}`))!;
    const adult = yearsAgo(18).replaceAll('-', '');
    await db().execute(sql`update person set birth_date = null, civic_no = ${`${adult}9990`}, civic_no_kind = 'personnummer' where id = ${olle}`);
    expect((await sees(await as('vardnadshavare'), olle)).record).toBe(404);
    const coordination = `${adult.slice(0, 6)}${String(Number(adult.slice(6)) + 60)}9990`;
    await db().execute(sql`update person set civic_no = ${coordination}, civic_no_kind = 'samordningsnummer' where id = ${olle}`);
    expect((await sees(await as('vardnadshavare'), olle)).record).toBe(404);
    await db().execute(sql`update person set civic_no = ${`${yearsAgo(18, 1).replaceAll('-', '')}9990`}, civic_no_kind = 'personnummer' where id = ${olle}`);
    expect((await sees(await as('vardnadshavare'), olle)).record).toBe(200);
    await db().execute(sql`update person set birth_date = ${yearsAgo(18)}::date, civic_no = ${civic.civic_no}, civic_no_kind = ${civic.civic_no_kind} where id = ${olle}`);
  });

  it('the young adult\'s consent lets the guardian see again; revoked, the child is 404 again; both audited', async () => {
    const self = await as('olle');
    const list = await self.get('/api/consents');
    expect(list.json().adult).toBe(true);
    expect(list.json().guardians.map((g: any) => g.id)).toContain(sofia);
    const given = await self.request('POST', '/api/consents', { guardianId: sofia });
    expect(given.statusCode).toBe(200);
    expect(given.json().guardians.find((g: any) => g.id === sofia)).toMatchObject({ consented: true, givenOn: expect.any(String) });
    expect(await sees(await as('vardnadshavare'), olle)).toEqual(seen);

    const revoked = await self.request('DELETE', `/api/consents/${sofia}`);
    expect(revoked.json().guardians.find((g: any) => g.id === sofia).consented).toBe(false);
    expect(await sees(await as('vardnadshavare'), olle)).toEqual(hidden);
    const audited = await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_event where action in ('guardian_consent.given', 'guardian_consent.revoked')
      and details->>'personId' = ${olle} and details->>'guardianId' = ${sofia}`);
    expect(audited!.n).toBe(2);
    // the revoked consent stays on record
    expect(await one(db(), sql`select 1 from guardian_consent where pupil_id = ${olle} and revoked_at is not null`)).toBeDefined();
  });

  it('consent does not outlive the guardianship\'s end date', async () => {
    const self = await as('olle');
    await self.request('POST', '/api/consents', { guardianId: sofia });
    await db().execute(sql`update guardianship set end_date = ${yearsAgo(0, -1)}::date where child_id = ${olle} and guardian_id = ${sofia}`);
    expect((await sees(await as('vardnadshavare'), olle)).record).toBe(404);
    await db().execute(sql`update guardianship set end_date = null where child_id = ${olle} and guardian_id = ${sofia}`);
    await self.request('DELETE', `/api/consents/${sofia}`);
  });

  it('a pupil under 18 cannot consent (422); nobody consents for someone who is not their guardian (404); only the pupil may (403)', async () => {
    const elev = await as('elev');
    const guardians = (await elev.get('/api/consents')).json();
    expect(guardians.adult).toBe(false);
    const under = await elev.request('POST', '/api/consents', { guardianId: guardians.guardians[0].id });
    expect([under.statusCode, under.json().error.code]).toEqual([422, 'not_adult']);
    const self = await as('olle');
    expect((await self.request('POST', '/api/consents', { guardianId: randomUUID() })).statusCode).toBe(404);
    expect((await self.request('DELETE', `/api/consents/${sofia}`)).statusCode).toBe(404);
    const guardian = await as('vardnadshavare');
    expect((await guardian.get('/api/consents')).statusCode).toBe(403);
    expect((await guardian.request('POST', '/api/consents', { guardianId: sofia })).statusCode).toBe(403);
    expect(await one(db(), sql`select 1 from guardian_consent where pupil_id <> ${olle}`)).toBeUndefined();
  });

  it('a guardian whose every child is 18 without consent no longer holds the guardian role', async () => {
    const before = await as('personal');
    expect(before.body.roles.map((r: any) => r.role)).toContain('guardian');
    await setBirth(yasmin, yearsAgo(19));
    const after = await as('personal');
    expect(after.body.roles.map((r: any) => r.role)).not.toContain('guardian');
    expect((await after.switchTo('guardian')).statusCode).toBe(403);
    // Sofia keeps the role: her younger child is still under 18
    expect((await as('vardnadshavare')).body.roles.map((r: any) => r.role)).toContain('guardian');
  });
});
