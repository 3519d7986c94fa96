// Our values of persons, duties and groups as the SS 12000 code lists (Code_Sex, Code_SecurityMarking,
// Code_PersonStatus, Code_DutyRole, Code_GroupType, Code_SchoolType), and the rule on protected persons.

export const SCHOOL_TYPES = ['FS', 'FKLASS', 'FTH', 'OPPFTH', 'GR', 'GRS', 'TR', 'SP', 'SAM', 'GY', 'GYS', 'VUX', 'VUXSFI', 'VUXGR',
  'VUXGY', 'VUXSARGR', 'VUXSARTR', 'VUXSARGY', 'SFI', 'SARVUX', 'SARVUXGR', 'SARVUXGY', 'KU', 'YH', 'FHS', 'STF', 'KKU', 'HS', 'ABU', 'AU'] as const;
export type SchoolType = typeof SCHOOL_TYPES[number];

/** Our school form as Code_SchoolType: the codes are the standard's (GRS, our "anpassad grundskola", is
 *  the standard's Grundsärskola); a form the code list lacks is "Annan undervisning". */
export function schoolTypeOf(form: string): SchoolType {
  return (SCHOOL_TYPES as readonly string[]).includes(form) ? form as SchoolType : 'AU';
}

export type Sex = 'Man' | 'Kvinna' | 'Okänt';
/** F → Kvinna, M → Man; X (other or not known) and no value → Okänt. */
export function sexOf(sex: string | null): Sex {
  return sex === 'F' ? 'Kvinna' : sex === 'M' ? 'Man' : 'Okänt';
}

export type SecurityMarking = 'Ingen' | 'Sekretessmarkering' | 'Skyddad folkbokföring';
const MARKINGS: Record<string, SecurityMarking> = { none: 'Ingen', confidential: 'Sekretessmarkering', protected: 'Skyddad folkbokföring' };
/** none → Ingen, confidential → Sekretessmarkering, protected → Skyddad folkbokföring. */
export function securityMarkingOf(marking: string): SecurityMarking {
  const found = MARKINGS[marking];
  if (!found) throw new Error(`unknown security marking ${marking}`);
  return found;
}

/**
 * Code_PersonStatus speaks of the population register (Aktiv, Utvandrad, Avliden). Our `active` is Aktiv.
 * Our `inactive` only says that the person no longer uses Lärka (no login); it says nothing of emigration
 * or death, so no value is given (undefined): the field is left out rather than a register status invented.
 */
export function personStatusOf(status: string): 'Aktiv' | undefined {
  return status === 'active' ? 'Aktiv' : undefined;
}

/** Contact details (addresses, e-mail addresses, phone numbers) are served only for a person without a
 *  security marking: a person with Sekretessmarkering or Skyddad folkbokföring is served with name, civic
 *  number, enrolments and relations, but where the person lives or can be reached is never given out. */
export function contactDetailsServed(marking: SecurityMarking): boolean {
  return marking === 'Ingen';
}

export type DutyRole = 'Rektor' | 'Lärare' | 'Skoladministratör' | 'Annan personal';
/** Our duty roles as Code_DutyRole, with the Arbetsområde (description) where the role is wider than ours. */
export const DUTY_ROLES: Record<string, { dutyRole: DutyRole; description?: string }> = {
  teacher: { dutyRole: 'Lärare' },
  principal: { dutyRole: 'Rektor' },
  administrator: { dutyRole: 'Skoladministratör' },
  // the organiser's analyst follows up results: not a school role of the code list
  analyst: { dutyRole: 'Annan personal', description: 'Analytiker' },
  // we do not know which profession of the student health team (kurator, skolsköterska, …)
  student_health: { dutyRole: 'Annan personal', description: 'Elevhälsa' },
};
export function dutyRoleOf(role: string): { dutyRole: DutyRole; description?: string } {
  const found = DUTY_ROLES[role];
  if (!found) throw new Error(`unknown duty role ${role}`);
  return found;
}
/** Our roles that a Code_DutyRole stands for (the reverse, for the dutyRole filter). */
export const rolesOfDutyRole = (dutyRole: string): string[] =>
  Object.entries(DUTY_ROLES).filter(([, v]) => v.dutyRole === dutyRole).map(([k]) => k);

export type GroupType = 'Klass' | 'Undervisning' | 'Mentor';
const GROUP_TYPES: Record<string, GroupType> = { class: 'Klass', teaching: 'Undervisning', mentor: 'Mentor' };
/** class → Klass, teaching → Undervisning, mentor → Mentor. */
export function groupTypeOf(type: string): GroupType {
  const found = GROUP_TYPES[type];
  if (!found) throw new Error(`unknown group type ${type}`);
  return found;
}
export const groupTypesFrom = (types: string[]): string[] =>
  Object.entries(GROUP_TYPES).filter(([, v]) => types.includes(v)).map(([k]) => k);

/** A group staff assignment as Code_AssignmentRole: a mentor is Mentor; a teacher's teaching is not an
 *  assignment role (the standard expresses it by Activity), so none. */
export function assignmentRoleOf(assignment: string): 'Mentor' | null {
  return assignment === 'mentor' ? 'Mentor' : null;
}

/** A Swedish mobile number starts with 07 (or +467 / 00467); others are taken as fixed lines. */
export function isMobileNumber(phone: string): boolean {
  const digits = phone.replace(/[^\d+]/g, '');
  return /^(07|\+467|00467)/.test(digits);
}

/** An address the standard can carry: street, postal code and locality are required. */
export function addressOf(street: string | null, postalCode: string | null, city: string | null) {
  if (!street || !postalCode || !city) return null;
  return { type: 'Folkbokföring' as const, streetAddress: street, postalCode, locality: city, country: 'Sverige' };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmailAddress = (v: string): boolean => EMAIL.test(v);
