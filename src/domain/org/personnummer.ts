import Personnummer from 'personnummer';

/**
 * Swedish civic numbers: personnummer (12 digits YYYYMMDDNNNC, Luhn check digit over YYMMDDNNN),
 * samordningsnummer (day of birth + 60) and temporary numbers (TF-nummer / reservnummer) that
 * schools use before a pupil has a number, with letters in positions 9–10 (e.g. 20110314TF12).
 * Pure: no I/O. `today` decides the century of a 10-digit number.
 */
export type CivicNoKind = 'personnummer' | 'samordningsnummer' | 'temporary';

export type ParsedCivicNo =
  | { ok: true; normalised: string; kind: CivicNoKind; birthDate: string | null; sex: 'F' | 'M' | null }
  | { ok: false; reason: 'format' | 'date' | 'checksum' };

/** The Luhn digit of the 9 digits YYMMDDNNN (weights 2,1,2,1,…). */
export function luhnCheckDigit(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new Error('luhnCheckDigit needs exactly 9 digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = (nineDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return String((10 - (sum % 10)) % 10);
}

/** YYYYMMDDNNNC → YYYYMMDD-NNNC (the form shown to people). Anything else is returned as is. */
export function formatCivicNo(normalised: string): string {
  return /^\d{8}[0-9A-Z]{4}$/.test(normalised) ? `${normalised.slice(0, 8)}-${normalised.slice(8)}` : normalised;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const isoOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The century of a 10-digit number: the latest year ending in YY whose birthday is not after today
 * (with `-`), or 100 years before that (with `+`, the separator of people aged 100 or more).
 */
function fullYearOf(yy: number, mm: number, dd: number, plus: boolean, today: Date): number {
  const ty = today.getFullYear();
  let year = ty - ((ty - yy) % 100 + 100) % 100;
  const todayIso = isoOf(today);
  const birthday = `${year}-${pad(mm)}-${pad(dd > 60 ? dd - 60 : dd)}`;
  if (birthday > todayIso) year -= 100;
  if (plus) year -= 100;
  return year;
}

/** Parses a personnummer, samordningsnummer or temporary number in 10- or 12-digit form. */
export function parseCivicNo(input: string, today: Date = new Date()): ParsedCivicNo {
  const s = String(input ?? '').trim().toUpperCase().replace(/\s+/g, '');
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)([0-9A-Z]{2})([0-9A-Z]{2})$/.exec(s);
  if (!m) return { ok: false, reason: 'format' };
  const [, cc, yyS, mmS, ddS, sep, p910, p1112] = m;
  const letters910 = /[A-Z]/.test(p910);
  if (!letters910 && /[A-Z]/.test(p1112)) return { ok: false, reason: 'format' };
  if (sep === '+' && cc) return { ok: false, reason: 'format' }; // + only means something with 10 digits
  const yy = Number(yyS), mm = Number(mmS), dd = Number(ddS);
  const year = cc ? Number(cc + yyS) : fullYearOf(yy, mm, dd, sep === '+', today);
  const tail = p910 + p1112;

  if (letters910) {
    // Temporary number: no check digit; the date part gives the birth date when it is a real date.
    const birthDate = isRealDate(year, mm, dd) ? `${year}-${mmS}-${ddS}` : null;
    return { ok: true, normalised: `${pad(year, 4)}${mmS}${ddS}${tail}`, kind: 'temporary', birthDate, sex: null };
  }

  const coordination = dd > 60;
  const birthDay = coordination ? dd - 60 : dd;
  if (!isRealDate(year, mm, birthDay)) return { ok: false, reason: 'date' };
  const birthDate = `${pad(year, 4)}-${mmS}-${pad(birthDay)}`;
  if (birthDate > isoOf(today)) return { ok: false, reason: 'date' };
  if (tail.slice(0, 3) === '000') return { ok: false, reason: 'format' };
  if (luhnCheckDigit(yyS + mmS + ddS + tail.slice(0, 3)) !== tail[3]) return { ok: false, reason: 'checksum' };
  const normalised = `${pad(year, 4)}${mmS}${ddS}${tail}`;
  // Second opinion from the `personnummer` package on the 12-digit form (it knows both kinds).
  if (!Personnummer.valid(normalised, { allowCoordinationNumber: true, allowInterimNumber: false })) {
    return { ok: false, reason: 'checksum' };
  }
  const sex = (tail.charCodeAt(2) - 48) % 2 === 1 ? 'M' : 'F';
  return { ok: true, normalised, kind: coordination ? 'samordningsnummer' : 'personnummer', birthDate, sex };
}
