import { describe, expect, it } from 'vitest';
import { findingOrder, findingProblem, isMeasureDue, MEASURE_KIND_LABELS, MEASURE_KINDS, measureProblem, measureState, needsMeasure } from './findings.js';

const today = '2026-03-10';

describe('the kinds of measures', () => {
  it('are those of the table\'s check, each with a Swedish label', () => {
    expect(MEASURE_KINDS).toEqual(['co_assessment', 'competence_development', 'regulations', 'test_consultation', 'organisation', 'resources', 'teaching_development', 'other']);
    expect(MEASURE_KIND_LABELS.co_assessment).toBe('Sambedömning');
    expect(MEASURE_KIND_LABELS.competence_development).toBe('Kompetensutveckling i betyg och betygssättning');
    expect(Object.keys(MEASURE_KIND_LABELS)).toEqual([...MEASURE_KINDS]);
  });
});

describe('a finding names its target', () => {
  it('the unit without a reference, every other kind with one, and always a label', () => {
    expect(findingProblem({ targetKind: 'unit', targetRef: null, targetLabel: 'Björkskolan' })).toBeNull();
    expect(findingProblem({ targetKind: 'unit', targetRef: 'x', targetLabel: 'Björkskolan' })).toBe('unit_has_no_ref');
    expect(findingProblem({ targetKind: 'group', targetRef: null, targetLabel: '9A MA' })).toBe('no_target_ref');
    expect(findingProblem({ targetKind: 'pupil_group', targetRef: 'sex:F', targetLabel: 'Flickor' })).toBeNull();
    expect(findingProblem({ targetKind: 'teacher', targetRef: 'p', targetLabel: ' ' })).toBe('no_label');
  });
});

describe('a measure needs a description and a follow-up date not before today', () => {
  const m = { description: 'Sambedömning av proven', followUpDate: today };
  it('today or later is fine, yesterday is not', () => {
    expect(measureProblem(m, today)).toBeNull();
    expect(measureProblem({ ...m, followUpDate: '2026-03-09' }, today)).toBe('follow_up_in_past');
  });
  it('a blank description is refused', () => {
    expect(measureProblem({ ...m, description: '  ' }, today)).toBe('no_description');
  });
  it('a date left as it was may have passed (the measure is then due)', () => {
    expect(measureProblem({ ...m, followUpDate: '2026-01-01' }, today, { followUpDateChanged: false })).toBeNull();
  });
  it('a follow-up is on a day that has come, with an outcome', () => {
    expect(measureProblem({ ...m, followedUpOn: '2026-03-11', outcome: 'Klart' }, today)).toBe('followed_up_in_future');
    expect(measureProblem({ ...m, followedUpOn: today, outcome: '' }, today)).toBe('no_outcome');
    expect(measureProblem({ ...m, followedUpOn: today, outcome: 'Genomförd' }, today)).toBeNull();
  });
});

describe('a measure is due when its follow-up date has come and it has not been followed up', () => {
  it('due on the day and after, not before, not once followed up', () => {
    expect(isMeasureDue({ followUpDate: today, followedUpOn: null }, today)).toBe(true);
    expect(isMeasureDue({ followUpDate: '2026-03-01', followedUpOn: null }, today)).toBe(true);
    expect(isMeasureDue({ followUpDate: '2026-03-11', followedUpOn: null }, today)).toBe(false);
    expect(isMeasureDue({ followUpDate: '2026-03-01', followedUpOn: '2026-03-02' }, today)).toBe(false);
    expect(measureState({ followUpDate: '2026-03-11', followedUpOn: null }, today)).toBe('planned');
    expect(measureState({ followUpDate: '2026-03-01', followedUpOn: '2026-03-02' }, today)).toBe('followed_up');
  });
});

describe('an unjustified finding without any measure needs a measure', () => {
  it('only unjustified, and only without measures', () => {
    expect(needsMeasure({ assessment: 'unjustified', measures: [] })).toBe(true);
    expect(needsMeasure({ assessment: 'unjustified', measures: [{}] })).toBe(false);
    expect(needsMeasure({ assessment: 'justified', measures: [] })).toBe(false);
    expect(needsMeasure({ assessment: 'investigating', measures: [] })).toBe(false);
  });
});

describe('findings needing attention come first', () => {
  it('due measures and unjustified findings without a measure first, then by next follow-up date, then newest year, then label', () => {
    const f = (targetLabel: string, assessment: 'justified' | 'unjustified', schoolYear: string, measures: { followUpDate: string; followedUpOn: string | null }[]) =>
      ({ targetLabel, assessment, schoolYear, measures });
    const order = findingOrder([
      f('Ämne Ö', 'justified', '2025/2026', []),
      f('Ämne Å', 'justified', '2025/2026', []),
      f('Planerad', 'justified', '2025/2026', [{ followUpDate: '2026-05-01', followedUpOn: null }]),
      f('Förra året', 'justified', '2024/2025', []),
      f('Saknar insats', 'unjustified', '2025/2026', []),
      f('Förfallen', 'justified', '2025/2026', [{ followUpDate: '2026-03-01', followedUpOn: null }]),
    ], today);
    expect(order.map((x) => x.targetLabel)).toEqual(['Förfallen', 'Saknar insats', 'Planerad', 'Ämne Å', 'Ämne Ö', 'Förra året']);
  });
});
