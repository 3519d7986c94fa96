// The route fuzzer: seeded requests built from the route table's zod schemas, sent as every role, each
// checked against the guard rails — no 5xx, no error in the server log, the declared access enforced, the
// CSRF header required, and no change to the domain data unless the request succeeded.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import type { Database } from '../../../src/server/platform/db/database.js';
import { ACTOR_USERNAMES, ACTORS, buildFuzzApp, ensureActor, installChangeDetector, loginActors, prepareState, type Actor, type ActorSpec, type ChangeDetector, type Fixture, type FuzzApp } from './harness.js';
import { arbitraryFor, type GenOptions, type Hints } from './zod-arbitrary.js';

type Access = 'public' | 'session' | { roles: string[] };
interface Schema { safeParse(v: unknown): { success: boolean } }

export interface FuzzRoute {
  method: string; url: string; access: Access; csrfExempt: boolean; paramNames: string[];
  params?: Schema; querystring?: Schema; body?: Schema;
}

/** Every API route of the app, from its route table (never a hand-kept list); not the static docs. */
export function fuzzableRoutes(app: FastifyInstance): FuzzRoute[] {
  return app.routeTable
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
    .map((r) => ({
      method: r.method, url: r.url, access: r.config.access as Access, csrfExempt: !!r.config.csrfExempt,
      paramNames: [...r.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]),
      params: r.schema?.params as Schema | undefined, querystring: r.schema?.querystring as Schema | undefined, body: r.schema?.body as Schema | undefined,
    }))
    .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

type Payload = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string | null } | { kind: 'huge' };

/** One request, as pure data: the same seed always gives the same requests. */
export interface FuzzRequest {
  route: number;
  actor: number;
  method: string;
  path: string;
  query: string;
  csrf: 'valid' | 'missing' | 'wrong' | 'empty';
  cookie: 'session' | 'none' | 'garbage';
  garbageCookie: string;
  payload: Payload;
  /** Source address for a login attempt (so fuzzed logins never lock out the fuzzer's own addresses). */
  loginIp: string;
  /** Reaches the route (its own method, a path the router matches): the access declaration then decides first. */
  routable: boolean;
  /** Encoded as a client would (no raw junk in the URL or body, the route's own method): then the
   *  schemas below predict whether the server must accept the input. */
  wellFormed: boolean;
  /** The params, query and body as the server will see them. */
  seen: { params: Record<string, string>; query: Record<string, string | string[]>; body: unknown };
}

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** URL encoding that survives lone surrogates (encodeURIComponent throws on them): they go as invalid UTF-8. */
function encode(s: string): string {
  try { return encodeURIComponent(s); } catch {
    return [...s].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}
const asText = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v));
const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

const RAW_PATH_JUNK = ['%', '%zz', '%E0%A4%A', '%ED%A0%80', '..', '%2e%2e%2f%2e%2e', '%00', 'a%2Fb', ';x=1', '*', '%C0%AF'];
const RAW_QUERY_JUNK = ['__proto__[x]=1', 'constructor[prototype][x]=1', 'a=%zz', 'a[]=1&a[]=2', '=', '&&&', 'x=' + 'y'.repeat(5000), '%00=%00', 'kind=term&kind=final'];
const RAW_BODIES: { text: string; contentType: string | null }[] = [
  { text: '{', contentType: 'application/json' }, { text: '{"a":', contentType: 'application/json' }, { text: '', contentType: 'application/json' },
  { text: 'null', contentType: 'application/json' }, { text: '"x"', contentType: 'application/json' }, { text: '[]', contentType: 'application/json' },
  { text: '{"__proto__":{"admin":true}}', contentType: 'application/json' }, { text: '{"constructor":{"prototype":{"admin":true}}}', contentType: 'application/json' },
  { text: '{"a":1,"a":2}', contentType: 'application/json' }, { text: '[' .repeat(3000) + ']'.repeat(3000), contentType: 'application/json' },
  { text: '{"value":1e999}', contentType: 'application/json' }, { text: '\ufeff{}', contentType: 'application/json' },
  { text: 'username=admin&password=demo', contentType: 'application/x-www-form-urlencoded' }, { text: '{}', contentType: 'text/plain' },
  { text: '{}', contentType: 'application/json; charset=utf-16' }, { text: '{}', contentType: null }, { text: '<x/>', contentType: 'application/xml' },
  { text: '{}', contentType: 'application/json, text/html' }, { text: '{}', contentType: 'multipart/form-data; boundary=x' },
];

