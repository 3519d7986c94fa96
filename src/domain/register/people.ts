/**
 * Rules of the people register (personregistret): who a person is to a school unit, how they are found,
 * which civic numbers are accepted, and which relations (enrolment, guardianship, duty) may be recorded
 * or ended. Pure: no I/O; the server and the web use the same rules.
 */
import { parseCivicNo, type CivicNoKind } from '../org/personnummer.js';
import { isValidRange, rangesOverlap, type DateRange } from './date-ranges.js';

/** What a person is to a school unit, from their relations there. */
export const PERSON_KINDS = ['pupil', 'guardian', 'staff'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const SECURITY_MARKINGS = ['none', 'confidential', 'protected'] as const;
export type SecurityMarking = (typeof SECURITY_MARKINGS)[number];

/** Staff roles an administrator of a unit records there (the analyst and the organiser-level administrator
 *  have no unit and are not recorded here). */
export const UNIT_STAFF_ROLES = ['teacher', 'administrator', 'principal', 'student_health'] as const;
export type UnitStaffRole = (typeof UNIT_STAFF_ROLES)[number];

// ---------------------------------------------------------------------------------------------- search

/** Finding a person by name or civic number: shared with "Mina elever" (src/domain/org/person-search.ts). */
export { civicNoDigits, foldForSearch, personMatcher, type Searchable } from '../org/person-search.js';

// ------------------------------------------------------------------------------------------ civic numbers

export type CivicNoProblem = 'civic_no_format' | 'civic_no_date' | 'civic_no_checksum';
export type CivicNoResult =
  | { ok: true; civicNo: string; kind: CivicNoKind; birthDate: string | null; sex: 'F' | 'M' | null }
  | { ok: false; problem: CivicNoProblem };

/** A personnummer, samordningsnummer or temporary number as typed (10 or 12 digits, with or without dash)
 *  → its stored 12-character form, or the reason it is refused: a wrong check digit, an impossible date
 *  (or one in the future), or a shape that is no civic number at all. */
export function checkCivicNo(input: string, today: Date = new Date()): CivicNoResult {
  const parsed = parseCivicNo(input, today);
  if (!parsed.ok) return { ok: false, problem: `civic_no_${parsed.reason}` };
  return { ok: true, civicNo: parsed.normalised, kind: parsed.kind, birthDate: parsed.birthDate, sex: parsed.sex };
}

// ----------------------------------------------------------------------------------------- protection

/** Address and contact details of a person with protected registration (skyddad folkbokföring) are never
 *  shown or exported; those of everyone else are shown to the unit's administrator. */
export const contactVisible = (marking: SecurityMarking): boolean => marking !== 'protected';

// ----------------------------------------------------------------------------------------- relations

export type RelationProblem =
  | 'end_before_start'
  | 'already_ended'
  | 'overlapping_enrolment'
  | 'overlapping_guardianship'
  | 'overlapping_duty'
  | 'own_guardian'
  | 'school_form_not_at_unit'
  | 'year_not_in_school_form'
  | 'grades_requested_only_grs';

/** School years each school form has (0 = förskoleklass). Forms not listed take any year 0–10. */
const YEARS_BY_FORM: Record<string, [number, number]> = { FKLASS: [0, 0], GR: [0, 9], GRS: [1, 9], SP: [1, 10], SAM: [0, 6] };

export interface EnrolmentDraft extends DateRange { schoolYear: number; schoolForm: string; gradesRequested: boolean }

/** An enrolment at a unit: dates in order, a school form the unit runs, a year that form has, grades on
 *  request only in anpassad grundskola (GRS), and never two enrolments at the same unit on the same day. */
export function enrolmentProblem(draft: EnrolmentDraft, unitForms: readonly string[], sameUnit: readonly DateRange[]): RelationProblem | null {
  if (!isValidRange(draft)) return 'end_before_start';
  if (!unitForms.includes(draft.schoolForm)) return 'school_form_not_at_unit';
  const [lo, hi] = YEARS_BY_FORM[draft.schoolForm] ?? [0, 10];
  if (draft.schoolYear < lo || draft.schoolYear > hi) return 'year_not_in_school_form';
  if (draft.gradesRequested && draft.schoolForm !== 'GRS') return 'grades_requested_only_grs';
  if (sameUnit.some((e) => rangesOverlap(e, draft))) return 'overlapping_enrolment';
  return null;
}

/** A guardianship: nobody is their own guardian, and the same guardian and child are not related twice
 *  on the same day (a person may be a guardian and also a pupil or staff: that is not checked here). */
export function guardianshipProblem(draft: DateRange & { guardianId: string; childId: string }, samePair: readonly DateRange[]): RelationProblem | null {
  if (!isValidRange(draft)) return 'end_before_start';
  if (draft.guardianId === draft.childId) return 'own_guardian';
  if (samePair.some((g) => rangesOverlap(g, draft))) return 'overlapping_guardianship';
  return null;
}

/** A duty at a unit: dates in order, and not the same role at the same unit twice on the same day. */
export function dutyProblem(draft: DateRange, sameRoleSameUnit: readonly DateRange[]): RelationProblem | null {
  if (!isValidRange(draft)) return 'end_before_start';
  if (sameRoleSameUnit.some((d) => rangesOverlap(d, draft))) return 'overlapping_duty';
  return null;
}

/** Ending a relation with a last day: not before its first day; a relation already ended stays as it was
 *  (its end can only be moved earlier, never reopened, so history is not rewritten). */
export function endProblem(relation: DateRange, lastDay: string): RelationProblem | null {
  if (lastDay < relation.startDate) return 'end_before_start';
  if (relation.endDate !== null && relation.endDate <= lastDay) return 'already_ended';
  return null;
}

/** A relation is current on `today` when it has started and not ended; ended when its last day has passed. */
export function relationState(r: DateRange, today: string): 'current' | 'upcoming' | 'ended' {
  if (r.startDate > today) return 'upcoming';
  return r.endDate !== null && r.endDate < today ? 'ended' : 'current';
}
