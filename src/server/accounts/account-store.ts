import { sql, type SQL } from 'drizzle-orm';
import { byName, byPersonName } from '../../domain/org/sorting.js';
import { inForce } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

/** none: no local login; active; must_change: set by an administrator, the person chooses their own at
 *  first login; disabled: cannot log in. */
export type AccountState = 'none' | 'active' | 'must_change' | 'disabled';

const STATE = sql`case when a.id is null then 'none' when a.disabled then 'disabled' when a.password_hash is null then 'none'
  when a.must_change_password then 'must_change' else 'active' end`;
const ACCOUNT_JOIN = sql`left join account a on a.organiser_id = p.organiser_id and a.person_id = p.id`;

/** Enrolled at the actor's unit today (alias p). */
const enrolledHere = (actor: Actor) => sql`exists (select 1 from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
  and e.school_unit_id = ${actor.unitId} and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)})`;
/** Holds a duty at the actor's unit today (alias p). */
const staffHere = (actor: Actor) => sql`exists (select 1 from duty d where d.organiser_id = p.organiser_id and d.person_id = p.id
  and d.school_unit_id = ${actor.unitId} and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)})`;
/** Holds a duty that administers or leads (administrator, principal, analyst) anywhere today: only the
 *  organiser-level administrator manages such a person's password. */
const privileged = (actor: Actor) => sql`exists (select 1 from duty d where d.organiser_id = p.organiser_id and d.person_id = p.id
  and d.role in ('administrator', 'principal', 'analyst') and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)})`;

export interface AccountRef { accountId: string | null; username: string | null; state: AccountState }
const account = (r: { account_id: string | null; username: string | null; state: AccountState }): AccountRef =>
  ({ accountId: r.account_id, username: r.username, state: r.state });

/** The unit's classes today, with how many pupils they hold and how many have a local login. */
export async function classesOfUnit(q: Q, actor: Actor) {
  const found = await rows<{ id: string; name: string; school_year: number | null; pupils: number; with_login: number }>(q, sql`
    select g.id, g.name, g.school_year, count(p.id)::int as pupils, count(p.id) filter (where ${STATE} in ('active', 'must_change'))::int as with_login
      from student_group g
      left join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
      left join person p on p.organiser_id = m.organiser_id and p.id = m.person_id and ${enrolledHere(actor)}
      ${ACCOUNT_JOIN}
     where g.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId} and g.group_type = 'class'
       and ${inForce(sql`g.start_date`, sql`g.end_date`, actor.today)}
     group by g.id, g.name, g.school_year`);
  return found.map((c) => ({ id: c.id, name: c.name, schoolYear: c.school_year, pupils: c.pupils, withLogin: c.with_login })).sort(byName);
}

/** A class of the actor's unit in force today, or undefined. */
export function classOfUnit(q: Q, actor: Actor, classId: string) {
  return one<{ id: string; name: string }>(q, sql`select g.id, g.name from student_group g
    where g.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId} and g.id = ${classId} and g.group_type = 'class'
      and ${inForce(sql`g.start_date`, sql`g.end_date`, actor.today)}`);
}

/** The pupils of a class today (enrolled at the unit) and their accounts. */
export async function pupilsOfClass(q: Q, actor: Actor, classId: string) {
  const found = await rows<{ id: string; given_name: string; family_name: string; account_id: string | null; username: string | null; state: AccountState }>(q, sql`
    select p.id, p.given_name, p.family_name, a.id as account_id, a.username, ${STATE} as state
      from group_membership m join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
      ${ACCOUNT_JOIN}
     where m.organiser_id = ${actor.organiserId} and m.group_id = ${classId} and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
       and ${enrolledHere(actor)}`);
  return found.map((r) => ({ personId: r.id, givenName: r.given_name, familyName: r.family_name, account: account(r) })).sort(byPersonName);
}

/** Staff with a duty at the unit today, their roles here and their accounts; `manageable`: whether the
 *  actor may set their password (see `privileged`; never the actor themself). */
export async function staffOfUnit(q: Q, actor: Actor, organiserLevel: boolean) {
  const found = await rows<{ id: string; given_name: string; family_name: string; roles: string[]; privileged: boolean;
    account_id: string | null; username: string | null; state: AccountState }>(q, sql`
    select p.id, p.given_name, p.family_name, a.id as account_id, a.username, ${STATE} as state, ${privileged(actor)} as privileged,
           (select array_agg(distinct d.role order by d.role) from duty d where d.organiser_id = p.organiser_id and d.person_id = p.id
              and d.school_unit_id = ${actor.unitId} and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}) as roles
      from person p ${ACCOUNT_JOIN}
     where p.organiser_id = ${actor.organiserId} and ${staffHere(actor)}`);
  return found.map((r) => ({
    personId: r.id, givenName: r.given_name, familyName: r.family_name, roles: r.roles, account: account(r),
    manageable: r.id !== actor.personId && (organiserLevel || !r.privileged),
  })).sort(byPersonName);
}

/** A person the actor's unit answers for (a pupil enrolled there or staff with a duty there, today), with
 *  their account and current class at the unit. */
export interface Holder {
  personId: string; givenName: string; familyName: string; pupil: boolean; privileged: boolean;
  accountId: string | null; username: string | null; disabled: boolean; className: string | null;
}

/** The people of the actor's unit matching `where` (alias p for person, a for account). */
export async function holders(q: Q, actor: Actor, where: SQL): Promise<Holder[]> {
  const found = await rows<{ id: string; given_name: string; family_name: string; pupil: boolean; privileged: boolean;
    account_id: string | null; username: string | null; disabled: boolean | null; class_name: string | null }>(q, sql`
    select p.id, p.given_name, p.family_name, ${enrolledHere(actor)} as pupil, ${privileged(actor)} as privileged,
           a.id as account_id, a.username, a.disabled,
           (select g.name from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
             where m.organiser_id = p.organiser_id and m.person_id = p.id and g.group_type = 'class' and g.school_unit_id = ${actor.unitId}
               and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)} order by g.name limit 1) as class_name
      from person p ${ACCOUNT_JOIN}
     where p.organiser_id = ${actor.organiserId} and (${enrolledHere(actor)} or ${staffHere(actor)}) and ${where}`);
  return found.map((r) => ({ personId: r.id, givenName: r.given_name, familyName: r.family_name, pupil: r.pupil, privileged: r.privileged,
    accountId: r.account_id, username: r.username, disabled: !!r.disabled, className: r.class_name }));
}

export const byPersonIds = (ids: string[]) => sql`p.id = any(${sql.param(ids)}::uuid[])`;
export const byAccountId = (id: string) => sql`a.id = ${id}`;

/** Members of the class today among `personIds`. */
export async function membersOf(q: Q, actor: Actor, classId: string, personIds: string[]): Promise<Set<string>> {
  const found = await rows<{ id: string }>(q, sql`select m.person_id as id from group_membership m
    where m.organiser_id = ${actor.organiserId} and m.group_id = ${classId} and m.person_id = any(${sql.param(personIds)}::uuid[])
      and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}`);
  return new Set(found.map((r) => r.id));
}

export async function unitName(q: Q, actor: Actor): Promise<string> {
  return (await one<{ name: string }>(q, sql`select name from school_unit where organiser_id = ${actor.organiserId} and id = ${actor.unitId}`))?.name ?? '';
}
