// School units (Skolenhet) of the source → school_unit, matched by link, same id or school unit code.
import { sql } from 'drizzle-orm';
import { isSchoolUnit, mapSchoolUnit } from '../../../domain/ss12000-import/map-organisation.js';
import type { SsOrganisation } from '../../../domain/ss12000-import/source-types.js';
import type { UnitRecord } from '../../../domain/ss12000-import/records.js';
import { addRejections } from '../../../domain/ss12000-import/counts.js';
import { rows } from '../../platform/db/database.js';
import { arr, type ImportContext } from './context.js';
import { newIdFor, resolveIds, saveLinks } from './links.js';

interface UnitRow { id: string; name: string; school_unit_code: string; school_forms: string[]; municipality_code: string | null; street_address: string | null; postal_code: string | null; city: string | null; email: string | null; phone: string | null }

const sameUnit = (u: UnitRecord, r: UnitRow) => u.name === r.name && u.schoolUnitCode === r.school_unit_code && [...r.school_forms].sort().join() === u.schoolForms.join()
  && (u.municipalityCode ?? r.municipality_code) === r.municipality_code && (u.streetAddress ?? r.street_address) === r.street_address
  && (u.postalCode ?? r.postal_code) === r.postal_code && (u.city ?? r.city) === r.city && (u.email ?? r.email) === r.email && (u.phone ?? r.phone) === r.phone;

export async function writeUnits(ctx: ImportContext, organisations: SsOrganisation[]) {
  const mapped = organisations.filter(isSchoolUnit).map(mapSchoolUnit);
  addRejections(ctx.result, mapped.flatMap((m) => (m.ok ? [] : [m.rejection])));
  const units = mapped.flatMap((m) => (m.ok ? [m.value] : []));
  const count = ctx.result.counts.units;
  await ctx.db.transaction(async (tx) => {
    const matched = await resolveIds(tx, ctx, 'organisations', units.map((u) => u.externalId), { column: 'school_unit_code', keys: units.map((u) => u.schoolUnitCode) });
    const have = new Map((await rows<UnitRow>(tx, sql`select id, name, school_unit_code, school_forms, municipality_code, street_address, postal_code, city, email, phone
      from school_unit where organiser_id = ${ctx.organiserId}`)).map((r) => [r.id, r]));
    const taken = new Set(have.keys());
    const create: (UnitRecord & { id: string })[] = [];
    const update: (UnitRecord & { id: string })[] = [];
    for (const u of units) {
      const id = matched.get(u.externalId);
      if (!id) { const nid = newIdFor(u.externalId, taken); taken.add(nid); create.push({ ...u, id: nid }); continue; }
      if (sameUnit(u, have.get(id)!)) count.unchanged++; else update.push({ ...u, id });
    }
    const cols = (list: (UnitRecord & { id: string })[]) => sql`${arr(list.map((u) => u.id), 'uuid')}, ${arr(list.map((u) => u.name), 'text')}, ${arr(list.map((u) => u.schoolUnitCode), 'text')},
      ${arr(list.map((u) => u.schoolForms.join(' ')), 'text')}, ${arr(list.map((u) => u.municipalityCode), 'text')}, ${arr(list.map((u) => u.streetAddress), 'text')},
      ${arr(list.map((u) => u.postalCode), 'text')}, ${arr(list.map((u) => u.city), 'text')}, ${arr(list.map((u) => u.email), 'text')}, ${arr(list.map((u) => u.phone), 'text')}`;
    if (create.length) {
      await tx.execute(sql`insert into school_unit (organiser_id, id, name, school_unit_code, school_forms, municipality_code, street_address, postal_code, city, email, phone)
        select ${ctx.organiserId}, id, name, code, coalesce(string_to_array(nullif(forms, ''), ' '), '{}'), mc, sa, pc, ci, em, ph
        from unnest(${cols(create)}) as x(id, name, code, forms, mc, sa, pc, ci, em, ph)`);
    }
    if (update.length) {
      await tx.execute(sql`update school_unit u set name = x.name, school_unit_code = x.code, school_forms = coalesce(string_to_array(nullif(x.forms, ''), ' '), '{}'),
        municipality_code = coalesce(x.mc, u.municipality_code), street_address = coalesce(x.sa, u.street_address), postal_code = coalesce(x.pc, u.postal_code),
        city = coalesce(x.ci, u.city), email = coalesce(x.em, u.email), phone = coalesce(x.ph, u.phone)
        from unnest(${cols(update)}) as x(id, name, code, forms, mc, sa, pc, ci, em, ph) where u.organiser_id = ${ctx.organiserId} and u.id = x.id`);
    }
    count.created += create.length; count.updated += update.length;
    const createdId = new Map(create.map((u) => [u.externalId, u.id]));
    await saveLinks(tx, ctx, 'organisations', units.map((u) => [u.externalId, matched.get(u.externalId) ?? createdId.get(u.externalId)!]));
  });
}
