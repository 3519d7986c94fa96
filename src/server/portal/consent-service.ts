import { randomUUID } from 'node:crypto';
import { byPersonName } from '../../domain/org/sorting.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/http/errors.js';
import { insertConsent, listGuardians, pupilIsAdult, revokeConsent, type GuardianConsentRow } from './consent-store.js';

const view = (g: GuardianConsentRow) => ({ id: g.id, givenName: g.given_name, familyName: g.family_name, consented: g.consent_id !== null, givenOn: g.given_on });

/**
 * A pupil of 18 or more decides whether each guardian goes on seeing their school information (DOMAIN.md §5):
 * consent is given and revoked by the pupil alone, recorded (a revoked consent stays, with its date) and audited.
 */
export function consentService(db: Db) {
  async function list(actor: Actor) {
    const [adult, guardians] = [await pupilIsAdult(db, actor), await listGuardians(db, actor)];
    return { adult, guardians: guardians.map(view).sort(byPersonName) };
  }
  const auditOf = (actor: Actor, action: string, id: string, guardianId: string) => ({
    organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip,
    action, entityType: 'guardian_consent', entityId: id, details: { personId: actor.personId, guardianId },
  });

  return {
    async list(actor: Actor) {
      requireAction(actor, 'consents.manage');
      return list(actor);
    },

    async give(actor: Actor, guardianId: string) {
      requireAction(actor, 'consents.manage');
      await db.transaction(async (tx) => {
        const [guardian] = await listGuardians(tx, actor, guardianId);
        if (!guardian) throw notFound('Guardian not found');
        if (!(await pupilIsAdult(tx, actor))) throw new AppError(422, 'not_adult', 'Consent is given from the 18th birthday; until then the guardians see your school information');
        if (guardian.consent_id) return; // given already: nothing changes
        const id = randomUUID();
        await insertConsent(tx, actor, id, guardianId);
        await audit(tx, auditOf(actor, 'guardian_consent.given', id, guardianId));
      });
      return list(actor);
    },

    async revoke(actor: Actor, guardianId: string) {
      requireAction(actor, 'consents.manage');
      await db.transaction(async (tx) => {
        const [guardian] = await listGuardians(tx, actor, guardianId);
        if (!guardian?.consent_id) throw notFound('No consent given to this guardian');
        await revokeConsent(tx, actor, guardian.consent_id);
        await audit(tx, auditOf(actor, 'guardian_consent.revoked', guardian.consent_id, guardianId));
      });
      return list(actor);
    },
  };
}

export type ConsentService = ReturnType<typeof consentService>;
