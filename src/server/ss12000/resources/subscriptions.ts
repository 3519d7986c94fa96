// /subscriptions: an API client's own webhooks. The target is called (webhooks/delivery.ts) with the object
// types that changed until the subscription expires; PATCH gives it a new expiry. Another client's
// subscription does not exist for this one (404, which the specification answers without a body).
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { END_POINTS, resourceOfEndPoint, type EndPoint } from '../../../domain/ss12000/endpoints.js';
import { isWebhookTarget } from '../../../domain/ss12000/webhooks.js';
import { audit } from '../../platform/audit/audit.js';
import { one, rows, sql, type Queryable } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { ssBadRequest, ssForbidden } from '../http/errors.js';
import { listRoute, pageOf, requestContext } from '../http/routes.js';

/** A subscription lives this long when created or renewed without an expiry; never longer than the maximum. */
export const SUBSCRIPTION_DAYS = 30;
export const SUBSCRIPTION_MAX_DAYS = 365;
const DAY = 86_400_000;

interface SubscriptionRow { id: string; name: string; target: string; resource_types: string[]; expires_at: Date | string }

const toSubscription = (r: SubscriptionRow) => ({
  id: r.id, name: r.name, target: r.target,
  resourceTypes: r.resource_types.map((resource) => ({ resource })),
  expires: new Date(r.expires_at).toISOString(),
});

const createBody = z.object({
  name: z.string().min(1).max(200),
  target: z.string().max(2000).refine(isWebhookTarget, 'target must be an absolute http(s) URL'),
  resourceTypes: z.array(z.object({ resource: z.enum(END_POINTS) })).min(1).max(END_POINTS.length),
});
const patchBody = z.object({ expires: z.iso.datetime({ offset: true }).optional() }).optional();

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw ssBadRequest(`Invalid body: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return r.data;
}

const parseId = (params: unknown): string => {
  const r = z.uuid().safeParse((params as { id: string }).id);
  if (!r.success) throw ssBadRequest('The id is not a UUID', 'invalid_id');
  return r.data;
};

/** The expiry asked for, within (now, now + max]; none = the default lifetime. */
function expiryOf(asked: string | undefined, now: Date): Date {
  if (!asked) return new Date(now.getTime() + SUBSCRIPTION_DAYS * DAY);
  const at = new Date(asked);
  if (at.getTime() <= now.getTime()) throw ssBadRequest('expires must be in the future', 'invalid_expires');
  return new Date(Math.min(at.getTime(), now.getTime() + SUBSCRIPTION_MAX_DAYS * DAY));
}

const own = (ctx: Ss12000Context, id: string) =>
  sql`organiser_id = ${ctx.organiserId} and api_client_id = ${ctx.client.id} and id = ${id}`;

const auditWrite = (q: Pick<Queryable, 'execute'>, ctx: Ss12000Context, action: string, id: string, extra: Record<string, unknown> = {}) =>
  audit(q, { organiserId: ctx.organiserId, actorPersonId: null, action, entityType: 'ss12000_subscription', entityId: id,
    details: { apiClient: ctx.client.clientId, ...extra } });

const notFound = (reply: FastifyReply) => reply.status(404).send();

export function subscriptionResource(v2: Ss12000App, deps: Ss12000Deps) {
  const read = { resource: 'subscriptions' } as const;
  const write = { resource: 'subscriptions', write: true } as const;

  listRoute(v2, deps, {
    path: '/subscriptions', access: read, query: {},
    fetch: async (ctx, _q, page) => {
      const found = await rows<SubscriptionRow>(ctx.db, sql`select id, name, target, resource_types, expires_at from ss12000_subscription
        where organiser_id = ${ctx.organiserId} and api_client_id = ${ctx.client.id} ${page.after ? sql`and id > ${page.after[0]}::uuid` : sql``}
        order by id limit ${page.limit + 1}`);
      const p = pageOf(found, page.limit, (r) => [r.id]);
      return { data: p.rows.map(toSubscription), after: p.after };
    },
  });

  v2.post('/subscriptions', { config: { ss12000: write } }, async (req, reply) => {
    const ctx = requestContext(req, deps);
    const body = parse(createBody, req.body);
    const types = [...new Set(body.resourceTypes.map((t) => t.resource))] as EndPoint[];
    const refused = types.filter((t) => !(ctx.client.resources as string[]).includes(resourceOfEndPoint(t)));
    if (refused.length) throw ssForbidden(`The client may not read ${refused.join(', ')}`);
    const id = randomUUID();
    const expires = expiryOf(undefined, ctx.now);
    const created = await ctx.db.transaction(async (tx) => {
      const row = await one<SubscriptionRow>(tx, sql`insert into ss12000_subscription (organiser_id, id, api_client_id, name, target, resource_types, expires_at)
        values (${ctx.organiserId}, ${id}, ${ctx.client.id}, ${body.name}, ${body.target}, ${sql.param(types)}::text[], ${expires.toISOString()}::timestamptz)
        returning id, name, target, resource_types, expires_at`);
      await auditWrite(tx, ctx, 'ss12000.subscription.created', id, { target: body.target, resourceTypes: types });
      return row!;
    });
    return reply.status(201).send(toSubscription(created));
  });

  v2.get('/subscriptions/:id', { config: { ss12000: read } }, async (req, reply) => {
    const ctx = requestContext(req, deps);
    const found = await one<SubscriptionRow>(ctx.db, sql`select id, name, target, resource_types, expires_at from ss12000_subscription where ${own(ctx, parseId(req.params))}`);
    return found ? toSubscription(found) : notFound(reply);
  });

  v2.patch('/subscriptions/:id', { config: { ss12000: write } }, async (req, reply) => {
    const ctx = requestContext(req, deps);
    const id = parseId(req.params);
    const expires = expiryOf(parse(patchBody, req.body ?? undefined)?.expires, ctx.now);
    const changed = await ctx.db.transaction(async (tx) => {
      const row = await one<SubscriptionRow>(tx, sql`update ss12000_subscription set expires_at = ${expires.toISOString()}::timestamptz, modified_at = now()
        where ${own(ctx, id)} returning id, name, target, resource_types, expires_at`);
      if (row) await auditWrite(tx, ctx, 'ss12000.subscription.renewed', id, { expires: expires.toISOString() });
      return row;
    });
    return changed ? toSubscription(changed) : notFound(reply);
  });

  v2.delete('/subscriptions/:id', { config: { ss12000: write } }, async (req, reply) => {
    const ctx = requestContext(req, deps);
    const id = parseId(req.params);
    const removed = await ctx.db.transaction(async (tx) => {
      const gone = await rows(tx, sql`delete from ss12000_subscription where ${own(ctx, id)} returning id`);
      if (gone.length) await auditWrite(tx, ctx, 'ss12000.subscription.removed', id);
      return gone.length > 0;
    });
    return removed ? reply.status(204).send() : notFound(reply);
  });
}
