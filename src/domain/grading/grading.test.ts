import { describe, expect, it } from 'vitest';
import { columnProblem } from './columns.js';
import { meritValue, type FinalGrade } from './merit.js';
import { allowedSteps } from './scale.js';
import { transitionProblem } from './workflow.js';
import { assessmentMarker, writtenAssessmentRequired } from './written-assessment.js';

describe('grade scale', () => {
  it('grundskola offers A–F and the dash', () => {
    expect(allowedSteps({ schoolForm: 'GR', gradesRequested: false })).toEqual(['A', 'B', 'C', 'D', 'E', 'F', '-']);
  });
  it('anpassad grundskola offers A–E only, never F or the dash', () => {
    expect(allowedSteps({ schoolForm: 'GRS', gradesRequested: true })).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
  it('anpassad grundskola gives no grades unless the pupil or a guardian asked for them', () => {
    expect(allowedSteps({ schoolForm: 'GRS', gradesRequested: false })).toEqual([]);
  });
});

describe('grade columns', () => {
  const f = (schoolYear: number | null, firstGradedYear = 6) => ({ schoolYear, firstGradedYear });
  it('term grades start in autumn of the first graded year', () => {
    expect(columnProblem('HT', f(6))).toBeNull();
    expect(columnProblem('HT', f(5))).toBe('before_first_graded_year');
  });
  it('the first graded year is a per-subject setting (språkval from year 7)', () => {
    expect(columnProblem('VT', f(6, 7))).toBe('before_first_graded_year');
    expect(columnProblem('VT', f(7, 7))).toBeNull();
  });
  it('the last term grade is autumn of year 9; spring of year 9 gives the final grade', () => {
    expect(columnProblem('HT', f(9))).toBeNull();
    expect(columnProblem('VT', f(9))).toBe('after_last_term_grade');
    expect(columnProblem('final', f(9))).toBeNull();
  });
  it('a final grade is given in year 9', () => {
    expect(columnProblem('final', f(8))).toBe('final_only_in_year_9');
  });
  it('a pupil without a school year gets no grade column', () => {
    expect(columnProblem('HT', f(null))).toBe('no_school_year');
  });
});

describe('written assessment', () => {
  it('F in a final grade requires a written assessment', () => {
    expect(writtenAssessmentRequired('final', 'F')).toBe(true);
  });
  it('a dash in a final grade offers a written assessment but does not require it', () => {
    expect(writtenAssessmentRequired('final', '-')).toBe(false);
    expect(assessmentMarker('final', '-', null)).toBe('missing');
  });
  it('F in a term grade needs no written assessment', () => {
    expect(writtenAssessmentRequired('HT', 'F')).toBe(false);
    expect(assessmentMarker('HT', 'F', null)).toBeNull();
  });
  it('the marker turns to done once the knowledge development is written', () => {
    expect(assessmentMarker('final', 'F', { knowledgeDevelopment: ' ' })).toBe('missing');
    expect(assessmentMarker('final', 'F', { knowledgeDevelopment: 'Eleven har …' })).toBe('done');
  });
});

describe('workflow', () => {
  it('the grading teacher registers and changes a grade until it is confirmed', () => {
    expect(transitionProblem(null, 'change_value', 'grading_teacher')).toBeNull();
    expect(transitionProblem('registered', 'change_value', 'grading_teacher')).toBeNull();
  });
  it('a confirmed grade can no longer be changed by the teacher', () => {
    expect(transitionProblem('confirmed', 'change_value', 'grading_teacher')).toBe('confirmed');
  });
  it('a decided or locked grade is changed only by a formal correction', () => {
    expect(transitionProblem('locked', 'change_value', 'grading_teacher')).toBe('decided_or_locked');
    expect(transitionProblem('decided', 'unconfirm', 'administrator')).toBe('decided_or_locked');
  });
  it('only the administrator removes a confirmation', () => {
    expect(transitionProblem('confirmed', 'unconfirm', 'grading_teacher')).toBe('role');
    expect(transitionProblem('confirmed', 'unconfirm', 'administrator')).toBeNull();
  });
  it('a grade that is not registered cannot be confirmed', () => {
    expect(transitionProblem(null, 'confirm', 'grading_teacher')).toBe('not_registered');
  });
});

describe('merit value', () => {
  const g = (value: FinalGrade['value'], subjectCode = 'X') => ({ subjectCode, value });
  it('counts the 16 best final grades', () => {
    const grades = [...Array(16).fill(g('A')), g('E')];
    expect(meritValue(grades)).toBe(320);
  });
  it('a språkval grade in a modern language is the 17th, up to 340', () => {
    expect(meritValue([...Array(16).fill(g('A')), g('A', 'M2SPA')])).toBe(340);
  });
  it('a 17th grade in another subject does not count', () => {
    expect(meritValue([...Array(17).fill(g('A'))])).toBe(320);
  });
  it('the dash counts as no grade, F as zero points', () => {
    expect(meritValue([g('-'), g('F'), g('C')])).toBe(15);
  });
  it('points: A 20, B 17.5, C 15, D 12.5, E 10', () => {
    expect(meritValue([g('A'), g('B'), g('C'), g('D'), g('E')])).toBe(75);
  });
});
