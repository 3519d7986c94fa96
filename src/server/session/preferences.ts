import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../platform/access/actor.js';
import { one, type Db } from '../platform/db/database.js';
import { AppError } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, STORABLE } from '../platform/http/schemas.js';

/** A person's remembered UI choices (e.g. `grading.columns`), small JSON values under named keys. */
export function preferenceService(db: Db) {
  return {
    async get(actor: Actor, key: string) {
      const row = await one<{ value: unknown }>(db, sql`select value from user_preference
        where organiser_id = ${actor.organiserId} and person_id = ${actor.personId} and key = ${key}`);
      return { key, value: row?.value ?? null };
    },
    async set(actor: Actor, key: string, value: unknown) {
      // jsonb refuses the NUL character and an unpaired surrogate (JSON.stringify writes it as a \u escape): a 500
      let storable = true;
      const json = JSON.stringify(value, (k, v) => {
        if (!STORABLE.test(k) || (typeof v === 'string' && !STORABLE.test(v))) storable = false;
        return v;
      });
      if (json === undefined || json.length > 4096) throw new AppError(400, 'invalid_input', 'A preference holds at most 4 KiB');
      if (!storable) throw new AppError(400, 'invalid_input', 'A preference cannot hold NUL characters or unpaired surrogates');
      await db.execute(sql`insert into user_preference (organiser_id, person_id, key, value)
        values (${actor.organiserId}, ${actor.personId}, ${key}, ${json}::jsonb)
        on conflict (organiser_id, person_id, key) do update set value = excluded.value`);
      return { key, value };
    },
  };
}

const Key = z.object({ key: z.string().regex(/^[a-z][a-zA-Z0-9.]{0,63}$/) });
const Body = z.object({ key: z.string(), value: z.unknown() });

export const preferenceRoutes = (service: ReturnType<typeof preferenceService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/me/preferences/:key', { config: { access: 'session', scope: 'actor' },
    schema: { tags: ['me'], summary: 'One of my remembered choices (null when never set)', params: Key, response: { 200: Body, ...authErrors, 400: ErrorBody } },
  }, async (req) => service.get(actorOf(req), req.params.key));
  app.put('/api/me/preferences/:key', { config: { access: 'session', scope: 'actor' },
    schema: { tags: ['me'], summary: 'Remember a choice', params: Key, body: z.object({ value: z.unknown() }), response: { 200: Body, ...authErrors, 400: ErrorBody } },
  }, async (req) => service.set(actorOf(req), req.params.key, req.body.value));
};
