// The session as the server sends it (GET/POST /api/session, PUT /api/session/context).

export type Role = 'teacher' | 'student_health' | 'administrator' | 'principal' | 'analyst' | 'guardian' | 'pupil';

export interface UnitRef {
  id: string;
  name: string;
}

export interface SessionBody {
  person: { id: string; givenName: string; familyName: string; displayName: string };
  username: string;
  current: { role: Role; unitId: string | null; unitName: string | null };
  roles: { role: Role; units: UnitRef[] }[];
  allowedActions: string[];
  organiser: { name: string; contact: string | null };
  /** The modules the organiser has switched on ('grading', 'absence', 'planning', 'followup'). */
  modules: string[];
  csrfToken: string;
  /** An administrator set the password: the person must choose their own before anything else. */
  mustChangePassword: boolean;
}

export interface SessionContext {
  role: Role;
  unitId: string | null;
}