function requestArb(routes: FuzzRoute[], actors: readonly ActorSpec[], hints: Hints): fc.Arbitrary<FuzzRequest> {
  const perRoute = routes.map((route, i) => routeArb(route, i, actors, hints));
  return fc.nat(routes.length - 1).chain((i) => perRoute[i]);
}

const shapeOf = (schema: unknown): Record<string, unknown> | undefined => (schema as { shape?: Record<string, unknown> } | undefined)?.shape;

function routeArb(route: FuzzRoute, index: number, actors: readonly ActorSpec[], hints: Hints): fc.Arbitrary<FuzzRequest> {
  // mostly someone the route is for (to get past the door), else anyone
  const mayCall = actors.map((a, i) => ({ a, i })).filter(({ a }) => route.access === 'public' || (a.role !== null && (route.access === 'session' || route.access.roles.includes(a.role))));
  const actor = mayCall.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...mayCall.map(({ i }) => i)), weight: 7 }, { arbitrary: fc.nat(actors.length - 1), weight: 3 })
    : fc.nat(actors.length - 1);
  const parts = (opts: GenOptions) => {
    const paramShape = shapeOf(route.params);
    const params = fc.tuple(...route.paramNames.map((name) => {
      const schema = paramShape?.[name];
      return schema ? arbitraryFor(schema, opts, name).map(asText) : fc.string();
    }));
    const query = route.querystring ? arbitraryFor(route.querystring, opts, '') : fc.constant(undefined);
    const body = route.body ? arbitraryFor(route.body, opts, '') : fc.constant(undefined);
    return fc.tuple(params, query, body);
  };
  const valid = parts({ hints, malformed: 0 });
  const fuzzed = parts({ hints, malformed: 2 });
  const mutating = route.method !== 'GET';
  const payloadKind = fc.oneof(
    { arbitrary: fc.constant('schema' as const), weight: 40 },
    { arbitrary: fc.constant('none' as const), weight: route.body ? 2 : 20 },
    { arbitrary: fc.constant('raw' as const), weight: mutating ? 4 : 1 },
    { arbitrary: fc.constant('huge' as const), weight: mutating ? 1 : 0 },
  );
  return fc.record({
    values: fc.oneof({ arbitrary: valid, weight: 1 }, { arbitrary: fuzzed, weight: 1 }),
    actor,
    csrf: fc.oneof({ arbitrary: fc.constant('valid' as const), weight: 16 }, { arbitrary: fc.constant('missing' as const), weight: 2 },
      { arbitrary: fc.constant('wrong' as const), weight: 1 }, { arbitrary: fc.constant('empty' as const), weight: 1 }),
    cookie: fc.oneof({ arbitrary: fc.constant('session' as const), weight: 24 }, { arbitrary: fc.constant('garbage' as const), weight: 2 }, { arbitrary: fc.constant('none' as const), weight: 1 }),
    garbageCookie: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.constantFrom('', 'x'.repeat(4000), "'%20OR%201=1", '%00', 'null', 'undefined')),
    payloadKind,
    rawBody: fc.constantFrom(...RAW_BODIES),
    pathJunk: oneIn(12, fc.tuple(fc.nat(Math.max(0, route.paramNames.length - 1)), fc.constantFrom(...RAW_PATH_JUNK))),
    queryJunk: oneIn(12, fc.constantFrom(...RAW_QUERY_JUNK)),
    otherMethod: oneIn(40, fc.constantFrom(...OTHER_METHODS.filter((m) => m !== route.method))),
    loginIp: fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `10.200.${a}.${b}`),
    fixture: hints.fixtures.length ? fc.option(fc.tuple(fc.nat(hints.fixtures.length - 1), fc.nat(3).map((n) => n > 0)), { freq: 3 }) : fc.constant(null),
  }).map((r): FuzzRequest => {
    let [paramValues, queryValue, bodyValue] = r.values;
    let actorIndex = r.actor;
    // two times in three: values that belong together, mostly sent by the one they belong to
    if (r.fixture) {
      const fixture = hints.fixtures[r.fixture[0]];
      const before = JSON.stringify([paramValues, queryValue, bodyValue]);
      paramValues = paramValues.map((v, i) => (typeof v === 'string' && fixture[route.paramNames[i]] ? fixture[route.paramNames[i]] : v));
      queryValue = withFixture(queryValue, fixture);
      bodyValue = withFixture(bodyValue, fixture);
      const own = fixture.actor ? actors.findIndex((a) => a.username === fixture.actor) : -1;
      if (r.fixture[1] && own >= 0 && JSON.stringify([paramValues, queryValue, bodyValue]) !== before) actorIndex = own;
    }
    let wellFormed = true;
    let routable = !r.otherMethod;
    // the path
    const seenParams: Record<string, string> = {};
    let path = route.url;
    route.paramNames.forEach((name, i) => {
      let segment = encode(paramValues[i]);
      seenParams[name] = paramValues[i];
      if (r.pathJunk && r.pathJunk[0] === i) { segment = r.pathJunk[1]; wellFormed = false; routable = false; }
      if (hasLoneSurrogate(paramValues[i])) { wellFormed = false; routable = false; }
      // the router matches no empty segment, refuses a parameter over 100 characters (414)
      if (segment === '' || segment.length > 100) routable = false;
      path = path.replace(`:${name}`, segment);
    });
    // the query string
    const pairs: string[] = [];
    const seenQuery: Record<string, string | string[]> = {};
    if (queryValue !== undefined) {
      const entries = queryValue && typeof queryValue === 'object' && !Array.isArray(queryValue) ? Object.entries(queryValue) : [['q', queryValue] as const];
      for (const [k, v] of entries) {
        const values = (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined).map(asText);
        for (const x of values) { pairs.push(`${encode(k)}=${encode(x)}`); if (hasLoneSurrogate(x)) wellFormed = false; }
        if (values.length === 1) seenQuery[k] = values[0]; else if (values.length > 1) seenQuery[k] = values;
      }
    }
    if (r.queryJunk) { pairs.push(r.queryJunk); wellFormed = false; }
    // the body
    let payload: Payload;
    let seenBody: unknown;
    if (r.payloadKind === 'raw') { payload = { kind: 'raw', ...r.rawBody }; wellFormed = false; }
    else if (r.payloadKind === 'huge') { payload = { kind: 'huge' }; wellFormed = false; }
    else if (r.payloadKind === 'none' || !route.body) {
      // a route without a body schema may still get one now and then
      payload = r.payloadKind === 'schema' && mutating && r.rawBody.contentType === 'application/json' ? { kind: 'json', value: { extra: r.rawBody.text } } : { kind: 'none' };
      seenBody = payload.kind === 'json' ? payload.value : undefined;
    } else {
      payload = { kind: 'json', value: bodyValue };
      seenBody = bodyValue === undefined ? undefined : JSON.parse(JSON.stringify(bodyValue)); // what the server parses
    }
    // a login attempt never pairs a fuzzer account with a wrong password: five of those lock the account
    if (route.url === '/api/session' && route.method === 'POST' && payload.kind === 'json' && isObject(payload.value)) {
      const u = payload.value.username;
      if (typeof u === 'string' && ACTOR_USERNAMES.includes(u.trim().toLowerCase()) && payload.value.password !== 'demo') {
        payload = { kind: 'json', value: { ...payload.value, password: 'demo' } };
        seenBody = payload.value;
      }
    }
    const method = r.otherMethod ?? route.method;
    if (r.otherMethod) wellFormed = false;
    return {
      route: index, actor: actorIndex, method, path, routable, query: pairs.join('&'), csrf: r.csrf, cookie: r.cookie, garbageCookie: r.garbageCookie,
      payload, loginIp: r.loginIp, wellFormed, seen: { params: seenParams, query: seenQuery, body: seenBody },
    };
  });
}

