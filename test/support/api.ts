import fs from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { systemClock, type Clock } from '../../src/domain/common/dates.js';
import { buildApp } from '../../src/server/app.js';
import type { OidcSettings } from '../../src/domain/oidc/provider-config.js';
import { one, openDatabase, type Database } from '../../src/server/platform/db/database.js';
import { adminQuery, withDatabase } from './demo-template.js';
import { testTempDir } from './temp-dir.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  organiserId: string;
  close(): Promise<void>;
}

/** A fresh copy of the demo template for one test file: PGlite in memory, or a PostgreSQL
 *  database cloned from the template when this project runs on PostgreSQL. */
export async function startTestApp(opts: { clock?: Clock; oidc?: OidcSettings; backgroundJobs?: boolean } = {}): Promise<TestApp> {
  const pgTemplate = inject('pgTemplate');
  let database: Database;
  let dropDatabase: (() => Promise<void>) | null = null;
  if (process.env.LARKA_TEST_DB === 'postgres' && pgTemplate && process.env.TEST_DATABASE_URL) {
    const server = process.env.TEST_DATABASE_URL;
    const name = `larka_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(server, `create database ${name} template ${pgTemplate}`);
    database = await openDatabase({ databaseUrl: withDatabase(server, name), dataDir: null, poolSize: 4 });
    dropDatabase = () => adminQuery(server, `drop database if exists ${name} with (force)`);
  } else {
    const copy = testTempDir('larka-test-');
    fs.cpSync(inject('pgliteTemplateDir'), copy, { recursive: true });
    database = await openDatabase({ databaseUrl: null, dataDir: copy });
    dropDatabase = async () => fs.rmSync(copy, { recursive: true, force: true });
  }
  const organiser = (await one<{ id: string; name: string; contact: string | null }>(database.db,
    sql`select id, name, contact from organiser limit 1`))!;
  const app = await buildApp({
    database, clock: opts.clock ?? systemClock, organiser, sessionHours: 8, secureCookies: false, logLevel: process.env.LARKA_TEST_LOG ?? 'silent', webRoot: null, oidc: opts.oidc, backgroundJobs: opts.backgroundJobs,
  });
  await app.ready();
  return {
    app, database, organiserId: organiser.id,
    async close() {
      await app.close();
      await database.close();
      if (dropDatabase) await dropDatabase();
    },
  };
}

/** A logged-in client: keeps the session cookie and CSRF token like a browser does. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  body: any = null;
  constructor(readonly app: FastifyInstance, readonly ip = '127.0.0.1') {}

  async login(username: string, password = 'demo'): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = this.cookie ? { cookie: this.cookie } : {};
    const res = await this.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, headers, remoteAddress: this.ip });
    this.take(res);
    return res;
  }

  take(res: LightMyRequestResponse) {
    const set = res.cookies.find((c) => c.name === 'larka_session');
    if (set) this.cookie = set.value ? `larka_session=${set.value}` : null;
    if (res.statusCode === 200 && String(res.headers['content-type']).startsWith('application/json')) {
      const body = res.json();
      if (body?.csrfToken) { this.csrf = body.csrfToken; this.body = body; }
    }
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, opts: { csrf?: string | null } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    const res = await this.app.inject({ method, url, payload: payload as any, headers, remoteAddress: this.ip });
    this.take(res);
    return res;
  }

  get = (url: string) => this.request('GET', url);

  /** Switches to a role (and unit); by unit name for convenience. */
  async switchTo(role: string, unitName?: string) {
    const grant = this.body.roles.find((r: any) => r.role === role);
    const unitId = unitName ? grant?.units.find((u: any) => u.name === unitName)?.id ?? null : grant?.units[0]?.id ?? null;
    return this.request('PUT', '/api/session/context', { role, unitId });
  }
}
