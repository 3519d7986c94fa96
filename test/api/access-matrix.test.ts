// The access matrix, generated from the route table: every /api route is tried as no one, as each demo
// role, as staff of another unit, as another family's guardian and as another pupil, with real resources
// of the home unit. Each route's declaration (config.access and config.scope, next to the route) says what
// must happen; no response may carry a pupil outside the caller's reach, and nothing may answer 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../src/server/app.js';
import { exampleOf } from '../support/matrix/example.js';
import { buildWorld, type MatrixActor } from '../support/matrix/world.js';
import { startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  world = await buildWorld(t);
}, 120_000);
afterAll(async () => { await t?.close(); });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const CIVIC = /\b(?:19|20)\d{10}\b/g;

/** The routes under test, in an order where ending or switching a session comes last. */
function apiRoutes(routes: RegisteredRoute[]) {
  const sessionChanging = (r: RegisteredRoute) => r.url.startsWith('/api/session') && r.method !== 'GET';
  return routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
    .sort((a, b) => Number(sessionChanging(a)) - Number(sessionChanging(b)) || a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

/** What the route's declaration requires of this actor, or null when any answer below 500 will do. */
function required(route: RegisteredRoute, actor: MatrixActor): number[] | null {
  const { access, scope } = route.config;
  if (access === 'public') return null;
  if (actor.relation === 'anonymous') return [401];
  if (access !== 'session' && !access!.roles.includes(actor.role as never)) return [403];
  if (actor.relation === 'other_unit' && (scope === 'unit' || scope === 'pupil')) return [403, 404];
  if ((actor.relation === 'other_family' || actor.relation === 'other_pupil') && scope === 'pupil') return [403, 404];
  return null;
}

function requestFor(route: RegisteredRoute) {
  const f = world.fixtures;
  const url = route.url.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in f)) throw new Error(`${route.method} ${route.url}: the matrix has no fixture for :${name} — add one in test/support/matrix/world.ts`);
    return encodeURIComponent(String(f[name]));
  });
  const query = route.schema?.querystring ? new URLSearchParams(Object.entries(exampleOf(route.schema.querystring, f) as object)
    .map(([k, v]) => [k, String(v)])).toString() : '';
  const body = route.method === 'GET' ? undefined : route.schema?.body ? exampleOf(route.schema.body, f) : undefined;
  return { url: query ? `${url}?${query}` : url, body };
}

/** Pupils in a response that the actor may not see (an id the actor sent, echoed back, is not one). */
function leaks(actor: MatrixActor, sent: string, contentType: string, text: string): string[] {
  if (!/json|text|csv/.test(contentType)) return []; // binary documents are checked by their own tests
  const reach = world.reach.of(actor);
  const seen = [...new Set([...(text.match(UUID) ?? []), ...(text.match(CIVIC) ?? [])])].filter((s) => !sent.includes(s));
  return seen.map((s) => world.reach.pupils.get(s.toLowerCase()) ?? world.reach.pupils.get(s)).filter((p): p is string => !!p && !reach.has(p));
}

describe('access matrix', () => {
  it('every route answers every actor as its declaration says, never with a pupil out of reach, never 5xx', async () => {
    const routes = apiRoutes(t.app.routeTable);
    const actors = [...world.actors].sort((a, b) => Number(a.relation === 'home') - Number(b.relation === 'home'));
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const actor of actors) {
        const { url, body } = requestFor(route);
        const res = await actor.client.request(route.method as never, url, body);
        checked++;
        const want = required(route, actor);
        const where = `${route.method} ${route.url} as ${actor.name}`;
        if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (want && !want.includes(res.statusCode)) failures.push(`${where}: ${res.statusCode}, declared ${want.join('/')} (${res.body.slice(0, 160)})`);
        if (res.statusCode < 300) {
          const leaked = leaks(actor, url + JSON.stringify(body ?? null), String(res.headers['content-type'] ?? ''), res.body);
          if (leaked.length) failures.push(`${where}: answered with ${leaked.length} pupil(s) out of reach`);
        }
        if (route.url.startsWith('/api/session') && route.method !== 'GET') await actor.login();
      }
    }
    console.log(`access matrix: ${routes.length} routes × ${actors.length} actors = ${checked} requests, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 300_000);

  it('a route without a declaration of access and scope stops the server from starting', async () => {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    app.addHook('onRoute', t.app.routeTable.length ? (r) => {
      const c = (r.config ?? {}) as RegisteredRoute['config'];
      if (r.url.startsWith('/api/') && (c.access === undefined || c.scope === undefined)) throw new Error('no declaration');
    } : () => {});
    expect(() => app.get('/api/undeclared', { config: { access: 'session' } }, async () => ({}))).toThrow();
    expect(t.app.routeTable.filter((r) => r.url.startsWith('/api/')).every((r) => r.config.access && r.config.scope)).toBe(true);
  });
});
