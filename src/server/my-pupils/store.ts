import { sql, type SQL } from 'drizzle-orm';
import type { MyPupilColumn, PupilFacts, PupilPlacement } from '../../domain/pupils/my-pupils.js';
import type { SecurityMarking } from '../../domain/register/people.js';
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


/** A large read as one JSON array of arrays: one value to parse instead of a row and a field at a time (most of
 *  the cost of a list of thousands on PGlite, whose rows are parsed in JavaScript). */
async function tuples(q: Q, values: SQL[], rest: SQL, prefix: SQL = sql``): Promise<unknown[][]> {
  const found = await one<{ j: string }>(q, sql`${prefix}
    select coalesce(json_agg(json_build_array(${sql.join(values, sql`, `)})), '[]')::text as j ${rest}`);
  return JSON.parse(found!.j) as unknown[][];
}
type Text = string | null;

/** The pupils linked to the actor (only the members of `groupId` when given): what the search needs, and the
 *  person's own columns when asked for. The linked ids are gathered first (`= any(array(…))`), so each person
 *  is found by its key rather than by scanning the organiser's register. */
export async function readLinkedPupils(q: Q, actor: Actor, groupId: string | null, columns: readonly MyPupilColumn[]): Promise<PupilFacts[]> {
  const org = actor.organiserId;
  const inGroup = groupId ? sql`and p.id in (select m.person_id from group_membership m where m.organiser_id = ${org}
    and m.group_id = ${groupId} and ${membershipInForce(actor.today)})` : sql``;
  const when = (c: MyPupilColumn, value: SQL) => (columns.includes(c) ? value : sql`null`);
  const found = await tuples(q, [sql`p.id`, sql`p.given_name`, sql`p.family_name`, sql`p.civic_no`, sql`p.security_marking`,
    when('birthDate', sql`to_char(p.birth_date, 'YYYY-MM-DD')`), when('email', sql`p.email`), when('phone', sql`p.phone`),
    when('address', sql`p.street_address`), when('address', sql`p.postal_code`), when('address', sql`p.city`)],
  sql`from person p where p.organiser_id = ${org} and p.id = any(array(${linkedPupils(actor)})) ${inGroup}`);
  return found.map(([id, givenName, familyName, civicNo, securityMarking, birthDate, email, phone, streetAddress, postalCode, city]) => ({
    id, givenName, familyName, civicNo, securityMarking, birthDate, email, phone, streetAddress, postalCode, city,
  }) as PupilFacts);
}

/** Below this many pupils their memberships are found by pupil; above it, by group (each group's memberships
 *  lie together in its index, so a whole unit is read group by group far faster than pupil by pupil). */
const FEW = 200;

/** Each pupil's class at the unit (`className`) and the actor's groups they are in (`groups`), from the
 *  memberships in force: the pupil, the class's name and the groups' names. */
async function readPlacements(q: Q, actor: Actor, ids: string[], columns: readonly MyPupilColumn[]) {
  const today = actor.today;
  const kinds = [columns.includes('className') ? sql`g.group_type = 'class'` : null, columns.includes('groups') ? groupScope(actor) : null].filter((k) => k !== null);
  const members = ids.length <= FEW
    ? sql`select m.person_id, m.group_id from group_membership m where m.organiser_id = ${actor.organiserId}
        and m.person_id = any(${sql.param(ids)}::uuid[]) and ${membershipInForce(today)}`
    : sql`select m.person_id, m.group_id from shown s cross join lateral (select m.person_id, m.group_id from group_membership m
        where m.organiser_id = ${actor.organiserId} and m.group_id = s.id and ${membershipInForce(today)}) m`;
  const found = await tuples(q, [sql`t.person_id`, sql`t.class_name`, sql`t.groups`],
    sql`from (select x.person_id, max(s.name) filter (where s.is_class) as class_name, array_agg(s.name) filter (where s.mine) as groups
                from (${members}) x join shown s on s.id = x.group_id group by x.person_id) t`,
    sql`with shown as (select g.id, g.name, g.group_type = 'class' as is_class, ${columns.includes('groups') ? groupScope(actor) : sql`false`} as mine
                         from student_group g where g.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId}
                          and ${groupInForce(today)} and (${sql.join(kinds, sql` or `)}))`);
  return found as [string, string | null, string[] | null][];
}

/** The pupils' guardians today, one each, found pupil by pupil. */
async function readGuardians(q: Q, actor: Actor, ids: string[]) {
  const found = await tuples(q, [sql`x.id`, sql`gp.given_name`, sql`gp.family_name`, sql`gp.phone`, sql`gp.security_marking`], sql`
      from unnest(${sql.param(ids)}::uuid[]) as x(id)
      cross join lateral (select gu.guardian_id from guardianship gu where gu.organiser_id = ${actor.organiserId} and gu.child_id = x.id
                            and ${inForce(sql`gu.start_date`, sql`gu.end_date`, actor.today)}) gu
      join person gp on gp.organiser_id = ${actor.organiserId} and gp.id = gu.guardian_id`);
  return found as [string, string, string, Text, SecurityMarking][];
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
  const order = new Map([...new Set(placements.flatMap((p) => p[2] ?? []))].sort(svCollator.compare).map((name, i) => [name, i]));
  for (const [id, className, groups] of placements) {
    const d = out.get(id);
    if (!d) continue; // a pupil the search left out
    d.className = className;
    if (groups) d.groups = groups.length > 1 ? groups.sort((a, b) => order.get(a)! - order.get(b)!) : groups;
  }
  for (const [childId, givenName, familyName, phone, securityMarking] of guardians) out.get(childId)!.guardians.push({ givenName, familyName, phone, securityMarking });
  return out;
}
