import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { membershipProblem, type MembershipProblem } from '../../../domain/register/class-membership.js';
import { endProblem, outsideGroup, staffProblem } from '../../../domain/register/groups.js';
import { inForce, requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, rows, type Db, type Queryable } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { auditGroup, auditGroupRows } from './group-audit.js';
import { findGroup, listMemberships, listStaff } from './group-store.js';

type Q = Pick<Queryable, 'execute'>;
type Range = { startDate: string; endDate: string | null };
export type PupilProblem = MembershipProblem | 'not_enrolled' | 'outside_group_dates';

async function requiredGroup(q: Q, actor: Actor, groupId: string) {
  const g = await findGroup(q, actor, groupId);
  if (!g) throw notFound('Group not found');
  return g;
}

/** The pupils of the list enrolled at the unit on the day (others may not join its groups). */
async function enrolledOn(q: Q, actor: Actor, pupilIds: string[], dayIso: string) {
  const found = await rows<{ id: string; name: string }>(q, sql`select p.id, p.given_name || ' ' || p.family_name as name
    from person p where p.organiser_id = ${actor.organiserId} and p.id = any(${sql.param(pupilIds)}::uuid[]) and exists (
      select 1 from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id and e.school_unit_id = ${actor.unitId}
        and ${inForce(sql`e.start_date`, sql`e.end_date`, dayIso)})`);
  return new Map(found.map((p) => [p.id, p.name]));
}

/** Memberships of the pupils, of every group of the organiser, with the group's type (one class at a time). */
const membershipsOf = (q: Q, actor: Actor, pupilIds: string[]) => rows<Range & { personId: string; groupId: string; groupType: 'class' | 'teaching' | 'mentor' }>(q, sql`
  select m.person_id as "personId", m.group_id as "groupId", g.group_type as "groupType",
         to_char(m.start_date, 'YYYY-MM-DD') as "startDate", to_char(m.end_date, 'YYYY-MM-DD') as "endDate"
    from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
   where m.organiser_id = ${actor.organiserId} and m.person_id = any(${sql.param(pupilIds)}::uuid[])`);

function refuseEnd(problem: ReturnType<typeof endProblem>, what: string) {
  if (problem) throw new AppError(problem === 'end_before_start' ? 400 : 409, problem, `The ${what} cannot end then: ${problem}`);
}

