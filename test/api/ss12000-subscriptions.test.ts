// SS 12000 subscriptions and their webhooks, deletedEntities, and the log and statistics a client reports:
// every answer is checked against the official schema by ss12000Client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/api.js';
import { ss12000Client, apiClientWith } from '../support/ss12000.js';
import { webhookDelivery } from '../../src/server/ss12000/webhooks/delivery.js';

let t: TestApp;
let hook: { url: string; calls: unknown[]; status: number; close: () => Promise<void> };
beforeAll(async () => {
  t = await startTestApp();
  hook = await receiver();
});
afterAll(async () => { await hook?.close(); await t?.close(); });

/** A subscriber on 127.0.0.1 that records what it is sent and answers `status`. */
async function receiver() {
  const calls: unknown[] = [];
  const state = { status: 200 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { calls.push({ path: req.url, type: req.headers['content-type'], body: JSON.parse(body) }); res.statusCode = state.status; res.end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, calls,
    get status() { return state.status; }, set status(s: number) { state.status = s; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const silent = { warn: () => {} };
// the subscriber listens on 127.0.0.1, which a deployment refuses unless it allows private targets
const deliver = () => webhookDelivery({ db: t.database.db, log: silent, settleMs: 0, allowPrivateTargets: true }).sweep();

const addClient = (clientId: string, resources: string[], units: string[] | null = null) => apiClientWith(t, clientId, { units, resources });

const anyPerson = async () => ((await t.database.db.execute(sql`select id from person where organiser_id = ${t.organiserId} order by id limit 1`)).rows[0] as { id: string }).id;
const touchPerson = async (id: string) => t.database.db.execute(sql`update person set given_name = given_name where id = ${id}`);

describe('/subscriptions', () => {
  it('create, read, renew, list and remove a subscription of the client\'s own', async () => {
    const api = await addClient('sub-crud', ['persons', 'organisations']);
    const created = await api.post('/subscriptions', { name: 'Ändringar', target: `${hook.url}/crud`, resourceTypes: [{ resource: 'Person' }] });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ name: 'Ändringar', target: `${hook.url}/crud`, resourceTypes: [{ resource: 'Person' }] });
    expect(new Date(s.expires).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await api.get(`/subscriptions/${s.id}`)).json()).toEqual(s);
    const later = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const renewed = await api.patch(`/subscriptions/${s.id}`, { expires: later });
    expect(renewed.json().expires).toBe(later);
    expect((await api.get('/subscriptions')).json().data.map((x: { id: string }) => x.id)).toEqual([s.id]);
    expect((await api.delete(`/subscriptions/${s.id}`)).statusCode).toBe(204);
    expect((await api.get(`/subscriptions/${s.id}`)).statusCode).toBe(404);
    const actions = (await t.database.db.execute(sql`select action, actor_person_id, details->>'apiClient' as client from audit_event
      where entity_id = ${s.id} order by occurred_at`)).rows;
    expect(actions).toEqual([
      { action: 'ss12000.subscription.created', actor_person_id: null, client: 'sub-crud' },
      { action: 'ss12000.subscription.renewed', actor_person_id: null, client: 'sub-crud' },
      { action: 'ss12000.subscription.removed', actor_person_id: null, client: 'sub-crud' },
    ]);
  });

  it('another client\'s subscription is 404 to read, renew and remove; the list holds only the client\'s own', async () => {
    const owner = await addClient('sub-owner', ['persons']);
    const other = await addClient('sub-other', ['persons']);
    const s = (await owner.post('/subscriptions', { name: 'Min', target: `${hook.url}/own`, resourceTypes: [{ resource: 'Person' }] })).json();
    expect((await other.get(`/subscriptions/${s.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/subscriptions/${s.id}`, {})).statusCode).toBe(404);
    expect((await other.delete(`/subscriptions/${s.id}`)).statusCode).toBe(404);
    expect((await other.get('/subscriptions')).json().data).toEqual([]);
    expect((await owner.get(`/subscriptions/${s.id}`)).statusCode).toBe(200);
  });

  it('a target that is not an absolute http(s) URL is 400; an object type the client is not granted is 403', async () => {
    const api = await addClient('sub-refused', ['persons']);
    for (const target of ['/hook', 'ftp://example.se/x', 'nonsense']) {
      const res = await api.post('/subscriptions', { name: 'X', target, resourceTypes: [{ resource: 'Person' }] });
      expect(res.statusCode, target).toBe(400);
    }
    expect((await api.post('/subscriptions', { name: 'X', target: hook.url, resourceTypes: [{ resource: 'Grade' }] })).statusCode).toBe(403);
  });
});

describe('webhook delivery', () => {
  it('a changed person calls the subscriber with Person; nothing new is not called again; an expired subscription gets nothing', async () => {
    const api = await addClient('hook-client', ['persons', 'organisations']);
    const s = (await api.post('/subscriptions', { name: 'Personer', target: `${hook.url}/persons`, resourceTypes: [{ resource: 'Person' }] })).json();
    const expired = (await api.post('/subscriptions', { name: 'Gammal', target: `${hook.url}/expired`, resourceTypes: [{ resource: 'Person' }] })).json();
    await t.database.db.execute(sql`update ss12000_subscription set expires_at = now() - interval '1 minute' where id = ${expired.id}`);
    await touchPerson(await anyPerson());
    await deliver();
    const mine = () => hook.calls.filter((c) => (c as { path: string }).path === '/persons');
    expect(mine()).toEqual([{ path: '/persons', type: 'application/json', body: { modifiedEntites: ['Person'] } }]);
    expect(hook.calls.filter((c) => (c as { path: string }).path === '/expired')).toEqual([]);
    await deliver();
    expect(mine().length).toBe(1);
    const row = (await t.database.db.execute(sql`select failures, last_delivery_status from ss12000_subscription where id = ${s.id}`)).rows[0];
    expect(row).toEqual({ failures: 0, last_delivery_status: '200' });
  });

  it('a deleted person is told as deletedEntities; a failing target is counted and retried later, not at once', async () => {
    const api = await addClient('hook-failing', ['persons']);
    const s = (await api.post('/subscriptions', { name: 'Fel', target: `${hook.url}/failing`, resourceTypes: [{ resource: 'Person' }] })).json();
    const id = randomUUID();
    await t.database.db.execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${id}, 'Tillfällig', 'Person')`);
    await t.database.db.execute(sql`delete from person where id = ${id}`);
    hook.status = 500;
    try {
      await deliver();
      await deliver();
    } finally { hook.status = 200; }
    const calls = hook.calls.filter((c) => (c as { path: string }).path === '/failing');
    expect(calls).toEqual([{ path: '/failing', type: 'application/json', body: { deletedEntities: true } }]);
    const row = (await t.database.db.execute(sql`select failures, last_delivery_status from ss12000_subscription where id = ${s.id}`)).rows[0];
    expect(row).toEqual({ failures: 1, last_delivery_status: '500' });
    // once the delay has passed it is tried again, and succeeds
    await t.database.db.execute(sql`update ss12000_subscription set last_delivery_at = now() - interval '1 minute' where id = ${s.id}`);
    await deliver();
    expect(hook.calls.filter((c) => (c as { path: string }).path === '/failing').length).toBe(2);
    expect((await t.database.db.execute(sql`select failures from ss12000_subscription where id = ${s.id}`)).rows[0]).toEqual({ failures: 0 });
  });
});

describe('/deletedEntities', () => {
  it('lists deleted ids of the granted resource types only, after an instant, paged', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const ids = [randomUUID(), randomUUID(), randomUUID()].sort();
    for (const id of ids) {
      await t.database.db.execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${id}, 'Borttagen', 'Person')`);
    }
    await t.database.db.execute(sql`delete from person where id = any(${sql.param(ids)}::uuid[])`);
    const api = await addClient('deleted-persons', ['persons']);
    const all = (await api.get(`/deletedEntities?after=${encodeURIComponent(since)}`)).json();
    expect(all.data.persons).toEqual(expect.arrayContaining(ids));
    expect(Object.keys(all.data)).toEqual(['persons']);
    const seen: string[] = [];
    let page = (await api.get(`/deletedEntities?after=${encodeURIComponent(since)}&entities=Person&limit=2`)).json();
    for (;;) {
      seen.push(...(page.data.persons ?? []));
      if (!page.pageToken) break;
      page = (await api.get(`/deletedEntities?limit=2&pageToken=${encodeURIComponent(page.pageToken)}`)).json();
    }
    expect([...seen].sort()).toEqual([...all.data.persons].sort());
    const mixed = await api.get(`/deletedEntities?pageToken=${encodeURIComponent('x.y')}&after=${encodeURIComponent(since)}`);
    expect(mixed.statusCode).toBe(400);

    const organisationsOnly = await addClient('deleted-orgs', ['organisations']);
    expect((await organisationsOnly.get(`/deletedEntities?after=${encodeURIComponent(since)}`)).json().data).toEqual({});
    expect((await organisationsOnly.get('/deletedEntities?entities=Person')).json().data).toEqual({});
  });
});

