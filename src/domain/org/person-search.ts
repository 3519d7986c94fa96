/**
 * Finding a person by name or civic number, as every list of people does (the people register, "Mina
 * elever"): diacritics-insensitive names, civic numbers with or without century and dash. Pure: the server
 * and the web use the same rules.
 */

/** Text folded for search: lower case, without diacritics, so that "Ake" finds "Åke" and "ostlund" "Östlund". */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/gi, 'o').replace(/æ/gi, 'ae').toLowerCase();
}

/** The digits of a query that looks like a civic number (digits with or without century, dash or plus);
 *  null when the query is a name. */
export function civicNoDigits(query: string): string | null {
  const s = query.trim();
  if (!/^[0-9][0-9\s+-]*[0-9A-Za-z]*$/.test(s)) return null;
  const digits = s.replace(/[\s+-]/g, '').toUpperCase();
  return digits.length >= 4 ? digits : null;
}

export interface Searchable { givenName: string; familyName: string; civicNo: string | null }

/** A prepared query: every word of a name query must begin a word of the name (either order), or the
 *  digits of a civic number query occur in the person's number (YYMMDD-NNNN finds YYYYMMDDNNNN). */
export function personMatcher(query: string): (p: Searchable) => boolean {
  const digits = civicNoDigits(query);
  if (digits) return (p) => p.civicNo !== null && p.civicNo.replace(/[-+]/g, '').includes(digits);
  const words = foldForSearch(query).split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (p) => {
    const nameWords = foldForSearch(`${p.givenName} ${p.familyName}`).split(/[\s-]+/);
    return words.every((w) => nameWords.some((n) => n.startsWith(w)));
  };
}
