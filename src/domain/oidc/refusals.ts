/** Why an e-ID login was refused. The server sends the browser to /login?error=<reason>; the login page
 *  shows a message for each (src/web/session/texts.ts, session.login.eid.errors). */
export const EID_REFUSALS = [
  'unknown_provider', 'provider_unavailable', 'too_many_attempts', 'login_expired', 'state_mismatch', 'cancelled',
  'login_invalid', 'no_civic_no', 'unknown_person', 'pupil_only', 'no_role', 'account_disabled',
] as const;
export type EidRefusal = (typeof EID_REFUSALS)[number];

export const isEidRefusal = (value: unknown): value is EidRefusal => (EID_REFUSALS as readonly unknown[]).includes(value);
