import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { dutyProblem, endProblem, enrolmentProblem, guardianshipProblem, type RelationProblem } from '../../../domain/register/people.js';
import type { Actor } from '../../platform/access/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { one, rows, type Queryable } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { DutyInput, EnrolmentInput, FirstRelation } from './schemas.js';
import { personInScope, unitSchoolForms } from './store.js';

/** Recording and ending a person's relations at the actor's unit: enrolment, guardianship, duty. Each is
 *  checked by the register's rules, written with its audit row in the caller's transaction, and never
 *  deleted: a relation ends with a last day. */

type Tx = Pick<Queryable, 'execute'>;

const problemMessages: Record<RelationProblem, string> = {
  end_before_start: 'The last day cannot be before the first day',
  already_ended: 'The relation has already ended on or before that day',
  overlapping_enrolment: 'The pupil is already enrolled at this unit during those dates',
  overlapping_guardianship: 'The guardian is already recorded for this child during those dates',
  overlapping_duty: 'The person already holds this role at this unit during those dates',
  own_guardian: 'A person cannot be their own guardian',
  school_form_not_at_unit: 'The school unit does not run that school form',
  year_not_in_school_form: 'That school form has no such school year',
  grades_requested_only_grs: 'Grades on request exist only in anpassad grundskola (GRS)',
};
const refuse = (problem: RelationProblem | null) => {
  if (problem) throw new AppError(problem.startsWith('overlapping') ? 409 : 400, problem, problemMessages[problem]);
};

/** An audit row of the people register: every row names the person and the unit (the history convention). */
export const auditPeople = (tx: Tx, actor: Actor, action: string, entityType: string, entityId: string, details: Record<string, unknown>) =>
  audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
    action, entityType, entityId, details: { ...details, unitId: actor.unitId }, ip: actor.ip });

const ranges = (q: Tx, query: ReturnType<typeof sql>) =>
  rows<{ startDate: string; endDate: string | null }>(q, sql`select to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate" from (${query}) r`);

export async function addEnrolment(tx: Tx, actor: Actor, personId: string, input: z.infer<typeof EnrolmentInput>): Promise<string> {
  const org = actor.organiserId;
  const existing = await ranges(tx, sql`select start_date, end_date from enrolment where organiser_id = ${org} and person_id = ${personId} and school_unit_id = ${actor.unitId}`);
  refuse(enrolmentProblem(input, await unitSchoolForms(tx, actor), existing));
  const id = randomUUID();
  await tx.execute(sql`insert into enrolment (organiser_id, id, person_id, school_unit_id, school_year, school_form, grades_requested, start_date, end_date)
    values (${org}, ${id}, ${personId}, ${actor.unitId}, ${input.schoolYear}, ${input.schoolForm}, ${input.gradesRequested}, ${input.startDate}, ${input.endDate})`);
  await auditPeople(tx, actor, 'enrolment.created', 'enrolment', id, { personId, enrolmentId: id, schoolYear: input.schoolYear, schoolForm: input.schoolForm,
    gradesRequested: input.gradesRequested, startDate: input.startDate, endDate: input.endDate });
  return id;
}

/** A guardian for a child enrolled at this unit (the child must be in the unit's register as a pupil). */
export async function addGuardianship(tx: Tx, actor: Actor, input: { guardianId: string; childId: string; startDate: string; endDate: string | null }): Promise<string> {
  const org = actor.organiserId;
  const child = await one(tx, sql`select 1 as yes from enrolment where organiser_id = ${org} and person_id = ${input.childId} and school_unit_id = ${actor.unitId} limit 1`);
  if (!child) throw notFound('Pupil not found');
  const existing = await ranges(tx, sql`select start_date, end_date from guardianship where organiser_id = ${org}
    and guardian_id = ${input.guardianId} and child_id = ${input.childId}`);
  refuse(guardianshipProblem(input, existing));
  const id = randomUUID();
  await tx.execute(sql`insert into guardianship (organiser_id, id, guardian_id, child_id, start_date, end_date)
    values (${org}, ${id}, ${input.guardianId}, ${input.childId}, ${input.startDate}, ${input.endDate})`);
  // the row belongs to the history of both: the child (personId) and the guardian (guardianId)
  await auditPeople(tx, actor, 'guardianship.created', 'guardianship', id, { personId: input.childId, guardianId: input.guardianId, guardianshipId: id,
    startDate: input.startDate, endDate: input.endDate });
  return id;
}

