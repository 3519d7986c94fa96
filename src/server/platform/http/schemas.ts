import { z } from 'zod';

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).passthrough();
export const Uuid = z.string().uuid();
/** A day of the calendar, YYYY-MM-DD. The calendar is checked here: PostgreSQL refuses 2024-02-30 with
 *  an error, which would otherwise be a 500 (found by the fuzzer). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDay, 'Not a date of the calendar');

function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d);
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Text PostgreSQL can store: no NUL character (text and jsonb refuse it) and no unpaired surrogate
 *  (jsonb, e.g. the audit details, refuses the \u escape JSON.stringify writes for it). Either would fail
 *  the insert, a 500 (found by the fuzzer). */
export const STORABLE = /^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;
/** A string of storable text (see STORABLE): use for every text field that is stored or audited. */
export const StoredText = z.string().regex(STORABLE, 'No NUL characters or unpaired surrogates');
/** The error responses every authenticated route can give. */
export const authErrors = { 401: ErrorBody, 403: ErrorBody } as const;
