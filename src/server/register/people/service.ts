import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { checkCivicNo, contactVisible, personMatcher, type PersonKind } from '../../../domain/register/people.js';
import { requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { audit } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { addDuty, addEnrolment, addFirstRelation, addGuardianship, auditPeople, endRelation } from './relations.js';
import type { DutyInput, EnrolmentInput, ExistingPerson, NewPerson, PersonData, PersonUpdate } from './schemas.js';
import { personByCivicNo, personInScope, personView, unitPeople, unitSchoolForms, type PersonRow } from './store.js';

type Tx = Pick<Queryable, 'execute'>;

const civicMessages = {
  civic_no_checksum: 'The check digit of the personnummer is wrong',
  civic_no_date: 'The personnummer has a date of birth that does not exist',
  civic_no_format: 'Not a personnummer, samordningsnummer or temporary number',
} as const;

/** The civic number as stored, or 400 with the reason (wrong check digit, impossible date, no such shape). */
function civicNoOf(input: string, today: string) {
  const checked = checkCivicNo(input, new Date(`${today}T12:00:00Z`));
  if (!checked.ok) throw new AppError(400, checked.problem, civicMessages[checked.problem]);
  return checked;
}

/** 409 `duplicate_person` with the existing person's id; `inUnit` says whether the page may link to them
 *  or should offer to add a relation at this unit instead (their other data is not shown). */
async function refuseDuplicate(tx: Tx, actor: Actor, civicNo: string, self?: string) {
  const existing = await personByCivicNo(tx, actor, civicNo);
  if (existing && existing.id !== self) {
    throw conflict('duplicate_person', 'A person with this civic number is already in the register', { existing });
  }
}

const CONTACT_FIELDS = ['email', 'phone', 'streetAddress', 'postalCode', 'city'] as const;
const FIELD_COLUMNS: Record<string, string> = { givenName: 'given_name', familyName: 'family_name', civicNo: 'civic_no', securityMarking: 'security_marking',
  email: 'email', phone: 'phone', streetAddress: 'street_address', postalCode: 'postal_code', city: 'city' };

/** What changed, field by field; for a person with protected registration (before or after) the values of
 *  contact details are never written to the history, only that they changed. */
function changesOf(before: PersonRow, after: Record<string, string | null>, hidden: boolean) {
  const changes: { field: string; from: string | null; to: string | null }[] = [];
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
    if (!(field in after)) continue;
    const from = (before as any)[column] ?? null, to = after[field] ?? null;
    if (from === to) continue;
    const secret = hidden && (CONTACT_FIELDS as readonly string[]).includes(field);
    changes.push({ field, from: secret ? null : from, to: secret ? null : to });
  }
  return changes;
}

