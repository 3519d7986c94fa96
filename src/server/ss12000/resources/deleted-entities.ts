// /deletedEntities: the ids of entities deleted (after a given instant), from ss12000_entity.deleted_at, for
// the resource types the client is granted only. Paged like every list (signed pageToken, keyset on
// (deleted_at, entity_type, entity_id)); `data` groups one page's ids by the specification's property names.
import { z } from 'zod';
import { deletedEntitiesKey, END_POINTS, resourceOfEndPoint } from '../../../domain/ss12000/endpoints.js';
import { clientResourceTypes } from '../../platform/access/ss12000-clients.js';
import { rows, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Deps } from '../http/context.js';
import { ssBadRequest } from '../http/errors.js';
import { clampLimit, decodePageToken, encodePageToken } from '../http/paging.js';
import { qArray, qDateTime, qLimit } from '../http/query.js';
import { pageOf, requestContext } from '../http/routes.js';

const PATH = '/deletedEntities';
const query = z.object({ after: qDateTime, entities: qArray(z.enum(END_POINTS)) });

interface DeletedRow { entity_type: string; entity_id: string; deleted_key: string }

/** The page's ids as DeletedEntities.data: `{persons: [...], activitites: [...], …}`. */
export function groupDeleted(found: Pick<DeletedRow, 'entity_type' | 'entity_id'>[]): Record<string, string[]> {
  const data: Record<string, string[]> = {};
  for (const r of found) (data[deletedEntitiesKey(r.entity_type)] ??= []).push(r.entity_id);
  return data;
}

function parsed<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw ssBadRequest(`Invalid ${what}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return r.data;
}

export function deletedEntitiesResource(v2: Ss12000App, deps: Ss12000Deps) {
  v2.get(PATH, { config: { ss12000: { resource: 'deletedEntities' } } }, async (req) => {
    const ctx = requestContext(req, deps);
    const raw = req.query as Record<string, unknown>;
    const limit = clampLimit(parsed(qLimit, raw.limit, 'limit'));
    let queryRaw: Record<string, unknown> = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'limit'));
    let after: unknown[] | null = null;
    if (raw.pageToken !== undefined) {
      const others = Object.keys(raw).filter((k) => k !== 'pageToken' && k !== 'limit');
      if (others.length) throw ssBadRequest(`pageToken cannot be combined with other parameters than limit (${others.join(', ')})`, 'page_token_with_filters');
      const state = decodePageToken(await deps.pageKey(), PATH, String(raw.pageToken));
      queryRaw = state.query;
      after = state.after;
    }
    const q = parsed(query, queryRaw, 'query');
    const granted = clientResourceTypes(ctx.client) as string[];
    const types = q.entities ? q.entities.map(resourceOfEndPoint).filter((t) => granted.includes(t)) : granted;
    const found = await rows<DeletedRow>(ctx.db, sql`select entity_type, entity_id, deleted_at::text as deleted_key from ss12000_entity
      where organiser_id = ${ctx.organiserId} and deleted_at is not null and entity_type = any(${sql.param(types)}::text[])
        ${q.after ? sql`and deleted_at > ${q.after.toISOString()}::timestamptz` : sql``}
        ${after ? sql`and (deleted_at, entity_type, entity_id) > (${after[0]}::timestamptz, ${after[1]}, ${after[2]}::uuid)` : sql``}
      order by deleted_at, entity_type, entity_id limit ${limit + 1}`);
    const page = pageOf(found, limit, (r) => [r.deleted_key, r.entity_type, r.entity_id]);
    const data = groupDeleted(page.rows);
    return page.after ? { data, pageToken: encodePageToken(await deps.pageKey(), PATH, { query: queryRaw, after: page.after }) } : { data };
  });
}
