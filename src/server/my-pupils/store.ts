import { sql } from 'drizzle-orm';
import type { MyPupilColumn, PupilRecord } from '../../domain/pupils/my-pupils.js';
import type { SecurityMarking } from '../../domain/register/people.js';
import { byName } from '../../domain/org/sorting.js';
import { groupScope, inForce, linkedPupils } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

/** Reads of "Mina elever". Every query is scoped by the access module: the actor's groups (`groupScope`)
 *  and the pupils linked to them (`linkedPupils`); anything else is simply not found. */

type Q = Pick<Queryable, 'execute'>;
export type GroupType = 'class' | 'teaching' | 'mentor';
export interface GroupOption { id: string; name: string; type: GroupType; subjectCode: string | null; pupils: number }

const TYPE_ORDER: Record<GroupType, number> = { class: 0, teaching: 1, mentor: 2 };
const groupInForce = (today: string) => inForce(sql`g.start_date`, sql`g.end_date`, today);
const membershipInForce = (today: string) => inForce(sql`m.start_date`, sql`m.end_date`, today);

/** The actor's classes and groups today (the selector): classes first, then teaching and mentor groups, by name. */
export async function readGroupOptions(q: Q, actor: Actor): Promise<GroupOption[]> {
  const found = await rows<GroupOption>(q, sql`
    select g.id, g.name, g.group_type as type, g.subject_code as "subjectCode",
           (select count(*)::int from group_membership m where m.organiser_id = g.organiser_id and m.group_id = g.id
              and ${membershipInForce(actor.today)}) as pupils
      from student_group g where ${groupScope(actor)} and ${groupInForce(actor.today)}`);
  return found.sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || byName(a, b));
}

/** One of the actor's groups today, or undefined (another unit's, ended, or not theirs). */
export async function readGroupOption(q: Q, actor: Actor, groupId: string): Promise<Pick<GroupOption, 'id' | 'name' | 'type'> | undefined> {
  return one(q, sql`select g.id, g.name, g.group_type as type from student_group g
    where g.id = ${groupId} and ${groupScope(actor)} and ${groupInForce(actor.today)}`);
}

export async function readUnit(q: Q, actor: Actor): Promise<{ id: string; name: string } | null> {
  if (!actor.unitId) return null;
  return (await one<{ id: string; name: string }>(q, sql`select id, name from school_unit where organiser_id = ${actor.organiserId} and id = ${actor.unitId}`)) ?? null;
}

export type BaseRecord = Omit<PupilRecord, 'className' | 'groups' | 'guardians'>;

/** The pupils linked to the actor (only the members of `groupId` when given): what the search and the
 *  person's own columns need. */
export async function readLinkedPupils(q: Q, actor: Actor, groupId: string | null): Promise<BaseRecord[]> {
  const org = actor.organiserId;
  const inGroup = groupId ? sql`and p.id in (select m.person_id from group_membership m where m.organiser_id = ${org}
    and m.group_id = ${groupId} and ${membershipInForce(actor.today)})` : sql``;
  return rows<BaseRecord>(q, sql`
    select p.id, p.given_name as "givenName", p.family_name as "familyName", p.civic_no as "civicNo",
           to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", p.security_marking as "securityMarking",
           p.email, p.phone, p.street_address as "streetAddress", p.postal_code as "postalCode", p.city
      from person p
     where p.organiser_id = ${org} and p.id in (${linkedPupils(actor)}) ${inGroup}`);
}

type Details = Pick<PupilRecord, 'className' | 'groups' | 'guardians'>;
interface DetailRow { id: string; className: string | null; groups: string[] | null;
  guardians: { givenName: string; familyName: string; phone: string | null; securityMarking: SecurityMarking }[] | null }

/**
 * Class, the actor's groups and the guardians of these pupils, only for the columns asked for: one
 * statement over the ids (found by the search already), each part a subquery on an indexed relation.
 */
export async function readDetails(q: Q, actor: Actor, ids: string[], columns: readonly MyPupilColumn[]): Promise<Map<string, Details>> {
  const need = (...c: MyPupilColumn[]) => c.some((x) => columns.includes(x));
  const out = new Map<string, Details>();
  if (ids.length === 0 || !need('className', 'groups', 'guardians', 'guardianPhones')) return out;
  const org = actor.organiserId;
  const today = actor.today;
  const className = need('className') ? sql`(select g.name from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
      where m.organiser_id = ${org} and m.person_id = x.id and g.group_type = 'class' and g.school_unit_id = ${actor.unitId}
        and ${membershipInForce(today)} order by m.start_date desc limit 1)` : sql`null`;
  const groups = need('groups') ? sql`(select array_agg(g.name) from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
      where m.organiser_id = ${org} and m.person_id = x.id and ${membershipInForce(today)} and ${groupScope(actor)} and ${groupInForce(today)})` : sql`null`;
  const guardians = need('guardians', 'guardianPhones') ? sql`(select json_agg(json_build_object('givenName', gp.given_name, 'familyName', gp.family_name,
        'phone', gp.phone, 'securityMarking', gp.security_marking))
      from guardianship gu join person gp on gp.organiser_id = gu.organiser_id and gp.id = gu.guardian_id
      where gu.organiser_id = ${org} and gu.child_id = x.id and ${inForce(sql`gu.start_date`, sql`gu.end_date`, today)})` : sql`null`;
  const found = await rows<DetailRow>(q, sql`select x.id, ${className} as "className", ${groups} as groups, ${guardians} as guardians
    from unnest(${sql.param(ids)}::uuid[]) as x(id)`);
  // json_agg arrives parsed from both drivers; a driver that gave the text would be read the same
  const parsed = (v: DetailRow['guardians'] | string) => (typeof v === 'string' ? JSON.parse(v) as DetailRow['guardians'] : v) ?? [];
  for (const r of found) out.set(r.id, { className: r.className, groups: r.groups ?? [], guardians: parsed(r.guardians) });
  return out;
}
