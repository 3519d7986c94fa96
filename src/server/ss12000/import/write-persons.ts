// A page of source persons → person (matched by link, same id or personnummer) and their enrolments at the
// source's units; the guardians they name are kept for writeGuardianships once every person is in.
import { sql } from 'drizzle-orm';
import { mapPerson } from '../../../domain/ss12000-import/map-person.js';
import { endDayOf, reconcile } from '../../../domain/ss12000-import/reconcile.js';
import { addRejections } from '../../../domain/ss12000-import/counts.js';
import type { EnrolmentRecord, PersonRecord, Rejection } from '../../../domain/ss12000-import/records.js';
import type { SsPerson } from '../../../domain/ss12000-import/source-types.js';
import { rows } from '../../platform/db/database.js';
import { arr, type ImportContext, type Tx } from './context.js';
import { newIdFor, resolveIds, saveLinks } from './links.js';

interface PersonRow {
  id: string; civic_no: string | null; civic_no_kind: string | null; birth_date: string | null; sex: string | null; given_name: string; family_name: string;
  security_marking: string; email: string | null; phone: string | null; work_email: string | null; work_phone: string | null;
  street_address: string | null; postal_code: string | null; city: string | null; status: string;
}
type Person = PersonRecord & { id: string };

/** A value the source leaves out keeps ours (an import never clears by silence). */
const keeps = <T>(want: T | null, have: T | null) => want === null || want === have;
export const samePerson = (p: PersonRecord, r: PersonRow) => p.givenName === r.given_name && p.familyName === r.family_name
  && keeps(p.civicNo, r.civic_no) && keeps(p.birthDate, r.birth_date) && keeps(p.sex, r.sex) && keeps(p.securityMarking, r.security_marking)
  && keeps(p.email, r.email) && keeps(p.phone, r.phone) && keeps(p.workEmail, r.work_email) && keeps(p.workPhone, r.work_phone)
  && keeps(p.streetAddress, r.street_address) && keeps(p.postalCode, r.postal_code) && keeps(p.city, r.city) && (p.active ? 'active' : 'inactive') === r.status;

const personCols = (list: Person[]) => sql`${arr(list.map((p) => p.id), 'uuid')}, ${arr(list.map((p) => p.civicNo), 'text')}, ${arr(list.map((p) => p.civicNoKind), 'text')},
  ${arr(list.map((p) => p.birthDate), 'date')}, ${arr(list.map((p) => p.sex), 'text')}, ${arr(list.map((p) => p.givenName), 'text')}, ${arr(list.map((p) => p.familyName), 'text')},
  ${arr(list.map((p) => p.securityMarking), 'text')}, ${arr(list.map((p) => p.email), 'text')}, ${arr(list.map((p) => p.phone), 'text')}, ${arr(list.map((p) => p.workEmail), 'text')},
  ${arr(list.map((p) => p.workPhone), 'text')}, ${arr(list.map((p) => p.streetAddress), 'text')}, ${arr(list.map((p) => p.postalCode), 'text')}, ${arr(list.map((p) => p.city), 'text')},
  ${arr(list.map((p) => (p.active ? 'active' : 'inactive')), 'text')}`;
const X = sql`x(id, civic, kind, birth, sex, gn, fn, sm, em, ph, we, wp, sa, pc, ci, st)`;

/** Guardians named by the persons written: child (ours) → guardians (source ids). */
export type PendingGuardians = Map<string, string[]>;

