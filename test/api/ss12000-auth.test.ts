// The SS 12000 interface's door: client credentials give a signed token; without one, or with one that
// does not grant the resource, the answer is the standard's error body. Paging rules shared by every list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/api.js';
import { ss12000Client, ss12000Schema, ss12000Token, addApiClient, type ApiClientGrant } from '../support/ss12000.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const tokenRequest = (payload: string, headers: Record<string, string> = {}) => t.app.inject({
  method: 'POST', url: '/ss12000/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload });

const addClient = (clientId: string, grant: ApiClientGrant) => addApiClient(t, clientId, grant);

describe('OAuth2 client credentials (POST /ss12000/oauth/token)', () => {
  it('the demo client gets a signed bearer JWT from a form body', async () => {
    const res = await tokenRequest(form({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({ iss: 'larka', aud: 'ss12000', client_id: 'demo-client' });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('HTTP Basic client authentication is accepted too', async () => {
    const basic = Buffer.from('demo-client:demo-secret').toString('base64');
    const res = await tokenRequest(form({ grant_type: 'client_credentials' }), { authorization: `Basic ${basic}` });
    expect(res.statusCode).toBe(200);
  });

  it('a wrong secret or an unknown client is 401 invalid_client; another grant type is 400', async () => {
    for (const [id, secret] of [['demo-client', 'wrong'], ['nobody', 'demo-secret']]) {
      const res = await tokenRequest(form({ grant_type: 'client_credentials', client_id: id, client_secret: secret }));
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    }
    const pw = await tokenRequest(form({ grant_type: 'password', username: 'x', password: 'y' }));
    expect(pw.statusCode).toBe(400);
    expect(pw.json().error).toBe('unsupported_grant_type');
  });

  it('a revoked client gets no token', async () => {
    await addClient('revoked-client', { resources: ['organisations'], revoked: true });
    const res = await tokenRequest(form({ grant_type: 'client_credentials', client_id: 'revoked-client', client_secret: 's3cret' }));
    expect(res.statusCode).toBe(401);
  });
});

describe('/ss12000/v2 refuses what the token does not allow', () => {
  it('no token, a malformed or a forged token: 401 with {code, message}', async () => {
    const schema = ss12000Schema();
    const token = await ss12000Token(t.app);
    const forged = token.slice(0, token.lastIndexOf('.') + 1) + 'AAAA' + token.slice(token.lastIndexOf('.') + 5);
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer ${forged}`]) {
      const res = await t.app.inject({ method: 'GET', url: '/ss12000/v2/organisations', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'unauthorized', message: expect.any(String) });
      schema.assertValid('GET', '/organisations', res);
    }
  });

  it('a client without the resource is 403; one limited to a unit sees that unit and the organiser only', async () => {
    const [unit] = (await t.database.db.execute(sql`select id from school_unit order by name limit 1`)).rows as { id: string }[];
    await addClient('persons-only', { resources: ['persons'] });
    const denied = await ss12000Client(t.app, await ss12000Token(t.app, 'persons-only', 's3cret')).get('/organisations');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');

    await addClient('one-unit', { resources: ['organisations'], units: [unit.id] });
    const res = await ss12000Client(t.app, await ss12000Token(t.app, 'one-unit', 's3cret')).get('/organisations');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((o: { organisationType: string }) => o.organisationType).sort()).toEqual(['Huvudman', 'Skolenhet']);
    const other = await ss12000Client(t.app, await ss12000Token(t.app, 'one-unit', 's3cret')).get('/organisations?type=Skolenhet');
    expect(other.json().data.map((o: { id: string }) => o.id)).toEqual([unit.id]);
  });

  it('an unknown path under /ss12000/v2 is 404 in the standard shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ss12000/v2/nothing', headers: { authorization: `Bearer ${await ss12000Token(t.app)}` } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('paging of every list', () => {
  it('limit pages with an opaque pageToken until none is given; the pages together are the whole list', async () => {
    const api = ss12000Client(t.app, await ss12000Token(t.app));
    const all = (await api.get('/organisations')).json().data.map((o: { id: string }) => o.id);
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let res = await api.get('/organisations?limit=2&sortkey=DisplayNameAsc');
    for (;;) {
      const body = res.json();
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((o: { id: string }) => o.id));
      if (!body.pageToken) break;
      res = await api.get(`/organisations?limit=2&pageToken=${encodeURIComponent(body.pageToken)}`);
    }
    expect([...seen].sort()).toEqual([...all].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('a limit above the maximum page size is clamped, not refused', async () => {
    const res = await ss12000Client(t.app, await ss12000Token(t.app)).get('/organisations?limit=1000000');
    expect(res.statusCode).toBe(200);
  });

  it('pageToken with another filter is 400; a tampered pageToken is 400', async () => {
    const api = ss12000Client(t.app, await ss12000Token(t.app));
    const token = (await api.get('/organisations?limit=1')).json().pageToken as string;
    const mixed = await api.get(`/organisations?pageToken=${encodeURIComponent(token)}&sortkey=DisplayNameAsc`);
    expect(mixed.statusCode).toBe(400);
    const tampered = await api.get(`/organisations?pageToken=${encodeURIComponent('x' + token.slice(1))}`);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().code).toBe('invalid_page_token');
  });

  it('meta.modified.after returns what changed since, and expandReferenceNames adds displayName', async () => {
    const api = ss12000Client(t.app, await ss12000Token(t.app));
    const before = new Date(Date.now() - 1000).toISOString();
    const [unit] = (await t.database.db.execute(sql`select id from school_unit order by name limit 1`)).rows as { id: string }[];
    await t.database.db.execute(sql`update school_unit set phone = '08-123 456' where id = ${unit.id}`);
    const changed = (await api.get(`/organisations?meta.modified.after=${encodeURIComponent(before)}`)).json().data;
    expect(changed.map((o: { id: string }) => o.id)).toEqual([unit.id]);
    expect(changed[0].phoneNumber).toBe('08-123 456');
    const named = (await api.get(`/organisations/${unit.id}?expandReferenceNames=true`)).json();
    expect(named.parentOrganisation.displayName).toEqual(expect.any(String));
    expect((await api.get(`/organisations/${unit.id}`)).json().parentOrganisation.displayName).toBeUndefined();
  });
});
