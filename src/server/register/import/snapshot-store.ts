import { sql } from 'drizzle-orm';
import type { ExistingDuty, ExistingEnrolment, ExistingGroup, ExistingMembership, ExistingPerson, Snapshot } from '../../../domain/register/import/plan-types.js';
import type { ImportRecord } from '../../../domain/register/import/rows.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, rows, type Queryable } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/errors.js';

/** A relation not ended before today (in force, or starting later). */
const current = (end: ReturnType<typeof sql>, today: string) => sql`(${end} is null or ${end} >= ${today}::date)`;

/**
 * The register as far as the file's rows touch it, at the actor's unit: the persons of the file's civic
 * numbers with their relations, the unit's groups and the subjects. Read inside the apply's transaction
 * again, so the apply plans against what it writes into.
 */
export async function loadSnapshot(q: Pick<Queryable, 'execute'>, actor: Actor, records: ImportRecord[]): Promise<Snapshot> {
  const org = actor.organiserId; const unitId = actor.unitId!; const today = actor.today;
  const civics = [...new Set(records.flatMap((r) => ('civicNo' in r ? [r.civicNo] : []).concat('childCivicNo' in r ? [r.childCivicNo] : [])))];
  const unit = await one<{ school_forms: string[] }>(q, sql`select school_forms from school_unit where organiser_id = ${org} and id = ${unitId}`);
  if (!unit) throw notFound('School unit not found');
  const subjects = await rows<{ code: string }>(q, sql`select code from subject`);
  const people = await rows<ExistingPerson & { civicNo: string }>(q, sql`
    select p.id, p.civic_no as "civicNo", p.given_name as "givenName", p.family_name as "familyName", p.email, p.phone, p.work_email as "workEmail",
           p.work_phone as "workPhone", p.street_address as "streetAddress", p.postal_code as "postalCode", p.city, p.security_marking as "securityMarking",
           (exists (select 1 from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id and e.school_unit_id = ${unitId})
             or exists (select 1 from duty d where d.organiser_id = p.organiser_id and d.person_id = p.id and d.school_unit_id = ${unitId})
             or exists (select 1 from guardianship gu join enrolment e on e.organiser_id = gu.organiser_id and e.person_id = gu.child_id and e.school_unit_id = ${unitId}
                         where gu.organiser_id = p.organiser_id and gu.guardian_id = p.id)) as "relatedToUnit"
      from person p where p.organiser_id = ${org} and p.civic_no = any(${sql.param(civics)}::text[])`);
  const ids = people.map((p) => p.id);
  const enrolments = await rows<ExistingEnrolment & { personId: string; here: boolean }>(q, sql`
    select e.id, e.person_id as "personId", e.school_year as "schoolYear", e.school_form as "schoolForm", to_char(e.start_date, 'YYYY-MM-DD') as "startDate",
           to_char(e.end_date, 'YYYY-MM-DD') as "endDate", e.school_unit_id = ${unitId} as here
      from enrolment e where e.organiser_id = ${org} and e.person_id = any(${sql.param(ids)}::uuid[]) and ${current(sql`e.end_date`, today)}
     order by e.start_date`);
  const guardianships = await rows<{ guardianId: string; childId: string }>(q, sql`
    select guardian_id as "guardianId", child_id as "childId" from guardianship
     where organiser_id = ${org} and guardian_id = any(${sql.param(ids)}::uuid[]) and ${current(sql`end_date`, today)}`);
  const duties = await rows<ExistingDuty & { personId: string; role: string }>(q, sql`
    select id, person_id as "personId", role, licensed, qualified_subjects as "qualifiedSubjects" from duty
     where organiser_id = ${org} and school_unit_id = ${unitId} and person_id = any(${sql.param(ids)}::uuid[]) and ${current(sql`end_date`, today)}`);
  const groups = await rows<ExistingGroup>(q, sql`
    select id, name, group_type as "groupType", subject_code as "subjectCode", school_year as "schoolYear",
           to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
      from student_group where organiser_id = ${org} and school_unit_id = ${unitId} and ${current(sql`end_date`, today)} order by name, id`);
  const memberships = await rows<ExistingMembership & { personId: string }>(q, sql`
    select m.id, m.person_id as "personId", m.group_id as "groupId", g.name as "groupName", g.group_type as "groupType",
           to_char(m.start_date, 'YYYY-MM-DD') as "startDate", to_char(m.end_date, 'YYYY-MM-DD') as "endDate"
      from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
     where m.organiser_id = ${org} and m.person_id = any(${sql.param(ids)}::uuid[]) order by m.start_date, m.id`);

  const byPerson = new Map<string, ExistingMembership[]>();
  for (const { personId, ...m } of memberships) (byPerson.get(personId) ?? byPerson.set(personId, []).get(personId)!).push(m);
  return {
    today,
    unit: { id: unitId, schoolForms: unit.school_forms },
    subjects: new Set(subjects.map((s) => s.code)),
    persons: new Map(people.map(({ civicNo, ...p }) => [civicNo, p])),
    enrolments: new Map(enrolments.filter((e) => e.here).map(({ personId, here: _, ...e }) => [personId, e])),
    enrolledElsewhere: new Set(enrolments.filter((e) => !e.here).map((e) => e.personId)),
    guardianships: new Set(guardianships.map((g) => `${g.guardianId}:${g.childId}`)),
    duties: new Map(duties.map(({ personId, role, ...d }) => [`${personId}:${role}`, d])),
    groups,
    memberships: byPerson,
  };
}
