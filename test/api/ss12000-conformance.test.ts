// Every path of the official SS 12000 file is served, and a full crawl of the demo organiser — every list
// page by page, every entity's by-id answer for a sample, every lookup, with expand and
// expandReferenceNames — conforms to the official schema (Ajv, test/support/ss12000.ts).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/api.js';
import { SS12000_YAML, ss12000Client, ss12000Token } from '../support/ss12000.js';

interface Param { name: string; in: string; required?: boolean; schema: { type?: string; format?: string; items?: { enum?: string[] }; enum?: string[] } }
interface Op { parameters?: Param[] }
const spec = parse(fs.readFileSync(SS12000_YAML, 'utf8')) as { paths: Record<string, Record<string, Op>> };

let t: TestApp;
let api: ReturnType<typeof ss12000Client>;
let term: { start: string; end: string };
beforeAll(async () => {
  t = await startTestApp();
  api = ss12000Client(t.app, await ss12000Token(t.app));
  const r = (await t.database.db.execute(sql`select start_date::text as start, end_date::text as "end" from term
    where start_date <= current_date order by start_date desc limit 1`)).rows as { start: string; end: string }[];
  term = r[0];
}, 120_000);
afterAll(async () => t?.close());

/** Values for the parameters the specification requires (a period: the current term). */
function requiredQuery(op: Op): string {
  const q = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query' || !p.required) continue;
    if (p.schema.format === 'date-time') q.set(p.name, `${p.name.includes('Before') ? term.end : term.start}T${p.name.includes('Before') ? '23:59:59' : '00:00:00'}+01:00`);
    else if (p.schema.format === 'date') q.set(p.name, p.name.startsWith('end') ? term.end : term.start);
    else throw new Error(`no value for the required parameter ${p.name}`);
  }
  return q.toString();
}

const listPaths = Object.keys(spec.paths).filter((p) => spec.paths[p].get && !p.includes('{'));

describe('every path and method of the specification is served', () => {
  it('each has a route (none answers with our 404 for an unknown path)', () => {
    const served = new Set(t.app.routeTable.filter((r) => r.url.startsWith('/ss12000/v2/')).map((r) => `${r.method} ${r.url.replace('/ss12000/v2', '').replace(/\/$/, '')}`));
    const missing: string[] = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of Object.keys(item)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1').replace(/\/$/, '')}`;
        if (!served.has(key)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('a full crawl of the demo organiser conforms to the schema', () => {
  const crawled = new Map<string, string[]>();

  it.each(listPaths)('GET %s, every page, then samples by id and by lookup', async (path) => {
    const op = spec.paths[path].get;
    const base = requiredQuery(op);
    const ids: string[] = [];
    let url = `${path}?${base}${base ? '&' : ''}limit=1000`;
    for (let pages = 0; ; pages++) {
      const res = await api.get(url); // checked against the schema by the client
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      const body = res.json();
      if (Array.isArray(body.data)) ids.push(...body.data.map((e: { id?: string }) => e.id).filter(Boolean));
      if (!body.pageToken) break;
      expect(pages).toBeLessThan(1000);
      url = `${path}?limit=1000&pageToken=${encodeURIComponent(body.pageToken)}`;
    }
    expect(new Set(ids).size).toBe(ids.length);
    crawled.set(path, ids);

    // the first page again with every expand value and the reference names
    const expand = op.parameters?.find((p) => p.name === 'expand')?.schema.items?.enum ?? [];
    const extra = new URLSearchParams(base);
    for (const e of expand) extra.append('expand', e);
    extra.set('expandReferenceNames', 'true');
    extra.set('limit', '50');
    expect((await api.get(`${path}?${extra}`)).statusCode).toBe(200);

    const sample = [...new Set([ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]].filter(Boolean))];
    const byId = spec.paths[`${path}/{id}`]?.get;
    for (const id of sample) {
      if (!byId) break;
      const q = new URLSearchParams();
      for (const e of byId.parameters?.find((p) => p.name === 'expand')?.schema.items?.enum ?? []) q.append('expand', e);
      q.set('expandReferenceNames', 'true');
      const res = await api.get(`${path}/${id}?${q}`);
      expect(res.statusCode, `${path}/${id}: ${res.body.slice(0, 300)}`).toBe(200);
      expect(res.json().id).toBe(id);
    }
    if (byId) expect((await api.get(`${path}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    if (spec.paths[`${path}/lookup`]?.post) {
      const res = await api.post(`${path}/lookup`, { ids: sample });
      expect(res.statusCode, `${path}/lookup: ${res.body.slice(0, 300)}`).toBe(200);
      // /calendarEvents/lookup answers the events' attendances, as its schema says (docs/SS12000.md)
      if (path !== '/calendarEvents') expect(res.json().map((e: { id: string }) => e.id).sort()).toEqual([...sample].sort());
    }
  }, 120_000);

  it('the demo has data where Lärka keeps it', () => {
    for (const path of ['/organisations', '/persons', '/duties', '/groups', '/activities', '/grades', '/syllabuses', '/calendarEvents']) {
      expect(crawled.get(path)?.length ?? 0, path).toBeGreaterThan(0);
    }
  });
});