/** The value with the fixture's values where it has a string of the same name (`pupilIds`: a list of its `pupilId`). */
function withFixture(value: unknown, fixture: Fixture): unknown {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && fixture[k]) out[k] = fixture[k];
    const one = k.replace(/Ids$/, 'Id');
    if (Array.isArray(v) && v.length && one !== k && fixture[one]) out[k] = [fixture[one]];
  }
  return out;
}

/** `arb` once in `n` times, else null. */
const oneIn = <T>(n: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ arbitrary: fc.constant(null), weight: n - 1 }, { arbitrary: arb, weight: 1 });

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The requests of a run, made in chunks of 100 from (seed, chunk): request i is the same in every run. */
export function* generateRequests(routes: FuzzRoute[], actors: readonly ActorSpec[], hints: Hints, seed: number, count: number): Generator<FuzzRequest> {
  const arb = requestArb(routes, actors, hints);
  for (let chunk = 0; chunk * 100 < count; chunk++) {
    const n = Math.min(100, count - chunk * 100);
    yield* fc.sample(arb, { seed: (seed ^ Math.imul(chunk + 1, 0x9e3779b1)) | 0, numRuns: n });
  }
}

// ── the checks ───────────────────────────────────────────────────────────────────────────────────

export interface Problem { index: number; kind: string; detail: string; request: string }

