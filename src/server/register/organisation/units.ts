import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { byName } from '../../../domain/org/sorting.js';
import { isMunicipalityCode, isSchoolUnitCode, normalisePostalCode, SCHOOL_FORMS } from '../../../domain/register/school-units.js';
import { isOrganiserAdministrator, requireAction, requireOrganiserAdministrator } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, rows, type Db, type Queryable } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText, Uuid } from '../../platform/http/schemas.js';
import { auditAs } from './audit-as.js';

const optionalText = (max: number) => StoredText.max(max).nullable().transform((s) => s?.trim() || null);
// Codes, postal code and phone are checked by the service after access and scope (a unit of another school
// is not found, whatever the body says): see fieldProblem.
const UnitContact = z.object({
  streetAddress: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  email: z.email().max(200).nullable(),
  phone: optionalText(40),
});
const UnitInput = UnitContact.extend({
  name: StoredText.max(200).transform((s) => s.trim()).refine((s) => s.length > 0, 'A name is needed'),
  schoolUnitCode: StoredText.max(20).transform((s) => s.trim()),
  schoolForms: z.array(z.enum(SCHOOL_FORMS)).min(1).max(SCHOOL_FORMS.length).refine((f) => new Set(f).size === f.length, 'Each school form once'),
  municipalityCode: optionalText(10),
});
const UnitBody = z.object({
  id: z.string(), name: z.string(), schoolUnitCode: z.string(), schoolForms: z.array(z.string()), municipalityCode: z.string().nullable(),
  streetAddress: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(),
});
type Unit = z.infer<typeof UnitBody>;
type UnitFields = z.output<typeof UnitInput>;
type ContactFields = z.output<typeof UnitContact>;

const columns = sql`id, name, school_unit_code as "schoolUnitCode", school_forms as "schoolForms", municipality_code as "municipalityCode",
  street_address as "streetAddress", postal_code as "postalCode", city, email, phone`;

/** The contact fields as stored (postal code '123 45'), or 400 with the first field that is wrong. */
function contactOf(c: ContactFields): ContactFields {
  const postalCode = c.postalCode === null ? null : normalisePostalCode(c.postalCode);
  if (c.postalCode !== null && postalCode === null) throw new AppError(400, 'invalid_postal_code', 'A postal code has five digits');
  if (c.phone !== null && !/^[0-9 +()-]{5,30}$/.test(c.phone)) throw new AppError(400, 'invalid_phone', 'A phone number has digits, spaces, +, - and parentheses');
  return { ...c, postalCode };
}

function checkCodes(u: UnitFields): void {
  if (!isSchoolUnitCode(u.schoolUnitCode)) throw new AppError(400, 'invalid_school_unit_code', 'A school unit code has 8 digits');
  if (u.municipalityCode !== null && !isMunicipalityCode(u.municipalityCode)) throw new AppError(400, 'invalid_municipality_code', 'A municipality code has 4 digits');
}

/**
 * School units (skolenheter). The organiser-level administrator lists, creates and edits every unit; a
 * unit's administrator sees their own unit and keeps its address and contact. Another unit is not found.
 */
