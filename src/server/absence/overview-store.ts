import { sql } from 'drizzle-orm';
import { absenceOverviewGroupScope, inForce, investigationScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

/** The classes and mentor groups whose overview the actor may see (in force today). */
export function listOverviewGroups(q: Q, actor: Actor) {
  return rows<{ id: string; name: string; type: 'class' | 'mentor' }>(q, sql`select g.id, g.name, g.group_type as type from student_group g
    where ${absenceOverviewGroupScope(actor)} and ${inForce(sql`g.start_date`, sql`g.end_date`, actor.today)}`);
}

export interface OverviewPupilRow { id: string; givenName: string; familyName: string }

/** The pupils of the overview: members of the group on the day `on` (the period's last day, or today if
 *  earlier); without a group, every pupil enrolled at the unit then (administrator, principal) or the pupils of
 *  the mentor's groups. */
export function listOverviewPupils(q: Q, actor: Actor, groupId: string | null, on: string) {
  const member = (groupCond: ReturnType<typeof sql>) => sql`exists (select 1 from group_membership m join student_group g
      on g.organiser_id = m.organiser_id and g.id = m.group_id where m.organiser_id = p.organiser_id and m.person_id = p.id and ${groupCond}
      and m.start_date <= ${on}::date and (m.end_date is null or m.end_date >= ${on}::date))`;
  const who = groupId ? member(sql`g.id = ${groupId} and ${absenceOverviewGroupScope(actor)}`)
    : actor.role === 'teacher' ? member(absenceOverviewGroupScope(actor))
      : sql`exists (select 1 from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id and e.school_unit_id = ${actor.unitId}
          and e.start_date <= ${on}::date and (e.end_date is null or e.end_date >= ${on}::date))`;
  return rows<OverviewPupilRow>(q, sql`select p.id, p.given_name as "givenName", p.family_name as "familyName"
    from person p where p.organiser_id = ${actor.organiserId} and ${who}`);
}

/** The open investigations of these pupils that the actor may read (pupil → investigation). */
export async function openInvestigationsOf(q: Q, actor: Actor, pupilIds: string[]) {
  const found = await rows<{ pupilId: string; id: string }>(q, sql`select ai.pupil_id as "pupilId", ai.id from absence_investigation ai
    where ai.status = 'open' and ai.pupil_id = any(${sql.param(pupilIds)}::uuid[]) and ${investigationScope(actor)}`);
  return new Map(found.map((f) => [f.pupilId, f.id]));
}
