import { sql } from 'drizzle-orm';
import type { FollowUpOutcome, TalkStatus } from '../../domain/development-talks/talk.js';
import { pupilSupportScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface TalkRow {
  id: string; pupilId: string; unitId: string; heldOn: string; status: TalkStatus; participants: string; summary: string;
  sharedAt: string | null; createdBy: string; version: number;
}
export interface CommentRow { subjectCode: string; teacherId: string; teacher: string; comment: string; updatedAt: string }
export interface GoalRow {
  id: string; talkId: string; talkHeldOn: string; talkStatus: TalkStatus; talkShared: boolean; goal: string; pupilDoes: string; schoolDoes: string; homeDoes: string;
  followUpTalkId: string | null; followUpOutcome: FollowUpOutcome | null; followUpNote: string | null;
}

const talkColumns = sql`t.id, t.pupil_id as "pupilId", t.school_unit_id as "unitId", to_char(t.held_on, 'YYYY-MM-DD') as "heldOn", t.status,
  t.participants, t.summary, to_char(t.shared_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "sharedAt",
  cb.given_name || ' ' || cb.family_name as "createdBy", t.version`;
const fromTalk = sql`from development_talk t join person cb on cb.organiser_id = t.organiser_id and cb.id = t.created_by`;

/** One talk the actor may read (pupilSupportScope), optionally locked for an update. */
export const findTalk = (q: Q, actor: Actor, id: string, lock = false) =>
  one<TalkRow>(q, sql`select ${talkColumns} ${fromTalk} where t.id = ${id} and ${pupilSupportScope(actor, sql`t`)} ${lock ? sql`for update of t` : sql``}`);

/** The pupil's talks the actor may read, newest first. */
export const listTalks = (q: Q, actor: Actor, pupilId: string) =>
  rows<TalkRow>(q, sql`select ${talkColumns} ${fromTalk} where t.organiser_id = ${actor.organiserId} and t.pupil_id = ${pupilId}
    and ${pupilSupportScope(actor, sql`t`)} order by t.held_on desc, t.created_at desc`);

export const listComments = (q: Q, organiserId: string, talkId: string) => rows<CommentRow>(q, sql`select c.subject_code as "subjectCode",
    c.teacher_id as "teacherId", tp.given_name || ' ' || tp.family_name as teacher, c.comment,
    to_char(c.updated_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "updatedAt"
  from development_talk_comment c join person tp on tp.organiser_id = c.organiser_id and tp.id = c.teacher_id
  where c.organiser_id = ${organiserId} and c.talk_id = ${talkId} order by c.subject_code, c.updated_at`);

const goalColumns = sql`g.id, g.talk_id as "talkId", to_char(gt.held_on, 'YYYY-MM-DD') as "talkHeldOn", gt.status as "talkStatus",
  gt.shared_at is not null as "talkShared", g.goal, g.pupil_does as "pupilDoes", g.school_does as "schoolDoes", g.home_does as "homeDoes",
  g.follow_up_talk_id as "followUpTalkId", g.follow_up_outcome as "followUpOutcome", g.follow_up_note as "followUpNote"`;
const fromGoal = sql`from development_talk_goal g join development_talk gt on gt.organiser_id = g.organiser_id and gt.id = g.talk_id`;

/** The goals agreed at the talk, in the order they were written. */
export const listGoals = (q: Q, organiserId: string, talkId: string) =>
  rows<GoalRow>(q, sql`select ${goalColumns} ${fromGoal} where g.organiser_id = ${organiserId} and g.talk_id = ${talkId} order by g.id`);

/** Goals of the pupil's other talks at the same unit that are open for follow-up at `talk` (not followed up
 *  at another talk) or followed up at it; the rule (an earlier, held talk) is applied by the caller. */
export const goalsForFollowUp = (q: Q, organiserId: string, talk: Pick<TalkRow, 'id' | 'pupilId' | 'unitId'>) =>
  rows<GoalRow>(q, sql`select ${goalColumns} ${fromGoal} where g.organiser_id = ${organiserId} and gt.pupil_id = ${talk.pupilId}
    and gt.school_unit_id = ${talk.unitId} and gt.id <> ${talk.id} and (g.follow_up_talk_id is null or g.follow_up_talk_id = ${talk.id})
    order by gt.held_on desc, g.id`);