export function unitService(db: Db) {
  async function visible(q: Pick<Queryable, 'execute'>, actor: Actor) {
    requireAction(actor, 'register.administer');
    return (await isOrganiserAdministrator(q, actor)) ? sql`true` : sql`id = ${actor.unitId}`;
  }

  async function list(actor: Actor) {
    const scope = await visible(db, actor);
    return (await rows<Unit>(db, sql`select ${columns} from school_unit where organiser_id = ${actor.organiserId} and ${scope}`)).sort(byName);
  }

  async function find(q: Pick<Queryable, 'execute'>, actor: Actor, id: string) {
    const unit = await one<Unit>(q, sql`select ${columns} from school_unit where organiser_id = ${actor.organiserId} and id = ${id} and ${await visible(q, actor)}`);
    if (!unit) throw notFound('School unit not found');
    return unit;
  }

  async function codeTaken(q: Pick<Queryable, 'execute'>, actor: Actor, code: string, except: string | null) {
    const other = await one<{ name: string }>(q, sql`select name from school_unit where organiser_id = ${actor.organiserId}
      and school_unit_code = ${code} and (${except}::uuid is null or id <> ${except}::uuid)`);
    if (other) throw conflict('school_unit_code_taken', 'Another school unit has that school unit code', { unitName: other.name });
  }

  async function create(actor: Actor, input: UnitFields) {
    await requireOrganiserAdministrator(db, actor);
    const id = randomUUID();
    checkCodes(input);
    const c = contactOf(input);
    await db.transaction(async (tx) => {
      await codeTaken(tx, actor, input.schoolUnitCode, null);
      await tx.execute(sql`insert into school_unit (organiser_id, id, name, school_unit_code, school_forms, municipality_code, street_address, postal_code, city, email, phone)
        values (${actor.organiserId}, ${id}, ${input.name}, ${input.schoolUnitCode}, ${sql.param(input.schoolForms)}::text[], ${input.municipalityCode},
          ${c.streetAddress}, ${c.postalCode}, ${c.city}, ${c.email}, ${c.phone})`);
      await auditAs(tx, actor, { action: 'school_unit.created', entityType: 'school_unit', entityId: id, details: { unitId: id, after: { ...input, ...c } } });
    });
    return find(db, actor, id);
  }

  /** Every field of a unit, school unit code included: the organiser-level administrator only. */
  async function update(actor: Actor, id: string, input: UnitFields) {
    await requireOrganiserAdministrator(db, actor);
    await db.transaction(async (tx) => {
      const before = await find(tx, actor, id);
      checkCodes(input);
      const c = contactOf(input);
      await codeTaken(tx, actor, input.schoolUnitCode, id);
      await tx.execute(sql`update school_unit set name = ${input.name}, school_unit_code = ${input.schoolUnitCode},
          school_forms = ${sql.param(input.schoolForms)}::text[], municipality_code = ${input.municipalityCode}, street_address = ${c.streetAddress},
          postal_code = ${c.postalCode}, city = ${c.city}, email = ${c.email}, phone = ${c.phone}
        where organiser_id = ${actor.organiserId} and id = ${id}`);
      await auditAs(tx, actor, { action: 'school_unit.changed', entityType: 'school_unit', entityId: id, details: { unitId: id, before, after: { ...input, ...c } } });
    });
    return find(db, actor, id);
  }

  /** Address and contact of a unit: its own administrator, or the organiser-level one. */
  async function updateContact(actor: Actor, id: string, input: ContactFields) {
    requireAction(actor, 'register.administer');
    await db.transaction(async (tx) => {
      const before = await find(tx, actor, id);
      const c = contactOf(input);
      await tx.execute(sql`update school_unit set street_address = ${c.streetAddress}, postal_code = ${c.postalCode}, city = ${c.city},
          email = ${c.email}, phone = ${c.phone} where organiser_id = ${actor.organiserId} and id = ${id}`);
      const { streetAddress, postalCode, city, email, phone } = before;
      await auditAs(tx, actor, { action: 'school_unit.contact_changed', entityType: 'school_unit', entityId: id,
        details: { unitId: id, before: { streetAddress, postalCode, city, email, phone }, after: c } });
    });
    return find(db, actor, id);
  }

  return { list, create, update, updateContact };
}

const administrators = { access: { roles: ['administrator' as const] } };
const UnitId = z.object({ unitId: Uuid });

export const unitRoutes = (service: ReturnType<typeof unitService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/admin/units', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: 'School units: all for the organiser-level administrator, their own for a unit administrator',
      response: { 200: z.array(UnitBody), ...authErrors } },
  }, async (req) => service.list(actorOf(req)));
  app.post('/api/admin/units', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: 'Create a school unit (organiser-level administrator)', body: UnitInput,
      response: { 200: UnitBody, 400: ErrorBody, ...authErrors, 409: ErrorBody } },
  }, async (req) => service.create(actorOf(req), req.body));
  app.put('/api/admin/units/:unitId', {
    config: { ...administrators, scope: 'unit' },
    schema: { tags: ['organisation'], summary: 'Change a school unit, its code included (organiser-level administrator)', params: UnitId, body: UnitInput,
      response: { 200: UnitBody, 400: ErrorBody, ...authErrors, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => service.update(actorOf(req), req.params.unitId, req.body));
  app.put('/api/admin/units/:unitId/contact', {
    config: { ...administrators, scope: 'unit' },
    schema: { tags: ['organisation'], summary: "Change a school unit's address and contact (its administrator)", params: UnitId, body: UnitContact,
      response: { 200: UnitBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.updateContact(actorOf(req), req.params.unitId, req.body));
};
