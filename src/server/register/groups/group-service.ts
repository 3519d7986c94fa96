import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { endNeedsConfirmation, endProblem, groupProblem, type GroupType } from '../../../domain/register/groups.js';
import { byName } from '../../../domain/org/sorting.js';
import { requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, type Db, type Queryable } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { loadGradingTerms, termLabel } from '../../grading/terms.js';
import { auditGroup } from './group-audit.js';
import { enrolledPupils, findGroup, groupHistory, listGroups, listMemberships, listStaff, subjects, unconfirmedGrades, unitStaff } from './group-store.js';
import { listReports } from './report-store.js';

export interface NewGroup { name: string; groupType: GroupType; subjectCode: string | null; schoolYear: number | null; startDate: string; endDate: string | null }

const problemStatus = { name_required: 400, subject_required: 400, subject_only_for_teaching: 400, school_year_required: 400, invalid_range: 400 } as const;

/** The administrator's classes, teaching groups and mentor groups of their unit: list, create, rename, end. */
export function groupAdminService(db: Db) {
  async function required(q: Pick<Queryable, 'execute'>, actor: Actor, groupId: string) {
    const g = await findGroup(q, actor, groupId);
    if (!g) throw notFound('Group not found');
    return g;
  }

  /** Another group of the unit with the same name whose dates overlap: two "7A" at once would be ambiguous. */
  async function nameTaken(q: Pick<Queryable, 'execute'>, actor: Actor, g: { name: string; startDate: string; endDate: string | null }, exceptId: string | null) {
    const found = await one(q, sql`select 1 as yes from student_group g where g.organiser_id = ${actor.organiserId} and g.school_unit_id = ${actor.unitId}
      and lower(g.name) = lower(${g.name.trim()}) and g.id is distinct from ${exceptId}::uuid
      and (g.end_date is null or g.end_date >= ${g.startDate}::date) and (${g.endDate}::date is null or g.start_date <= ${g.endDate}::date) limit 1`);
    if (found) throw conflict('name_taken', `The unit already has a group named ${g.name.trim()} at the same time`);
  }

  return {
    async list(actor: Actor, status: 'current' | 'ended' | 'all') {
      requireAction(actor, 'register.administer');
      return (await listGroups(db, actor, status)).sort(byName);
    },

    async get(actor: Actor, groupId: string) {
      requireAction(actor, 'register.administer');
      const group = await required(db, actor, groupId);
      const [memberships, staff, reports, history] = [await listMemberships(db, actor, groupId), await listStaff(db, actor, groupId),
        await listReports(db, actor, { groupId }), await groupHistory(db, actor, groupId)];
      return { group, memberships, staff, reports, history };
    },

    /** What the forms offer: subjects, the unit's staff and its enrolled pupils with their class. */
    async options(actor: Actor) {
      requireAction(actor, 'register.administer');
      return { subjects: await subjects(db), staff: (await unitStaff(db, actor)).sort(byName), pupils: await enrolledPupils(db, actor) };
    },

    async create(actor: Actor, input: NewGroup) {
      requireAction(actor, 'register.administer');
      const problem = groupProblem(input);
      if (problem) throw new AppError(problemStatus[problem], problem, `The group cannot be created: ${problem}`);
      if (input.subjectCode && !(await one(db, sql`select 1 as yes from subject where code = ${input.subjectCode}`))) {
        throw new AppError(400, 'unknown_subject', 'No such subject');
      }
      const id = randomUUID();
      const name = input.name.trim();
      await db.transaction(async (tx) => {
        await nameTaken(tx, actor, input, null);
        await tx.execute(sql`insert into student_group (organiser_id, id, school_unit_id, name, group_type, subject_code, school_year, start_date, end_date)
          values (${actor.organiserId}, ${id}, ${actor.unitId}, ${name}, ${input.groupType}, ${input.subjectCode}, ${input.schoolYear}, ${input.startDate}, ${input.endDate})`);
        await auditGroup(tx, actor, 'group.created', { type: 'student_group', id }, { groupId: id, after: { ...input, name } });
      });
      return required(db, actor, id);
    },

    /** Renames a group; `previousName` is the name the administrator saw (a stale rename gets 409 with the current one). */
    async rename(actor: Actor, groupId: string, input: { name: string; previousName: string }) {
      requireAction(actor, 'register.administer');
      const name = input.name.trim();
      if (name === '') throw new AppError(400, 'name_required', 'A group has a name');
      await db.transaction(async (tx) => {
        const g = await required(tx, actor, groupId);
        if (g.name !== input.previousName) throw conflict('stale_name', 'The group was renamed by someone else', { current: { name: g.name } });
        await nameTaken(tx, actor, { name, startDate: g.startDate, endDate: g.endDate }, groupId);
        await tx.execute(sql`update student_group set name = ${name} where organiser_id = ${actor.organiserId} and id = ${groupId}`);
        await auditGroup(tx, actor, 'group.renamed', { type: 'student_group', id: groupId }, { groupId, before: { name: g.name }, after: { name } });
      });
      return required(db, actor, groupId);
    },

    /**
     * Ends a group on a date: its memberships and staff still in force after that day end with it (never
     * deleted; grades keep their group). A teaching group with grades registered but not confirmed this
     * term is not ended unless the administrator confirms (409 `unconfirmed_grades` with the counts).
     */
    async end(actor: Actor, groupId: string, input: { endDate: string; confirm: boolean }) {
      requireAction(actor, 'register.administer');
      const terms = await loadGradingTerms(db, actor.organiserId, actor.today);
      return db.transaction(async (tx) => {
        const g = await required(tx, actor, groupId);
        const problem = endProblem(g, input.endDate);
        if (problem) throw new AppError(problem === 'end_before_start' ? 400 : 409, problem, `The group cannot end on ${input.endDate}: ${problem}`);
        const unconfirmed = await unconfirmedGrades(tx, actor, groupId, terms?.current.id ?? null);
        if (endNeedsConfirmation(unconfirmed, input.confirm)) {
          throw conflict('unconfirmed_grades', `${unconfirmed.grades} grades of ${unconfirmed.pupils} pupils are not yet confirmed`,
            { unconfirmed: { ...unconfirmed, term: terms ? termLabel(terms.current) : null } });
        }
        const ends = (table: 'group_membership' | 'group_staff') => tx.execute(sql`update ${sql.identifier(table)} set end_date = ${input.endDate}
          where organiser_id = ${actor.organiserId} and group_id = ${groupId} and start_date <= ${input.endDate}::date
            and (end_date is null or end_date > ${input.endDate}::date)`);
        const endedMembers = await ends('group_membership');
        const endedStaff = await ends('group_staff');
        await tx.execute(sql`update student_group set end_date = ${input.endDate} where organiser_id = ${actor.organiserId} and id = ${groupId}`);
        const count = (r: unknown) => (r as { affectedRows?: number; rowCount?: number }).affectedRows ?? (r as { rowCount?: number }).rowCount ?? 0;
        await auditGroup(tx, actor, 'group.ended', { type: 'student_group', id: groupId }, {
          groupId, before: { endDate: g.endDate }, after: { endDate: input.endDate },
          endedMemberships: count(endedMembers), endedStaff: count(endedStaff), unconfirmedGrades: unconfirmed.grades,
        });
        return { ...(await required(tx, actor, groupId)), unconfirmed };
      });
    },
  };
}
