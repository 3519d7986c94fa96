// The access matrix of the SS 12000 interface: every /ss12000/v2 route, called without a token, with a
// token of a client granted nothing, and (writes) with a reading client, is refused before it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/api.js';
import { ss12000Schema, ss12000Token, addApiClient } from '../support/ss12000.js';
import { SS12000_CLIENT_SERVICES } from '../../src/server/platform/access/ss12000-clients.js';

let t: TestApp;
let routes: { method: string; url: string; resource: string; write: boolean }[];
beforeAll(async () => {
  t = await startTestApp();
  await addApiClient(t, 'granted-nothing', { resources: [] });
  routes = t.app.routeTable.filter((r) => r.url.startsWith('/ss12000/v2/') && r.url !== '/ss12000/v2/*')
    .map((r) => ({ method: r.method, url: r.url.replace(/:id\b/, '00000000-0000-4000-8000-000000000000'), resource: r.config.ss12000!.resource, write: !!r.config.ss12000!.write }));
});
afterAll(async () => t?.close());

const call = (r: { method: string; url: string }, token?: string) => t.app.inject({
  method: r.method as 'GET', url: r.url, headers: token ? { authorization: `Bearer ${token}` } : {},
  ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
});

describe('SS 12000 access matrix', () => {
  it('every route declares its resource (the server refuses to start otherwise) and there are routes', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('no token: 401 with the standard error body on every route', async () => {
    const schema = ss12000Schema();
    for (const r of routes) {
      const res = await call(r);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json(), `${r.method} ${r.url}`).toEqual({ code: 'unauthorized', message: expect.any(String) });
      schema.assertValid(r.method, r.url.replace('/ss12000/v2', ''), res);
    }
  });

  it('a client granted nothing: 403 on every resource route; the client services (own subscriptions, log…) are open', async () => {
    const token = await ss12000Token(t.app, 'granted-nothing', 's3cret');
    for (const r of routes) {
      const res = await call(r, token);
      if ((SS12000_CLIENT_SERVICES as readonly string[]).includes(r.resource)) expect(res.statusCode, `${r.method} ${r.url}`).not.toBe(401);
      else {
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
    }
  });

  it('the demo client reads everything but writes nothing: 403 on every write route', async () => {
    const token = await ss12000Token(t.app);
    const writes = routes.filter((r) => r.write && !(SS12000_CLIENT_SERVICES as readonly string[]).includes(r.resource));
    expect(writes.length).toBeGreaterThan(0);
    for (const r of writes) expect((await call(r, token)).statusCode, `${r.method} ${r.url}`).toBe(403);
  });
});