export async function writePersons(ctx: ImportContext, page: SsPerson[], today: Date, guardians: PendingGuardians) {
  const rejected: Rejection[] = [];
  const records: PersonRecord[] = [];
  for (const p of page) {
    const m = mapPerson(p, today);
    if (m.ok) { records.push(m.value); rejected.push(...m.warnings); } else rejected.push(m.rejection);
  }
  const count = ctx.result.counts.persons;
  await ctx.db.transaction(async (tx) => {
    const matched = await resolveIds(tx, ctx, 'persons', records.map((p) => p.externalId), { column: 'civic_no', keys: records.map((p) => p.civicNo) });
    const have = new Map((await rows<PersonRow>(tx, sql`select id, civic_no, civic_no_kind, birth_date::text, sex, given_name, family_name, security_marking, email, phone,
      work_email, work_phone, street_address, postal_code, city, status from person where organiser_id = ${ctx.organiserId} and id = any(${arr([...new Set(matched.values())], 'uuid')})`)).map((r) => [r.id, r]));
    const used = new Set<string>(); const civics = new Set<string>();
    const create: Person[] = []; const update: Person[] = []; const written: Person[] = [];
    for (const p of records) {
      const id = matched.get(p.externalId) ?? newIdFor(p.externalId, used);
      if (used.has(id) || (!matched.has(p.externalId) && p.civicNo && civics.has(p.civicNo))) {
        rejected.push({ type: 'persons', id: p.externalId, reason: 'Personnumret eller id:t hör redan till en annan person i källan' });
        continue;
      }
      used.add(id); if (p.civicNo) civics.add(p.civicNo);
      const person = { ...p, id };
      written.push(person);
      const row = have.get(id);
      if (!row) create.push(person); else if (samePerson(p, row)) count.unchanged++; else update.push(person);
    }
    if (create.length) {
      await tx.execute(sql`insert into person (organiser_id, id, civic_no, civic_no_kind, birth_date, sex, given_name, family_name, security_marking, email, phone,
          work_email, work_phone, street_address, postal_code, city, status)
        select ${ctx.organiserId}, id, civic, kind, birth, sex, gn, fn, coalesce(sm, 'none'), em, ph, we, wp, sa, pc, ci, st from unnest(${personCols(create)}) as ${X}`);
    }
    if (update.length) {
      await tx.execute(sql`update person p set civic_no = coalesce(x.civic, p.civic_no), civic_no_kind = coalesce(x.kind, p.civic_no_kind), birth_date = coalesce(x.birth, p.birth_date),
          sex = coalesce(x.sex, p.sex), given_name = x.gn, family_name = x.fn, security_marking = coalesce(x.sm, p.security_marking), email = coalesce(x.em, p.email),
          phone = coalesce(x.ph, p.phone), work_email = coalesce(x.we, p.work_email), work_phone = coalesce(x.wp, p.work_phone),
          street_address = coalesce(x.sa, p.street_address), postal_code = coalesce(x.pc, p.postal_code), city = coalesce(x.ci, p.city), status = x.st,
          version = p.version + 1, updated_at = now()
        from unnest(${personCols(update)}) as ${X} where p.organiser_id = ${ctx.organiserId} and p.id = x.id`);
    }
    count.created += create.length; count.updated += update.length;
    await saveLinks(tx, ctx, 'persons', written.map((p) => [p.externalId, p.id]));
    rejected.push(...await writeEnrolments(tx, ctx, written));
    for (const p of written) guardians.set(p.id, p.guardianExternalIds);
  });
  addRejections(ctx.result, rejected);
}

interface EnrolmentRow { id: string; person_id: string; school_unit_id: string; school_year: number; school_form: string; start_date: string; end_date: string | null }
type WantEnrolment = EnrolmentRecord & { personId: string; unitId: string };

/** The enrolments of the persons at the source's units made equal to the source's. */
async function writeEnrolments(tx: Tx, ctx: ImportContext, persons: Person[]): Promise<Rejection[]> {
  const rejected: Rejection[] = [];
  const want: WantEnrolment[] = [];
  for (const p of persons) {
    for (const e of p.enrolments) {
      const unitId = ctx.ids.organisations.get(e.unitExternalId);
      if (unitId) want.push({ ...e, personId: p.id, unitId });
      else rejected.push({ type: 'persons', id: p.externalId, reason: `Inskrivningen från ${e.startDate} är vid en skolenhet som inte importerats` });
    }
  }
  const units = [...new Set(ctx.ids.organisations.values())];
  const have = await rows<EnrolmentRow>(tx, sql`select id, person_id, school_unit_id, school_year, school_form, start_date::text, end_date::text from enrolment
    where organiser_id = ${ctx.organiserId} and person_id = any(${arr(persons.map((p) => p.id), 'uuid')}) and school_unit_id = any(${arr(units, 'uuid')})`);
  const r = reconcile(want, have, (w) => `${w.personId}|${w.unitId}|${w.startDate}`, (h) => `${h.person_id}|${h.school_unit_id}|${h.start_date}`,
    (w, h) => w.schoolYear === h.school_year && w.schoolForm === h.school_form && w.endDate === h.end_date);
  const ending = r.missing.filter((h) => h.end_date === null || h.end_date > ctx.today);
  const count = ctx.result.counts.enrolments;
  count.created += r.create.length; count.updated += r.update.length; count.unchanged += r.unchanged; count.deleted += ending.length;
  if (r.create.length) {
    const c = r.create;
    await tx.execute(sql`insert into enrolment (organiser_id, id, person_id, school_unit_id, school_year, school_form, start_date, end_date)
      select ${ctx.organiserId}, gen_random_uuid(), * from unnest(${arr(c.map((e) => e.personId), 'uuid')}, ${arr(c.map((e) => e.unitId), 'uuid')},
        ${arr(c.map((e) => e.schoolYear), 'smallint')}, ${arr(c.map((e) => e.schoolForm), 'text')}, ${arr(c.map((e) => e.startDate), 'date')}, ${arr(c.map((e) => e.endDate), 'date')})`);
  }
  const changes = [...r.update.map((u) => ({ id: u.have.id, y: u.want.schoolYear, f: u.want.schoolForm, e: u.want.endDate })),
    ...ending.map((h) => ({ id: h.id, y: h.school_year, f: h.school_form, e: endDayOf(h.start_date, ctx.today) }))];
  if (changes.length) {
    await tx.execute(sql`update enrolment n set school_year = x.y, school_form = x.f, end_date = x.e
      from unnest(${arr(changes.map((c) => c.id), 'uuid')}, ${arr(changes.map((c) => c.y), 'smallint')}, ${arr(changes.map((c) => c.f), 'text')}, ${arr(changes.map((c) => c.e), 'date')}) as x(id, y, f, e)
      where n.organiser_id = ${ctx.organiserId} and n.id = x.id`);
  }
  return rejected;
}
