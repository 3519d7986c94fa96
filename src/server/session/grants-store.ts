import { sql } from 'drizzle-orm';
import { ROLES, type Role, type RoleGrant } from '../../domain/access/roles.js';
import { rows, type Queryable } from '../platform/db/database.js';
import { guardianSeesChild, inForce } from '../platform/access/access.js';

const collator = new Intl.Collator('sv');

/** The roles a person holds today, derived from relations: duties, guardianships, enrolments. */
export async function loadRoleGrants(q: Pick<Queryable, 'execute'>, organiserId: string, personId: string, today: string): Promise<RoleGrant[]> {
  const found = await rows<{ role: Role; unit_id: string | null; unit_name: string | null }>(q, sql`
    select d.role, u.id as unit_id, u.name as unit_name
      from duty d left join school_unit u on u.organiser_id = d.organiser_id
       -- an administrator's duty without a unit is organiser-wide: administrator at every unit
       and (u.id = d.school_unit_id or (d.school_unit_id is null and d.role = 'administrator'))
     where d.organiser_id = ${organiserId} and d.person_id = ${personId}
       and d.role in ('teacher','administrator','principal','analyst','student_health')
       and ${inForce(sql`d.start_date`, sql`d.end_date`, today)}
    union all
    select 'guardian', null, null where exists (
      -- a guardian of at least one child they may still see (under 18, or consented: guardianSeesChild)
      select 1 from guardianship g join person c on c.organiser_id = g.organiser_id and c.id = g.child_id
       where g.organiser_id = ${organiserId} and g.guardian_id = ${personId} and ${guardianSeesChild(sql`g`, sql`c`, today)})
    union all
    select 'pupil', null, null where exists (
      select 1 from enrolment e where e.organiser_id = ${organiserId} and e.person_id = ${personId}
         and ${inForce(sql`e.start_date`, sql`e.end_date`, today)})`);
  const grants = new Map<Role, RoleGrant>();
  for (const row of found) {
    const grant = grants.get(row.role) ?? { role: row.role, units: [] };
    if (row.unit_id && !grant.units.some((u) => u.id === row.unit_id)) grant.units.push({ id: row.unit_id, name: row.unit_name! });
    grants.set(row.role, grant);
  }
  for (const g of grants.values()) g.units.sort((a, b) => collator.compare(a.name, b.name));
  return ROLES.filter((r) => grants.has(r)).map((r) => grants.get(r)!);
}
