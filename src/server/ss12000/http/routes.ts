// The three shapes every SS 12000 resource has — a paged list, one by id, and a lookup of many — so that
// paging, limit clamping, pageToken rules, meta filters and expandReferenceNames behave the same everywhere.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Ss12000Access } from '../../platform/access/ss12000-clients.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from './context.js';
import { ssBadRequest } from './errors.js';
import { clampLimit, decodePageToken, encodePageToken } from './paging.js';
import { metaQuery, qBoolean, qLimit, type MetaFilters } from './query.js';

export interface Page { limit: number; after: unknown[] | null }
export interface PageResult<T> { data: T[]; after: unknown[] | null }

/** The page of `rows` (fetched with limit + 1) and where the next starts: `keyOf` gives a row's sort values. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (r: R) => unknown[]): { rows: R[]; after: unknown[] | null } {
  if (rows.length <= limit) return { rows, after: null };
  const page = rows.slice(0, limit);
  return { rows: page, after: keyOf(page[page.length - 1]) };
}

export type Common = MetaFilters & { expandReferenceNames?: boolean };

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw ssBadRequest(`Invalid ${what}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return r.data;
}

function context(req: FastifyRequest, deps: Ss12000Deps, withNames: boolean): Ss12000Context {
  return { client: req.apiClient!, db: deps.db, organiserId: deps.organiserId, now: deps.clock.now(), withNames };
}

const common = { ...metaQuery, expandReferenceNames: qBoolean };

/** GET <path>: a paged list. `query` holds the resource's own filters, `expand` and `sortkey`. */
export function listRoute<S extends z.ZodRawShape, T>(v2: Ss12000App, deps: Ss12000Deps, def: {
  path: string;
  access: Ss12000Access;
  query: S;
  fetch: (ctx: Ss12000Context, q: z.infer<z.ZodObject<S>> & Common, page: Page) => Promise<PageResult<T>>;
}) {
  const schema = z.object({ ...common, ...def.query });
  v2.get(def.path, { config: { ss12000: def.access } }, async (req) => {
    const raw = req.query as Record<string, unknown>;
    const limit = clampLimit(parse(qLimit, raw.limit, 'limit'));
    let queryRaw: Record<string, unknown>;
    let after: unknown[] | null = null;
    if (raw.pageToken !== undefined) {
      const others = Object.keys(raw).filter((k) => k !== 'pageToken' && k !== 'limit');
      if (others.length) throw ssBadRequest(`pageToken cannot be combined with other parameters than limit (${others.join(', ')})`, 'page_token_with_filters');
      const state = decodePageToken(await deps.pageKey(), def.path, String(raw.pageToken));
      queryRaw = state.query;
      after = state.after;
    } else {
      queryRaw = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'limit'));
    }
    const q = parse(schema, queryRaw, 'query') as z.infer<z.ZodObject<S>> & Common;
    const result = await def.fetch(context(req, deps, q.expandReferenceNames === true), q, { limit, after });
    return result.after
      ? { data: result.data, pageToken: encodePageToken(await deps.pageKey(), def.path, { query: queryRaw, after: result.after }) }
      : { data: result.data };
  });
}

/** GET <path>/:id — one entity, 404 when it does not exist or the client may not see it. */
export function byIdRoute<S extends z.ZodRawShape, T>(v2: Ss12000App, deps: Ss12000Deps, def: {
  path: string;
  access: Ss12000Access;
  query: S;
  fetch: (ctx: Ss12000Context, id: string, q: z.infer<z.ZodObject<S>> & { expandReferenceNames?: boolean }) => Promise<T | null>;
}) {
  const schema = z.object({ expandReferenceNames: qBoolean, ...def.query });
  v2.get(def.path, { config: { ss12000: def.access } }, async (req, reply) => {
    const id = parse(z.uuid(), (req.params as { id: string }).id, 'id');
    const q = parse(schema, req.query, 'query') as z.infer<z.ZodObject<S>> & { expandReferenceNames?: boolean };
    const found = await def.fetch(context(req, deps, q.expandReferenceNames === true), id, q);
    // the standard defines the 404 of GET …/{id} without a body
    if (!found) return reply.status(404).send();
    return found;
  });
}

/** POST <path>/lookup — many by id (or another key the resource names), answered as a plain array (the
 *  standard's …Array schemas), without paging. */
export function lookupRoute<B extends z.ZodType, S extends z.ZodRawShape, T>(v2: Ss12000App, deps: Ss12000Deps, def: {
  path: string;
  access: Ss12000Access;
  body: B;
  query: S;
  fetch: (ctx: Ss12000Context, body: z.infer<B>, q: z.infer<z.ZodObject<S>> & { expandReferenceNames?: boolean }) => Promise<T[]>;
}) {
  const schema = z.object({ expandReferenceNames: qBoolean, ...def.query });
  v2.post(def.path, { config: { ss12000: def.access } }, async (req) => {
    const body = parse(def.body, req.body ?? {}, 'body');
    const q = parse(schema, req.query, 'query') as z.infer<z.ZodObject<S>> & { expandReferenceNames?: boolean };
    return def.fetch(context(req, deps, q.expandReferenceNames === true), body, q);
  });
}

/** The request's context, for routes of other shapes (writes, aggregates). */
export const requestContext = (req: FastifyRequest, deps: Ss12000Deps, withNames = false) => context(req, deps, withNames);

/** The standard lookup body `{ids: [uuid]}` (most resources); at most 10,000 ids per call. */
export const idsBody = z.object({ ids: z.array(z.uuid()).max(10_000) });
