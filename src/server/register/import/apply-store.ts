import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Ops } from '../../../domain/register/import/plan-types.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/database.js';

type Tx = Pick<Queryable, 'execute'>;
const CHUNK = 2_000;
const p = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/** One audit row of an import: about a person (personId), a group (groupId) or the unit (unitId). */
export interface ImportAuditRow { action: string; entityType: string; entityId: string; details: Record<string, unknown> }

/**
 * Writes an import's operations in bulk (multi-row statements over `unnest`, at most 2,000 rows each) and
 * returns the audit rows describing them. Runs inside the apply's transaction; `progress` is told how many
 * rows are written.
 */
export async function writeOps(tx: Tx, actor: Actor, ops: Ops, progress: (rows: number) => void): Promise<ImportAuditRow[]> {
  const org = actor.organiserId; const unitId = actor.unitId!;
  const ids = new Map<string, string>(); // `new:…` ref → id
  const id = (ref: string) => (ref.startsWith('new:') ? ids.get(ref)! : ref);
  const auditRows: ImportAuditRow[] = [];
  const log = (action: string, entityType: string, entityId: string, details: Record<string, unknown>) => auditRows.push({ action, entityType, entityId, details: { ...details, unitId } });

  async function inChunks<T>(list: T[], statement: (chunk: T[]) => SQL) {
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      await tx.execute(statement(chunk));
      progress(chunk.length);
    }
  }

  for (const n of ops.newPersons) ids.set(n.ref, randomUUID());
  await inChunks(ops.newPersons, (c) => sql`
    insert into person (organiser_id, id, civic_no, civic_no_kind, birth_date, sex, given_name, family_name, security_marking, email, phone, work_email, work_phone, street_address, postal_code, city)
    select ${org}, * from unnest(${p(c.map((n) => ids.get(n.ref)), 'uuid')}, ${p(c.map((n) => n.civicNo), 'text')}, ${p(c.map((n) => n.civicNoKind), 'text')},
      ${p(c.map((n) => n.birthDate), 'date')}, ${p(c.map((n) => n.sex), 'text')}, ${p(c.map((n) => n.givenName), 'text')}, ${p(c.map((n) => n.familyName), 'text')},
      ${p(c.map((n) => n.securityMarking), 'text')}, ${p(c.map((n) => n.email), 'text')}, ${p(c.map((n) => n.phone), 'text')}, ${p(c.map((n) => n.workEmail), 'text')},
      ${p(c.map((n) => n.workPhone), 'text')}, ${p(c.map((n) => n.streetAddress), 'text')}, ${p(c.map((n) => n.postalCode), 'text')}, ${p(c.map((n) => n.city), 'text')})`);
  for (const n of ops.newPersons) log('person.created', 'person', ids.get(n.ref)!, { personId: ids.get(n.ref), source: 'import', givenName: n.givenName, familyName: n.familyName });

  // an import never clears a stored value: a null here keeps the column as it is
  const col = (c: Ops['personUpdates'], k: keyof Ops['personUpdates'][number]['set']) => p(c.map((u) => u.set[k] ?? null), 'text');
  await inChunks(ops.personUpdates, (c) => sql`
    update person p set given_name = coalesce(u.gn, p.given_name), family_name = coalesce(u.fn, p.family_name), email = coalesce(u.em, p.email),
      phone = coalesce(u.ph, p.phone), work_email = coalesce(u.we, p.work_email), work_phone = coalesce(u.wp, p.work_phone),
      street_address = coalesce(u.sa, p.street_address), postal_code = coalesce(u.pc, p.postal_code), city = coalesce(u.ci, p.city),
      security_marking = coalesce(u.sm, p.security_marking), version = p.version + 1, updated_at = now()
    from unnest(${p(c.map((u) => u.id), 'uuid')}, ${col(c, 'givenName')}, ${col(c, 'familyName')}, ${col(c, 'email')}, ${col(c, 'phone')}, ${col(c, 'workEmail')},
      ${col(c, 'workPhone')}, ${col(c, 'streetAddress')}, ${col(c, 'postalCode')}, ${col(c, 'city')}, ${col(c, 'securityMarking')}) as u(id, gn, fn, em, ph, we, wp, sa, pc, ci, sm)
    where p.organiser_id = ${org} and p.id = u.id`);
  for (const u of ops.personUpdates) log('person.updated', 'person', u.id, { personId: u.id, source: 'import', before: u.before, after: u.set });

  const enrolmentIds = ops.newEnrolments.map(() => randomUUID());
  await inChunks(ops.newEnrolments.map((e, i) => ({ ...e, id: enrolmentIds[i] })), (c) => sql`
    insert into enrolment (organiser_id, id, person_id, school_unit_id, school_year, school_form, start_date)
    select ${org}, u.id, u.person_id, ${unitId}, u.y, u.f, u.s from unnest(${p(c.map((e) => e.id), 'uuid')}, ${p(c.map((e) => id(e.personRef)), 'uuid')},
      ${p(c.map((e) => e.schoolYear), 'smallint')}, ${p(c.map((e) => e.schoolForm), 'text')}, ${p(c.map((e) => e.startDate), 'date')}) as u(id, person_id, y, f, s)`);
  ops.newEnrolments.forEach((e, i) => log('enrolment.created', 'enrolment', enrolmentIds[i], { personId: id(e.personRef), source: 'import', schoolYear: e.schoolYear, schoolForm: e.schoolForm, startDate: e.startDate }));

  await inChunks(ops.enrolmentUpdates, (c) => sql`
    update enrolment e set school_year = u.y, school_form = u.f
    from unnest(${p(c.map((e) => e.id), 'uuid')}, ${p(c.map((e) => e.schoolYear), 'smallint')}, ${p(c.map((e) => e.schoolForm), 'text')}) as u(id, y, f)
    where e.organiser_id = ${org} and e.school_unit_id = ${unitId} and e.id = u.id`);
  for (const e of ops.enrolmentUpdates) log('enrolment.updated', 'enrolment', e.id, { personId: e.personId, source: 'import', before: e.before, after: { schoolYear: e.schoolYear, schoolForm: e.schoolForm } });

  const guardianshipIds = ops.newGuardianships.map(() => randomUUID());
  await inChunks(ops.newGuardianships.map((g, i) => ({ ...g, id: guardianshipIds[i] })), (c) => sql`
    insert into guardianship (organiser_id, id, guardian_id, child_id, start_date)
    select ${org}, * from unnest(${p(c.map((g) => g.id), 'uuid')}, ${p(c.map((g) => id(g.guardianRef)), 'uuid')}, ${p(c.map((g) => id(g.childRef)), 'uuid')}, ${p(c.map((g) => g.startDate), 'date')})`);
  ops.newGuardianships.forEach((g, i) => log('guardianship.created', 'guardianship', guardianshipIds[i],
    { personId: id(g.childRef), guardianId: id(g.guardianRef), source: 'import', startDate: g.startDate }));

  const dutyIds = ops.newDuties.map(() => randomUUID());
  // subject lists travel as space-separated text (unnest would flatten a two-dimensional array)
  await inChunks(ops.newDuties.map((d, i) => ({ ...d, id: dutyIds[i] })), (c) => sql`
    insert into duty (organiser_id, id, person_id, school_unit_id, role, licensed, qualified_subjects, start_date)
    select ${org}, u.id, u.person_id, ${unitId}, u.role, u.licensed, coalesce(string_to_array(nullif(u.subjects, ''), ' '), '{}'), u.s
      from unnest(${p(c.map((d) => d.id), 'uuid')}, ${p(c.map((d) => id(d.personRef)), 'uuid')}, ${p(c.map((d) => d.role), 'text')}, ${p(c.map((d) => d.licensed), 'boolean')},
        ${p(c.map((d) => d.qualifiedSubjects.join(' ')), 'text')}, ${p(c.map((d) => d.startDate), 'date')}) as u(id, person_id, role, licensed, subjects, s)`);
  ops.newDuties.forEach((d, i) => log('duty.created', 'duty', dutyIds[i],
    { personId: id(d.personRef), source: 'import', role: d.role, licensed: d.licensed, qualifiedSubjects: d.qualifiedSubjects, startDate: d.startDate }));

  await inChunks(ops.dutyUpdates, (c) => sql`
    update duty d set licensed = u.licensed, qualified_subjects = coalesce(string_to_array(nullif(u.subjects, ''), ' '), '{}')
    from unnest(${p(c.map((d) => d.id), 'uuid')}, ${p(c.map((d) => d.licensed), 'boolean')}, ${p(c.map((d) => d.qualifiedSubjects.join(' ')), 'text')}) as u(id, licensed, subjects)
    where d.organiser_id = ${org} and d.school_unit_id = ${unitId} and d.id = u.id`);
  for (const d of ops.dutyUpdates) log('duty.updated', 'duty', d.id, { personId: d.personId, source: 'import', before: d.before, after: { licensed: d.licensed, qualifiedSubjects: d.qualifiedSubjects } });

  for (const g of ops.newGroups) ids.set(g.ref, randomUUID());
  await inChunks(ops.newGroups, (c) => sql`
    insert into student_group (organiser_id, id, school_unit_id, name, group_type, subject_code, school_year, start_date, end_date)
    select ${org}, u.id, ${unitId}, u.name, u.t, u.subject, u.y, u.s, u.e from unnest(${p(c.map((g) => ids.get(g.ref)), 'uuid')}, ${p(c.map((g) => g.name), 'text')},
      ${p(c.map((g) => g.groupType), 'text')}, ${p(c.map((g) => g.subjectCode), 'text')}, ${p(c.map((g) => g.schoolYear), 'smallint')},
      ${p(c.map((g) => g.startDate), 'date')}, ${p(c.map((g) => g.endDate), 'date')}) as u(id, name, t, subject, y, s, e)`);
  for (const g of ops.newGroups) log('group.created', 'group', ids.get(g.ref)!, { groupId: ids.get(g.ref), source: 'import', name: g.name, groupType: g.groupType, subjectCode: g.subjectCode, schoolYear: g.schoolYear, startDate: g.startDate, endDate: g.endDate });

  await inChunks(ops.groupUpdates, (c) => sql`
    update student_group g set subject_code = u.subject, school_year = u.y, start_date = u.s, end_date = u.e
    from unnest(${p(c.map((g) => g.id), 'uuid')}, ${p(c.map((g) => g.set.subjectCode), 'text')}, ${p(c.map((g) => g.set.schoolYear), 'smallint')},
      ${p(c.map((g) => g.set.startDate), 'date')}, ${p(c.map((g) => g.set.endDate), 'date')}) as u(id, subject, y, s, e)
    where g.organiser_id = ${org} and g.school_unit_id = ${unitId} and g.id = u.id`);
  for (const g of ops.groupUpdates) log('group.updated', 'group', g.id, { groupId: g.id, source: 'import', before: g.before, after: g.set });

  const membershipIds = ops.newMemberships.map(() => randomUUID());
  await inChunks(ops.newMemberships.map((m, i) => ({ ...m, id: membershipIds[i] })), (c) => sql`
    insert into group_membership (organiser_id, id, group_id, person_id, start_date, end_date)
    select ${org}, * from unnest(${p(c.map((m) => m.id), 'uuid')}, ${p(c.map((m) => id(m.groupRef)), 'uuid')}, ${p(c.map((m) => id(m.personRef)), 'uuid')},
      ${p(c.map((m) => m.startDate), 'date')}, ${p(c.map((m) => m.endDate), 'date')})`);
  ops.newMemberships.forEach((m, i) => log('membership.created', 'group_membership', membershipIds[i],
    { personId: id(m.personRef), groupId: id(m.groupRef), source: 'import', startDate: m.startDate, endDate: m.endDate }));

  await inChunks(ops.membershipUpdates, (c) => sql`
    update group_membership m set start_date = u.s, end_date = u.e
    from unnest(${p(c.map((m) => m.id), 'uuid')}, ${p(c.map((m) => m.startDate), 'date')}, ${p(c.map((m) => m.endDate), 'date')}) as u(id, s, e)
    where m.organiser_id = ${org} and m.id = u.id`);
  for (const m of ops.membershipUpdates) log('membership.updated', 'group_membership', m.id,
    { personId: m.personId, groupId: m.groupId, source: 'import', before: m.before, after: { startDate: m.startDate, endDate: m.endDate } });
  return auditRows;
}

/** Writes the audit rows of an import in one multi-row statement (details.personId / groupId / unitId as the history reads them). */
export async function writeAudit(tx: Tx, actor: Actor, importId: string, auditRows: ImportAuditRow[]): Promise<void> {
  if (!auditRows.length) return;
  await tx.execute(sql`
    insert into audit_event (organiser_id, id, actor_person_id, actor_role, actor_unit_id, action, entity_type, entity_id, details, ip)
    select ${actor.organiserId}, u.id, ${actor.personId}, ${actor.role}, ${actor.unitId}, u.action, u.entity_type, u.entity_id, u.details::jsonb, ${actor.ip}
      from unnest(${p(auditRows.map(() => randomUUID()), 'uuid')}, ${p(auditRows.map((a) => a.action), 'text')}, ${p(auditRows.map((a) => a.entityType), 'text')},
        ${p(auditRows.map((a) => a.entityId), 'text')}, ${p(auditRows.map((a) => JSON.stringify({ ...a.details, importId })), 'text')}) as u(id, action, entity_type, entity_id, details)`);
}

/** Rows the operations will write, for the progress bar. */
export const opsSize = (ops: Ops) => Object.values(ops).reduce((n, list) => n + (list as unknown[]).length, 0);
