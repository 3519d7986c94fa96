import type { RoleGrant } from '../access/roles.js';
import { parseCivicNo } from '../org/personnummer.js';

/**
 * What an OpenID provider says about the person, and who that may be in Lärka. Pure.
 */

/** The personnummer (or samordningsnummer) in a claim, normalised to 12 digits, or null when the claim
 *  is missing or not a valid number. A temporary school number never comes from an e-ID. */
export function civicNoFromClaim(value: unknown, today: Date): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const parsed = parseCivicNo(String(value), today);
  if (!parsed.ok || parsed.kind === 'temporary') return null;
  return parsed.normalised;
}

/** What the audit trail keeps of a personnummer that matched no one: its last four digits only. */
export function lastFourOf(civicNo: string): string {
  return civicNo.slice(-4);
}

export type EidLoginVerdict = 'allowed' | 'pupil_only' | 'no_role';

/** Guardians and staff log in with e-ID; a person whose only role is pupil logs in with username and
 *  password (pupils are children: the school hands out their logins); no role at all, no login. */
export function eidLoginVerdict(grants: readonly RoleGrant[]): EidLoginVerdict {
  if (grants.length === 0) return 'no_role';
  if (grants.every((g) => g.role === 'pupil')) return 'pupil_only';
  return 'allowed';
}

/** Where to go after the login: an in-app path only (never another site, never the login page). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/api/')) return '/';
  if (value === '/login' || value.startsWith('/login?')) return '/';
  return /[\u0000-\u001f\u007f]/.test(value) ? '/' : value;
}
