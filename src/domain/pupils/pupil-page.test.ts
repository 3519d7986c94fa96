import { describe, expect, it } from 'vitest';
import type { PupilRelations } from '../access/pupil-access.js';
import type { TermRef } from '../grading/period.js';
import { guardianContactShown, maskContact, pupilContactShown } from './contact-masking.js';
import { gradeTable, type GradeFact } from './grade-table.js';
import { historyWindow } from './history-window.js';
import { seesSubject, subjectAccess } from './subject-access.js';

const none: PupilRelations = { isSelf: false, isGuardian: false, enrolledAtActorUnit: false, taughtByActor: false, mentoredByActor: false };
const r = (over: Partial<PupilRelations>) => ({ ...none, ...over });

describe('which subjects a staff member sees on the pupil page', () => {
  it('the mentor of the pupil\'s class sees every subject, also those they never taught', () => {
    const access = subjectAccess('teacher', r({ mentoredByActor: true, taughtByActor: true }), ['SV'])!;
    expect(access).toEqual({ kind: 'all' });
    expect(seesSubject(access, 'MA')).toBe(true);
  });
  it('a teacher who is not the mentor sees only the subjects they teach or taught the pupil', () => {
    const access = subjectAccess('teacher', r({ taughtByActor: true }), ['MA', 'FY', 'MA'])!;
    expect(access).toEqual({ kind: 'taught', subjects: ['MA', 'FY'] });
    expect(seesSubject(access, 'MA')).toBe(true);
    expect(seesSubject(access, 'SV')).toBe(false);
  });
  it('administrator and principal of the pupil\'s unit see every subject', () => {
    expect(subjectAccess('administrator', r({ enrolledAtActorUnit: true }), [])).toEqual({ kind: 'all' });
    expect(subjectAccess('principal', r({ enrolledAtActorUnit: true }), [])).toEqual({ kind: 'all' });
  });
  it('someone who may not see the pupil sees no subject at all', () => {
    expect(subjectAccess('teacher', none, ['MA'])).toBeNull();
    expect(subjectAccess('principal', none, [])).toBeNull();
    expect(subjectAccess('analyst', r({ enrolledAtActorUnit: true }), [])).toBeNull();
  });
});

const term = (schoolYear: string, kind: 'HT' | 'VT', startDate: string, endDate: string): TermRef => ({ id: `${schoolYear}${kind}`, schoolYear, kind, startDate, endDate });
const TERMS = [
  term('2024/2025', 'HT', '2024-08-18', '2024-12-22'), term('2024/2025', 'VT', '2025-01-08', '2025-06-12'),
  term('2025/2026', 'HT', '2025-08-18', '2025-12-22'), term('2025/2026', 'VT', '2026-01-08', '2026-06-12'),
  term('2026/2027', 'HT', '2026-08-18', '2026-12-22'), term('2026/2027', 'VT', '2027-01-08', '2027-06-12'),
];

describe('groups of earlier this and last school year', () => {
  it('the window begins on the first day of last school year', () => {
    expect(historyWindow(TERMS, '2026-11-22')).toEqual({ since: '2025-08-18', schoolYears: ['2026/2027', '2025/2026'] });
    expect(historyWindow(TERMS, '2027-03-01').since).toBe('2025-08-18');
  });
  it('in the summer holiday the school year that just ended is still this school year', () => {
    expect(historyWindow(TERMS, '2026-07-01')).toEqual({ since: '2024-08-18', schoolYears: ['2025/2026', '2024/2025'] });
  });
  it('without last year\'s terms the window begins with this school year, without any terms today', () => {
    expect(historyWindow(TERMS.slice(4), '2026-11-22').since).toBe('2026-08-18');
    expect(historyWindow([], '2026-11-22')).toEqual({ since: '2026-11-22', schoolYears: [] });
  });
});

const fact = (over: Partial<GradeFact>): GradeFact => ({ subjectCode: 'MA', subjectName: 'Matematik', sortOrder: 10, schoolYear: '2026/2027',
  termKind: 'HT', kind: 'term', value: 'C', state: 'registered', carriedOver: false, ...over });

describe('the grade table of the pupil page', () => {
  it('puts HT and VT term grades of a subject in one row of their school year, each with its state', () => {
    const table = gradeTable([fact({ value: 'C', state: 'locked' }), fact({ termKind: 'VT', value: 'B', state: 'confirmed' })]);
    expect(table).toEqual([{ schoolYear: '2026/2027', subjects: [{ subject: { code: 'MA', name: 'Matematik' },
      HT: { value: 'C', state: 'locked', carriedOver: false }, VT: { value: 'B', state: 'confirmed', carriedOver: false }, final: null }] }]);
  });
  it('shows the final grade in the final-grade column of the school year it was given in', () => {
    const [year] = gradeTable([fact({ kind: 'final', termKind: 'VT', value: 'A', state: 'decided' })]);
    expect(year.subjects[0]).toMatchObject({ HT: null, VT: null, final: { value: 'A', state: 'decided' } });
  });
  it('orders school years newest first and subjects in Skolverket\'s order', () => {
    const table = gradeTable([
      fact({ schoolYear: '2025/2026' }),
      fact({ subjectCode: 'SV', subjectName: 'Svenska', sortOrder: 2 }),
      fact({ subjectCode: 'EN', subjectName: 'Engelska', sortOrder: 5 }),
      fact({}),
    ]);
    expect(table.map((y) => y.schoolYear)).toEqual(['2026/2027', '2025/2026']);
    expect(table[0].subjects.map((s) => s.subject.code)).toEqual(['SV', 'EN', 'MA']);
  });
  it('a cleared cell is no grade, and a year with only cleared cells is not shown', () => {
    expect(gradeTable([fact({ value: null })])).toEqual([]);
  });
  it('keeps the mark that a term grade was carried over', () => {
    expect(gradeTable([fact({ carriedOver: true })])[0].subjects[0].HT?.carriedOver).toBe(true);
  });
});

describe('masking of address and contact on the pupil page', () => {
  const contact = { email: 'a@example.se', phone: '070-1', streetAddress: 'Storgatan 1', postalCode: '123 45', city: 'Lärkby' };
  it('a pupil with protected registration shows no address or contact at all', () => {
    expect(maskContact(contact, pupilContactShown('protected'))).toBeNull();
    expect(maskContact(contact, pupilContactShown('confidential'))).toEqual(contact);
  });
  it('a guardian with protected registration is masked the same way', () => {
    expect(guardianContactShown('protected', 'none')).toBe('none');
    expect(maskContact(contact, guardianContactShown('protected', 'protected'))).toBeNull();
  });
  it('the guardians of a protected pupil show e-mail and phone but never their address (the child\'s home)', () => {
    expect(maskContact(contact, guardianContactShown('none', 'protected'))).toEqual({ email: 'a@example.se', phone: '070-1', streetAddress: null, postalCode: null, city: null });
    expect(guardianContactShown('confidential', 'none')).toBe('all');
  });
});
