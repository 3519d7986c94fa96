/**
 * Reading one cell of an import file into a value, or a Swedish reason why it cannot be read. Pure.
 */
import { parseCivicNo } from '../../org/personnummer.js';

export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const no = (reason: string): Cell<never> => ({ ok: false, reason });
const q = (s: string) => `”${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

export const MAX_TEXT = 200;
// control characters (tab and line breaks aside) and unpaired surrogates cannot be stored or shown
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Stored text: trimmed, at most 200 characters, nothing that cannot be stored. Empty → null. */
export function text(raw: string, header: string): Cell<string | null> {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return ok(null);
  if (UNSTORABLE.test(s)) return no(`${header} innehåller tecken som inte kan sparas`);
  if (s.length > MAX_TEXT) return no(`${header} är längre än ${MAX_TEXT} tecken`);
  return ok(s);
}

const REASON_OF_CIVIC = { format: 'fel format', date: 'datumet finns inte', checksum: 'fel kontrollsiffra' } as const;

/** A personnummer, samordningsnummer or temporary number, normalised to 12 characters. */
export function civicNo(raw: string, header: string, today: Date): Cell<string> {
  const s = raw.trim();
  const parsed = parseCivicNo(s, today);
  if (!parsed.ok) return no(`Ogiltigt ${header.toLowerCase()} ${q(s)}: ${REASON_OF_CIVIC[parsed.reason]}`);
  return ok(parsed.normalised);
}

/** A date as YYYY-MM-DD (or YYYYMMDD), checked against the calendar. Empty → null. */
export function date(raw: string, header: string): Cell<string | null> {
  const s = raw.trim();
  if (s === '') return ok(null);
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  const d = new Date(`${iso}T12:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return no(`${header} ${q(s)} är inget datum (skriv ÅÅÅÅ-MM-DD)`);
  return ok(iso);
}

/** School year 0–10; F or FK is förskoleklass (0). Empty → null. */
export function schoolYear(raw: string, header: string): Cell<number | null> {
  const s = raw.trim().toUpperCase();
  if (s === '') return ok(null);
  if (s === 'F' || s === 'FK') return ok(0);
  if (/^\d{1,2}$/.test(s) && Number(s) <= 10) return ok(Number(s));
  return no(`${header} ${q(raw.trim())} ska vara F eller ett tal 0–10`);
}

/** ja/nej (yes/no, x, 1/0). Empty → null (left as it is). */
export function yesNo(raw: string, header: string): Cell<boolean | null> {
  const s = raw.trim().toLowerCase();
  if (s === '') return ok(null);
  if (['ja', 'j', 'yes', 'y', 'x', '1', 'sant', 'true'].includes(s)) return ok(true);
  if (['nej', 'n', 'no', '0', 'falskt', 'false'].includes(s)) return ok(false);
  return no(`${header} ${q(raw.trim())} ska vara ja eller nej`);
}

function oneOf<T>(raw: string, header: string, table: Record<string, T>, allowed: string): Cell<T | null> {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return ok(null);
  return s in table ? ok(table[s]) : no(`Okänd ${header.toLowerCase()} ${q(raw.trim())} (${allowed})`);
}

export type Marking = 'none' | 'confidential' | 'protected';
const MARKINGS: Record<string, Marking> = {
  ingen: 'none', nej: 'none', none: 'none',
  sekretess: 'confidential', sekretessmarkering: 'confidential', confidential: 'confidential',
  skyddad: 'protected', 'skyddad folkbokföring': 'protected', 'skyddade personuppgifter': 'protected', protected: 'protected',
};
/** Security marking. Empty → null: an empty cell never lowers a marking already recorded. */
export const marking = (raw: string, header: string) => oneOf(raw, header, MARKINGS, 'ingen, sekretessmarkering eller skyddad folkbokföring');

export type StaffRole = 'teacher' | 'principal' | 'administrator' | 'student_health';
const ROLES: Record<string, StaffRole> = {
  lärare: 'teacher', teacher: 'teacher', rektor: 'principal', principal: 'principal',
  skoladministratör: 'administrator', administratör: 'administrator', administrator: 'administrator',
  elevhälsa: 'student_health', 'student health': 'student_health',
};
export const role = (raw: string, header: string) => oneOf(raw, header, ROLES, 'lärare, rektor, skoladministratör eller elevhälsa');

export type GroupType = 'class' | 'teaching' | 'mentor';
const GROUP_TYPES: Record<string, GroupType> = {
  klass: 'class', class: 'class', undervisningsgrupp: 'teaching', undervisning: 'teaching', 'teaching group': 'teaching', teaching: 'teaching',
  mentorsgrupp: 'mentor', mentor: 'mentor', 'mentor group': 'mentor',
};
export const groupType = (raw: string, header: string) => oneOf(raw, header, GROUP_TYPES, 'klass, undervisningsgrupp eller mentorsgrupp');

/** Subject codes separated by spaces or commas, upper case. Empty → null. */
export function subjects(raw: string): Cell<string[] | null> {
  const list = raw.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
  return ok(list.length ? [...new Set(list)] : null);
}

/** An e-mail address (loosely: something@something.tld). Empty → null. */
export function email(raw: string, header: string): Cell<string | null> {
  const t = text(raw, header);
  if (!t.ok || t.value === null) return t;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t.value) ? t : no(`${header} ${q(t.value)} är ingen e-postadress`);
}
