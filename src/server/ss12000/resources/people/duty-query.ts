// Duties in one statement: the duty, its unit (or the organiser, for an organiser-level duty), its person
// reference and its assignment roles (mentor of groups at the duty's unit) as json_agg.
import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../../platform/db/database.js';
import type { Ss12000Context } from '../../http/context.js';
import { metaOf, ref } from '../../http/meta.js';
import { assignmentRoleOf, dutyRoleOf } from './mapping.js';
import { personRef, type PersonRefJson } from './person-json.js';
import { personRefJson } from './persons-query.js';
import { unitOrOrganiserSeen } from './scope.js';

/**
 * The duty a group staff row (person `person` at the group's unit `unit`) belongs to: the person's duty at
 * that unit, a teacher's duty first, then the latest. group_staff names the person, the standard the duty.
 */
export const dutyOfStaff = (org: string, person: SQL, unit: SQL): SQL => sql`(select cd.id from duty cd
  where cd.organiser_id = ${org} and cd.person_id = ${person} and cd.school_unit_id = ${unit}
  order by (cd.role = 'teacher') desc, cd.start_date desc, cd.id limit 1)`;

export const dutyFrom = (ctx: Ss12000Context): SQL => sql`duty d left join ss12000_entity m on m.organiser_id = ${ctx.organiserId}
  and m.entity_type = 'duties' and m.entity_id = d.id`;

export const dutyBase = (ctx: Ss12000Context): SQL[] => [sql`d.organiser_id = ${ctx.organiserId}`, unitOrOrganiserSeen(ctx, sql`d.school_unit_id`)];

interface AssignmentJson { groupId: string; groupName: string; assignment: string; start: string; end: string | null }
export interface DutyRow {
  id: string; person_id: string; person: PersonRefJson; at_id: string; at_name: string; role: string; start_date: string; end_date: string | null;
  created_at: string | null; modified_at: string | null; assignments: AssignmentJson[] | null;
}

export async function dutyRows(ctx: Ss12000Context, ids: SQL): Promise<(DutyRow & Record<string, unknown>)[]> {
  const org = ctx.organiserId;
  return rows(ctx.db, sql`select page.*, d.person_id, ${personRefJson('p')} as person, coalesce(u.id, o.id) as at_id, coalesce(u.name, o.name) as at_name,
      d.role, d.start_date::text as start_date, d.end_date::text as end_date, m.created_at::text as created_at, m.modified_at::text as modified_at,
      (select json_agg(json_build_object('groupId', sg.id, 'groupName', sg.name, 'assignment', gs.assignment, 'start', gs.start_date::text,
          'end', gs.end_date::text) order by sg.name, gs.id)
        from group_staff gs join student_group sg on sg.organiser_id = gs.organiser_id and sg.id = gs.group_id
        where gs.organiser_id = ${org} and gs.person_id = d.person_id and gs.assignment = 'mentor' and sg.school_unit_id = d.school_unit_id
          and ${dutyOfStaff(org, sql`gs.person_id`, sql`sg.school_unit_id`)} = d.id) as assignments
    from (${ids}) page join duty d on d.organiser_id = ${org} and d.id = page.id
    join person p on p.organiser_id = d.organiser_id and p.id = d.person_id
    join organiser o on o.id = d.organiser_id
    left join school_unit u on u.organiser_id = d.organiser_id and u.id = d.school_unit_id
    left join ss12000_entity m on m.organiser_id = ${org} and m.entity_type = 'duties' and m.entity_id = d.id
    order by page._n`);
}

export function toDuty(r: DutyRow, ctx: Ss12000Context) {
  const { dutyRole, description } = dutyRoleOf(r.role);
  const assignmentRole = (r.assignments ?? []).flatMap((a) => {
    const type = assignmentRoleOf(a.assignment);
    return type ? [{ group: ref(a.groupId, a.groupName, ctx.withNames), assignmentRoleType: type, startDate: a.start, ...(a.end ? { endDate: a.end } : {}) }] : [];
  });
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    person: personRef(r.person, ctx),
    ...(assignmentRole.length ? { assignmentRole } : {}),
    dutyAt: ref(r.at_id, r.at_name, ctx.withNames),
    dutyRole,
    ...(description ? { description } : {}),
    startDate: r.start_date,
    ...(r.end_date ? { endDate: r.end_date } : {}),
  };
}