export interface FuzzResult {
  seed: number; count: number; ms: number;
  byClass: Record<string, number>; byStatus: Record<string, number>;
  /** Per route: responses by status (shows how deep the fuzzer got). */
  byRoute: Record<string, Record<string, number>>;
  /** Milliseconds spent around the requests: logins and setup, domain checksums, the change log, restoring sessions. */
  overheadMs: Record<string, number>;
  /** Per route: milliseconds spent in its requests. */
  msByRoute: Record<string, number>;
  problems: Problem[];
  warnings: string[];
  /** Refusals not in the house shape {error:{code,message}}, by status and start of body, with their number. */
  notes: Record<string, number>;
  /** Requests well-formed and valid by the route's schemas, and the others (malformed somewhere). */
  valid: number; malformed: number;
  /** Sessions the fuzzer had to log in again (logged out or replaced by a fuzzed request). */
  relogins: number;
  routes: number;
  domainTables: string[];
  pass: boolean;
}

const statusClass = (s: number) => `${Math.floor(s / 100)}xx`;

function describe(req: FuzzRequest, routes: FuzzRoute[], actors: Actor[]): string {
  const a = actors[req.actor];
  const who = a.spec.username ? `${a.spec.username}/${a.role}` : 'anonymous';
  const body = req.payload.kind === 'json' ? JSON.stringify(req.payload.value) : req.payload.kind === 'raw' ? `raw ${req.payload.contentType}: ${req.payload.text}` : req.payload.kind;
  const url = `${req.path}${req.query ? `?${req.query}` : ''}`;
  return `${req.method} ${url.length > 300 ? `${url.slice(0, 300)}…` : url} as ${who} (cookie ${req.cookie}, csrf ${req.csrf}) body ${body && body.length > 300 ? `${body.slice(0, 300)}…` : body} [route ${routes[req.route].method} ${routes[req.route].url}]`;
}

/** What the declared access says the server must answer to a request that reaches the route (null: no refusal due). */
function dueRefusal(route: FuzzRoute, req: FuzzRequest, actor: Actor): number | null {
  const session = !!actor.spec.username && req.cookie === 'session';
  const mutating = req.method !== 'GET';
  if (session && mutating && !route.csrfExempt && req.csrf !== 'valid') return 403;
  if (route.access === 'public') return null;
  if (!session) return 401;
  if (route.access !== 'session' && !route.access.roles.includes(actor.role!)) return 403;
  return null;
}

function isSchemaValid(route: FuzzRoute, req: FuzzRequest): boolean {
  if (route.params && !route.params.safeParse(req.seen.params).success) return false;
  if (route.querystring && !route.querystring.safeParse(req.seen.query).success) return false;
  if (route.body && !route.body.safeParse(req.seen.body).success) return false;
  return true;
}

async function send(app: FastifyInstance, req: FuzzRequest, route: FuzzRoute, actor: Actor): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (req.cookie === 'session' && actor.client.cookie) headers.cookie = actor.client.cookie;
  if (req.cookie === 'garbage') headers.cookie = `larka_session=${req.garbageCookie}`;
  if (req.method !== 'GET' && actor.client.csrf) {
    if (req.csrf === 'valid') headers['x-csrf-token'] = actor.client.csrf;
    if (req.csrf === 'wrong') headers['x-csrf-token'] = `${actor.client.csrf.slice(0, -2)}xx`;
    if (req.csrf === 'empty') headers['x-csrf-token'] = '';
  }
  let payload: string | undefined;
  if (req.payload.kind === 'json') { payload = JSON.stringify(req.payload.value) ?? ''; headers['content-type'] = 'application/json'; }
  if (req.payload.kind === 'raw') { payload = req.payload.text; if (req.payload.contentType) headers['content-type'] = req.payload.contentType; }
  if (req.payload.kind === 'huge') { payload = JSON.stringify({ value: 'å'.repeat(600_000) }); headers['content-type'] = 'application/json'; } // 1.2 MB: over the limit
  const isLogin = route.url === '/api/session' && route.method === 'POST';
  return app.inject({ method: req.method as 'GET', url: `${req.path}${req.query ? `?${req.query}` : ''}`, headers, payload, remoteAddress: isLogin ? req.loginIp : actor.ip });
}

