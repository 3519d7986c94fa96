/**
 * Signing the grade catalogue (betygskatalog, DOMAIN.md §3 step 5): the grading teacher signs; a
 * teacher without a licence (legitimation) signs together with a licensed teacher who co-signs. Only
 * when the catalogue is signed are its grades decided (beslutade).
 */
export interface Signature { personId: string; licensed: boolean }

/** The catalogue is complete when at least one licensed teacher has signed, and every unlicensed grading
 *  teacher who set grades in it has signed too. */
export function catalogueComplete(signatures: Signature[], unlicensedGraders: string[]): boolean {
  const signed = new Set(signatures.map((s) => s.personId));
  return signatures.some((s) => s.licensed) && unlicensedGraders.every((id) => signed.has(id));
}

/** A signature counts for the grades it was given on: once a grade in the catalogue has changed since
 *  (a disagreement decided, a confirmation removed and the grade changed), it no longer counts, and its
 *  signer signs again. `content` identifies the grades as they are now. */
export function signaturesInForce<T extends { content: string }>(signatures: T[], content: string): T[] {
  return signatures.filter((s) => s.content === content);
}

export type SignProblem = 'not_confirmed' | 'already_signed' | 'no_grades';

/** Null when the person may sign now: there are grades, all of them confirmed, and they have not signed. */
export function signProblem(states: string[], signatures: Signature[], personId: string): SignProblem | null {
  if (states.length === 0) return 'no_grades';
  if (states.some((s) => s === 'registered')) return 'not_confirmed';
  if (signatures.some((s) => s.personId === personId)) return 'already_signed';
  return null;
}

/**
 * When a teacher without a licence and the licensed teacher who signs with them disagree on a grade, the
 * licensed teacher decides if qualified (behörig) in the subject; otherwise the principal decides.
 */
export function whoDecidesDisagreement(licensedTeacherQualifiedInSubject: boolean): 'licensed_teacher' | 'principal' {
  return licensedTeacherQualifiedInSubject ? 'licensed_teacher' : 'principal';
}
