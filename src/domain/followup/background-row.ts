/**
 * Rows of the follow-up's background files, read into values or the Swedish reasons they cannot be, each with
 * its column: the unit background per school unit and school year (published aggregates), and the per-pupil
 * background the organiser holds. Pure: no I/O.
 */
import * as cell from '../register/import/cells.js';
import type { HeaderColumn } from '../register/import/formats.js';
import { isSchoolYear } from '../register/terms.js';

export interface RowError { column: string | null; message: string }
export interface FileColumn<K extends string> extends HeaderColumn<K> { example: string; help: string }
type Cell<T> = { ok: true; value: T } | { ok: false; message: string };
const q = (s: string) => `”${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

export type UnitColumnKey = 'unitCode' | 'schoolYear' | 'parentsEducation' | 'foreignBackgroundShare' | 'boysShare' | 'newlyArrivedShare' | 'source';
export const UNIT_BACKGROUND_COLUMNS: readonly FileColumn<UnitColumnKey>[] = [
  { key: 'unitCode', header: 'Skolenhetskod', aliases: ['school unit code', 'skolenhet', 'enhetskod'], required: true, example: '12345678',
    help: 'Skolenhetskoden (åtta siffror) som i Skolverkets skolenhetsregister.' },
  { key: 'schoolYear', header: 'Läsår', aliases: ['school year'], required: true, example: '2025/2026', help: 'Läsåret siffrorna gäller, t.ex. 2025/2026.' },
  { key: 'parentsEducation', header: 'Föräldrarnas utbildningsnivå', aliases: ['parents education', 'föräldrarnas utbildning', 'utbildningsnivå'], required: true, example: '2,31',
    help: 'Genomsnittlig utbildningsnivå hos föräldrarna på skalan 1–3 (1 förgymnasial, 2 gymnasial, 3 eftergymnasial). Decimalkomma går bra.' },
  { key: 'foreignBackgroundShare', header: 'Andel utländsk bakgrund', aliases: ['foreign background share', 'utländsk bakgrund'], required: true, example: '23 %',
    help: 'Andel elever med utländsk bakgrund: ett tal 0–1 eller procent med %, t.ex. 23 %.' },
  { key: 'boysShare', header: 'Andel pojkar', aliases: ['boys share', 'pojkar'], required: false, example: '0,52',
    help: 'Andel pojkar, 0–1 eller procent. Tomt: räknas fram ur enhetens elever i årskurs 9.' },
  { key: 'newlyArrivedShare', header: 'Andel nyanlända', aliases: ['newly arrived share', 'nyanlända'], required: false, example: '',
    help: 'Andel nyinvandrade elever, 0–1 eller procent. Tomt: räknas fram ur enhetens elever i årskurs 9.' },
  { key: 'source', header: 'Källa', aliases: ['source'], required: true, example: 'SCB/Skolverket 2026', help: 'Var siffrorna kommer ifrån, t.ex. SCB/Skolverket 2026.' },
];

export type PupilColumnKey = 'civicNo' | 'parentsPostSecondary' | 'foreignBackground' | 'source';
export const PUPIL_BACKGROUND_COLUMNS: readonly FileColumn<PupilColumnKey>[] = [
  { key: 'civicNo', header: 'Personnummer', aliases: ['personal identity number', 'civic number', 'pnr'], required: true, example: '20120315-1236',
    help: 'Elevens personnummer (eller samordningsnummer).' },
  { key: 'parentsPostSecondary', header: 'Eftergymnasialt utbildad förälder', aliases: ['parents post secondary', 'eftergymnasial utbildning'], required: false, example: 'ja',
    help: 'ja eller nej; tomt: okänt.' },
  { key: 'foreignBackground', header: 'Utländsk bakgrund', aliases: ['foreign background'], required: false, example: 'nej', help: 'ja eller nej; tomt: okänt.' },
  { key: 'source', header: 'Källa', aliases: ['source'], required: true, example: 'SCB 2026', help: 'Var uppgifterna kommer ifrån.' },
];

/** A decimal number, with a decimal comma or point and spaces as thousands separators. Empty → null. */
export function decimal(raw: string): Cell<number | null> {
  const s = raw.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (s === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(s)) return { ok: false, message: `${q(raw.trim())} är inget tal` };
  return { ok: true, value: Number(s) };
}

/** A share 0–1, or a percentage written with % ('23 %', '23,5%'). Empty → null. */
export function share(raw: string): Cell<number | null> {
  const s = raw.trim();
  const percent = /%\s*$/.test(s);
  const n = decimal(s.replace(/%\s*$/, ''));
  if (!n.ok || n.value === null) return n;
  const value = percent ? n.value / 100 : n.value;
  if (value < 0 || value > 1) return { ok: false, message: `${q(s)} ska vara en andel 0–1 eller en procentsats 0–100 %` };
  return { ok: true, value: Math.round(value * 1000) / 1000 };
}

export interface UnitBackgroundRecord {
  unitCode: string; schoolYear: string; parentsEducation: number; foreignBackgroundShare: number;
  boysShare: number | null; newlyArrivedShare: number | null; source: string;
}
export type ReadRow<T> = { row: number; label: string } & ({ ok: true; record: T } | { ok: false; errors: RowError[] });

function reader<K extends string>(columns: readonly FileColumn<K>[], cells: Partial<Record<K, string>>) {
  const errors: RowError[] = [];
  const header = (key: K) => columns.find((c) => c.key === key)!.header;
  const raw = (key: K) => (cells[key] ?? '').trim();
  const take = <T>(key: K, c: Cell<T>): T | null => {
    if (!c.ok) { errors.push({ column: header(key), message: `${header(key)}: ${c.message}` }); return null; }
    if (c.value === null && columns.find((x) => x.key === key)!.required) errors.push({ column: header(key), message: `${header(key)} saknas` });
    return c.value;
  };
  const text = (key: K) => {
    const t = cell.text(raw(key), header(key));
    return take(key, t.ok ? t : { ok: false, message: t.reason });
  };
  return { errors, raw, take, text };
}

/** Reads a row of the unit background file. */
export function readUnitBackgroundRow(row: number, cells: Partial<Record<UnitColumnKey, string>>): ReadRow<UnitBackgroundRecord> {
  const r = reader(UNIT_BACKGROUND_COLUMNS, cells);
  const unitCode = r.text('unitCode');
  const year = r.raw('schoolYear').replace(/\s+/g, '').replace('-', '/');
  const schoolYear = r.take('schoolYear', year === '' ? { ok: true, value: null } : isSchoolYear(year) ? { ok: true, value: year }
    : { ok: false, message: `${q(year)} ska skrivas som 2025/2026` });
  const education = decimal(r.raw('parentsEducation'));
  const parentsEducation = r.take('parentsEducation', education.ok && education.value !== null && (education.value < 1 || education.value > 3)
    ? { ok: false, message: `${education.value} ligger utanför skalan 1–3` } : education);
  const foreignBackgroundShare = r.take('foreignBackgroundShare', share(r.raw('foreignBackgroundShare')));
  const boysShare = r.take('boysShare', share(r.raw('boysShare')));
  const newlyArrivedShare = r.take('newlyArrivedShare', share(r.raw('newlyArrivedShare')));
  const source = r.text('source');
  const label = unitCode ?? r.raw('unitCode');
  if (r.errors.length > 0) return { row, label, ok: false, errors: r.errors };
  return { row, label, ok: true, record: { unitCode: unitCode!, schoolYear: schoolYear!, parentsEducation: parentsEducation!, foreignBackgroundShare: foreignBackgroundShare!,
    boysShare, newlyArrivedShare, source: source! } };
}

export interface PupilBackgroundRecord { civicNo: string; parentsPostSecondary: boolean | null; foreignBackground: boolean | null; source: string }

/** Reads a row of the per-pupil background file (ja/nej; empty is unknown). */
export function readPupilBackgroundRow(row: number, cells: Partial<Record<PupilColumnKey, string>>, today: Date): ReadRow<PupilBackgroundRecord> {
  const r = reader(PUPIL_BACKGROUND_COLUMNS, cells);
  const civic = r.raw('civicNo') === '' ? { ok: true as const, value: null } : cell.civicNo(r.raw('civicNo'), 'Personnummer', today);
  const civicNo = civic.ok ? r.take('civicNo', civic) : (r.errors.push({ column: 'Personnummer', message: civic.reason }), null);
  const yesNo = (key: PupilColumnKey) => {
    const c = cell.yesNo(r.raw(key), PUPIL_BACKGROUND_COLUMNS.find((x) => x.key === key)!.header);
    return r.take(key, c.ok ? c : { ok: false, message: c.reason });
  };
  const parentsPostSecondary = yesNo('parentsPostSecondary');
  const foreignBackground = yesNo('foreignBackground');
  const source = r.text('source');
  const label = civicNo ?? r.raw('civicNo');
  if (r.errors.length > 0) return { row, label, ok: false, errors: r.errors };
  return { row, label, ok: true, record: { civicNo: civicNo!, parentsPostSecondary, foreignBackground, source: source! } };
}

/** A later row with the same key as an earlier one in the same file is refused; the first stands. */
export function refuseDuplicates<T>(rows: readonly ReadRow<T>[], keyOf: (record: T) => string, what: string): ReadRow<T>[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    if (!r.ok) return r;
    const key = keyOf(r.record);
    const first = seen.get(key);
    if (first !== undefined) return { row: r.row, label: r.label, ok: false, errors: [{ column: null, message: `${what} finns redan på rad ${first}` }] };
    seen.set(key, r.row);
    return r;
  });
}
