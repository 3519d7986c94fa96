import type { TFunction } from 'i18next';
import { isApiError } from '../../app/api';

const KNOWN = new Set([
  'civic_no_checksum', 'civic_no_date', 'civic_no_format', 'end_before_start', 'already_ended', 'overlapping_enrolment', 'overlapping_guardianship',
  'overlapping_duty', 'own_guardian', 'school_form_not_at_unit', 'year_not_in_school_form', 'grades_requested_only_grs', 'unknown_subject',
  'not_found', 'invalid_input',
]);

/** The Swedish (or English) message for a refusal of the people register's API. */
export function errorText(t: TFunction, err: unknown): string {
  const code = isApiError(err) && KNOWN.has(err.code) ? err.code : 'failed';
  return t(`people.errors.${code}`);
}

export const isCivicNoError = (err: unknown) => isApiError(err, 400) && err.code.startsWith('civic_no_');

/** The existing person named by a 409 duplicate_person, or null. */
export function duplicateOf(err: unknown): { id: string; inUnit: boolean } | null {
  if (!isApiError(err, 409) || err.code !== 'duplicate_person') return null;
  return (err.body?.existing as { id: string; inUnit: boolean } | undefined) ?? null;
}
