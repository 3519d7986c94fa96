/**
 * School units (skolenheter) as Skolverket's register knows them: an 8-digit school unit code
 * (skolenhetskod, unique within the organiser), the school forms taught there, the 4-digit municipality
 * code (kommunkod) and the unit's address and contact.
 */
export const SCHOOL_FORMS = ['GR', 'GRS', 'FKLASS', 'FTH'] as const;
export type SchoolForm = (typeof SCHOOL_FORMS)[number];

export const isSchoolUnitCode = (s: string): boolean => /^\d{8}$/.test(s);
export const isMunicipalityCode = (s: string): boolean => /^\d{4}$/.test(s);
/** A Swedish postal code, written '123 45' or '12345'; stored as written with one space. */
export const normalisePostalCode = (s: string): string | null => {
  const m = /^(\d{3})\s?(\d{2})$/.exec(s.trim());
  return m ? `${m[1]} ${m[2]}` : null;
};

/** The fields of a unit that only the organiser-level administrator changes; the rest (address, contact)
 *  the unit's own administrator keeps. */
export const ORGANISER_LEVEL_UNIT_FIELDS = ['name', 'schoolUnitCode', 'schoolForms', 'municipalityCode'] as const;