describe('/log and /statistics', () => {
  it('a log entry and a statistics entry are kept as sent and answered 201 without a body; an invalid one is 400', async () => {
    const api = await addClient('reporter', ['persons']);
    const log = { message: 'courseCode "MAT101" kan inte mappas', messageType: 'ValueMapping', resourceType: 'Syllabus', severityLevel: 'Warning', timeOfOccurance: '2026-01-08T12:51:31.322Z' };
    expect((await api.post('/log/', log)).statusCode).toBe(201);
    const stats = { resourceType: 'Person', newCount: 2, updatedCount: 234, deletedCount: 0, resourceUrl: 'https://service.example.se/ss12000/persons' };
    expect((await api.post('/statistics', stats)).statusCode).toBe(201);
    expect((await api.post('/log', { message: 'x', severityLevel: 'Fatal' })).statusCode).toBe(400);
    expect((await api.post('/statistics/', { resourceType: 'Person', newCount: -1, updatedCount: 0, deletedCount: 0 })).statusCode).toBe(400);
    const kept = (await t.database.db.execute(sql`select r.kind, r.body from ss12000_client_report r join api_client c on c.id = r.api_client_id
      where c.client_id = 'reporter' order by r.kind`)).rows;
    expect(kept).toEqual([{ kind: 'log', body: log }, { kind: 'statistics', body: stats }]);
  });
});
