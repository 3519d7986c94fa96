import { sql } from 'drizzle-orm';
import { afterFailure, type ThrottlePolicy, type ThrottleState } from '../../domain/session/throttle.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;
interface Row { key: string; failures: number; window_start: string | Date; locked_until: string | Date | null }

const toState = (r: Row): ThrottleState => ({
  failures: r.failures, windowStart: new Date(r.window_start), lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
});

export async function readThrottles(q: Q, organiserId: string, keys: string[]): Promise<Map<string, ThrottleState>> {
  const found = await rows<Row>(q, sql`
    select key, failures, window_start, locked_until from login_throttle
     where organiser_id = ${organiserId} and key = any(${sql.param(keys)}::text[])`);
  return new Map(found.map((r) => [r.key, toState(r)]));
}

/** Records one failure for the key (row-locked, so concurrent failures all count). */
export async function recordFailure(q: Q, organiserId: string, key: string, now: Date, policy: ThrottlePolicy): Promise<ThrottleState> {
  await q.execute(sql`insert into login_throttle (organiser_id, key, failures, window_start)
                      values (${organiserId}, ${key}, 0, ${now.toISOString()}) on conflict do nothing`);
  const current = await one<Row>(q, sql`select key, failures, window_start, locked_until from login_throttle
                                         where organiser_id = ${organiserId} and key = ${key} for update`);
  const next = afterFailure(current && current.failures > 0 ? toState(current) : null, now, policy);
  await q.execute(sql`update login_throttle set failures = ${next.failures}, window_start = ${next.windowStart.toISOString()},
                        locked_until = ${next.lockedUntil?.toISOString() ?? null}
                      where organiser_id = ${organiserId} and key = ${key}`);
  return next;
}

export async function clearThrottle(q: Q, organiserId: string, key: string): Promise<void> {
  await q.execute(sql`delete from login_throttle where organiser_id = ${organiserId} and key = ${key}`);
}
