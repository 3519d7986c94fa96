import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  commentProblem, editProblem, followUpProblem, goalProblem, holdProblem, mayLeadTalk, shareProblem,
  type FollowUpOutcome, type TalkFact, type TalkProblem,
} from '../../domain/development-talks/talk.js';
import { mentorsPupil, pupilSupportScope, requireAction, subjectsTaughtTo } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, rows, type Db, type Queryable } from '../platform/db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../platform/http/errors.js';
import { orderedUuid } from './ordered-id.js';
import { classNameOf, isStaff, pupilSubjects, requireSupportPupil } from './pupil-context.js';
import { findTalk, goalsForFollowUp, listComments, listGoals, listTalks, type GoalRow, type TalkRow } from './talk-store.js';

type Q = Pick<Queryable, 'execute'>;

export interface GoalInput { id: string | null; goal: string; pupilDoes: string; schoolDoes: string; homeDoes: string }
export interface FollowUpInput { goalId: string; outcome: FollowUpOutcome | null; note: string }
export interface TalkInput { heldOn: string; participants: string; summary: string; goals: GoalInput[]; followUps: FollowUpInput[]; version: number | null }

const STATUS: Record<TalkProblem, number> = {
  not_talk_leader: 403, not_your_subject: 403, talk_shared: 409, not_held: 409, already_held: 409, already_shared: 409,
  held_in_future: 400, goal_of_other_pupil: 400, goal_not_earlier: 400, goal_of_unheld_talk: 400, goal_empty: 400,
};
const refuse = (problem: TalkProblem) => new AppError(STATUS[problem], problem, `Refused: ${problem}`);
const fact = (t: Pick<TalkRow, 'id' | 'pupilId' | 'heldOn' | 'status' | 'sharedAt'>): TalkFact =>
  ({ id: t.id, pupilId: t.pupilId, heldOn: t.heldOn, status: t.status, shared: t.sharedAt !== null });
const goalFact = (g: GoalRow, pupilId: string): TalkFact => ({ id: g.talkId, pupilId, heldOn: g.talkHeldOn, status: g.talkStatus, shared: g.talkShared });

/** Whether the actor leads talks of the pupil: the mentor today, or the principal (of the talk's unit, by scope). */
async function leads(q: Q, actor: Actor, pupilId: string): Promise<boolean> {
  if (actor.role === 'principal') return true;
  if (actor.role !== 'teacher') return false;
  const found = await one<{ yes: boolean }>(q, sql`select ${mentorsPupil(actor, pupilId)} as yes`);
  return mayLeadTalk({ role: actor.role, mentorsPupil: !!found?.yes });
}

/** The subjects the teacher teaches the pupil today (a teaching group of the pupil at the current unit). */
async function taughtSubjects(q: Q, actor: Actor, pupilId: string): Promise<string[]> {
  if (actor.role !== 'teacher') return [];
  return (await rows<{ subject_code: string }>(q, subjectsTaughtTo(actor, actor.today, pupilId))).map((r) => r.subject_code);
}

/**
 * Utvecklingssamtal. The mentor or the principal plans, writes, holds and shares a talk; the pupil's teachers
 * comment per subject they teach; the pupil and the guardians read it once shared. Every change is audited
 * with the pupil and the unit, in its transaction; a stale version is 409 with the current talk.
 */
