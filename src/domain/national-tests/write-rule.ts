/**
 * What registering a result does to what is stored: the one rule behind both the registration screen and the
 * import of a file, so the two cannot drift apart. Pure: no I/O.
 */
import type { TestResult } from './result.js';

/** A result stored for the pupil this school year in the subject or another of its choice group. */
export interface StoredResult { subjectCode: string; schoolUnitId: string; result: TestResult }

export type WriteDecision =
  | { kind: 'insert'; result: TestResult }
  | { kind: 'update'; result: TestResult }
  | { kind: 'delete' }
  | { kind: 'unchanged' }
  | { kind: 'refused'; problem: 'registered_at_other_unit' }
  | { kind: 'refused'; problem: 'other_choice_registered'; otherSubject: string };

export function sameResult(a: TestResult, b: TestResult): boolean {
  const subTests = (r: TestResult) => JSON.stringify(Object.entries(r.subTests ?? {}).sort(([x], [y]) => x.localeCompare(y)));
  return a.testGrade === b.testGrade && a.notParticipated === b.notParticipated && subTests(a) === subTests(b);
}

/**
 * Decides the write of `result` (null: remove) in `subjectCode` at `unitId`, given the pupil's stored results
 * of that subject and of the other subjects of its choice group (same grade year and school year):
 * a result registered at another unit is changed only there; a pupil takes one test of a choice group.
 */
export function decideWrite(stored: readonly StoredResult[], subjectCode: string, unitId: string, result: TestResult | null): WriteDecision {
  const before = stored.find((s) => s.subjectCode === subjectCode);
  if (before && before.schoolUnitId !== unitId) return { kind: 'refused', problem: 'registered_at_other_unit' };
  if (!result) return before ? { kind: 'delete' } : { kind: 'unchanged' };
  const other = stored.find((s) => s.subjectCode !== subjectCode);
  if (other) return { kind: 'refused', problem: 'other_choice_registered', otherSubject: other.subjectCode };
  if (!before) return { kind: 'insert', result };
  return sameResult(before.result, result) ? { kind: 'unchanged' } : { kind: 'update', result };
}

/** Year 3 in a file: the sub-tests the file gives replace those stored; the others stay as they are. */
export function mergeSubTests(before: TestResult | null, incoming: TestResult): TestResult {
  if (!before?.subTests || incoming.notParticipated || !incoming.subTests) return incoming;
  return { ...incoming, subTests: { ...before.subTests, ...incoming.subTests } };
}
