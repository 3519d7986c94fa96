import { describe, expect, it } from 'vitest';
import { copyOf, planningFieldsProblem, publishProblem, shareAssessmentsProblem, shiftYears } from './planning.js';

const fields = { title: 'Algebra', periodStart: '2026-11-02', periodEnd: '2026-12-18', groupIds: ['g1'], learningHtml: '', teachingHtml: '', assessmentHtml: '' };

describe('planning rules', () => {
  it('a planning has a title, a period that ends on or after it starts, and a group', () => {
    expect(planningFieldsProblem(fields)).toBeNull();
    expect(planningFieldsProblem({ ...fields, title: '  ' })).toBe('no_title');
    expect(planningFieldsProblem({ ...fields, periodEnd: '2026-11-01' })).toBe('period');
    expect(planningFieldsProblem({ ...fields, groupIds: [] })).toBe('no_group');
    expect(planningFieldsProblem({ ...fields, learningHtml: 'x'.repeat(50_001) })).toBe('text_too_long');
  });

  it('a draft is published only with something picked from the syllabus, and only once', () => {
    expect(publishProblem({ status: 'draft', contentCount: 0, requirementCount: 0 })).toBe('nothing_picked');
    expect(publishProblem({ status: 'draft', contentCount: 0, requirementCount: 2 })).toBeNull();
    expect(publishProblem({ status: 'published', contentCount: 3, requirementCount: 2 })).toBe('already_published');
  });

  it('assessments are shared only on a published planning', () => {
    expect(shareAssessmentsProblem('draft')).toBe('not_published');
    expect(shareAssessmentsProblem('published')).toBeNull();
  });

  it('a copy for next year is a draft for the new groups with the period a year later', () => {
    const c = copyOf({ ...fields, learningHtml: '<p>x</p>' }, { groupIds: ['g2'], years: 1 });
    expect(c).toMatchObject({ status: 'draft', groupIds: ['g2'], periodStart: '2027-11-02', periodEnd: '2027-12-18', learningHtml: '<p>x</p>', title: 'Algebra' });
    expect(shiftYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});
