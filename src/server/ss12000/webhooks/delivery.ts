// The delivery of SS 12000 subscriptions: for every subscription that has not expired, of a client that is
// not revoked, the object types it subscribes to (and the client is still granted) with entities modified
// or deleted since `notified_up_to` are POSTed to its target as the specification's callback body
// ({modifiedEntites, deletedEntities}); on a 2xx answer notified_up_to moves on, otherwise the failure is
// counted and the call is tried again later with a growing delay. Runs on a timer (start/stop) and can be
// run at once (`sweep`), which the tests do.
import { dueForDelivery, notificationBody } from '../../../domain/ss12000/webhooks.js';
import { resourceOfEndPoint, type EndPoint } from '../../../domain/ss12000/endpoints.js';
import { one, rows, sql, type Db } from '../../platform/db/database.js';
import { sweeper } from '../../platform/jobs/sweeper.js';
import { assertPublicTarget, privateTargetsAllowed } from './target-guard.js';

interface Log { warn(obj: object, msg: string): void }

/** Subscribers called at the same time. */
const PARALLEL = 8;

interface DueRow {
  organiser_id: string; id: string; target: string; resource_types: string[]; granted: string[];
  notified_key: string; failures: number; last_delivery_at: Date | string | null; bound: string; now: Date | string;
}

export interface WebhookOptions {
  db: Db;
  log: Log;
  /** How long a change must be committed before it is told: a transaction that started before the
   *  bound but commits after it would otherwise be missed (its rows carry its start time). */
  settleMs?: number;
  timeoutMs?: number;
  everyMs?: number;
  post?: (url: string, body: string, timeoutMs: number) => Promise<number>;
  /** Call targets on loopback or private addresses (default: LARKA_SS12000_WEBHOOK_PRIVATE=allow). */
  allowPrivateTargets?: boolean;
}

const postJson = async (url: string, body: string, timeoutMs: number): Promise<number> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  await res.body?.cancel();
  return res.status;
};

export function webhookDelivery(opts: WebhookOptions) {
  const { db, log } = opts;
  const settleMs = opts.settleMs ?? 2_000;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const allowPrivate = opts.allowPrivateTargets ?? privateTargetsAllowed();
  const post = opts.post ?? (async (url: string, body: string, ms: number) => {
    if (!allowPrivate) await assertPublicTarget(url);
    return postJson(url, body, ms);
  });

  /** One subscription: what changed in (notified_up_to, bound], told to the target when anything did. */
  async function deliver(s: DueRow): Promise<boolean> {
    const types = s.resource_types.map((t) => resourceOfEndPoint(t as EndPoint)).filter((t) => t && s.granted.includes(t));
    const changed = await one<{ modified: string[] | null; deleted: boolean | null }>(db, sql`
      select array_agg(distinct entity_type) filter (where deleted_at is null) as modified, bool_or(deleted_at is not null) as deleted
        from ss12000_entity where organiser_id = ${s.organiser_id} and entity_type = any(${sql.param(types)}::text[])
         and modified_at > ${s.notified_key}::timestamptz and modified_at <= ${s.bound}::timestamptz`);
    const body = notificationBody(changed?.modified ?? [], changed?.deleted === true);
    if (!body.modifiedEntites && !body.deletedEntities) return false;
    let outcome: string;
    try {
      const status = await post(s.target, JSON.stringify(body), timeoutMs);
      outcome = String(status);
    } catch (err) {
      outcome = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    }
    const ok = /^2\d\d$/.test(outcome);
    await db.execute(sql`update ss12000_subscription set last_delivery_at = now(), last_delivery_status = ${outcome},
        failures = ${ok ? sql`0` : sql`failures + 1`} ${ok ? sql`, notified_up_to = ${s.bound}::timestamptz` : sql``}
      where organiser_id = ${s.organiser_id} and id = ${s.id}`);
    if (!ok) log.warn({ subscriptionId: s.id, failures: s.failures + 1 }, `SS 12000 webhook not delivered: ${outcome}`);
    return ok;
  }

  async function deliverDue(): Promise<number> {
    const subscriptions = await rows<DueRow>(db, sql`
      select s.organiser_id, s.id, s.target, s.resource_types, c.resources as granted, s.notified_up_to::text as notified_key, s.failures,
        s.last_delivery_at, (now() - ${settleMs} * interval '1 millisecond')::text as bound, now() as now
        from ss12000_subscription s join api_client c on c.organiser_id = s.organiser_id and c.id = s.api_client_id and c.revoked_at is null
       where s.expires_at > now() order by s.organiser_id, s.id`);
    const due = subscriptions.filter((s) => dueForDelivery(s.failures, s.last_delivery_at ? new Date(s.last_delivery_at) : null, new Date(s.now)));
    // a few at a time, so that one slow target does not hold up every other subscriber
    let delivered = 0;
    let next = 0;
    const lane = async () => { while (next < due.length) if (await deliver(due[next++])) delivered++; };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, lane));
    return delivered;
  }

  const jobs = sweeper('SS 12000 webhooks', deliverDue, { everyMs: opts.everyMs ?? 10_000, kickAfterMs: [], log });
  return { sweep: jobs.sweep, start: jobs.start, stop: jobs.stop };
}

export type WebhookDelivery = ReturnType<typeof webhookDelivery>;
