import { describe, expect, it } from 'vitest';
import { caseAttention, contentEditProblem, decisionProblem, dueDeadlines, evaluationProblem, followUpProblem, statusAfterDecision, type ProgrammeDraft } from './action-programme.js';

const draft: ProgrammeDraft = {
  status: 'investigation', investigationFindings: 'Behöver stöd i läsförståelse', needs: 'Läsförståelse',
  evaluateBy: '2026-12-15', measures: [{ measure: 'Speciallärare två gånger i veckan', responsibleId: 'p1', followUpOn: '2026-12-01' }],
};
const principal = { mayDecide: true, reason: 'Utredningen visar behov av särskilt stöd', decidedOn: '2026-11-22' };

describe('action programme workflow', () => {
  it('no decision by someone who is neither the principal nor a delegate (a teacher)', () => {
    expect(decisionProblem(draft, 'programme', { ...principal, mayDecide: false })).toBe('not_decider');
  });

  it('the principal decides a programme once the investigation, needs, measures and evaluation date are written', () => {
    expect(decisionProblem(draft, 'programme', principal)).toBeNull();
    expect(statusAfterDecision('programme')).toBe('programme');
  });

  it('no decision without the investigation\'s findings, and every decision is reasoned', () => {
    expect(decisionProblem({ ...draft, investigationFindings: ' ' }, 'no_programme', principal)).toBe('no_findings');
    expect(decisionProblem(draft, 'no_programme', { ...principal, reason: '' })).toBe('no_reason');
  });

  it('a decision not to write a programme needs no measures', () => {
    expect(decisionProblem({ ...draft, needs: '', measures: [], evaluateBy: null }, 'no_programme', principal)).toBeNull();
    expect(statusAfterDecision('no_programme')).toBe('no_programme');
  });

  it('no programme without needs, measures with responsible and follow-up date, and an evaluation date', () => {
    expect(decisionProblem({ ...draft, needs: '' }, 'programme', principal)).toBe('no_needs');
    expect(decisionProblem({ ...draft, measures: [] }, 'programme', principal)).toBe('no_measures');
    expect(decisionProblem({ ...draft, measures: [{ measure: 'x', responsibleId: '', followUpOn: '2026-12-01' }] }, 'programme', principal)).toBe('no_measures');
    expect(decisionProblem({ ...draft, evaluateBy: null }, 'programme', principal)).toBe('no_evaluation_date');
    expect(decisionProblem({ ...draft, evaluateBy: '2026-11-01' }, 'programme', principal)).toBe('no_evaluation_date');
  });

  it('a decided case is not decided again, and its content is fixed', () => {
    for (const status of ['programme', 'no_programme', 'evaluated'] as const) {
      expect(decisionProblem({ ...draft, status }, 'programme', principal)).toBe('already_decided');
      expect(contentEditProblem(status)).toBe('decided_content_fixed');
    }
    expect(contentEditProblem('investigation')).toBeNull();
  });

  it('follow-ups and the evaluation belong to a programme in force', () => {
    expect(followUpProblem('programme')).toBeNull();
    expect(followUpProblem('investigation')).toBe('evaluation_before_decision');
    expect(followUpProblem('no_programme')).toBe('not_a_programme');
    expect(evaluationProblem('programme', 'Målen nådda')).toBeNull();
    expect(evaluationProblem('programme', '')).toBe('no_evaluation');
    expect(evaluationProblem('investigation', 'x')).toBe('evaluation_before_decision');
    expect(evaluationProblem('evaluated', 'x')).toBe('not_a_programme');
  });

  it('deadlines due within two weeks or overdue are shown, soonest first', () => {
    const due = dueDeadlines([
      { kind: 'measure_follow_up', due: '2026-12-20', id: 'a' },
      { kind: 'programme_evaluation', due: '2026-12-01', id: 'b' },
      { kind: 'adaptation_follow_up', due: '2026-11-20', id: 'c' },
    ], '2026-11-22');
    expect(due.map((d) => [d.id, d.overdue])).toEqual([['c', true], ['b', false]]);
  });

  it('a case asks for attention: the decision while investigated, the evaluation or a follow-up due within two weeks', () => {
    const today = '2026-11-20';
    const programme = { id: 'p', status: 'programme' as const, evaluateBy: '2027-03-01', nextFollowUp: null };
    expect(caseAttention({ ...programme, status: 'investigation' }, today)).toBe('decision');
    expect(caseAttention(programme, today)).toBeNull();
    expect(caseAttention({ ...programme, evaluateBy: '2026-12-04' }, today)).toBe('evaluation');
    expect(caseAttention({ ...programme, evaluateBy: '2026-12-05' }, today)).toBeNull();
    expect(caseAttention({ ...programme, nextFollowUp: '2026-11-01' }, today)).toBe('follow_up');
    expect(caseAttention({ ...programme, status: 'evaluated', evaluateBy: '2026-11-01' }, today)).toBeNull();
  });
});
