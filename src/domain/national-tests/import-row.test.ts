import { describe, expect, it } from 'vitest';
import { matchColumns } from '../register/import/formats.js';
import { describeResult, readResultRow, refuseClashesInFile, RESULT_COLUMNS, type ResultColumnKey } from './import-row.js';
import { decideWrite, mergeSubTests } from './write-rule.js';

const ctx = { today: new Date('2026-03-10T12:00:00Z'), currentSchoolYear: '2025/2026' };
const PNR = '20120315-1236';
const read = (cells: Partial<Record<ResultColumnKey, string>>, row = 2) =>
  readResultRow(row, { civicNo: PNR, subject: 'MA', gradeYear: '9', ...cells }, ctx);
const errorsOf = (r: ReturnType<typeof read>) => (r.ok ? [] : r.errors);

describe('the columns of a results file', () => {
  it('headers are matched whatever their case, spacing and order; Läsår and the results are optional', () => {
    const m = matchColumns(RESULT_COLUMNS, ['  provbetyg', 'ÄMNE', 'person-nummer', 'Årskurs', 'DELTOG EJ', 'delprov a']);
    expect(m).toEqual({ ok: true, columns: ['testGrade', 'subject', 'civicNo', 'gradeYear', 'notParticipated', 'subTestA'] });
  });
  it('an unknown column or a missing required one is named', () => {
    const m = matchColumns(RESULT_COLUMNS, ['Personnummer', 'Ämne', 'Kommentar']);
    expect(m).toMatchObject({ ok: false, missing: ['Årskurs'], unknown: ['Kommentar'] });
  });
});

describe('reading a row of national test results', () => {
  it('a test grade in year 9 is read with the personnummer normalised and the current school year when Läsår is empty', () => {
    expect(read({ testGrade: ' c ' })).toMatchObject({ ok: true, record: { civicNo: '201203151236', subjectCode: 'MA', gradeYear: 9, schoolYear: '2025/2026',
      result: { testGrade: 'C', notParticipated: false, subTests: null } } });
  });
  it('"Deltog ej" ja or x is did not take part, without a grade', () => {
    expect(read({ notParticipated: 'x' })).toMatchObject({ ok: true, record: { result: { testGrade: null, notParticipated: true } } });
    expect(errorsOf(read({ notParticipated: 'ja', testGrade: 'B' }))).toEqual([{ column: 'Deltog ej', message: expect.stringContaining('Deltog ej') }]);
  });
  it('year 3 gives sub-tests in words (uppnått, ej uppnått, frånvarande) and never a grade', () => {
    const r = read({ gradeYear: '3', subject: 'sv', subTestA: 'Uppnått', subTestB: 'ej  uppnått', subTestG: 'frånvarande' });
    expect(r).toMatchObject({ ok: true, record: { result: { subTests: { A: 'met', B: 'not_met', G: 'absent' } } } });
    expect(describeResult((r as any).record.result)).toBe('A: uppnått, B: ej uppnått, G: frånvarande');
    expect(errorsOf(read({ gradeYear: '3', testGrade: 'A' }))[0].column).toBe('Provbetyg');
    expect(errorsOf(read({ gradeYear: '3', subTestA: 'kanske' }))[0]).toEqual({ column: 'Delprov A', message: expect.stringContaining('uppnått') });
  });
  it('a subject without a national test that year is refused in the column Ämne', () => {
    expect(errorsOf(read({ subject: 'BI', gradeYear: '6', testGrade: 'C' }))).toEqual([{ column: 'Ämne', message: expect.stringContaining('inget nationellt prov') }]);
  });
  it('a future school year, a badly written one, a year other than 3, 6, 9 and a wrong grade are each named', () => {
    expect(errorsOf(read({ schoolYear: '2026/2027', testGrade: 'A' }))[0]).toMatchObject({ column: 'Läsår', message: expect.stringContaining('inte börjat') });
    expect(errorsOf(read({ schoolYear: '2025', testGrade: 'A' }))[0].column).toBe('Läsår');
    expect(errorsOf(read({ gradeYear: '7', testGrade: 'A' }))[0].column).toBe('Årskurs');
    expect(errorsOf(read({ testGrade: 'G' }))[0]).toEqual({ column: 'Provbetyg', message: 'Provbetyget ska vara A–F' });
  });
  it('an earlier school year is accepted, written with a hyphen too', () => {
    expect(read({ schoolYear: '2023-2024', testGrade: 'A' })).toMatchObject({ ok: true, record: { schoolYear: '2023/2024' } });
  });
  it('a wrong personnummer and a missing one are errors of the column Personnummer', () => {
    expect(errorsOf(read({ civicNo: '20120315-1233', testGrade: 'A' }))[0]).toMatchObject({ column: 'Personnummer', message: expect.stringContaining('kontrollsiffra') });
    expect(errorsOf(read({ civicNo: '', testGrade: 'A' }))[0]).toEqual({ column: 'Personnummer', message: 'Personnummer saknas' });
  });
  it('a row without any result is refused (an import never removes a result)', () => {
    expect(errorsOf(read({}))[0].message).toContain('inget resultat');
  });
});

