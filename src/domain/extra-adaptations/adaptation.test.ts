import { describe, expect, it } from 'vitest';
import { adaptationOrder, adaptationProblem, adaptationStatus, changeProblem, evaluationProblem, noteProblem, shareAdaptationProblem, type AdaptationFact } from './adaptation.js';

const a = (over: Partial<AdaptationFact> = {}): AdaptationFact => ({ startDate: '2026-09-01', endDate: null, followUpOn: null, evaluatedOn: null, shared: false, ...over });
const TODAY = '2026-11-20';

describe('the status of an extra adaptation', () => {
  it('active from its start until its end, coming before, ended after, evaluated once evaluated', () => {
    expect(adaptationStatus(a(), TODAY)).toBe('active');
    expect(adaptationStatus(a({ endDate: TODAY }), TODAY)).toBe('active');
    expect(adaptationStatus(a({ startDate: '2026-12-01' }), TODAY)).toBe('planned');
    expect(adaptationStatus(a({ endDate: '2026-11-19' }), TODAY)).toBe('ended');
    expect(adaptationStatus(a({ evaluatedOn: '2026-11-01' }), TODAY)).toBe('evaluated');
  });
  it('active ones first, the next follow-up soonest; evaluated last', () => {
    const list = [
      { n: 'evaluated', ...a({ evaluatedOn: '2026-10-01' }) },
      { n: 'ended', ...a({ endDate: '2026-10-01' }) },
      { n: 'active later', ...a({ followUpOn: '2026-12-10' }) },
      { n: 'coming', ...a({ startDate: '2026-12-01' }) },
      { n: 'active soon', ...a({ followUpOn: '2026-11-25' }) },
    ];
    expect(list.sort(adaptationOrder(TODAY)).map((x) => x.n)).toEqual(['active soon', 'active later', 'coming', 'ended', 'evaluated']);
  });
});

describe('what an adaptation must be', () => {
  const ok = { startDate: '2026-09-01', endDate: '2026-12-20', followUpOn: '2026-10-01', responsibleId: 'mentor' };
  it('ends on or after its start, is followed up after its start, and has a responsible from the list', () => {
    expect(adaptationProblem(ok, ['mentor', 'rektor'])).toBeNull();
    expect(adaptationProblem({ ...ok, endDate: '2026-08-31' }, ['mentor'])).toBe('end_before_start');
    expect(adaptationProblem({ ...ok, followUpOn: '2026-08-01' }, ['mentor'])).toBe('follow_up_before_start');
    expect(adaptationProblem({ ...ok, responsibleId: 'administrator' }, ['mentor', 'rektor'])).toBe('not_responsible_candidate');
  });
  it('is closed by its evaluation: no changes, notes or second evaluation', () => {
    const closed = a({ evaluatedOn: '2026-11-01' });
    expect(changeProblem(closed)).toBe('evaluated');
    expect(noteProblem(closed, TODAY)).toBe('evaluated');
    expect(evaluationProblem(closed, TODAY)).toBe('evaluated');
  });
  it('notes and the evaluation are dated on or after its start', () => {
    expect(noteProblem(a(), '2026-08-01')).toBe('note_before_start');
    expect(noteProblem(a(), TODAY)).toBeNull();
    expect(evaluationProblem(a(), '2026-08-01')).toBe('evaluation_before_start');
    expect(evaluationProblem(a(), TODAY)).toBeNull();
  });
  it('is shared once', () => {
    expect(shareAdaptationProblem(a())).toBeNull();
    expect(shareAdaptationProblem(a({ shared: true }))).toBe('already_shared');
  });
});
