/**
 * How long a guardian sees a child's school information (DOMAIN.md §5): while the guardianship is in force
 * (its end date inclusive) and until the child turns 18 — from the 18th birthday on, only if the young adult
 * has consented (recorded, revocable). The access module applies the same rule in SQL (`guardianSeesChild`).
 */

export interface PersonBirth {
  birthDate: string | null;
  /** Normalised 12 characters, YYYYMMDDNNNC (or a TF-number with letters in positions 9–10). */
  civicNo: string | null;
  civicNoKind: string | null;
}

export interface GuardianRelation { startDate: string; endDate: string | null }

/**
 * The date of birth as YYYYMMDD (a number, as the SQL mirror compares it): the recorded birth date, else
 * from the civic number's first eight digits; a samordningsnummer has 60 added to the day. Null when unknown.
 */
export function birthKey(p: PersonBirth): number | null {
  if (p.birthDate) return Number(p.birthDate.replaceAll('-', ''));
  if (!p.civicNo || !/^\d{8}/.test(p.civicNo)) return null;
  return Number(p.civicNo.slice(0, 8)) - (p.civicNoKind === 'samordningsnummer' ? 60 : 0);
}

/**
 * 18 or older on `today`. The 18th birthday counts as 18; someone born on 29 February turns 18 on 1 March
 * in a year that is not a leap year (the birthday as a calendar number, YYYYMMDD + 18 0000).
 */
export function isAdultOn(birth: PersonBirth, today: string): boolean {
  const key = birthKey(birth);
  return key !== null && key + 180000 <= Number(today.replaceAll('-', ''));
}

/** The relation is in force today: started, and its end date (inclusive) not passed. */
export const relationInForce = (r: GuardianRelation, today: string) => r.startDate <= today && (r.endDate === null || r.endDate >= today);

/**
 * A guardian may see the child's information: the relation is in force, and the child is under 18 or has
 * consented (a consent not revoked). A child whose birth date cannot be known is treated as under 18.
 */
export function guardianMaySee(birth: PersonBirth, today: string, relation: GuardianRelation, consented: boolean): boolean {
  return relationInForce(relation, today) && (!isAdultOn(birth, today) || consented);
}

/** The pupil may give (or revoke) consent from their 18th birthday on. */
export const mayConsent = (birth: PersonBirth, today: string) => isAdultOn(birth, today);
