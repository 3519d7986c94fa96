import { describe, expect, it } from 'vitest';
import { commentProblem, earlierTalks, editProblem, followUpProblem, goalProblem, holdProblem, mayLeadTalk, shareProblem, type TalkFact } from './talk.js';

const talk = (over: Partial<TalkFact> = {}): TalkFact => ({ id: 't1', pupilId: 'p1', heldOn: '2026-11-20', status: 'planned', shared: false, ...over });

describe('who leads a development talk', () => {
  it('the mentor of the pupil and the principal; another teacher or any other role does not', () => {
    expect(mayLeadTalk({ role: 'teacher', mentorsPupil: true })).toBe(true);
    expect(mayLeadTalk({ role: 'principal', mentorsPupil: false })).toBe(true);
    expect(mayLeadTalk({ role: 'teacher', mentorsPupil: false })).toBe(false);
    expect(mayLeadTalk({ role: 'administrator', mentorsPupil: false })).toBe(false);
  });
});

describe('a talk is held on or after its day, shared only once held, and read-only once shared', () => {
  it('is marked held once, not before its day', () => {
    expect(holdProblem(talk(), '2026-11-20')).toBeNull();
    expect(holdProblem(talk(), '2026-11-19')).toBe('held_in_future');
    expect(holdProblem(talk({ status: 'held' }), '2026-11-21')).toBe('already_held');
  });
  it('is shared only once held, and only once', () => {
    expect(shareProblem(talk())).toBe('not_held');
    expect(shareProblem(talk({ status: 'held' }))).toBeNull();
    expect(shareProblem(talk({ status: 'held', shared: true }))).toBe('already_shared');
  });
  it('is not changed once shared', () => {
    expect(editProblem(talk({ status: 'held' }))).toBeNull();
    expect(editProblem(talk({ status: 'held', shared: true }))).toBe('talk_shared');
    expect(holdProblem(talk({ status: 'held', shared: true }), '2026-12-01')).toBe('talk_shared');
  });
});

describe('a comment only by a teacher of the pupil in that subject', () => {
  it('in a subject taught, while the talk is not shared', () => {
    expect(commentProblem(talk(), 'MA', ['MA', 'FY'])).toBeNull();
    expect(commentProblem(talk(), 'SV', ['MA'])).toBe('not_your_subject');
    expect(commentProblem(talk(), 'MA', [])).toBe('not_your_subject');
    expect(commentProblem(talk({ shared: true }), 'MA', ['MA'])).toBe('talk_shared');
  });
});

describe('goals are followed up only at a later talk of the same pupil', () => {
  const spring = talk({ id: 'vt', heldOn: '2026-04-10', status: 'held', shared: true });
  it('a held earlier talk of the same pupil', () => {
    expect(followUpProblem(spring, talk())).toBeNull();
  });
  it('not the talk itself, a later talk, another pupil\'s or an unheld one', () => {
    expect(followUpProblem(talk(), talk())).toBe('goal_not_earlier');
    expect(followUpProblem(talk({ id: 'later', heldOn: '2027-04-01', status: 'held' }), talk())).toBe('goal_not_earlier');
    expect(followUpProblem({ ...spring, pupilId: 'p2' }, talk())).toBe('goal_of_other_pupil');
    expect(followUpProblem({ ...spring, status: 'planned' }, talk())).toBe('goal_of_unheld_talk');
  });
  it('the earlier talks come newest first', () => {
    const autumn = talk({ id: 'ht', heldOn: '2025-11-10', status: 'held' });
    expect(earlierTalks([autumn, spring, talk(), talk({ id: 'x', heldOn: '2026-05-01' })], talk()).map((t) => t.id)).toEqual(['vt', 'ht']);
  });
  it('a goal states the goal', () => {
    expect(goalProblem({ goal: '  ' })).toBe('goal_empty');
    expect(goalProblem({ goal: 'Lämna in läxor i tid' })).toBeNull();
  });
});
