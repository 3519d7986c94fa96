import { describe, expect, it } from 'vitest';
import { svCollator } from '../org/sorting.js';
import { canHandleReport, endNeedsConfirmation, endProblem, groupProblem, isGroupCurrent, outsideGroup, reportProblem, staffProblem } from './groups.js';

const open = { startDate: '2026-08-17', endDate: null };

describe('what a group needs', () => {
  it('a teaching group is taught one subject', () => {
    expect(groupProblem({ ...open, name: 'MA7A', groupType: 'teaching', subjectCode: null, schoolYear: 7 })).toBe('subject_required');
    expect(groupProblem({ ...open, name: 'MA7A', groupType: 'teaching', subjectCode: 'MA', schoolYear: 7 })).toBeNull();
  });
  it('only a teaching group has a subject', () => {
    expect(groupProblem({ ...open, name: '7A', groupType: 'class', subjectCode: 'MA', schoolYear: 7 })).toBe('subject_only_for_teaching');
  });
  it('a class has a school year', () => {
    expect(groupProblem({ ...open, name: '7A', groupType: 'class', subjectCode: null, schoolYear: null })).toBe('school_year_required');
    expect(groupProblem({ ...open, name: 'Mentorsgrupp Ek', groupType: 'mentor', subjectCode: null, schoolYear: null })).toBeNull();
  });
  it('a group has a name and a valid range of dates', () => {
    expect(groupProblem({ ...open, name: '  ', groupType: 'mentor', subjectCode: null, schoolYear: null })).toBe('name_required');
    expect(groupProblem({ startDate: '2026-08-17', endDate: '2026-08-16', name: '7A', groupType: 'class', subjectCode: null, schoolYear: 7 })).toBe('invalid_range');
  });
});

describe('staff of a group', () => {
  it('a mentor belongs to a class or mentor group, not a teaching group', () => {
    expect(staffProblem({ ...open, groupType: 'teaching', assignment: 'mentor', grader: false }, [])).toBe('mentor_only_for_class');
    expect(staffProblem({ ...open, groupType: 'class', assignment: 'mentor', grader: false }, [])).toBeNull();
  });
  it('the grader flag is for a teacher of a teaching group', () => {
    expect(staffProblem({ ...open, groupType: 'class', assignment: 'teacher', grader: true }, [])).toBe('grader_only_for_teaching');
    expect(staffProblem({ ...open, groupType: 'teaching', assignment: 'teacher', grader: true }, [])).toBeNull();
  });
  it('the same person holds one assignment of a kind in a group at a time', () => {
    const joining = { ...open, groupType: 'teaching' as const, assignment: 'teacher' as const, grader: true };
    expect(staffProblem(joining, [{ startDate: '2026-01-01', endDate: null }])).toBe('already_assigned');
    expect(staffProblem(joining, [{ startDate: '2026-01-01', endDate: '2026-06-30' }])).toBeNull();
  });
});

describe('ending a relation', () => {
  it('the last day is on or after the first', () => {
    expect(endProblem({ startDate: '2026-08-17', endDate: null }, '2026-08-16')).toBe('end_before_start');
    expect(endProblem({ startDate: '2026-08-17', endDate: null }, '2026-08-17')).toBeNull();
  });
  it('a relation that has already ended by that day stays as it is; an end later on may be brought forward', () => {
    expect(endProblem({ startDate: '2026-08-17', endDate: '2026-10-01' }, '2026-12-01')).toBe('already_ended');
    expect(endProblem({ startDate: '2026-08-17', endDate: '2027-06-11' }, '2026-12-01')).toBeNull();
  });
  it('ending a group with grades not yet confirmed this term needs the administrator to confirm', () => {
    expect(endNeedsConfirmation({ grades: 3, pupils: 2 }, false)).toBe(true);
    expect(endNeedsConfirmation({ grades: 3, pupils: 2 }, true)).toBe(false);
    expect(endNeedsConfirmation({ grades: 0, pupils: 0 }, false)).toBe(false);
  });
  it('a group is current until its last day has passed', () => {
    expect(isGroupCurrent({ startDate: '2025-08-18', endDate: '2026-06-12' }, '2026-06-12')).toBe(true);
    expect(isGroupCurrent({ startDate: '2025-08-18', endDate: '2026-06-12' }, '2026-06-13')).toBe(false);
    expect(isGroupCurrent({ startDate: '2027-08-18', endDate: null }, '2026-06-13')).toBe(true);
  });
});

describe('memberships and assignments lie within the group\'s dates', () => {
  it('a pupil cannot join before the group starts or after it has ended, nor stay past its end', () => {
    const group = { startDate: '2026-08-17', endDate: '2027-06-11' };
    expect(outsideGroup({ startDate: '2026-08-10', endDate: null }, group)).toBe(true);
    expect(outsideGroup({ startDate: '2027-06-12', endDate: null }, group)).toBe(true);
    expect(outsideGroup({ startDate: '2026-09-01', endDate: '2027-08-01' }, group)).toBe(true);
  });
  it('an open end runs as long as the group', () => {
    expect(outsideGroup({ startDate: '2026-09-01', endDate: null }, { startDate: '2026-08-17', endDate: '2027-06-11' })).toBe(false);
    expect(outsideGroup({ startDate: '2026-09-01', endDate: null }, { startDate: '2026-08-17', endDate: null })).toBe(false);
  });
});

describe('group names sort as Swedish schools list them', () => {
  it('7A before 7B before 10A (numbers by value), Å Ä Ö after Z', () => {
    expect(['10A', '7B', 'Öva', '7A', 'Zeta', 'Ära'].sort(svCollator.compare)).toEqual(['7A', '7B', '10A', 'Zeta', 'Ära', 'Öva']);
  });
});

describe('a teacher reports that a group is wrong', () => {
  const members = new Set(['p1']);
  it('a pupil who should not be in the group is a pupil of the group', () => {
    expect(reportProblem({ kind: 'pupil_not_in_group', pupilId: null, message: 'Har bytt grupp' }, members)).toBe('pupil_required');
    expect(reportProblem({ kind: 'pupil_not_in_group', pupilId: 'p2', message: 'Har bytt grupp' }, members)).toBe('pupil_not_member');
    expect(reportProblem({ kind: 'pupil_not_in_group', pupilId: 'p1', message: 'Har bytt grupp' }, members)).toBeNull();
  });
  it('a missing pupil is named in the message', () => {
    expect(reportProblem({ kind: 'pupil_missing', pupilId: null, message: 'Sara Ek i 7B saknas' }, members)).toBeNull();
  });
  it('every report says what is wrong', () => {
    expect(reportProblem({ kind: 'other', pupilId: null, message: ' ' }, members)).toBe('message_required');
  });
  it('a report is handled once: an open report is resolved or rejected, a handled one stays', () => {
    expect([canHandleReport('open'), canHandleReport('resolved'), canHandleReport('rejected')]).toEqual([true, false, false]);
  });
});
