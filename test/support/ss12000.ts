// Test helpers of the SS 12000 interface: a token for a client, requests with it, and an independent
// check of every response body against the official OpenAPI file (reference/ss12000/) with Ajv.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import type { TestApp } from './api.js';

export const SS12000_YAML = path.join(import.meta.dirname, '../..', 'reference/ss12000/openapi_ss12000_version2_1_0.yaml');

/** A bearer token for the client (the demo client by default). */
export async function ss12000Token(app: FastifyInstance, clientId = 'demo-client', secret = 'demo-secret'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/ss12000/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString() });
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json().access_token;
}

export interface ApiClientGrant { units?: string[] | null; resources: string[]; write?: boolean; revoked?: boolean }

/** Registers an API client with the secret `s3cret` straight in the database (the admin routes have tests of
 *  their own): `units` null or absent = all units. */
export async function addApiClient(t: TestApp, clientId: string, grant: ApiClientGrant): Promise<void> {
  await t.database.db.execute(sql`insert into api_client (organiser_id, id, client_id, name, secret_hash, unit_ids, resources, write_attendance, revoked_at)
    values (${t.organiserId}, gen_random_uuid(), ${clientId}, ${clientId}, ${await hashPassword('s3cret')},
      ${grant.units ? sql`${sql.param(grant.units)}::uuid[]` : sql`null`}, ${sql.param(grant.resources)}::text[], ${grant.write ?? false},
      ${grant.revoked ? sql`now()` : sql`null`})`);
}

/** addApiClient, then a checking client with its token. */
export async function apiClientWith(t: TestApp, clientId: string, grant: ApiClientGrant) {
  await addApiClient(t, clientId, grant);
  return ss12000Client(t.app, await ss12000Token(t.app, clientId, 's3cret'));
}

/** Requests to /ss12000/v2 with a token; every answer is checked against the official schema unless `validate` is false. */
export function ss12000Client(app: FastifyInstance, token: string, opts: { validate?: boolean } = {}) {
  const check = opts.validate === false ? null : ss12000Schema();
  const send = async (method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, payload?: unknown): Promise<LightMyRequestResponse> => {
    const res = await app.inject({ method, url: `/ss12000/v2${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (check) check.assertValid(method, url, res);
    return res;
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown) => send('POST', url, body),
    delete: (url: string) => send('DELETE', url),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
  };
}

interface Operation { responses: Record<string, { content?: Record<string, { schema: object }> }> }
type PathItem = Record<string, Operation>;

let cached: ReturnType<typeof build> | undefined;
/** The official schema, compiled once per test file. */
export function ss12000Schema() {
  cached ??= build();
  return cached;
}

function build() {
  const doc = parse(fs.readFileSync(SS12000_YAML, 'utf8')) as { paths: Record<string, PathItem>; components: object };
  // OpenAPI 3.0 keywords Ajv does not know are annotations (example, xml…); `nullable` Ajv knows.
  const ajv = new Ajv({ strict: false, allErrors: false, discriminator: false });
  addFormats(ajv);
  // the file writes one pattern as a format (AttendanceScheduleEntry's times): enforced as the pattern it is
  ajv.addFormat('^[0-9]{2}:[0-9]{2}$', /^[0-9]{2}:[0-9]{2}$/);
  ajv.addSchema({ $id: 'ss12000.json', components: doc.components } as object);
  const templates = Object.keys(doc.paths).map((p) => ({
    template: p,
    re: new RegExp(`^${p.replace(/\/$/, '').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  }));
  const compiled = new Map<string, ValidateFunction>();

  /** The schema of the answer to method + url (query string ignored) with this status, or the default. */
  function validatorFor(method: string, url: string, status: number): { validate: ValidateFunction | null; template: string } {
    const pathOnly = url.split('?')[0];
    // a literal path (/persons/lookup) wins over a template (/persons/{id})
    const matches = templates.filter((t) => t.re.test(pathOnly)).sort((a, b) => a.template.split('{').length - b.template.split('{').length);
    if (!matches.length) throw new Error(`no path of the specification matches ${pathOnly}`);
    const template = matches[0].template;
    const op = doc.paths[template][method.toLowerCase()];
    if (!op) throw new Error(`the specification has no ${method} ${template}`);
    const response = op.responses[String(status)] ?? op.responses.default;
    if (!response) throw new Error(`the specification has no response ${status} (nor default) for ${method} ${template}`);
    const media = response.content?.['application/json'];
    if (!media) return { validate: null, template };
    const key = `${method} ${template} ${status}`;
    if (!compiled.has(key)) {
      const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', '"ss12000.json#/components/'));
      compiled.set(key, ajv.compile(schema));
    }
    return { validate: compiled.get(key)!, template };
  }

  return {
    /** Throws with Ajv's errors when the body does not conform; a body where the spec defines none must be empty. */
    assertValid(method: string, url: string, res: LightMyRequestResponse) {
      const { validate, template } = validatorFor(method, url, res.statusCode);
      if (!validate) {
        if (res.body.length > 0 && res.statusCode !== 204) throw new Error(`${method} ${url} → ${res.statusCode}: the specification defines no JSON body for ${template}, got ${res.body.slice(0, 200)}`);
        return;
      }
      let body: unknown;
      try { body = JSON.parse(res.body); } catch { throw new Error(`${method} ${url} → ${res.statusCode}: not JSON: ${res.body.slice(0, 200)}`); }
      if (!validate(body)) {
        const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
        throw new Error(`${method} ${url} → ${res.statusCode} does not conform to ${template}:\n  ${errors.join('\n  ')}`);
      }
    },
  };
}