/** The people register of a school unit, for its administrator: find, create, edit people and their relations. */
export function peopleService(db: Db) {
  async function view(actor: Actor, personId: string, q: Tx = db) {
    const p = await personInScope(q, actor, personId);
    if (!contactVisible(p.security_marking) && q === db) {
      await audit(db, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'person.protected_viewed', entityType: 'person', entityId: p.id, details: { personId: p.id, unitId: actor.unitId }, ip: actor.ip });
    }
    return personView(q, actor, p);
  }

  return {
    /** 404 unless the person is in the actor's unit register (403 for a role that administers none). */
    async requireInRegister(actor: Actor, personId: string) {
      requireAction(actor, 'register.administer');
      await personInScope(db, actor, personId);
    },

    async search(actor: Actor, query: { q?: string; kind?: PersonKind; page: number; pageSize: number }) {
      requireAction(actor, 'register.administer');
      const all = await unitPeople(db, actor);
      const matches = personMatcher(query.q ?? '');
      const found = all.filter(matches);
      const counts = { pupil: 0, guardian: 0, staff: 0 };
      for (const p of found) for (const k of p.kinds) counts[k.kind]++;
      const filtered = query.kind ? found.filter((p) => p.kinds.some((k) => k.kind === query.kind)) : found;
      const from = (query.page - 1) * query.pageSize;
      return { total: filtered.length, page: query.page, pageSize: query.pageSize, items: filtered.slice(from, from + query.pageSize), counts,
        schoolForms: await unitSchoolForms(db, actor) };
    },

    get(actor: Actor, personId: string) {
      requireAction(actor, 'register.administer');
      return view(actor, personId);
    },

    /** A new person with their first relation at this unit; a civic number already in the register is refused. */
    async create(actor: Actor, input: z.infer<typeof NewPerson>) {
      requireAction(actor, 'register.administer');
      const civic = civicNoOf(input.civicNo, actor.today);
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await refuseDuplicate(tx, actor, civic.civicNo);
        const c = input.securityMarking === 'protected' ? null : input.contact;
        await tx.execute(sql`insert into person (organiser_id, id, civic_no, civic_no_kind, given_name, family_name, sex, birth_date, security_marking,
            email, phone, street_address, postal_code, city)
          values (${actor.organiserId}, ${id}, ${civic.civicNo}, ${civic.kind}, ${input.givenName}, ${input.familyName}, ${civic.sex}, ${civic.birthDate},
            ${input.securityMarking}, ${c?.email ?? null}, ${c?.phone ?? null}, ${c?.streetAddress ?? null}, ${c?.postalCode ?? null}, ${c?.city ?? null})`);
        await auditPeople(tx, actor, 'person.created', 'person', id, { personId: id,
          after: { givenName: input.givenName, familyName: input.familyName, civicNo: civic.civicNo, securityMarking: input.securityMarking } });
        await addFirstRelation(tx, actor, id, input.relation);
      });
      return view(actor, id);
    },

    /** A person already in the organiser's register (found by the civic number the administrator typed) gets
     *  a relation at this unit, e.g. a guardian whose other child goes to another school. */
    async attach(actor: Actor, input: z.infer<typeof ExistingPerson>) {
      requireAction(actor, 'register.administer');
      const civic = civicNoOf(input.civicNo, actor.today);
      const existing = await personByCivicNo(db, actor, civic.civicNo);
      if (!existing) throw notFound('No person with this civic number');
      await db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from person where organiser_id = ${actor.organiserId} and id = ${existing.id} for update`);
        await addFirstRelation(tx, actor, existing.id, input.relation);
      });
      return view(actor, existing.id);
    },

    /** Saves the person's data when the caller read the current version; otherwise 409 with the current person. */
    async update(actor: Actor, personId: string, input: z.infer<typeof PersonUpdate>) {
      requireAction(actor, 'register.administer');
      const civic = civicNoOf(input.civicNo, actor.today);
      await db.transaction(async (tx) => {
        const before = await personInScope(tx, actor, personId, true);
        if (before.version !== input.version) {
          throw conflict('stale_version', 'Someone else changed the person', { current: await personView(tx, actor, before) });
        }
        if (civic.civicNo !== before.civic_no) await refuseDuplicate(tx, actor, civic.civicNo, personId);
        const hidden = before.security_marking === 'protected' || input.securityMarking === 'protected';
        const keepContact = input.contact === null || before.security_marking === 'protected';
        const after: Record<string, string | null> = { givenName: input.givenName, familyName: input.familyName, civicNo: civic.civicNo,
          securityMarking: input.securityMarking, ...(keepContact ? {} : input.contact) };
        const changes = changesOf(before, after, hidden);
        const c = keepContact ? null : input.contact!;
        await tx.execute(sql`update person set given_name = ${input.givenName}, family_name = ${input.familyName}, civic_no = ${civic.civicNo},
            civic_no_kind = ${civic.kind}, birth_date = ${civic.birthDate}, sex = ${civic.sex}, security_marking = ${input.securityMarking},
            ${c ? sql`email = ${c.email}, phone = ${c.phone}, street_address = ${c.streetAddress}, postal_code = ${c.postalCode}, city = ${c.city},` : sql``}
            version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${personId}`);
        await auditPeople(tx, actor, 'person.updated', 'person', personId, { personId, changes });
      });
      return view(actor, personId);
    },

    async addEnrolment(actor: Actor, personId: string, input: z.infer<typeof EnrolmentInput>) {
      requireAction(actor, 'register.administer');
      await db.transaction(async (tx) => { await personInScope(tx, actor, personId, true); await addEnrolment(tx, actor, personId, input); });
      return view(actor, personId);
    },

    async addDuty(actor: Actor, personId: string, input: z.infer<typeof DutyInput>) {
      requireAction(actor, 'register.administer');
      await db.transaction(async (tx) => { await personInScope(tx, actor, personId, true); await addDuty(tx, actor, personId, input); });
      return view(actor, personId);
    },

    /** A guardian of the unit's register (e.g. already the guardian of a sibling) for this child. */
    async addGuardian(actor: Actor, childId: string, input: { guardianId: string; startDate: string; endDate: string | null }) {
      requireAction(actor, 'register.administer');
      await db.transaction(async (tx) => {
        await personInScope(tx, actor, childId, true);
        await personInScope(tx, actor, input.guardianId);
        await addGuardianship(tx, actor, { ...input, childId });
      });
      return view(actor, childId);
    },

    async endRelation(actor: Actor, personId: string, relationId: string, endDate: string) {
      requireAction(actor, 'register.administer');
      await db.transaction(async (tx) => endRelation(tx, actor, personId, relationId, endDate));
      return view(actor, personId);
    },
  };
}

export type PeopleService = ReturnType<typeof peopleService>;
export type PersonInput = z.infer<typeof PersonData>;
