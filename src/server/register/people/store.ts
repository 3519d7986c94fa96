import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatCivicNo } from '../../../domain/org/personnummer.js';
import { byPersonName } from '../../../domain/org/sorting.js';
import { contactVisible, relationState, type PersonKind, type SecurityMarking } from '../../../domain/register/people.js';
import { inForce, registerPersonScope } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, rows, type Queryable } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/errors.js';
import type { PersonBody, PersonListItem } from './schemas.js';

/** Reads of the people register: the unit's people (for search) and one person with their relations. */

type Q = Pick<Queryable, 'execute'>;
type ListItem = z.infer<typeof PersonListItem>;
const day = (col: string) => sql.raw(`to_char(${col}, 'YYYY-MM-DD')`);

/** Everyone of the unit's register, one item per person, sorted by family name then given name (Swedish). */
export async function unitPeople(q: Q, actor: Actor): Promise<ListItem[]> {
  const org = actor.organiserId, unit = actor.unitId, today = actor.today;
  const found = await rows<{ id: string; kind: PersonKind; current: boolean; school_year: number | null; school_form: string | null; role: string | null;
    given_name: string; family_name: string; civic_no: string | null; security_marking: SecurityMarking }>(q, sql`
    select r.*, p.given_name, p.family_name, p.civic_no, p.security_marking from (
      select e.person_id as id, 'pupil' as kind, ${inForce(sql`e.start_date`, sql`e.end_date`, today)} as current,
             e.school_year, e.school_form, null as role
        from enrolment e where e.organiser_id = ${org} and e.school_unit_id = ${unit}
      union all
      select gu.guardian_id, 'guardian', ${inForce(sql`gu.start_date`, sql`gu.end_date`, today)} and ${inForce(sql`ce.start_date`, sql`ce.end_date`, today)},
             null, null, null
        from guardianship gu join enrolment ce on ce.organiser_id = gu.organiser_id and ce.person_id = gu.child_id and ce.school_unit_id = ${unit}
       where gu.organiser_id = ${org}
      union all
      select d.person_id, 'staff', ${inForce(sql`d.start_date`, sql`d.end_date`, today)}, null, null, d.role
        from duty d where d.organiser_id = ${org} and d.school_unit_id = ${unit}
    ) r join person p on p.organiser_id = ${org} and p.id = r.id`);
  const classes = new Map((await rows<{ person_id: string; name: string }>(q, sql`
    select m.person_id, g.name from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
     where m.organiser_id = ${org} and g.school_unit_id = ${unit} and g.group_type = 'class'
       and ${inForce(sql`m.start_date`, sql`m.end_date`, today)}`)).map((r) => [r.person_id, r.name]));
  const people = new Map<string, ListItem>();
  for (const r of found) {
    let item = people.get(r.id);
    if (!item) {
      item = { id: r.id, givenName: r.given_name, familyName: r.family_name, civicNo: r.civic_no ? formatCivicNo(r.civic_no) : null,
        securityMarking: r.security_marking, kinds: [], schoolYear: null, schoolForm: null, className: classes.get(r.id) ?? null, roles: [] };
      people.set(r.id, item);
    }
    const kind = item.kinds.find((k) => k.kind === r.kind);
    if (kind) kind.current ||= r.current; else item.kinds.push({ kind: r.kind, current: r.current });
    if (r.current && r.kind === 'pupil') { item.schoolYear = r.school_year; item.schoolForm = r.school_form; }
    if (r.current && r.role && !item.roles.includes(r.role)) item.roles.push(r.role);
  }
  const order: PersonKind[] = ['pupil', 'guardian', 'staff'];
  for (const p of people.values()) p.kinds.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return [...people.values()].sort(byPersonName);
}

export interface PersonRow {
  id: string; given_name: string; family_name: string; civic_no: string | null; civic_no_kind: string | null; birth_date: string | null;
  sex: string | null; security_marking: SecurityMarking; email: string | null; phone: string | null; street_address: string | null;
  postal_code: string | null; city: string | null; version: number;
}

/** The person, when they are in the actor's unit register (else 404). `lock` for an edit in a transaction. */
export async function personInScope(q: Q, actor: Actor, personId: string, lock = false): Promise<PersonRow> {
  const p = await one<PersonRow>(q, sql`
    select p.id, p.given_name, p.family_name, p.civic_no, p.civic_no_kind, ${day('p.birth_date')} as birth_date, p.sex, p.security_marking,
           p.email, p.phone, p.street_address, p.postal_code, p.city, p.version
      from person p where p.id = ${personId} and ${registerPersonScope(actor)} ${lock ? sql`for update` : sql``}`);
  if (!p) throw notFound('Person not found');
  return p;
}