/** Pupils and staff of a group, with dates: added, and ended with a date (never deleted: grades keep their group). */
export function membershipService(db: Db) {
  return {
    /**
     * Adds one or several pupils (e.g. a whole class into a teaching group) from a date. All or nothing: if
     * any pupil may not join, nothing is written and every pupil's problem is answered (`problems`).
     */
    async addPupils(actor: Actor, groupId: string, input: { pupilIds: string[]; startDate: string; endDate: string | null }) {
      requireAction(actor, 'register.administer');
      const pupilIds = [...new Set(input.pupilIds)];
      const joining = { startDate: input.startDate, endDate: input.endDate };
      await db.transaction(async (tx) => {
        const g = await requiredGroup(tx, actor, groupId);
        // one writer at a time per pupil (in a fixed order), so two administrators cannot place the same pupil in two classes at once
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(x.id, 0)) from unnest(${sql.param([...pupilIds].sort())}::text[]) as x(id)`);
        const enrolled = await enrolledOn(tx, actor, pupilIds, input.startDate);
        const existing = await membershipsOf(tx, actor, [...enrolled.keys()]);
        const problems: { pupilId: string; name: string | null; problem: PupilProblem }[] = [];
        for (const pupilId of pupilIds) {
          const name = enrolled.get(pupilId) ?? null;
          const problem: PupilProblem | null = !name ? 'not_enrolled' : outsideGroup(joining, g) ? 'outside_group_dates'
            : membershipProblem({ ...joining, groupId, groupType: g.groupType }, existing.filter((m) => m.personId === pupilId));
          if (problem) problems.push({ pupilId, name, problem });
        }
        if (problems.length) {
          const status = problems.every((p) => p.problem === 'invalid_range') ? 400 : 409;
          throw new AppError(status, problems[0].problem, `${problems.length} of ${pupilIds.length} pupils cannot join the group`, { problems });
        }
        const ids = pupilIds.map(() => randomUUID());
        await tx.execute(sql`insert into group_membership (organiser_id, id, group_id, person_id, start_date, end_date)
          select ${actor.organiserId}::uuid, x.id, ${groupId}::uuid, x.person_id, ${input.startDate}::date, ${input.endDate}::date
            from unnest(${sql.param(ids)}::uuid[], ${sql.param(pupilIds)}::uuid[]) as x(id, person_id)`);
        await auditGroupRows(tx, actor, 'group.membership.added', 'group_membership', pupilIds.map((personId, i) => ({
          entityId: ids[i], details: { groupId, personId, groupName: g.name, pupilName: enrolled.get(personId), after: joining } })));
      });
      return { added: pupilIds.length, memberships: await listMemberships(db, actor, groupId) };
    },

    /** Ends a pupil's membership with a date (the pupil leaves the group after that day). */
    async endMembership(actor: Actor, groupId: string, membershipId: string, input: { endDate: string }) {
      requireAction(actor, 'register.administer');
      await db.transaction(async (tx) => {
        const g = await requiredGroup(tx, actor, groupId);
        const m = (await listMemberships(tx, actor, groupId)).find((x) => x.id === membershipId);
        if (!m) throw notFound('Membership not found');
        refuseEnd(endProblem(m, input.endDate), 'membership');
        await tx.execute(sql`update group_membership set end_date = ${input.endDate}
          where organiser_id = ${actor.organiserId} and group_id = ${groupId} and id = ${membershipId}`);
        await auditGroup(tx, actor, 'group.membership.ended', { type: 'group_membership', id: membershipId }, {
          groupId, personId: m.pupilId, groupName: g.name, pupilName: `${m.givenName} ${m.familyName}`, before: { endDate: m.endDate }, after: { endDate: input.endDate } });
      });
      return listMemberships(db, actor, groupId);
    },

    /** Adds a teacher (with or without the grader flag) or a mentor; only staff with a duty at the unit. */
    async addStaff(actor: Actor, groupId: string, input: { personId: string; assignment: 'teacher' | 'mentor'; grader: boolean; startDate: string; endDate: string | null }) {
      requireAction(actor, 'register.administer');
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const g = await requiredGroup(tx, actor, groupId);
        const staff = await one<{ name: string }>(tx, sql`select p.given_name || ' ' || p.family_name as name from person p
          where p.organiser_id = ${actor.organiserId} and p.id = ${input.personId} and exists (select 1 from duty d where d.organiser_id = p.organiser_id
            and d.person_id = p.id and d.school_unit_id = ${actor.unitId} and ${inForce(sql`d.start_date`, sql`d.end_date`, input.startDate)})`);
        if (!staff) throw new AppError(400, 'not_unit_staff', 'Only staff with a duty at the school unit may teach or mentor its groups');
        if (outsideGroup(input, g)) throw new AppError(409, 'outside_group_dates', 'The assignment must lie within the group\'s dates');
        const same = (await listStaff(tx, actor, groupId)).filter((s) => s.personId === input.personId && s.assignment === input.assignment);
        const problem = staffProblem({ ...input, groupType: g.groupType }, same);
        if (problem) throw new AppError(problem === 'already_assigned' ? 409 : 400, problem, `The assignment cannot be made: ${problem}`);
        await tx.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date, end_date)
          values (${actor.organiserId}, ${id}, ${groupId}, ${input.personId}, ${input.assignment}, ${input.grader}, ${input.startDate}, ${input.endDate})`);
        await auditGroup(tx, actor, 'group.staff.added', { type: 'group_staff', id }, { groupId, personId: input.personId, groupName: g.name, staffName: staff.name, after: input });
      });
      return listStaff(db, actor, groupId);
    },

    async endStaff(actor: Actor, groupId: string, staffId: string, input: { endDate: string }) {
      requireAction(actor, 'register.administer');
      await db.transaction(async (tx) => {
        const g = await requiredGroup(tx, actor, groupId);
        const s = (await listStaff(tx, actor, groupId)).find((x) => x.id === staffId);
        if (!s) throw notFound('Assignment not found');
        refuseEnd(endProblem(s, input.endDate), 'assignment');
        await tx.execute(sql`update group_staff set end_date = ${input.endDate} where organiser_id = ${actor.organiserId} and group_id = ${groupId} and id = ${staffId}`);
        await auditGroup(tx, actor, 'group.staff.ended', { type: 'group_staff', id: staffId }, {
          groupId, personId: s.personId, groupName: g.name, staffName: s.name, assignment: s.assignment, before: { endDate: s.endDate }, after: { endDate: input.endDate } });
      });
      return listStaff(db, actor, groupId);
    },
  };
}
