import { describe, expect, it } from 'vitest';
import { matchColumns } from '../register/import/formats.js';
import { decimal, readPupilBackgroundRow, readUnitBackgroundRow, refuseDuplicates, share, UNIT_BACKGROUND_COLUMNS } from './background-row.js';

const unitRow = (cells: Record<string, string>, row = 2) => readUnitBackgroundRow(row, { unitCode: '12345678', schoolYear: '2025/2026', parentsEducation: '2,31',
  foreignBackgroundShare: '0,23', source: 'SCB 2026', ...cells });
const errorsOf = (r: { ok: boolean } & ({ errors: unknown[] } | object)) => ('errors' in r ? r.errors : []);

describe('numbers in background files', () => {
  it('a decimal comma and a decimal point are both read; spaces are ignored', () => {
    expect(decimal('2,31')).toEqual({ ok: true, value: 2.31 });
    expect(decimal(' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(decimal('två').ok).toBe(false);
  });
  it('a share is 0–1 or a percentage with %', () => {
    expect(share('23 %')).toEqual({ ok: true, value: 0.23 });
    expect(share('23,5%')).toEqual({ ok: true, value: 0.235 });
    expect(share('0,4')).toEqual({ ok: true, value: 0.4 });
    expect(share('23').ok).toBe(false);
    expect(share('120 %').ok).toBe(false);
    expect(share('')).toEqual({ ok: true, value: null });
  });
});

describe('the unit background file', () => {
  it('the columns are matched in any order and case; an unknown column is named', () => {
    const m = matchColumns(UNIT_BACKGROUND_COLUMNS, ['källa', 'ANDEL UTLÄNDSK BAKGRUND', 'Läsår', 'Skolenhetskod', 'Föräldrarnas utbildningsnivå', 'Kommun']);
    expect(m).toMatchObject({ ok: false, unknown: ['Kommun'], missing: [] });
  });
  it('a row is read with a decimal comma, a percentage and the optional shares empty', () => {
    expect(unitRow({ foreignBackgroundShare: '23 %' })).toMatchObject({ ok: true, record: { unitCode: '12345678', schoolYear: '2025/2026',
      parentsEducation: 2.31, foreignBackgroundShare: 0.23, boysShare: null, newlyArrivedShare: null, source: 'SCB 2026' } });
  });
  it('parents\' education outside the 1–3 scale and a share over 100 % are refused in their columns', () => {
    expect(errorsOf(unitRow({ parentsEducation: '3,5', boysShare: '140 %' })).map((e: any) => e.column)).toEqual(['Föräldrarnas utbildningsnivå', 'Andel pojkar']);
  });
  it('a missing required value and a badly written school year are named', () => {
    expect(errorsOf(unitRow({ source: '', schoolYear: '2025' })).map((e: any) => e.column)).toEqual(['Läsår', 'Källa']);
  });
  it('the same unit and school year twice in one file: the later row is refused', () => {
    const rows = refuseDuplicates([unitRow({}, 2), unitRow({ parentsEducation: '2' }, 3)], (r) => `${r.unitCode}|${r.schoolYear}`, 'Samma skolenhet och läsår');
    expect(rows[0].ok).toBe(true);
    expect(errorsOf(rows[1])).toEqual([{ column: null, message: 'Samma skolenhet och läsår finns redan på rad 2' }]);
  });
});

describe('the per-pupil background file', () => {
  const today = new Date('2026-03-10T12:00:00Z');
  it('ja and nej are read; empty is unknown', () => {
    expect(readPupilBackgroundRow(2, { civicNo: '20120315-1236', parentsPostSecondary: 'Ja', foreignBackground: '', source: 'SCB' }, today))
      .toMatchObject({ ok: true, record: { civicNo: '201203151236', parentsPostSecondary: true, foreignBackground: null } });
  });
  it('a wrong personnummer and a value other than ja/nej are refused in their columns', () => {
    const r = readPupilBackgroundRow(2, { civicNo: '20120315-1233', foreignBackground: 'kanske', source: 'SCB' }, today);
    expect(errorsOf(r).map((e: any) => e.column)).toEqual(['Personnummer', 'Utländsk bakgrund']);
  });
});