const dates = (r: { start_date: string; end_date: string | null }, today: string) =>
  ({ startDate: r.start_date, endDate: r.end_date, state: relationState({ startDate: r.start_date, endDate: r.end_date }, today) });
const newestFirst = <T extends { startDate: string }>(a: T, b: T) => b.startDate.localeCompare(a.startDate);

/** The person's data and relations as the unit's administrator sees them: relations at this unit, children
 *  at this unit by name (others only counted), contact details unless the registration is protected. */
export async function personView(q: Q, actor: Actor, p: PersonRow): Promise<z.infer<typeof PersonBody>> {
  const org = actor.organiserId, unit = actor.unitId, id = p.id, today = actor.today;
  const [enrolments, guardians, children, duties, elsewhere] = await Promise.all([
    rows<any>(q, sql`select id, school_year, school_form, grades_requested, ${day('start_date')} as start_date, ${day('end_date')} as end_date
      from enrolment where organiser_id = ${org} and person_id = ${id} and school_unit_id = ${unit}`),
    rows<any>(q, sql`select gu.id, g.id as person_id, g.given_name || ' ' || g.family_name as name,
        ${day('gu.start_date')} as start_date, ${day('gu.end_date')} as end_date
      from guardianship gu join person g on g.organiser_id = gu.organiser_id and g.id = gu.guardian_id
     where gu.organiser_id = ${org} and gu.child_id = ${id}
       and exists (select 1 from enrolment e where e.organiser_id = gu.organiser_id and e.person_id = gu.child_id and e.school_unit_id = ${unit})`),
    rows<any>(q, sql`select gu.id, c.id as person_id, c.given_name || ' ' || c.family_name as name,
        ${day('gu.start_date')} as start_date, ${day('gu.end_date')} as end_date,
        exists (select 1 from enrolment e where e.organiser_id = gu.organiser_id and e.person_id = gu.child_id and e.school_unit_id = ${unit}) as here
      from guardianship gu join person c on c.organiser_id = gu.organiser_id and c.id = gu.child_id
     where gu.organiser_id = ${org} and gu.guardian_id = ${id}`),
    rows<any>(q, sql`select id, role, licensed, qualified_subjects, ${day('start_date')} as start_date, ${day('end_date')} as end_date
      from duty where organiser_id = ${org} and person_id = ${id} and school_unit_id = ${unit}`),
    one<{ yes: boolean }>(q, sql`select exists (select 1 from enrolment where organiser_id = ${org} and person_id = ${id} and school_unit_id <> ${unit})
      or exists (select 1 from duty where organiser_id = ${org} and person_id = ${id} and (school_unit_id is null or school_unit_id <> ${unit})) as yes`),
  ]);
  const ref = (r: any) => ({ id: r.person_id, name: r.name });
  return {
    id, givenName: p.given_name, familyName: p.family_name, civicNo: p.civic_no ? formatCivicNo(p.civic_no) : null, civicNoKind: p.civic_no_kind,
    birthDate: p.birth_date, sex: p.sex, securityMarking: p.security_marking, version: p.version,
    contact: contactVisible(p.security_marking)
      ? { email: p.email, phone: p.phone, streetAddress: p.street_address, postalCode: p.postal_code, city: p.city } : null,
    enrolments: enrolments.map((r) => ({ id: r.id, schoolYear: r.school_year, schoolForm: r.school_form, gradesRequested: r.grades_requested, ...dates(r, today) })).sort(newestFirst),
    guardians: guardians.map((r) => ({ id: r.id, person: ref(r), ...dates(r, today) })).sort(newestFirst),
    children: children.filter((r) => r.here).map((r) => ({ id: r.id, person: ref(r), ...dates(r, today) })).sort(newestFirst),
    childrenElsewhere: children.filter((r) => !r.here).length,
    duties: duties.map((r) => ({ id: r.id, role: r.role, licensed: r.licensed, qualifiedSubjects: r.qualified_subjects, ...dates(r, today) })).sort(newestFirst),
    elsewhere: elsewhere?.yes ?? false,
  };
}

/** The school forms the actor's unit runs. */
export async function unitSchoolForms(q: Q, actor: Actor): Promise<string[]> {
  const u = await one<{ school_forms: string[] }>(q, sql`select school_forms from school_unit where organiser_id = ${actor.organiserId} and id = ${actor.unitId}`);
  return u?.school_forms ?? [];
}

/** The person holding a civic number in the organiser's register, and whether they are in this unit's register. */
export async function personByCivicNo(q: Q, actor: Actor, civicNo: string): Promise<{ id: string; inUnit: boolean } | undefined> {
  return one<{ id: string; inUnit: boolean }>(q, sql`select p.id, (${registerPersonScope(actor)}) as "inUnit" from person p
    where p.organiser_id = ${actor.organiserId} and p.civic_no = ${civicNo}`);
}