export interface RunOptions {
  seed: number;
  count: number;
  /** Progress, e.g. every 1,000 requests. */
  progress?: (done: number, result: FuzzResult) => void;
  /** Only these request numbers (replaying a failure); the state before them is then not the same. */
  only?: number[];
  /** Called with every request and its answer (e.g. to print those of one route). */
  trace?: (index: number, request: string, status: number, body: string) => void;
}

/**
 * Runs the fuzzer against a fresh app on `database` (a throwaway copy of the demo data: triggers are added
 * to it). Returns the counts and every problem found; `pass` is false on any of them.
 */
export async function runFuzz(database: Database, opts: RunOptions): Promise<FuzzResult> {
  const t0 = Date.now();
  const fuzzApp: FuzzApp = await buildFuzzApp(database);
  const { app, log } = fuzzApp;
  try {
    const actors = await loginActors(app).catch((e) => { throw new Error(`${(e as Error).message}\n${JSON.stringify(log.slice(-3))}`); });
    const { pools, fixtures } = await prepareState(database, actors);
    const detector: ChangeDetector = await installChangeDetector(database);
    const routes = fuzzableRoutes(app);
    const hints: Hints = { pools, fixtures, today: new Date().toISOString().slice(0, 10) };
    const result: FuzzResult = { seed: opts.seed, count: 0, ms: 0, byClass: {}, byStatus: {}, byRoute: {}, msByRoute: {}, overheadMs: {}, problems: [], warnings: [], notes: {}, valid: 0, malformed: 0, relogins: 0,
      routes: routes.length, domainTables: detector.tables, pass: false };
    const setupMs = Date.now() - t0;
    let checksumMs = 0; let sessionMs = 0; let detectMs = 0;
    log.length = 0;
    let logSeen = 0;
    let checksum = await detector.checksum();
    let changedSinceChecksum = false;
    const problem = (index: number, kind: string, detail: string, req: FuzzRequest) => {
      if (result.problems.length < 200) result.problems.push({ index, kind, detail, request: describe(req, routes, actors) });
      else result.problems.length === 200 && result.problems.push({ index: -1, kind: 'more', detail: 'further problems not listed', request: '' });
    };
    const only = opts.only ? new Set(opts.only) : null;
    let index = -1;
    for (const req of generateRequests(routes, ACTORS, hints, opts.seed, opts.count)) {
      index++;
      if (only && !only.has(index)) continue;
      const route = routes[req.route];
      const actor = actors[req.actor];
      const valid = req.wellFormed && isSchemaValid(route, req);
      // the access hook runs first (onRequest): its refusal is due whatever the params, query and body
      const due = req.routable ? dueRefusal(route, req, actor) : null;
      let res: LightMyRequestResponse;
      const sent = performance.now();
      try {
        res = await send(app, req, route, actor);
      } catch (e) {
        problem(index, 'inject failed', String((e as Error).stack ?? e), req);
        continue;
      }
      const status = res.statusCode;
      opts.trace?.(index, describe(req, routes, actors), status, res.body);
      result.count++;
      if (valid) result.valid++; else result.malformed++;
      result.byClass[statusClass(status)] = (result.byClass[statusClass(status)] ?? 0) + 1;
      result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
      const routeKey = `${route.method} ${route.url}`;
      result.msByRoute[routeKey] = (result.msByRoute[routeKey] ?? 0) + performance.now() - sent;
      (result.byRoute[routeKey] ??= {})[status] = (result.byRoute[routeKey][status] ?? 0) + 1;
      const ok = status >= 200 && status < 300;

      if (status >= 500) problem(index, `status ${status}`, res.body.slice(0, 500), req);
      if (due !== null && status !== due) problem(index, 'access not enforced', `expected ${due}, got ${status}: ${res.body.slice(0, 300)}`, req);
      if (!valid && req.wellFormed && ok) problem(index, 'invalid input accepted', `the route's schema refuses this input, yet ${status}`, req);
      if (status >= 400 && !/^\{"error":\{"code":"[^"]+","message":/.test(res.body)) {
        // not a guard rail of this issue (the shape of refusals): counted and shown, not failed
        const shape = `${status} ${res.body.replace(/"message":".*$/s, '').slice(0, 120)}`;
        result.notes[shape] = (result.notes[shape] ?? 0) + 1;
      }
      const d0 = performance.now();
      const changes = await detector.take();
      detectMs += performance.now() - d0;
      if (changes.length) changedSinceChecksum = true;
      if (changes.length && (!ok || req.method === 'GET')) {
        problem(index, 'refused request changed domain data', `${status}; ${[...new Set(changes.map((c) => `${c.op} ${c.table}`))].join(', ')}`, req);
      }
      for (; logSeen < log.length; logSeen++) {
        const line = log[logSeen];
        const text = `${line.msg ?? ''} ${line.err ? `${line.err.type}: ${line.err.message}` : ''}`.trim();
        if (line.level >= 50) problem(index, 'error logged', `${text}\n${line.err?.stack?.split('\n').slice(0, 6).join('\n') ?? ''}`, req);
        else if (result.warnings.length < 50) result.warnings.push(`#${index}: ${text}`);
      }
      // the actor's own session: keep it as it was (a fuzzed logout, login or switch may have replaced it)
      if (actor.spec.username && req.cookie === 'session') {
        actor.client.take(res);
        const s0 = performance.now();
        if (route.url.startsWith('/api/session') || status === 401) await ensureActor(actor);
        sessionMs += performance.now() - s0;
      }
      if ((index + 1) % 100 === 0) {
        const c0 = performance.now();
        const now = await detector.checksum();
        checksumMs += performance.now() - c0;
        if (now !== checksum && !changedSinceChecksum) problem(index, 'domain data changed unnoticed', 'the checksum of the domain tables changed, but no trigger noted a change', req);
        checksum = now; changedSinceChecksum = false;
      }
      if (opts.progress && (index + 1) % 1000 === 0) opts.progress(index + 1, result);
    }
    result.overheadMs = { setup: setupMs, checksums: Math.round(checksumMs), changeLog: Math.round(detectMs), sessions: Math.round(sessionMs) };
    result.relogins = actors.reduce((n, a) => n + Math.max(0, a.logins - 1), 0);
    result.ms = Date.now() - t0;
    result.pass = result.problems.length === 0 && result.count === (only ? only.size : opts.count);
    return result;
  } finally {
    await app.close();
  }
}

/** A few lines for a log: seed, count, time, responses by status class and by status, problems. */
export function summary(r: FuzzResult, opts: { routes?: boolean } = {}): string {
  const lines = [
    `fuzz: seed ${r.seed}, ${r.count} requests over ${r.routes} routes in ${(r.ms / 1000).toFixed(1)} s (${r.relogins} sessions logged in again)`,
    `fuzz: ${r.valid} valid by the route schemas, ${r.malformed} malformed`,
    `fuzz: by status class ${Object.entries(r.byClass).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `fuzz: by status ${Object.entries(r.byStatus).sort().map(([k, v]) => `${k}: ${v}`).join(', ')}`,
    `fuzz: domain tables watched: ${r.domainTables.length}; time outside requests ${Object.entries(r.overheadMs).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
  ];
  if (opts.routes) {
    for (const [route, counts] of Object.entries(r.byRoute).sort()) {
      lines.push(`  ${route.padEnd(70)} ${`${Math.round(r.msByRoute[route] ?? 0)} ms`.padStart(9)}  ${Object.entries(counts).sort().map(([k, v]) => `${k}:${v}`).join(' ')}`);
    }
  } else {
    const slowest = Object.entries(r.msByRoute).sort((a, b) => b[1] - a[1]).slice(0, 4);
    lines.push(`fuzz: slowest routes ${slowest.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  }
  if (Object.keys(r.notes).length) lines.push('fuzz: refusals not shaped {error:{code,message}} (not failed):', ...Object.entries(r.notes).map(([k, n]) => `  ${n} × ${k}`));
  if (r.warnings.length) lines.push(`fuzz: ${r.warnings.length} warnings in the server log`, ...r.warnings.slice(0, 10).map((w) => `  ${w}`));
  if (r.problems.length) {
    const kinds = new Map<string, number>();
    for (const p of r.problems) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    lines.push(`fuzz: ${r.problems.length} problems (${[...kinds].map(([k, n]) => `${k}: ${n}`).join(', ')})`);
    for (const p of r.problems.slice(0, 25)) lines.push(`  #${p.index} ${p.kind}: ${p.detail}\n    ${p.request}`);
  }
  return lines.join('\n');
}
