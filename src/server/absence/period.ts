import { absencePeriod } from '../../domain/absence/period.js';
import type { Actor } from '../platform/access/actor.js';
import type { Queryable } from '../platform/db/database.js';
import { badRequest } from '../platform/http/errors.js';
import { currentTermSpan } from './summary-store.js';

/** The asked period, or the current term up to today; 400 when it makes no sense. */
export async function resolvePeriod(q: Pick<Queryable, 'execute'>, actor: Actor, asked: { from?: string; to?: string }) {
  const term = asked.from ? null : await currentTermSpan(q, actor.organiserId, actor.today);
  const period = absencePeriod(asked, term, actor.today);
  if (typeof period === 'string') throw badRequest(`The period is not usable: ${period}`, period);
  return period;
}
