import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../org/personnummer.js';
import {
  checkCivicNo, contactVisible, dutyProblem, endProblem, enrolmentProblem, guardianshipProblem, relationState,
} from './people.js';

const today = new Date('2026-06-11T12:00:00Z');
const pnr = (nine: string) => `20${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`; // 12-digit form with dash

describe('civic numbers of new people', () => {
  it('a personnummer with a wrong check digit is refused as such', () => {
    const good = pnr('100314238');
    const bad = good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
    expect(checkCivicNo(good, today)).toMatchObject({ ok: true, civicNo: good.replace('-', ''), kind: 'personnummer', birthDate: '2010-03-14' });
    expect(checkCivicNo(bad, today)).toEqual({ ok: false, problem: 'civic_no_checksum' });
  });
  it('an impossible or future date of birth is refused as a date', () => {
    expect(checkCivicNo('20100231-1234', today)).toEqual({ ok: false, problem: 'civic_no_date' });
    expect(checkCivicNo(pnr('300101238'), today)).toEqual({ ok: false, problem: 'civic_no_date' });
  });
  it('a samordningsnummer (day + 60) and a temporary number with letters are accepted', () => {
    expect(checkCivicNo(pnr('100374238'), today)).toMatchObject({ ok: true, kind: 'samordningsnummer', birthDate: '2010-03-14' });
    expect(checkCivicNo('20110314-TF12', today)).toMatchObject({ ok: true, kind: 'temporary', civicNo: '20110314TF12' });
  });
  it('text that is no civic number is refused as a format', () => {
    expect(checkCivicNo('hej', today)).toEqual({ ok: false, problem: 'civic_no_format' });
  });
});

describe('protected registration', () => {
  it('contact details of a person with protected registration are never shown; confidential ones are', () => {
    expect([contactVisible('none'), contactVisible('confidential'), contactVisible('protected')]).toEqual([true, true, false]);
  });
});

describe('relations of a person', () => {
  const forms = ['GR', 'GRS'];
  const enrolment = { schoolYear: 7, schoolForm: 'GR', gradesRequested: false, startDate: '2026-08-17', endDate: null };
  it('two enrolments at the same unit may not overlap; one that starts after the other ended may', () => {
    expect(enrolmentProblem(enrolment, forms, [{ startDate: '2025-08-18', endDate: null }])).toBe('overlapping_enrolment');
    expect(enrolmentProblem(enrolment, forms, [{ startDate: '2025-08-18', endDate: '2026-08-16' }])).toBeNull();
  });
  it('an enrolment is in a school form the unit runs, in a year that form has', () => {
    expect(enrolmentProblem({ ...enrolment, schoolForm: 'SP' }, forms, [])).toBe('school_form_not_at_unit');
    expect(enrolmentProblem({ ...enrolment, schoolYear: 10 }, forms, [])).toBe('year_not_in_school_form');
    expect(enrolmentProblem({ ...enrolment, schoolForm: 'SP', schoolYear: 10 }, ['SP'], [])).toBeNull();
  });
  it('grades on request exist only in anpassad grundskola (GRS)', () => {
    expect(enrolmentProblem({ ...enrolment, gradesRequested: true }, forms, [])).toBe('grades_requested_only_grs');
    expect(enrolmentProblem({ ...enrolment, schoolForm: 'GRS', gradesRequested: true }, forms, [])).toBeNull();
  });
  it('a relation whose last day is before its first is refused', () => {
    expect(enrolmentProblem({ ...enrolment, endDate: '2026-08-16' }, forms, [])).toBe('end_before_start');
    expect(dutyProblem({ startDate: '2026-08-17', endDate: '2026-01-01' }, [])).toBe('end_before_start');
  });
  it('nobody is their own guardian, and the same guardian and child are not related twice at once', () => {
    const g = { guardianId: 'a', childId: 'b', startDate: '2026-01-01', endDate: null };
    expect(guardianshipProblem({ ...g, childId: 'a' }, [])).toBe('own_guardian');
    expect(guardianshipProblem(g, [{ startDate: '2010-01-01', endDate: null }])).toBe('overlapping_guardianship');
    expect(guardianshipProblem(g, [{ startDate: '2010-01-01', endDate: '2025-12-31' }])).toBeNull();
  });
  it('the same role at the same unit is not held twice at once', () => {
    expect(dutyProblem({ startDate: '2026-08-17', endDate: null }, [{ startDate: '2020-01-01', endDate: null }])).toBe('overlapping_duty');
  });
  it('a relation is ended on or after its first day, and an ended relation is never reopened or lengthened', () => {
    expect(endProblem({ startDate: '2026-08-17', endDate: null }, '2026-08-16')).toBe('end_before_start');
    expect(endProblem({ startDate: '2026-08-17', endDate: null }, '2026-08-17')).toBeNull();
    expect(endProblem({ startDate: '2026-08-17', endDate: '2026-12-31' }, '2027-01-10')).toBe('already_ended');
    expect(endProblem({ startDate: '2026-08-17', endDate: '2026-12-31' }, '2026-10-01')).toBeNull();
  });
  it('a relation is upcoming before its first day, current through its last, ended after', () => {
    const r = { startDate: '2026-08-17', endDate: '2026-12-31' };
    expect(['2026-08-16', '2026-08-17', '2026-12-31', '2027-01-01'].map((d) => relationState(r, d))).toEqual(['upcoming', 'current', 'current', 'ended']);
  });
});
