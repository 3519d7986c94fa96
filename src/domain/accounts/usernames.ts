/**
 * The username rule for local accounts (pupils, and staff without single sign-on):
 *
 *   the first three letters of the given name + the first three letters of the family name
 *   + a two-digit number (01, 02 … 99, then 100 …), the lowest one free in the organiser.
 *
 * Letters are folded to ASCII and lower case (å → a, ä → a, ö → o, é → e, ü → u, æ → ae, ø → o, ß → ss);
 * everything that is not a letter a–z (spaces, hyphens, apostrophes) is dropped. A name shorter than three
 * letters gives what it has; a name with no letter left gives nothing, and when both do, the base is "elev".
 * Example: Åsa Öberg → asaobe01; Zoë Ng → zoeng01; a second Åsa Öberg → asaobe02.
 */

const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

/** The letters a–z of a name: diacritics removed (NFD), a few letters spelt out, the rest dropped. */
export function foldToAscii(name: string): string {
  return [...name.toLowerCase()]
    .map((c) => SPECIAL[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/** The username without its number: three letters of each name. */
export function usernameBase(givenName: string, familyName: string): string {
  const base = foldToAscii(givenName).slice(0, 3) + foldToAscii(familyName).slice(0, 3);
  return base || 'elev';
}

/** The first username of the rule that is not taken: `base` + 01, 02 … (taken is compared in lower case). */
export function nextFreeUsername(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${base}${String(n).padStart(2, '0')}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Usernames for several people at once, each unique among the taken ones and each other. */
export function assignUsernames(people: readonly { givenName: string; familyName: string }[], taken: Iterable<string>): string[] {
  const used = new Set([...taken].map((u) => u.toLowerCase()));
  return people.map((p) => {
    const username = nextFreeUsername(usernameBase(p.givenName, p.familyName), used);
    used.add(username);
    return username;
  });
}
