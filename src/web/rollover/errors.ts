import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';

const KNOWN = ['current_terms_missing', 'already_rolled_over', 'preview_outdated', 'ht_dates', 'vt_dates', 'vt_before_ht',
  'starts_before_old_year_ends', 'outside_school_year', 'next_terms_incomplete'];
const REFUSALS = ['new_year_grades', 'new_year_changed', 'later_rollover'];

/** The Swedish (or English) message for an error code of the school-year API. */
export function rolloverError(t: TFunction, err: unknown): string | null {
  if (!err) return null;
  if (isApiError(err) && KNOWN.includes(err.code)) return t(`rollover.errors.${err.code}`);
  if (isApiError(err) && REFUSALS.includes(err.code)) return t(`rollover.refusal.${err.code}`);
  return t('rollover.errors.failed');
}
