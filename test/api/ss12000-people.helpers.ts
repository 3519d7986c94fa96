// Helpers of the SS 12000 people tests: crawling a list page by page, and reading the demo database.
import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import type { TestApp } from '../support/api.js';
import type { ss12000Client } from '../support/ss12000.js';

type Api = ReturnType<typeof ss12000Client>;
export interface Entity { id: string; [k: string]: any }

/** Every entity of a list, following pageToken with `limit` per page. */
export async function crawl(api: Api, path: string, limit: number): Promise<Entity[]> {
  const sep = path.includes('?') ? '&' : '?';
  let res = await api.get(`${path}${sep}limit=${limit}`);
  const all: Entity[] = [];
  for (;;) {
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data.length).toBeLessThanOrEqual(limit);
    all.push(...body.data);
    if (!body.pageToken) return all;
    res = await api.get(`${path.split('?')[0]}?limit=${limit}&pageToken=${encodeURIComponent(body.pageToken)}`);
  }
}

export const ids = (list: Entity[]) => list.map((e) => e.id);

export async function dbRows<T = Record<string, any>>(t: TestApp, q: SQL): Promise<T[]> {
  return (await t.database.db.execute(q)).rows as T[];
}

export async function addClient(t: TestApp, clientId: string, opts: { units?: string[] | null; resources: string[] }) {
  await t.database.db.execute(sql`insert into api_client (organiser_id, id, client_id, name, secret_hash, unit_ids, resources)
    values (${t.organiserId}, gen_random_uuid(), ${clientId}, ${clientId}, ${await hashPassword('s3cret')},
      ${opts.units ? sql`${sql.param(opts.units)}::uuid[]` : sql`null`}, ${sql.param(opts.resources)}::text[])`);
}

export const ALL_PEOPLE = ['persons', 'placements', 'duties', 'groups'];
