import { sql, type SQL } from 'drizzle-orm';
import type { MyPupilColumn, PupilFacts, PupilPlacement } from '../../domain/pupils/my-pupils.js';
import { byName, svCollator } from '../../domain/org/sorting.js';
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


/** The pupils linked to the actor (only the members of `groupId` when given): what the search needs, and the
 *  person's own columns when asked for. The linked ids are gathered first (`= any(array(…))`), so each person
 *  is found by its key rather than by scanning the organiser's register. */
export async function readLinkedPupils(q: Q, actor: Actor, groupId: string | null, columns: readonly MyPupilColumn[]): Promise<PupilFacts[]> {
  const org = actor.organiserId;
  const inGroup = groupId ? sql`and p.id in (select m.person_id from group_membership m where m.organiser_id = ${org}
    and m.group_id = ${groupId} and ${membershipInForce(actor.today)})` : sql``;
  const when = (c: MyPupilColumn, value: SQL) => (columns.includes(c) ? value : sql`null`);
  return rows<PupilFacts>(q, sql`
    select p.id, p.given_name as "givenName", p.family_name as "familyName", p.civic_no as "civicNo", p.security_marking as "securityMarking",
           ${when('birthDate', sql`to_char(p.birth_date, 'YYYY-MM-DD')`)} as "birthDate", ${when('email', sql`p.email`)} as email,
           ${when('phone', sql`p.phone`)} as phone, ${when('address', sql`p.street_address`)} as "streetAddress",
           ${when('address', sql`p.postal_code`)} as "postalCode", ${when('address', sql`p.city`)} as city
      from person p
     where p.organiser_id = ${org} and p.id = any(array(${linkedPupils(actor)})) ${inGroup}`);
}

type Guardian = PupilPlacement['guardians'][number];
/** Below this many pupils their memberships are found by pupil; above it, by group (each group's memberships
 *  lie together in its index, so a whole unit is read group by group far faster than pupil by pupil). */
const FEW = 200;

/** The memberships in force of the pupils in the unit's classes (`className`) and in the actor's groups
 *  (`groups`): each row the pupil, the group's name, whether it is a class and whether it is one of the actor's. */
async function readPlacements(q: Q, actor: Actor, ids: string[], columns: readonly MyPupilColumn[]) {
  const today = actor.today;
  const kinds = [columns.includes('className') ? sql`g.group_type = 'class'` : null, columns.includes('groups') ? groupScope(actor) : null].filter((k) => k !== null);
  const members = ids.length <= FEW
    ? sql`select m.person_id, m.group_id from group_membership m where m.organiser_id = ${actor.organiserId}
        and m.person_id = any(${sql.param(ids)}::uuid[]) and ${membershipInForce(today)}`
    : sql`select m.person_id, m.group_id from shown s cross join lateral (select m.person_id, m.group_id from group_membership m
        where m.organiser_id = ${actor.organiserId} and m.group_id = s.id and ${membershipInForce(today)}) m`;
  return rows<{ id: string; name: string; isClass: boolean; mine: boolean }>(q, sql`
    with shown as (select g.id, g.name, g.group_type = 'class' as "isClass", ${columns.includes('groups') ? groupScope(actor) : sql`false`} as mine
                     from student_group g where g.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId}
                      and ${groupInForce(today)} and (${sql.join(kinds, sql` or `)}))
    select x.person_id as id, s.name, s."isClass", s.mine from (${members}) x join shown s on s.id = x.group_id`);
}

/** The pupils' guardians today, one row each, found pupil by pupil. */
async function readGuardians(q: Q, actor: Actor, ids: string[]) {
  return rows<Guardian & { childId: string }>(q, sql`
    select x.id as "childId", gp.given_name as "givenName", gp.family_name as "familyName", gp.phone, gp.security_marking as "securityMarking"
      from unnest(${sql.param(ids)}::uuid[]) as x(id)
      cross join lateral (select gu.guardian_id from guardianship gu where gu.organiser_id = ${actor.organiserId} and gu.child_id = x.id
                            and ${inForce(sql`gu.start_date`, sql`gu.end_date`, actor.today)}) gu
      join person gp on gp.organiser_id = ${actor.organiserId} and gp.id = gu.guardian_id`);
}

/** Class, the actor's groups (in Swedish order) and the guardians of these pupils (found by the search
 *  already), only for the columns asked for. */
export async function readDetails(q: Q, actor: Actor, ids: string[], columns: readonly MyPupilColumn[]): Promise<Map<string, PupilPlacement>> {
  const need = (...c: MyPupilColumn[]) => c.some((x) => columns.includes(x));
  const out = new Map<string, PupilPlacement>(ids.map((id) => [id, { className: null, groups: [], guardians: [] }]));
  if (ids.length === 0) return out;
  const [placements, guardians] = await Promise.all([
    need('className', 'groups') ? readPlacements(q, actor, ids, columns) : [],
    need('guardians', 'guardianPhones') ? readGuardians(q, actor, ids) : [],
  ]);
  // the group names sorted once, then each pupil's groups by that order
  const order = new Map([...new Set(placements.filter((p) => p.mine).map((p) => p.name))].sort(svCollator.compare).map((name, i) => [name, i]));
  for (const p of placements) {
    const d = out.get(p.id);
    if (!d) continue;
    if (p.isClass && columns.includes('className')) d.className = p.name;
    if (p.mine) d.groups.push(p.name);
  }
  for (const d of out.values()) if (d.groups.length > 1) d.groups.sort((a, b) => order.get(a)! - order.get(b)!);
  for (const { childId, ...g } of guardians) out.get(childId)!.guardians.push(g);
  return out;
}
