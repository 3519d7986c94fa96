import type { Role } from '../../../domain/access/roles.js';

/** Who is asking: resolved from the session on every request, never from the client's say-so. */
export interface Actor {
  organiserId: string;
  personId: string;
  role: Role;
  /** The current school unit for unit roles (teacher, administrator, principal); null otherwise. */
  unitId: string | null;
  /** Today's date in Europe/Stockholm, YYYY-MM-DD: relations are checked as of this day. */
  today: string;
  ip: string | null;
  /** The person's name, as shown beside what they registered. */
  name: string;
}
