import { sql, type SQL } from 'drizzle-orm';
import { inForce, pupilScope, pupilSupportWriterScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';

/**
 * What the pupil-support pages (development talks, extra adaptations) need to know about the pupil: the
 * pupil themself when the actor may open their pupil-support documentation, the subjects they are taught,
 * and who may be responsible for an adaptation. Shared by the talks and the adaptations.
 */
type Q = Pick<Queryable, 'execute'>;

export interface SupportPupil { id: string; givenName: string; familyName: string; className: string | null }
export interface Subject { code: string; name: string }
export interface StaffOption { id: string; name: string }

const STAFF = new Set(['teacher', 'principal']);
export const isStaff = (actor: Actor) => STAFF.has(actor.role);

/** The class of the pupil (SQL uuid) at the unit (SQL uuid) today. */
export const classNameOf = (pupil: SQL, unit: SQL, today: string) => sql`(select string_agg(c.name, ', ' order by c.name) from group_membership cm
  join student_group c on c.organiser_id = cm.organiser_id and c.id = cm.group_id and c.group_type = 'class' and c.school_unit_id = ${unit}
  where cm.organiser_id = p.organiser_id and cm.person_id = ${pupil} and ${inForce(sql`cm.start_date`, sql`cm.end_date`, today)})`;

/** The pupil, if the actor may open their talks and adaptations: staff who may write about them (the
 *  principal of their unit, their teachers and mentor today), the pupil and their guardians. Else 404. */
export async function requireSupportPupil(q: Q, actor: Actor, pupilId: string): Promise<SupportPupil> {
  const scope = isStaff(actor) ? pupilSupportWriterScope(actor) : pupilScope(actor);
  const unit = isStaff(actor) ? sql`${actor.unitId}::uuid` : sql`(select e.school_unit_id from enrolment e where e.organiser_id = p.organiser_id
    and e.person_id = p.id and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)} order by e.start_date desc limit 1)`;
  const pupil = await one<SupportPupil>(q, sql`select p.id, p.given_name as "givenName", p.family_name as "familyName",
      ${classNameOf(sql`p.id`, unit, actor.today)} as "className"
    from person p where p.id = ${pupilId} and ${scope}`);
  if (!pupil) throw notFound('Pupil not found');
  return pupil;
}

/** The subjects of the teaching groups the pupil is a member of today at the unit, in the subjects' order. */
export const pupilSubjects = (q: Q, organiserId: string, pupilId: string, unitId: string, today: string) => rows<Subject>(q, sql`
  select s.code, s.name from subject s where s.code in (select g.subject_code from group_membership m
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type = 'teaching' and g.school_unit_id = ${unitId}
   where m.organiser_id = ${organiserId} and m.person_id = ${pupilId} and ${inForce(sql`m.start_date`, sql`m.end_date`, today)})
  order by s.sort_order, s.code`);

/** Who may be responsible for the pupil's adaptation: the teachers and mentors of the pupil's groups at the
 *  unit today, and the unit's principal. Sorted by name (Swedish). */
export async function responsibleCandidates(q: Q, organiserId: string, pupilId: string, unitId: string, today: string): Promise<StaffOption[]> {
  const found = await rows<StaffOption>(q, sql`select distinct s.id, s.given_name || ' ' || s.family_name as name from person s
    where s.organiser_id = ${organiserId} and (exists (select 1 from group_membership m
        join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${unitId}
        join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = s.id and ${inForce(sql`gs.start_date`, sql`gs.end_date`, today)}
       where m.organiser_id = s.organiser_id and m.person_id = ${pupilId} and ${inForce(sql`m.start_date`, sql`m.end_date`, today)})
      or exists (select 1 from duty d where d.organiser_id = s.organiser_id and d.person_id = s.id and d.school_unit_id = ${unitId}
        and d.role = 'principal' and ${inForce(sql`d.start_date`, sql`d.end_date`, today)}))`);
  const collator = new Intl.Collator('sv');
  return found.sort((a, b) => collator.compare(a.name, b.name));
}

export const auditDetails = (actor: Actor, pupilId: string, unitId: string, more: Record<string, unknown> = {}) =>
  ({ personId: pupilId, unitId, ...more });
