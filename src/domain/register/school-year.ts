/**
 * The new school year (läsårsskifte): which school year comes next, the dates proposed for its terms, who
 * moves up a year and who leaves, and what next year's class or group is called. Pure rules; the server
 * plans and applies the rollover with them, the page shows the same proposal.
 */
import type { DateRange } from './date-ranges.js';

/** '2026/2027' → '2027/2028'. */
export function nextSchoolYear(label: string): string {
  const start = schoolYearStart(label);
  return `${start + 1}/${start + 2}`;
}

/** The calendar year in which a school year ('2026/2027') begins. */
export function schoolYearStart(label: string): number {
  const m = /^(\d{4})\/(\d{4})$/.exec(label);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new Error(`not a school year: ${label}`);
  return Number(m[1]);
}

export const isSchoolYearLabel = (label: string): boolean => {
  const m = /^(\d{4})\/(\d{4})$/.exec(label);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
};

export interface TermDates { ht: DateRange & { endDate: string }; vt: DateRange & { endDate: string } }

const weekday = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay();
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** The day itself when it is a weekday, else the Monday after. */
const weekdayFrom = (iso: string) => (weekday(iso) === 6 ? addDays(iso, 2) : weekday(iso) === 0 ? addDays(iso, 1) : iso);
/** The day itself when it is a weekday, else the Friday before. */
const weekdayUntil = (iso: string) => (weekday(iso) === 6 ? addDays(iso, -1) : weekday(iso) === 0 ? addDays(iso, -2) : iso);

/**
 * Proposed terms of a school year: HT from about 20 August to about 22 December, VT from about 8 January to
 * about 12 June, each moved to a weekday (a term starts on the weekday on or after its date and ends on the
 * weekday on or before it). A proposal: the administrator may change every date.
 */
export function proposeTerms(schoolYear: string): TermDates {
  const y = schoolYearStart(schoolYear);
  return {
    ht: { startDate: weekdayFrom(`${y}-08-20`), endDate: weekdayUntil(`${y}-12-22`) },
    vt: { startDate: weekdayFrom(`${y + 1}-01-08`), endDate: weekdayUntil(`${y + 1}-06-12`) },
  };
}

export type TermDatesProblem = 'ht_dates' | 'vt_dates' | 'vt_before_ht' | 'starts_before_old_year_ends' | 'outside_school_year';

/**
 * Whether chosen term dates can be the next school year: each term ends on or after it starts, VT starts
 * after HT ends, HT starts after the old school year's last day, and HT starts in the school year's first
 * calendar year (VT ends in its second).
 */
export function termDatesProblem(schoolYear: string, t: TermDates, oldYearEnds: string): TermDatesProblem | null {
  if (t.ht.endDate < t.ht.startDate) return 'ht_dates';
  if (t.vt.endDate < t.vt.startDate) return 'vt_dates';
  if (t.vt.startDate <= t.ht.endDate) return 'vt_before_ht';
  if (t.ht.startDate <= oldYearEnds) return 'starts_before_old_year_ends';
  const y = schoolYearStart(schoolYear);
  if (!t.ht.startDate.startsWith(`${y}-`) || !t.vt.endDate.startsWith(`${y + 1}-`)) return 'outside_school_year';
  return null;
}

/** The last school year of each school form: grundskola and anpassad grundskola 9 (anpassad grundskola's
 *  voluntary tenth year is decided per pupil, never by a rollover), specialskolan 10, sameskolan 6. */
const LAST_YEAR: Record<string, number> = { GR: 9, GRS: 9, SP: 10, SAM: 6 };
/** Förskoleklass is a school form of its own; its pupils move on to year 1 of grundskola. */
const PRESCHOOL_CLASS = 'FKLASS';

export type Promotion = { kind: 'leaves' } | { kind: 'moves'; schoolYear: number; schoolForm: string };

/** What the new school year means for an enrolled pupil: up one year in the same school form, or leaving
 *  after the last year of the form. */
export function promotion(e: { schoolYear: number; schoolForm: string }): Promotion {
  if (e.schoolForm === PRESCHOOL_CLASS) return { kind: 'moves', schoolYear: 1, schoolForm: 'GR' };
  const last = LAST_YEAR[e.schoolForm] ?? 9;
  if (e.schoolYear >= last) return { kind: 'leaves' };
  return { kind: 'moves', schoolYear: e.schoolYear + 1, schoolForm: e.schoolForm };
}

/** A group of the year (class, teaching group) goes on into the new year unless it is a group of the last
 *  year (9); a group without a school year (mixed years, e.g. anpassad grundskola 6–9) goes on while any of
 *  its pupils stay, or when it had none. */
export function groupContinues(g: { schoolYear: number | null; members: number; staying: number }): boolean {
  if (g.schoolYear !== null) return g.schoolYear < 9;
  return g.members === 0 || g.staying > 0;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Next year's name of a class or teaching group: the school year in the name goes up by one, everything
 * else stays ("7A" → "8A", "7 A" → "8 A", "Klass 7A" → "Klass 8A", "EN 7A" → "EN 8A", "7AB SVA" → "8AB SVA").
 * Förskoleklass "FA" / "F A" becomes "1A" / "1 A". The year is a number of its own (not part of "17" or of
 * a range of years like "6–9"). Null when the name does not carry the group's year (e.g. "F-klass",
 * "Anpassad 6–9", "Kör"): the name is then kept and the administrator renames it if needed.
 */
export function nextGroupName(name: string, schoolYear: number | null): string | null {
  if (schoolYear === 0) {
    const f = /(^|[\s(])F(\s?[A-ZÅÄÖ]{1,3})(?=$|[\s)])/u.exec(name);
    if (!f) return null;
    return `${name.slice(0, f.index)}${f[1]}1${f[2]}${name.slice(f.index + f[0].length)}`;
  }
  const year = schoolYear === null ? '[1-9]' : escape(String(schoolYear));
  const found = [...name.matchAll(new RegExp(`(?<![\\d\\-–/.,])(${year})(?![\\d\\-–/.,])(?=\\s?[A-ZÅÄÖa-zåäö]{0,3}(?:$|[\\s)]))`, 'gu'))]
    .filter((m) => m.index === 0 || /[\s(]/u.test(name[m.index - 1]));
  if (found.length !== 1) return null;
  const m = found[0];
  if (schoolYear === null && Number(m[1]) >= 9) return null;
  return `${name.slice(0, m.index)}${Number(m[1]) + 1}${name.slice(m.index + m[1].length)}`;
}
