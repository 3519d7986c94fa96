import type { Ctx } from './context.js';
import { randomAddress, workPhone } from './identity.js';
import { asciiName } from './names.js';

/** Subjects taught per class in years 6–9 (SV is replaced by SVA for some pupils; språkval is separate). */
export const CLASS_SUBJECTS = ['BL', 'BI', 'EN', 'FY', 'GE', 'HI', 'HKK', 'IDH', 'KE', 'MA', 'MU', 'RE', 'SH', 'SL', 'SV', 'TK'] as const;
export const LANGUAGES = ['M2SPA', 'M2TYS', 'M2FRA'] as const;
/** Subjects taught in the anpassad grundskola group of years 6–9. */
export const GRS_SUBJECTS = ['MA', 'SV', 'EN', 'IDH', 'BL'] as const;

/** Subject families: a teacher teaches the subjects of one family (ämneslärare). */
export const FAMILIES: Record<string, readonly string[]> = {
  MA_NO: ['MA', 'BI', 'FY', 'KE', 'TK'],
  SV_SO: ['SV', 'SVA', 'GE', 'HI', 'RE', 'SH'],
  LANG: ['EN', 'M2SPA', 'M2TYS', 'M2FRA'],
  IDH: ['IDH'], BL: ['BL'], MU: ['MU'], SL: ['SL'], HKK: ['HKK'],
};
export const familyOf = (subject: string) => Object.keys(FAMILIES).find((f) => FAMILIES[f].includes(subject))!;

export const UNIT_NAMES = [
  'Björkskolan', 'Eksätraskolan', 'Lindängsskolan', 'Almvägens skola', 'Granbackaskolan', 'Hagaskolan',
  'Rönnskolan', 'Tallåsskolan', 'Sjöängsskolan', 'Vallaskolan', 'Kvarnbyskolan', 'Ängsbacka skola',
  'Solbergaskolan', 'Furulundsskolan', 'Östra skolan', 'Västerskolan', 'Norrbyskolan', 'Söderåsskolan',
  'Åkerhagsskolan', 'Lärkbyskolan',
];

export interface ClassInfo {
  id: string;
  name: string;
  year: number | null;
  form: 'GR' | 'GRS';
  /** Years of the pupils of a GRS class. */
  years: readonly number[];
  /** subject → teaching group id for this class (years 6–9). */
  subjectGroups: Map<string, string>;
  /** Key of the pair of classes that share SVA and språkval groups ('9AB'). */
  pair: string;
}

export interface TeachingGroup {
  id: string; name: string; subject: string; family: string; year: number | null; classNames: string;
  /** A group of the anpassad grundskola class (taught by its special teacher). */
  grs: boolean;
}

export interface UnitInfo {
  index: number;
  id: string;
  name: string;
  classes: ClassInfo[];
  /** `${pair}:${subject}` → group id, for SVA and språkval groups shared by two classes. */
  pairGroups: Map<string, string>;
  teaching: TeachingGroup[];
}

const LETTERS = 'ABCDEFGHIJKLMNOP';
export const className = (year: number, letter: number) => `${year === 0 ? 'F' : year}${LETTERS[letter]}`;

/** Creates the school units, their classes and their teaching groups. */
export function buildSchools(ctx: Ctx): UnitInfo[] {
  const { rng, ds, shape } = ctx;
  const units: UnitInfo[] = [];
  const codes = new Set<string>();
  for (let u = 0; u < shape.unitCount; u++) {
    const name = UNIT_NAMES[u] ?? `Skola ${u + 1}`;
    let code: string;
    do code = String(rng.int(10_000_000, 99_999_999)); while (codes.has(code));
    codes.add(code);
    const grs = shape.hasGrs(u);
    const unit: UnitInfo = { index: u, id: rng.uuid(), name, classes: [], pairGroups: new Map(), teaching: [] };
    units.push(unit);
    const addr = randomAddress(rng);
    ds.schoolUnit.add({
      id: unit.id, name, schoolUnitCode: code, schoolForms: grs ? ['GR', 'GRS'] : ['GR'], municipalityCode: '1999',
      streetAddress: addr.streetAddress, postalCode: addr.postalCode, city: addr.city,
      email: `${asciiName(name)}@larkby.example`, phone: workPhone(rng),
    });
    const perYear = shape.classesPerYear(u, rng);
    for (let year = 0; year <= 9; year++) {
      for (let l = 0; l < perYear; l++) {
        const pairStart = l - (l % 2);
        const pair = `${year}${LETTERS.slice(pairStart, Math.min(pairStart + 2, perYear))}`;
        unit.classes.push(addClass(ctx, unit, className(year, l), year, 'GR', [year], pair));
      }
      if (year >= 6) addPairGroups(ctx, unit, year, perYear);
    }
    if (grs) {
      const lower = addClass(ctx, unit, 'Anpassad 1–5', null, 'GRS', [1, 2, 3, 4, 5], 'GRS1');
      const upper = addClass(ctx, unit, 'Anpassad 6–9', null, 'GRS', [6, 7, 8, 9], 'GRS2');
      for (const s of GRS_SUBJECTS) upper.subjectGroups.set(s, addTeaching(ctx, unit, `${upper.name} ${s}`, s, null, upper.name));
      unit.classes.push(lower, upper);
    }
  }
  return units;
}

function addClass(ctx: Ctx, unit: UnitInfo, name: string, year: number | null, form: 'GR' | 'GRS', years: number[], pair: string): ClassInfo {
  const id = ctx.rng.uuid();
  ctx.ds.group.add({ id, schoolUnitId: unit.id, name, groupType: 'class', subjectCode: null, schoolYear: year, startDate: ctx.htStart, endDate: null });
  const info: ClassInfo = { id, name, year, form, years, subjectGroups: new Map(), pair };
  if (form === 'GR' && year !== null && year >= 6) {
    for (const s of CLASS_SUBJECTS) info.subjectGroups.set(s, addTeaching(ctx, unit, `${name} ${s}`, s, year, name));
  }
  return info;
}

function addPairGroups(ctx: Ctx, unit: UnitInfo, year: number, perYear: number): void {
  for (let l = 0; l < perYear; l += 2) {
    const pair = `${year}${LETTERS.slice(l, Math.min(l + 2, perYear))}`;
    for (const s of ['SVA', ...LANGUAGES]) unit.pairGroups.set(`${pair}:${s}`, addTeaching(ctx, unit, `${pair} ${s}`, s, year, pair));
  }
}

function addTeaching(ctx: Ctx, unit: UnitInfo, name: string, subject: string, year: number | null, classNames: string): string {
  const id = ctx.rng.uuid();
  ctx.ds.group.add({ id, schoolUnitId: unit.id, name, groupType: 'teaching', subjectCode: subject, schoolYear: year, startDate: ctx.htStart, endDate: null });
  unit.teaching.push({ id, name, subject, family: familyOf(subject), year, classNames, grs: classNames.startsWith('Anpassad') });
  return id;
}
