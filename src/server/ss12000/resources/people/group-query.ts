// Groups in one statement: the group, its unit, its school type and its memberships as json_agg; the
// assignment roles (mentors, by their duty) when expanded.
import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../../platform/db/database.js';
import type { Ss12000Context } from '../../http/context.js';
import { metaOf, ref } from '../../http/meta.js';
import { dutyOfStaff } from './duty-query.js';
import { assignmentRoleOf, groupTypeOf, schoolTypeOf } from './mapping.js';
import { personRef, type PersonRefJson } from './person-json.js';
import { personRefJson } from './persons-query.js';
import { unitSeen } from './scope.js';

/** A group's school type: the unit's school form when it has one, else the form most of the members are
 *  enrolled in at the unit (a unit with GR and GRS), and for a group without such members the unit's first
 *  form. `g` a student_group alias, `u` its school_unit. */
const schoolFormOf = (g: string, u: string): SQL => {
  const [G, U] = [sql.raw(g), sql.raw(u)];
  return sql`case when cardinality(${U}.school_forms) = 1 then ${U}.school_forms[1] else coalesce((
    select mode() within group (order by e.school_form) from group_membership gm
    join enrolment e on e.organiser_id = gm.organiser_id and e.person_id = gm.person_id and e.school_unit_id = ${G}.school_unit_id
    where gm.organiser_id = ${G}.organiser_id and gm.group_id = ${G}.id), ${U}.school_forms[1]) end`;
};

/** `g`: the groups of the client's units with their school type, and the meta `m`. */
export const groupFrom = (ctx: Ss12000Context): SQL => {
  const org = ctx.organiserId;
  return sql`(select sg.*, ${schoolFormOf('sg', 'u')} as school_form
      from student_group sg join school_unit u on u.organiser_id = sg.organiser_id and u.id = sg.school_unit_id
      where sg.organiser_id = ${org} and ${unitSeen(ctx, sql`sg.school_unit_id`)}) g
    left join ss12000_entity m on m.organiser_id = ${org} and m.entity_type = 'groups' and m.entity_id = g.id`;
};

interface MemberJson { person: PersonRefJson; start: string; end: string | null }
interface AssignmentJson { dutyId: string; personName: string; assignment: string; start: string; end: string | null }
export interface GroupRow {
  id: string; name: string; group_type: string; school_form: string | null; unit_id: string; unit_name: string; start_date: string;
  end_date: string | null; created_at: string | null; modified_at: string | null; members: MemberJson[] | null; assignments?: AssignmentJson[] | null;
}

export async function groupRows(ctx: Ss12000Context, ids: SQL, opts: { members: boolean; assignments: boolean }): Promise<(GroupRow & Record<string, unknown>)[]> {
  const org = ctx.organiserId;
  const assignments = opts.assignments
    ? sql`, (select json_agg(json_build_object('dutyId', ${dutyOfStaff(org, sql`gs.person_id`, sql`g.school_unit_id`)}, 'personName',
          sp.given_name || ' ' || sp.family_name, 'assignment', gs.assignment, 'start', gs.start_date::text, 'end', gs.end_date::text) order by gs.start_date, gs.id)
        from group_staff gs join person sp on sp.organiser_id = gs.organiser_id and sp.id = gs.person_id
        where gs.organiser_id = ${org} and gs.group_id = g.id) as assignments`
    : sql``;
  return rows(ctx.db, sql`select page.*, g.name, g.group_type, ${schoolFormOf('g', 'u')} as school_form, g.school_unit_id as unit_id, u.name as unit_name,
      g.start_date::text as start_date, g.end_date::text as end_date, m.created_at::text as created_at, m.modified_at::text as modified_at,
      ${opts.members ? sql`(select json_agg(json_build_object('person', ${personRefJson('mp')}, 'start', gm.start_date::text, 'end', gm.end_date::text)
          order by mp.family_name, mp.given_name, gm.start_date, gm.id)
        from group_membership gm join person mp on mp.organiser_id = gm.organiser_id and mp.id = gm.person_id
        where gm.organiser_id = ${org} and gm.group_id = g.id)` : sql`null`} as members ${assignments}
    from (${ids}) page join student_group g on g.organiser_id = ${org} and g.id = page.id
    join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id
    left join ss12000_entity m on m.organiser_id = ${org} and m.entity_type = 'groups' and m.entity_id = g.id
    order by page._n`);
}

/** The standard's GroupFragment: the group without its members. */
export function toGroupFragment(r: GroupRow, ctx: Ss12000Context) {
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    displayName: r.name,
    startDate: r.start_date,
    ...(r.end_date ? { endDate: r.end_date } : {}),
    groupType: groupTypeOf(r.group_type),
    ...(r.school_form ? { schoolType: schoolTypeOf(r.school_form) } : {}),
    organisation: ref(r.unit_id, r.unit_name, ctx.withNames),
  };
}

export function toGroup(r: GroupRow, ctx: Ss12000Context) {
  const assignmentRoles = (r.assignments ?? []).flatMap((a) => {
    const type = assignmentRoleOf(a.assignment);
    return type && a.dutyId
      ? [{ duty: ref(a.dutyId, a.personName, ctx.withNames), assignmentRoleType: type, startDate: a.start, ...(a.end ? { endDate: a.end } : {}) }] : [];
  });
  return {
    ...toGroupFragment(r, ctx),
    groupMemberships: (r.members ?? []).map((mb) => ({
      person: personRef(mb.person, ctx), startDate: mb.start, ...(mb.end ? { endDate: mb.end } : {}),
    })),
    ...(r.assignments !== undefined ? { _embedded: { assignmentRoles } } : {}),
  };
}
