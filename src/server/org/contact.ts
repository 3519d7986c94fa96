import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inForce, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db, type Queryable } from '../platform/db/database.js';
import { conflict, notFound } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody } from '../platform/http/schemas.js';

/** Own contact details (seed 000 §1.2): personal for everyone, work (service) contact for staff. */
/** Input: blank means none; e-mail and phone are checked. Output: plain values. */
const Email = z.string().trim().max(254).transform((v) => v || null).pipe(z.email().nullable()).nullable();
const Phone = z.string().trim().max(40).regex(/^[0-9+()\- ]*$/, 'digits, spaces, + - ( ) only').transform((v) => v || null).nullable();
export const ContactInput = z.object({ personal: z.object({ email: Email, phone: Phone }),
  work: z.object({ email: Email, phone: Phone }).nullable(), version: z.number().int() });
const Pair = z.object({ email: z.string().nullable(), phone: z.string().nullable() });
export const ContactBody = z.object({ personal: Pair, work: Pair.nullable(), version: z.number().int() });
type Contact = z.infer<typeof ContactBody>;

interface Row { email: string | null; phone: string | null; work_email: string | null; work_phone: string | null; version: number; is_staff: boolean }

async function read(q: Pick<Queryable, 'execute'>, actor: Actor, lock = false): Promise<Contact> {
  const row = await one<Row>(q, sql`
    select p.email, p.phone, p.work_email, p.work_phone, p.version,
           exists (select 1 from duty d where d.organiser_id = p.organiser_id and d.person_id = p.id
                    and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}) as is_staff
      from person p where p.organiser_id = ${actor.organiserId} and p.id = ${actor.personId}
      ${lock ? sql`for update` : sql``}`);
  if (!row) throw notFound();
  return {
    personal: { email: row.email, phone: row.phone },
    work: row.is_staff ? { email: row.work_email, phone: row.work_phone } : null,
    version: row.version,
  };
}

export function contactService(db: Db) {
  return {
    get(actor: Actor) { requireAction(actor, 'me.contact.edit'); return read(db, actor); },
    /** Saves when the caller read the current version; otherwise 409 with the current value. */
    update(actor: Actor, input: Contact) {
      requireAction(actor, 'me.contact.edit');
      return db.transaction(async (tx) => {
        const current = await read(tx, actor, true);
        if (current.version !== input.version) throw conflict('stale_version', 'Someone else changed the contact details', { current });
        const work = current.work ? (input.work ?? current.work) : null;
        await tx.execute(sql`update person set email = ${input.personal.email}, phone = ${input.personal.phone},
            work_email = ${work?.email ?? null}, work_phone = ${work?.phone ?? null}, version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${actor.personId}`);
        await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
          action: 'person.contact_updated', entityType: 'person', entityId: actor.personId,
          details: { before: { personal: current.personal, work: current.work }, after: { personal: input.personal, work } }, ip: actor.ip });
        return read(tx, actor);
      });
    },
  };
}

export const contactRoutes = (service: ReturnType<typeof contactService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/me/contact', {
    config: { access: 'session', scope: 'actor' },
    schema: { tags: ['me'], summary: 'My own contact details', response: { 200: ContactBody, ...authErrors } },
  }, async (req) => service.get(actorOf(req)));
  app.put('/api/me/contact', {
    config: { access: 'session', scope: 'actor' },
    schema: { tags: ['me'], summary: 'Change my own contact details', body: ContactInput,
      response: { 200: ContactBody, 400: ErrorBody, ...authErrors, 409: ErrorBody } },
  }, async (req) => service.update(actorOf(req), req.body));
};