describe('rows that clash within one file', () => {
  it('the same pupil, subject and school year twice: the later row is refused, naming the first', () => {
    const rows = refuseClashesInFile([read({ testGrade: 'A' }, 2), read({ testGrade: 'B' }, 3)]);
    expect(rows[0].ok).toBe(true);
    expect(errorsOf(rows[1])[0].message).toContain('rad 2');
  });
  it('Swedish and Swedish as a second language for one pupil in one school year: the later row is refused', () => {
    const rows = refuseClashesInFile([read({ subject: 'SV', testGrade: 'A' }, 2), read({ subject: 'SVA', testGrade: 'B' }, 5)]);
    expect(errorsOf(rows[1])[0]).toEqual({ column: 'Ämne', message: expect.stringContaining('SV på rad 2') });
  });
  it('the same subject in different school years does not clash', () => {
    const rows = refuseClashesInFile([read({ testGrade: 'A' }, 2), read({ testGrade: 'B', schoolYear: '2024/2025' }, 3)]);
    expect(rows.every((r) => r.ok)).toBe(true);
  });
});

describe('the write rule shared by registration and import', () => {
  const C = { testGrade: 'C' as const, notParticipated: false, subTests: null };
  const B = { ...C, testGrade: 'B' as const };
  it('new, changed, unchanged and removed', () => {
    expect(decideWrite([], 'MA', 'u1', C)).toEqual({ kind: 'insert', result: C });
    expect(decideWrite([{ subjectCode: 'MA', schoolUnitId: 'u1', result: C }], 'MA', 'u1', B)).toEqual({ kind: 'update', result: B });
    expect(decideWrite([{ subjectCode: 'MA', schoolUnitId: 'u1', result: C }], 'MA', 'u1', { ...C })).toEqual({ kind: 'unchanged' });
    expect(decideWrite([{ subjectCode: 'MA', schoolUnitId: 'u1', result: C }], 'MA', 'u1', null)).toEqual({ kind: 'delete' });
  });
  it('a result registered at another unit is changed only there', () => {
    expect(decideWrite([{ subjectCode: 'MA', schoolUnitId: 'u2', result: C }], 'MA', 'u1', B)).toMatchObject({ problem: 'registered_at_other_unit' });
  });
  it('a pupil with a result in another subject of the choice group gets no second one', () => {
    expect(decideWrite([{ subjectCode: 'SVA', schoolUnitId: 'u1', result: C }], 'SV', 'u1', B)).toEqual({ kind: 'refused', problem: 'other_choice_registered', otherSubject: 'SVA' });
  });
  it('year 3 sub-tests from a file are merged into those stored', () => {
    const stored = { testGrade: null, notParticipated: false, subTests: { A: 'met' as const, B: 'not_met' as const } };
    expect(mergeSubTests(stored, { testGrade: null, notParticipated: false, subTests: { B: 'met' } }).subTests).toEqual({ A: 'met', B: 'met' });
  });
});