export async function addDuty(tx: Tx, actor: Actor, personId: string, input: z.infer<typeof DutyInput>): Promise<string> {
  const org = actor.organiserId;
  const subjects = [...new Set(input.qualifiedSubjects)];
  const known = await rows<{ code: string }>(tx, sql`select code from subject where code = any(${sql.param(subjects)}::text[])`);
  if (known.length !== subjects.length) throw new AppError(400, 'unknown_subject', 'A qualified subject is not in the subject table');
  const existing = await ranges(tx, sql`select start_date, end_date from duty where organiser_id = ${org} and person_id = ${personId}
    and school_unit_id = ${actor.unitId} and role = ${input.role}`);
  refuse(dutyProblem(input, existing));
  const id = randomUUID();
  await tx.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, licensed, qualified_subjects, start_date, end_date)
    values (${org}, ${id}, ${personId}, ${actor.unitId}, ${input.role}, ${input.licensed}, ${sql.param(subjects)}::text[], ${input.startDate}, ${input.endDate})`);
  await auditPeople(tx, actor, 'duty.created', 'duty', id, { personId, dutyId: id, role: input.role, licensed: input.licensed,
    qualifiedSubjects: subjects.join(', '), startDate: input.startDate, endDate: input.endDate });
  return id;
}

/** The first relation of a new or found person at this unit. */
export function addFirstRelation(tx: Tx, actor: Actor, personId: string, relation: z.infer<typeof FirstRelation>): Promise<string> {
  switch (relation.kind) {
    case 'enrolment': return addEnrolment(tx, actor, personId, relation);
    case 'duty': return addDuty(tx, actor, personId, relation);
    case 'guardianship': return addGuardianship(tx, actor, { guardianId: personId, childId: relation.childId, startDate: relation.startDate, endDate: relation.endDate });
  }
}

interface Found { kind: 'enrolment' | 'guardianship' | 'duty'; startDate: string; endDate: string | null }

/** Ends one of the person's relations at this unit with a last day. The relation stays on record. */
export async function endRelation(tx: Tx, actor: Actor, personId: string, relationId: string, endDate: string): Promise<void> {
  await personInScope(tx, actor, personId);
  const org = actor.organiserId, unit = actor.unitId;
  const r = await one<Found>(tx, sql`
    select 'enrolment' as kind, to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
      from enrolment where organiser_id = ${org} and id = ${relationId} and person_id = ${personId} and school_unit_id = ${unit}
    union all
    select 'duty', to_char(start_date, 'YYYY-MM-DD'), to_char(end_date, 'YYYY-MM-DD')
      from duty where organiser_id = ${org} and id = ${relationId} and person_id = ${personId} and school_unit_id = ${unit}
    union all
    select 'guardianship', to_char(gu.start_date, 'YYYY-MM-DD'), to_char(gu.end_date, 'YYYY-MM-DD')
      from guardianship gu where gu.organiser_id = ${org} and gu.id = ${relationId} and ${personId} in (gu.guardian_id, gu.child_id)
       and exists (select 1 from enrolment e where e.organiser_id = gu.organiser_id and e.person_id = gu.child_id and e.school_unit_id = ${unit})`);
  if (!r) throw notFound('Relation not found');
  refuse(endProblem(r, endDate));
  const table = sql.raw(r.kind);
  await tx.execute(sql`update ${table} set end_date = ${endDate} where organiser_id = ${org} and id = ${relationId}`);
  const idKey = `${r.kind}Id`;
  const extra = r.kind === 'guardianship'
    ? await one<{ personId: string; guardianId: string }>(tx, sql`select child_id as "personId", guardian_id as "guardianId" from guardianship where organiser_id = ${org} and id = ${relationId}`)
    : { personId };
  await auditPeople(tx, actor, `${r.kind}.ended`, r.kind, relationId, { ...extra, [idKey]: relationId, startDate: r.startDate,
    before: { endDate: r.endDate }, after: { endDate } });
}
