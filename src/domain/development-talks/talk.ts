/**
 * Utvecklingssamtal. The mentor (or the principal) plans a talk for a pupil; before it, each of the pupil's
 * teachers writes a short comment per subject they teach the pupil; at the talk the mentor records the
 * participants, a summary, the agreed goals with what the pupil, the school and the home do, and follows up
 * the goals of earlier talks. A talk is marked held on or after its day, and only a held talk is shared with
 * the pupil and the guardians, who then read it as it is: a shared talk is no longer changed.
 */
export type TalkStatus = 'planned' | 'held';
export const FOLLOW_UP_OUTCOMES = ['met', 'partly', 'not_met'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export interface TalkFact { id: string; pupilId: string; heldOn: string; status: TalkStatus; shared: boolean }

export type TalkProblem =
  | 'not_talk_leader' | 'talk_shared' | 'not_held' | 'already_held' | 'held_in_future' | 'already_shared'
  | 'not_your_subject' | 'goal_of_other_pupil' | 'goal_not_earlier' | 'goal_of_unheld_talk' | 'goal_empty';

/** Who leads the talk (plans, writes it up, holds and shares it): the pupil's mentor or the principal. */
export const mayLeadTalk = (a: { role: string; mentorsPupil: boolean }): boolean =>
  a.role === 'principal' || (a.role === 'teacher' && a.mentorsPupil);

/** The talk may still be written in: everything but a shared talk. */
export const editProblem = (talk: Pick<TalkFact, 'shared'>): TalkProblem | null => (talk.shared ? 'talk_shared' : null);

/** Marked held once, on or after its day. */
export function holdProblem(talk: TalkFact, today: string): TalkProblem | null {
  if (talk.shared) return 'talk_shared';
  if (talk.status === 'held') return 'already_held';
  if (talk.heldOn > today) return 'held_in_future';
  return null;
}

/** Shared once, and only a held talk. */
export function shareProblem(talk: TalkFact): TalkProblem | null {
  if (talk.shared) return 'already_shared';
  if (talk.status !== 'held') return 'not_held';
  return null;
}

/** A teacher comments only in a subject they teach the pupil, and only while the talk is not shared. */
export function commentProblem(talk: Pick<TalkFact, 'shared'>, subjectCode: string, taughtSubjects: readonly string[]): TalkProblem | null {
  if (talk.shared) return 'talk_shared';
  if (!taughtSubjects.includes(subjectCode)) return 'not_your_subject';
  return null;
}

/** A goal is followed up at a later talk of the same pupil: the goal's talk was held, and before this one. */
export function followUpProblem(goalTalk: TalkFact, atTalk: TalkFact): TalkProblem | null {
  if (goalTalk.pupilId !== atTalk.pupilId) return 'goal_of_other_pupil';
  if (goalTalk.id === atTalk.id || goalTalk.heldOn > atTalk.heldOn) return 'goal_not_earlier';
  if (goalTalk.status !== 'held') return 'goal_of_unheld_talk';
  return null;
}

/** An agreed goal states the goal itself; who does what may be left empty. */
export const goalProblem = (g: { goal: string }): TalkProblem | null => (g.goal.trim() ? null : 'goal_empty');

/** The earlier talks whose goals come up for follow-up at `talk`: held talks of the same pupil before it. */
export const earlierTalks = <T extends TalkFact>(talks: readonly T[], talk: TalkFact): T[] =>
  talks.filter((t) => followUpProblem(t, talk) === null).sort((a, b) => b.heldOn.localeCompare(a.heldOn));

/** The order of a pupil's talks: the newest first. */
export const talkOrder = (a: Pick<TalkFact, 'heldOn'>, b: Pick<TalkFact, 'heldOn'>) => b.heldOn.localeCompare(a.heldOn);