export function developmentTalkService(db: Db) {
  const auditOf = (q: Q, actor: Actor, action: string, talk: Pick<TalkRow, 'id' | 'pupilId' | 'unitId'>, more: Record<string, unknown> = {}) =>
    audit(q, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action, entityType: 'development_talk', entityId: talk.id, details: { personId: talk.pupilId, unitId: talk.unitId, ...more }, ip: actor.ip });

  async function detail(q: Q, actor: Actor, id: string) {
    const talk = await findTalk(q, actor, id);
    if (!talk) throw notFound('Development talk not found');
    const staff = isStaff(actor);
    const pupil = await one<{ givenName: string; familyName: string; className: string | null }>(q, sql`select p.given_name as "givenName",
      p.family_name as "familyName", ${classNameOf(sql`p.id`, sql`${talk.unitId}::uuid`, actor.today)} as "className"
      from person p where p.organiser_id = ${actor.organiserId} and p.id = ${talk.pupilId}`);
    const [comments, goals, subjects, earlier, mine, mayLead] = await Promise.all([
      listComments(q, actor.organiserId, id), listGoals(q, actor.organiserId, id),
      pupilSubjects(q, actor.organiserId, talk.pupilId, talk.unitId, actor.today),
      goalsForFollowUp(q, actor.organiserId, talk), taughtSubjects(q, actor, talk.pupilId), leads(q, actor, talk.pupilId),
    ]);
    // every subject the pupil is taught, and any other subject commented on (a group since left)
    const names = new Map(subjects.map((s) => [s.code, s.name]));
    const commented = comments.filter((c) => !names.has(c.subjectCode)).map((c) => c.subjectCode);
    const otherNames = commented.length ? await rows<{ code: string; name: string }>(q, sql`select code, name from subject where code = any(${sql.param([...new Set(commented)])}::text[])`) : [];
    for (const s of otherNames) names.set(s.code, s.name);
    const followUps = earlier.filter((g) => followUpProblem(goalFact(g, talk.pupilId), fact(talk)) === null)
      .filter((g) => staff || g.followUpTalkId === talk.id);
    const shared = talk.sharedAt !== null;
    return {
      ...talk, pupil: { id: talk.pupilId, ...pupil! },
      subjects: [...names].map(([code, name]) => ({ code, name, comments: comments.filter((c) => c.subjectCode === code)
        .map(({ subjectCode: _s, ...c }) => c) })).filter((s) => staff || s.comments.length > 0),
      goals: goals.map((g) => ({ id: g.id, goal: g.goal, pupilDoes: g.pupilDoes, schoolDoes: g.schoolDoes, homeDoes: g.homeDoes })),
      followUps: followUps.map((g) => ({ goalId: g.id, talkId: g.talkId, talkHeldOn: g.talkHeldOn, goal: g.goal, pupilDoes: g.pupilDoes,
        schoolDoes: g.schoolDoes, homeDoes: g.homeDoes, outcome: g.followUpTalkId === talk.id ? g.followUpOutcome : null,
        note: g.followUpTalkId === talk.id ? g.followUpNote : null })),
      mayEdit: mayLead && !shared, mayComment: shared ? [] : mine,
    };
  }

  async function lockedTalk(q: Q, actor: Actor, id: string, version: number | null) {
    const talk = await findTalk(q, actor, id, true);
    if (!talk) throw notFound('Development talk not found');
    if (!(await leads(q, actor, talk.pupilId))) throw refuse('not_talk_leader');
    const problem = editProblem(fact(talk));
    if (problem) throw refuse(problem);
    if (talk.version !== version) throw conflict('stale_version', 'Someone else changed the talk', { current: await detail(q, actor, id) });
    return talk;
  }

  return {
    /** The pupil's talks (staff: all the actor may read; the pupil and guardians: the shared ones, in full). */
    async list(actor: Actor, pupilId: string) {
      requireAction(actor, 'pupil-support.view');
      const pupil = await requireSupportPupil(db, actor, pupilId);
      const talks = await listTalks(db, actor, pupilId);
      const mayPlan = await leads(db, actor, pupilId);
      const full = isStaff(actor) ? [] : await Promise.all(talks.map((t) => detail(db, actor, t.id)));
      return { pupil, today: actor.today, mayPlan,
        talks: talks.map((t) => ({ id: t.id, heldOn: t.heldOn, status: t.status, sharedAt: t.sharedAt, createdBy: t.createdBy })), shared: full };
    },

    get(actor: Actor, id: string) {
      requireAction(actor, 'pupil-support.view');
      return detail(db, actor, id);
    },

    async plan(actor: Actor, pupilId: string, input: { heldOn: string; participants: string }) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        await requireSupportPupil(tx, actor, pupilId);
        if (!(await leads(tx, actor, pupilId))) throw refuse('not_talk_leader');
        const id = randomUUID();
        await tx.execute(sql`insert into development_talk (organiser_id, id, pupil_id, school_unit_id, held_on, participants, created_by)
          values (${actor.organiserId}, ${id}, ${pupilId}, ${actor.unitId}, ${input.heldOn}, ${input.participants}, ${actor.personId})`);
        await auditOf(tx, actor, 'development_talk.planned', { id, pupilId, unitId: actor.unitId! }, { heldOn: input.heldOn });
        return detail(tx, actor, id);
      });
    },

    async save(actor: Actor, id: string, input: TalkInput) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const talk = await lockedTalk(tx, actor, id, input.version);
        if (talk.status === 'held' && input.heldOn > actor.today) throw refuse('held_in_future');
        for (const g of input.goals) { const p = goalProblem(g); if (p) throw refuse(p); }
        const existing = await listGoals(tx, actor.organiserId, id);
        const known = new Set(existing.map((g) => g.id));
        if (input.goals.some((g) => g.id !== null && !known.has(g.id))) throw badRequest('A goal of another talk', 'unknown_goal');
        const open = new Map((await goalsForFollowUp(tx, actor.organiserId, talk)).map((g) => [g.id, g]));
        const at = { ...fact(talk), heldOn: input.heldOn };
        for (const f of input.followUps) {
          const g = open.get(f.goalId);
          if (!g) throw badRequest('The goal is not open for follow-up at this talk', 'unknown_goal');
          const p = followUpProblem(goalFact(g, talk.pupilId), at);
          if (p) throw refuse(p);
        }
        const keep = input.goals.filter((g) => g.id !== null).map((g) => g.id!);
        await tx.execute(sql`delete from development_talk_goal where organiser_id = ${actor.organiserId} and talk_id = ${id}
          and not (id = any(${sql.param(keep)}::uuid[]))`);
        const now = Date.now();
        for (const [i, g] of input.goals.entries()) {
          if (g.id) {
            await tx.execute(sql`update development_talk_goal set goal = ${g.goal}, pupil_does = ${g.pupilDoes}, school_does = ${g.schoolDoes},
              home_does = ${g.homeDoes} where organiser_id = ${actor.organiserId} and id = ${g.id}`);
          } else {
            await tx.execute(sql`insert into development_talk_goal (organiser_id, id, talk_id, goal, pupil_does, school_does, home_does)
              values (${actor.organiserId}, ${orderedUuid(i, now)}, ${id}, ${g.goal}, ${g.pupilDoes}, ${g.schoolDoes}, ${g.homeDoes})`);
          }
        }
        for (const f of input.followUps) {
          await tx.execute(sql`update development_talk_goal set follow_up_talk_id = ${f.outcome ? id : null}, follow_up_outcome = ${f.outcome},
            follow_up_note = ${f.outcome ? f.note : null} where organiser_id = ${actor.organiserId} and id = ${f.goalId}`);
        }
        await tx.execute(sql`update development_talk set held_on = ${input.heldOn}, participants = ${input.participants}, summary = ${input.summary},
          version = version + 1, updated_at = now() where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'development_talk.changed', talk, { heldOn: input.heldOn, goals: input.goals.length, followUps: input.followUps.length });
        return detail(tx, actor, id);
      });
    },

    async hold(actor: Actor, id: string, version: number | null) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const talk = await lockedTalk(tx, actor, id, version);
        const problem = holdProblem(fact(talk), actor.today);
        if (problem) throw refuse(problem);
        await tx.execute(sql`update development_talk set status = 'held', version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'development_talk.held', talk, { heldOn: talk.heldOn });
        return detail(tx, actor, id);
      });
    },

    async share(actor: Actor, id: string, version: number | null) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const talk = await findTalk(tx, actor, id, true);
        if (!talk) throw notFound('Development talk not found');
        if (!(await leads(tx, actor, talk.pupilId))) throw refuse('not_talk_leader');
        const problem = shareProblem(fact(talk));
        if (problem) throw refuse(problem);
        if (talk.version !== version) throw conflict('stale_version', 'Someone else changed the talk', { current: await detail(tx, actor, id) });
        await tx.execute(sql`update development_talk set shared_at = now(), version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'development_talk.shared', talk);
        return detail(tx, actor, id);
      });
    },

    /** A teacher's comment in a subject they teach the pupil; an empty comment removes theirs. */
    async comment(actor: Actor, id: string, subjectCode: string, comment: string) {
      requireAction(actor, 'pupil-support.edit');
      return db.transaction(async (tx) => {
        const talk = await findTalk(tx, actor, id, true);
        if (!talk) throw notFound('Development talk not found');
        const problem = commentProblem(fact(talk), subjectCode, await taughtSubjects(tx, actor, talk.pupilId));
        if (problem) throw refuse(problem);
        if (comment.trim()) {
          await tx.execute(sql`insert into development_talk_comment (organiser_id, id, talk_id, subject_code, teacher_id, comment)
            values (${actor.organiserId}, ${randomUUID()}, ${id}, ${subjectCode}, ${actor.personId}, ${comment})
            on conflict (organiser_id, talk_id, subject_code, teacher_id) do update set comment = excluded.comment, updated_at = now()`);
        } else {
          await tx.execute(sql`delete from development_talk_comment where organiser_id = ${actor.organiserId} and talk_id = ${id}
            and subject_code = ${subjectCode} and teacher_id = ${actor.personId}`);
        }
        await auditOf(tx, actor, comment.trim() ? 'development_talk.comment_saved' : 'development_talk.comment_removed', talk, { subjectCode });
        return detail(tx, actor, id);
      });
    },

    /** "Inför utvecklingssamtal": the coming talks of pupils the teacher teaches, with the teacher's subjects
     *  and whether each has their comment; the ones with a comment missing first. */
    async preparation(actor: Actor) {
      requireAction(actor, 'pupil-support.edit');
      if (actor.role !== 'teacher') throw forbidden('Only for teachers');
      const found = await rows<{ talkId: string; pupilId: string; givenName: string; familyName: string; className: string | null; heldOn: string;
        code: string; name: string; commented: boolean }>(db, sql`select t.id as "talkId", t.pupil_id as "pupilId", p.given_name as "givenName",
          p.family_name as "familyName", ${classNameOf(sql`t.pupil_id`, sql`t.school_unit_id`, actor.today)} as "className",
          to_char(t.held_on, 'YYYY-MM-DD') as "heldOn", s.code, s.name,
          exists (select 1 from development_talk_comment c where c.organiser_id = t.organiser_id and c.talk_id = t.id
            and c.subject_code = s.code and c.teacher_id = ${actor.personId}) as commented
        from development_talk t join person p on p.organiser_id = t.organiser_id and p.id = t.pupil_id
        join subject s on s.code in (${subjectsTaughtTo(actor, actor.today, sql`t.pupil_id` as unknown as string)})
       where t.organiser_id = ${actor.organiserId} and t.status = 'planned' and t.shared_at is null and t.held_on >= ${actor.today}::date
         and ${pupilSupportScope(actor, sql`t`)}
       order by t.held_on, s.sort_order`);
      const byTalk = new Map<string, { talkId: string; pupilId: string; givenName: string; familyName: string; className: string | null; heldOn: string;
        subjects: { code: string; name: string; commented: boolean }[] }>();
      for (const r of found) {
        const entry = byTalk.get(r.talkId) ?? { talkId: r.talkId, pupilId: r.pupilId, givenName: r.givenName, familyName: r.familyName,
          className: r.className, heldOn: r.heldOn, subjects: [] };
        entry.subjects.push({ code: r.code, name: r.name, commented: r.commented });
        byTalk.set(r.talkId, entry);
      }
      const missing = (t: { subjects: { commented: boolean }[] }) => t.subjects.some((s) => !s.commented);
      const collator = new Intl.Collator('sv');
      const talks = [...byTalk.values()].sort((a, b) => Number(missing(b)) - Number(missing(a)) || a.heldOn.localeCompare(b.heldOn)
        || collator.compare(`${a.familyName} ${a.givenName}`, `${b.familyName} ${b.givenName}`));
      return { today: actor.today, talks, missing: talks.filter(missing).length };
    },
  };
}
