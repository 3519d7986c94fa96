import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maskContact, pupilContactShown } from '../../domain/pupils/contact-masking.js';
import { pupilScope } from '../platform/access/access.js';
import { joinCurrentPlacement } from '../org/pupil-placement.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';

const PupilSummary = z.object({
  id: z.string(), givenName: z.string(), familyName: z.string(),
  securityMarking: z.enum(['none', 'confidential', 'protected']),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  schoolYear: z.number().nullable(), schoolForm: z.string().nullable(), className: z.string().nullable(),
  /** Address and contact; null when the pupil has protected registration ("Skyddad"). */
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable(), streetAddress: z.string().nullable(),
    postalCode: z.string().nullable(), city: z.string().nullable() }).nullable(),
});

/** The short record of one pupil, for those the access module lets see it (else 404). Every read of
 *  a pupil with protected registration is audited, and their address and contact never leave. */
export function pupilSummaryService(db: Db) {
  return {
    async get(actor: Actor, pupilId: string): Promise<z.infer<typeof PupilSummary>> {
      const p = await one<any>(db, sql`
        select p.id, p.given_name, p.family_name, p.security_marking, p.email, p.phone, p.street_address, p.postal_code, p.city,
               e.school_unit_id, u.name as unit_name, e.school_year, e.school_form, c.name as class_name
          from person p
          ${joinCurrentPlacement(actor.today)}
         where p.id = ${pupilId} and ${pupilScope(actor)}`);
      if (!p) throw notFound('Pupil not found');
      const isProtected = p.security_marking === 'protected';
      if (isProtected) {
        await audit(db, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
          action: 'pupil.viewed', entityType: 'person', entityId: p.id, details: { personId: p.id, unitId: actor.unitId, view: 'summary' }, ip: actor.ip });
      }
      return {
        id: p.id, givenName: p.given_name, familyName: p.family_name, securityMarking: p.security_marking,
        unit: p.school_unit_id ? { id: p.school_unit_id, name: p.unit_name } : null,
        schoolYear: p.school_year, schoolForm: p.school_form, className: p.class_name,
        contact: maskContact({ email: p.email, phone: p.phone, streetAddress: p.street_address, postalCode: p.postal_code, city: p.city },
          pupilContactShown(p.security_marking)),
      };
    },
  };
}

export const pupilSummaryRoutes = (service: ReturnType<typeof pupilSummaryService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/pupils/:pupilId', {
    config: { access: { roles: ['teacher', 'administrator', 'principal', 'guardian', 'pupil'] }, scope: 'pupil' },
    schema: { tags: ['pupils'], summary: 'The short record of one pupil', params: z.object({ pupilId: Uuid }),
      response: { 200: PupilSummary, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.get(actorOf(req), req.params.pupilId));
};
