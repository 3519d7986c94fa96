// Writes through the SS 12000 interface go through the product's own services, which act for a person (an
// Actor). The API client names the person it registers for (the reporter); the client itself is what the
// audit row names. The product's refusals become the standard's {code, message}.
import { swedishDate } from '../../../domain/common/dates.js';
import type { Role } from '../../../domain/access/roles.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, sql } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Ss12000Context } from '../http/context.js';
import { Ss12000Error } from '../http/errors.js';

/** The Actor a write of the API client runs as: the named person in `role` at `unitId`, today in Stockholm. */
export const apiActor = (ctx: Ss12000Context, personId: string, role: Role, unitId: string | null, ip: string | null): Actor => ({
  organiserId: ctx.organiserId, personId, role, unitId, today: swedishDate(ctx.now), ip, name: ctx.client.name,
});

/** How the audit row names a write of the API client: no person, the client in the details. */
export const apiAuditor = (ctx: Ss12000Context, unitId: string | null, ip: string | null) => ({
  actorPersonId: null, actorRole: null, actorUnitId: unitId, ip, details: { apiClient: ctx.client.clientId },
});

/** Is the person staff (teacher, administrator, principal) of the unit today? An administrator without a unit
 *  is staff of every unit. */
export async function isStaffOf(ctx: Ss12000Context, personId: string, unitId: string): Promise<boolean> {
  const today = swedishDate(ctx.now);
  return !!await one(ctx.db, sql`select 1 from duty d where d.organiser_id = ${ctx.organiserId} and d.person_id = ${personId}::uuid
    and d.role in ('teacher', 'administrator', 'principal') and (d.school_unit_id = ${unitId}::uuid or (d.role = 'administrator' and d.school_unit_id is null))
    and d.start_date <= ${today}::date and (d.end_date is null or d.end_date >= ${today}::date) limit 1`);
}

/** The product's refusal as the interface's: not found stays 404, not allowed 403, the rest (invalid input,
 *  a rule that refuses: 409, 422) 400 with the product's code. */
export async function asSs12000<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const status = err.statusCode === 404 || err.statusCode === 403 ? err.statusCode : 400;
    throw new Ss12000Error(status, err.code, err.message);
  }
}
