import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';

const KNOWN = new Set(['client_id_taken', 'invalid_client_id', 'write_without_resource', 'unknown_unit', 'no_units', 'client_revoked', 'stale', 'forbidden', 'not_found']);

/** The message for a refusal of the clients API (its stable error code), or a general one. */
export const problemText = (t: TFunction, err: unknown): string =>
  t(`ss12000.errors.${isApiError(err) && KNOWN.has(err.code) ? err.code : 'other'}`);

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** An instant as YYYY-MM-DD HH:MM in Swedish time. */
export const stockholmTime = (iso: string): string => stockholm.format(new Date(iso));
