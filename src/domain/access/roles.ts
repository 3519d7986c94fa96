/** The roles a person can act in. Mentor is not a role: it is a teacher's relation to a class. Student health
 *  (elevhälsa: school nurse, counsellor, psychologist …) acts at a unit. */
export const ROLES = ['teacher', 'student_health', 'administrator', 'principal', 'analyst', 'guardian', 'pupil'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['teacher', 'student_health', 'administrator', 'principal', 'analyst'];
/** Roles acted in at one school unit; the others (analyst, guardian, pupil) have no current unit. */
export const UNIT_ROLES: readonly Role[] = ['teacher', 'student_health', 'administrator', 'principal'];

export const isUnitRole = (role: Role) => UNIT_ROLES.includes(role);

/** A role a person holds, and the units they hold it at (empty for roles without a unit). */
export interface RoleGrant { role: Role; units: { id: string; name: string }[] }

export interface Context { role: Role; unitId: string | null }

/** Order in which a person with several roles starts: staff before guardian, guardian before pupil. */
const START_ORDER: Role[] = ['principal', 'administrator', 'teacher', 'student_health', 'analyst', 'guardian', 'pupil'];

/** The context a person starts in after login, or null when they hold no role at all. */
export function defaultContext(grants: RoleGrant[]): Context | null {
  for (const role of START_ORDER) {
    const grant = grants.find((g) => g.role === role);
    if (!grant) continue;
    if (!isUnitRole(role)) return { role, unitId: null };
    if (grant.units.length > 0) return { role, unitId: grant.units[0].id };
  }
  return null;
}

/** Whether the person really holds this role (at this unit, for unit roles). Never trust the client. */
export function holdsContext(grants: RoleGrant[], ctx: Context): boolean {
  const grant = grants.find((g) => g.role === ctx.role);
  if (!grant) return false;
  if (!isUnitRole(ctx.role)) return ctx.unitId === null;
  return ctx.unitId !== null && grant.units.some((u) => u.id === ctx.unitId);
}
