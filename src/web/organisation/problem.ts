import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';

const KNOWN = new Set([
  'invalid_school_year', 'invalid_range', 'outside_school_year', 'vt_before_ht', 'overlaps_term', 'holidays_outside_term',
  'grades_before_start', 'school_year_exists', 'outside_term', 'overlaps_holiday', 'school_unit_code_taken', 'forbidden', 'not_found',
  'invalid_school_unit_code', 'invalid_municipality_code', 'invalid_postal_code', 'invalid_phone',
]);

/** The Swedish message for a refusal of the organisation API (its stable error code), or a general one. */
export function problemText(t: TFunction, err: unknown): string {
  if (isApiError(err) && err.code === 'school_unit_code_taken' && typeof err.body?.unitName === 'string') {
    return t('organisation.units.codeTaken', { unit: err.body.unitName });
  }
  return t(`organisation.errors.${isApiError(err) && KNOWN.has(err.code) ? err.code : 'other'}`);
}
