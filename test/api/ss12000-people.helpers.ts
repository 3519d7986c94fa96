// Helpers of the SS 12000 people tests: crawling a list page by page, and reading the demo database.
import { expect } from 'vitest';
import { type SQL } from 'drizzle-orm';
import type { TestApp } from '../support/api.js';
import { type ss12000Client, addApiClient, type ApiClientGrant } from '../support/ss12000.js';

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

export const addClient = (t: TestApp, clientId: string, grant: ApiClientGrant) => addApiClient(t, clientId, grant);

export const ALL_PEOPLE = ['persons', 'placements', 'duties', 'groups'];
