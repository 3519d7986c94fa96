// Registering SS 12000 API clients (/api/ss12000/clients): the organiser-level administrator only; the
// secret is answered once and only its hash is kept; edits, a new secret and revocation take effect at once
// in the interface; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { ss12000Client, ss12000Token } from '../support/ss12000.js';

let t: TestApp;
let huvudman: Client;
beforeAll(async () => {
  t = await startTestApp();
  huvudman = await as('huvudman');
});
afterAll(async () => t?.close());

async function as(username: string) {
  const c = new Client(t.app, `10.7.0.${Math.floor(Math.random() * 200) + 1}`);
  expect((await c.login(username)).statusCode, username).toBe(200);
  return c;
}

const token = (clientId: string, secret: string) => t.app.inject({ method: 'POST', url: '/ss12000/oauth/token',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString() });

const units = async () => (await t.database.db.execute(sql`select id, name from school_unit order by name`)).rows as { id: string; name: string }[];

describe('/api/ss12000/clients', () => {
  it('a unit administrator, a teacher and a guardian are refused', async () => {
    for (const username of ['admin', 'larare', 'vardnadshavare']) {
      const c = await as(username);
      expect((await c.get('/api/ss12000/clients')).statusCode, username).toBe(403);
      const created = await c.request('POST', '/api/ss12000/clients', { name: 'X', unitIds: null, resources: ['persons'], writeAttendance: false });
      expect(created.statusCode, username).toBe(403);
    }
  });

  it('creating answers the secret once, keeps only its hash, and the secret gives a token; the change is audited', async () => {
    const res = await huvudman.request('POST', '/api/ss12000/clients', { name: 'Lärplattformen', clientId: 'larplattformen', unitIds: null, resources: ['organisations', 'persons'], writeAttendance: false });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { client, secret } = res.json();
    expect(client).toMatchObject({ clientId: 'larplattformen', name: 'Lärplattformen', units: null, resources: ['organisations', 'persons'], writeAttendance: false, revokedAt: null });
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const stored = (await t.database.db.execute(sql`select secret_hash from api_client where client_id = 'larplattformen'`)).rows[0] as { secret_hash: string };
    expect(stored.secret_hash.startsWith('$argon2id$')).toBe(true);
    expect(stored.secret_hash).not.toContain(secret);
    expect((await token('larplattformen', secret)).statusCode).toBe(200);
    const listed = (await huvudman.get('/api/ss12000/clients')).json();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.find((c: { clientId: string }) => c.clientId === 'larplattformen').lastUsedAt).toEqual(expect.any(String));
    const audited = (await t.database.db.execute(sql`select actor_person_id from audit_event where action = 'ss12000.client.created' and entity_id = ${client.id}`)).rows;
    expect(audited).toEqual([{ actor_person_id: huvudman.body.person.id }]);
  });

  it('a client id is generated when none is given; a taken one is 409; unknown units and write without a writable resource are 400', async () => {
    const made = await huvudman.request('POST', '/api/ss12000/clients', { name: 'Schemaläggning', unitIds: null, resources: ['calendarEvents'], writeAttendance: false });
    expect(made.json().client.clientId).toMatch(/^schemalaggning-[0-9a-f]{8}$/);
    const taken = await huvudman.request('POST', '/api/ss12000/clients', { name: 'Igen', clientId: 'demo-client', unitIds: null, resources: ['persons'], writeAttendance: false });
    expect(taken.statusCode).toBe(409);
    const unknown = await huvudman.request('POST', '/api/ss12000/clients', { name: 'X', unitIds: ['00000000-0000-4000-8000-000000000000'], resources: ['persons'], writeAttendance: false });
    expect(unknown.statusCode).toBe(400);
    const write = await huvudman.request('POST', '/api/ss12000/clients', { name: 'X', unitIds: null, resources: ['persons'], writeAttendance: true });
    expect(write.json().error.code).toBe('write_without_resource');
  });

  it('editing narrows the grant at once: a client limited to one unit sees only it, a removed resource is 403', async () => {
    const [unit] = await units();
    const { client, secret } = (await huvudman.request('POST', '/api/ss12000/clients', { name: 'Smal', clientId: 'smal-klient', unitIds: null, resources: ['organisations', 'persons'], writeAttendance: false })).json();
    const api = ss12000Client(t.app, await ss12000Token(t.app, 'smal-klient', secret));
    expect((await api.get('/organisations?type=Skolenhet')).json().data.length).toBeGreaterThan(1);
    const edited = await huvudman.request('PUT', `/api/ss12000/clients/${client.id}`, { name: 'Smal', unitIds: [unit.id], resources: ['organisations'], writeAttendance: false, version: client.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().units).toEqual([{ id: unit.id, name: unit.name }]);
    expect((await api.get('/organisations?type=Skolenhet')).json().data.map((o: { id: string }) => o.id)).toEqual([unit.id]);
    const stale = await huvudman.request('PUT', `/api/ss12000/clients/${client.id}`, { name: 'Smal', unitIds: null, resources: ['organisations'], writeAttendance: false, version: client.version });
    expect(stale.statusCode).toBe(409);
    await huvudman.request('PUT', `/api/ss12000/clients/${client.id}`, { name: 'Smal', unitIds: null, resources: ['persons'], writeAttendance: false, version: edited.json().version });
    expect((await api.get('/organisations')).statusCode).toBe(403);
  });

  it('a new secret replaces the old one; revoking refuses the token at once and gives no new one', async () => {
    const { client, secret } = (await huvudman.request('POST', '/api/ss12000/clients', { name: 'Byts', clientId: 'byts', unitIds: null, resources: ['organisations'], writeAttendance: false })).json();
    const rotated = await huvudman.request('POST', `/api/ss12000/clients/${client.id}/secret`);
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().secret;
    expect(fresh).not.toBe(secret);
    expect((await token('byts', secret)).statusCode).toBe(401);
    const bearer = await ss12000Token(t.app, 'byts', fresh);
    expect((await ss12000Client(t.app, bearer).get('/organisations')).statusCode).toBe(200);

    const revoked = await huvudman.request('POST', `/api/ss12000/clients/${client.id}/revoke`);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    expect((await ss12000Client(t.app, bearer).get('/organisations')).statusCode).toBe(401);
    expect((await token('byts', fresh)).statusCode).toBe(401);
    expect((await huvudman.request('POST', `/api/ss12000/clients/${client.id}/secret`)).statusCode).toBe(409);
    const actions = (await t.database.db.execute(sql`select action from audit_event where entity_id = ${client.id} and action like 'ss12000.client.%' order by occurred_at`)).rows.map((r: unknown) => (r as { action: string }).action);
    expect(actions).toEqual(['ss12000.client.created', 'ss12000.client.secret_rotated', 'ss12000.client.revoked']);
  });

  it('a client of another organiser or an unknown id is 404', async () => {
    const res = await huvudman.request('POST', '/api/ss12000/clients/00000000-0000-4000-8000-000000000000/revoke');
    expect(res.statusCode).toBe(404);
  });
});
