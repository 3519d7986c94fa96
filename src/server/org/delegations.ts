import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DECISION_KINDS, delegationProblem, isDelegationActive } from '../../domain/access/delegation.js';
import { byName } from '../../domain/org/sorting.js';
import { inForce, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, rows, type Db } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, IsoDate, Uuid } from '../platform/http/schemas.js';

const StaffMember = z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()), licensed: z.boolean() });
const DelegationBody = z.object({ id: z.string(), decisionKind: z.string(), delegate: z.object({ id: z.string(), name: z.string() }),
  from: z.string(), to: z.string().nullable(), revoked: z.boolean(), active: z.boolean() });
const NewDelegation = z.object({ delegateId: Uuid, decisionKind: z.enum(DECISION_KINDS), startDate: IsoDate, endDate: IsoDate.nullable() });

const problemMessages = {
  not_delegable: 'Final grade documents are signed by the principal only; that decision cannot be delegated',
  self: 'A principal cannot delegate to themself',
  end_before_start: 'The delegation must end on or after its first day',
  ends_in_past: 'The delegation would already be over',
} as const;

/** The principal's delegations (skollagen 2 kap. 10 §): recorded with dates, ended but never deleted, audited. */
export function delegationService(db: Db) {
  async function staff(actor: Actor) {
    requireAction(actor, 'staff.view.unit');
    const found = await rows<{ id: string; name: string; roles: string[]; licensed: boolean }>(db, sql`
      select p.id, p.given_name || ' ' || p.family_name as name, array_agg(distinct d.role order by d.role) as roles, bool_or(d.licensed) as licensed
        from duty d join person p on p.organiser_id = d.organiser_id and p.id = d.person_id
       where d.organiser_id = ${actor.organiserId} and d.school_unit_id = ${actor.unitId}
         and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}
       group by p.id, p.given_name, p.family_name`);
    return found.sort(byName);
  }

  async function create(actor: Actor, input: z.infer<typeof NewDelegation>) {
    requireAction(actor, 'delegations.manage');
    const problem = delegationProblem({ principalId: actor.personId, ...input }, actor.today);
    if (problem) throw new AppError(400, problem, problemMessages[problem]);
    const isStaff = (await staff(actor)).some((s) => s.id === input.delegateId);
    if (!isStaff) throw new AppError(400, 'delegate_not_staff', 'The delegate must hold a duty at this school unit');
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into delegation (organiser_id, id, school_unit_id, principal_id, delegate_id, decision_kind, start_date, end_date)
        values (${actor.organiserId}, ${id}, ${actor.unitId}, ${actor.personId}, ${input.delegateId}, ${input.decisionKind}, ${input.startDate}, ${input.endDate})`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'delegation.created', entityType: 'delegation', entityId: id, details: input, ip: actor.ip });
    });
    return get(actor, id);
  }

  async function get(actor: Actor, id: string) {
    const d = await one<any>(db, sql`
      select d.id, d.decision_kind, d.delegate_id, p.given_name || ' ' || p.family_name as delegate_name,
             to_char(d.start_date, 'YYYY-MM-DD') as start_date, to_char(d.end_date, 'YYYY-MM-DD') as end_date,
             d.revoked_at is not null as revoked
        from delegation d join person p on p.organiser_id = d.organiser_id and p.id = d.delegate_id
       where d.organiser_id = ${actor.organiserId} and d.school_unit_id = ${actor.unitId} and d.id = ${id}`);
    if (!d) throw notFound('Delegation not found');
    return { id: d.id, decisionKind: d.decision_kind, delegate: { id: d.delegate_id, name: d.delegate_name }, from: d.start_date,
      to: d.end_date, revoked: d.revoked,
      active: isDelegationActive({ startDate: d.start_date, endDate: d.end_date, revoked: d.revoked }, actor.today) };
  }

  /** Withdraws a delegation: it stops being in force at once and stays on record. */
  async function end(actor: Actor, id: string) {
    requireAction(actor, 'delegations.manage');
    const before = await get(actor, id);
    await db.transaction(async (tx) => {
      await tx.execute(sql`update delegation set revoked_at = now()
        where organiser_id = ${actor.organiserId} and school_unit_id = ${actor.unitId} and id = ${id} and revoked_at is null`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'delegation.revoked', entityType: 'delegation', entityId: id, details: { before }, ip: actor.ip });
    });
    return get(actor, id);
  }

  return { staff, create, end };
}

export const delegationRoutes = (service: ReturnType<typeof delegationService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/unit/staff', {
    config: { access: { roles: ['principal', 'administrator'] }, scope: 'actor' },
    schema: { tags: ['org'], summary: 'Staff with a duty at the current school unit', response: { 200: z.array(StaffMember), ...authErrors } },
  }, async (req) => service.staff(actorOf(req)));
  app.post('/api/delegations', {
    config: { access: { roles: ['principal'] }, scope: 'actor' },
    schema: { tags: ['org'], summary: 'Delegate a kind of decision to a staff member for a period', body: NewDelegation,
      response: { 200: DelegationBody, 400: ErrorBody, ...authErrors } },
  }, async (req) => service.create(actorOf(req), req.body));
  app.post('/api/delegations/:delegationId/end', {
    config: { access: { roles: ['principal'] }, scope: 'unit' },
    schema: { tags: ['org'], summary: 'Withdraw a delegation (it stays on record)', params: z.object({ delegationId: Uuid }),
      response: { 200: DelegationBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.end(actorOf(req), req.params.delegationId));
};
