// Setup helpers of the browser journeys: an API client for preparing data, and a copy of the demo template
// a journey may change before its server starts.
import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { expect, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/platform/db/database.js';
import { testTempDir } from '../support/temp-dir.js';

interface Session {
  csrfToken: string;
  person: { id: string };
  roles: { role: string; units: { id: string; name: string }[] }[];
  current: { role: string; unitId: string | null };
}

/** A logged-in API client: keeps the cookie and the CSRF token of the latest session body. */
export async function apiClient(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  const jar = new Map<string, string>();
  const keep = (r: Response) =>
    r.headers.getSetCookie().forEach((c) => {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    });
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(res);
  let session = (await res.json()) as Session;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie: cookie(), 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    keep(r); // a context switch renews the session cookie
    const text = await r.text();
    expect(r.status, `${method} ${path} ${JSON.stringify(body)} → ${text}`).toBe(200);
    return JSON.parse(text) as T;
  };
  const client = {
    session: () => session,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    async switchUnit(role: string, unitName: string) {
      const unit = session.roles.find((r) => r.role === role)?.units.find((u) => u.name === unitName);
      expect(unit, `${username} works at ${unitName} as ${role}`).toBeTruthy();
      session = await call<Session>('PUT', '/api/session/context', { role, unitId: unit!.id });
    },
  };
  return client;
}

/**
 * A copy of the demo template, changed by `prepare`, that the next server of this file starts from
 * (LARKA_TEMPLATE_DATA_DIR). Call `restoreEnv` once that server has started, and `remove` at the end.
 */
export async function templateCopy(label: string, prepare: (database: Database) => Promise<void>) {
  const previous = process.env.LARKA_TEMPLATE_DATA_DIR;
  const source = previous || inject('pgliteTemplateDir');
  expect(source, 'the demo template of the test run').toBeTruthy();
  const dir = testTempDir(`larka-e2e-${label}-`);
  cpSync(source, dir, { recursive: true });
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
  try { await prepare(database); } finally { await database.close(); }
  process.env.LARKA_TEMPLATE_DATA_DIR = dir;
  return {
    restoreEnv() {
      if (previous === undefined) delete process.env.LARKA_TEMPLATE_DATA_DIR;
      else process.env.LARKA_TEMPLATE_DATA_DIR = previous;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type Client = Awaited<ReturnType<typeof apiClient>>;
export interface Register { pupils: { id: string; givenName: string; familyName: string; cells: { HT: { allowed: boolean; value: string | null; version: number | null } } }[] }

/** A term grade taken through the whole process over the API, until the guardians and the pupil may see it. */
export async function handOutTermGrade(c: { teacher: Client; admin: Client; rektor: Client }, groupId: string, pupilId: string, value: string) {
  const register = await c.teacher.get<Register>(`/api/grading/groups/${groupId}`);
  const cell = register.pupils.find((p) => p.id === pupilId)!.cells.HT;
  await c.teacher.put(`/api/grading/groups/${groupId}/cells`, { pupilId, column: 'HT', value, version: cell.version, requestId: randomUUID() });
  await c.teacher.post(`/api/grading/groups/${groupId}/confirm`, { column: 'HT', pupilIds: [pupilId] });
  await c.teacher.post(`/api/grading/groups/${groupId}/catalogue/sign`, { column: 'HT' });
  await c.admin.post(`/api/grading/groups/${groupId}/lock`, { column: 'HT' });
  const made = await c.admin.post<{ produced: string[] }>('/api/grading/documents', { kind: 'term', pupilIds: [pupilId] });
  expect(made.produced).toHaveLength(1);
  await c.rektor.post(`/api/grading/documents/${made.produced[0]}/sign`, {});
  await c.admin.post('/api/grading/documents/hand-out', { documentIds: made.produced });
}
