import { sql } from 'drizzle-orm';
import { inForce } from '../platform/access/access.js';

/** Names of the staff assigned to group `g` (alias) with the given assignment today, as a text array in
 *  family-name order (the Swedish order is applied where the list is shown). */
export const groupStaffNames = (assignment: 'teacher' | 'mentor', today: string) => sql`coalesce((select array_agg(p.given_name || ' ' || p.family_name order by p.family_name, p.given_name)
  from group_staff gs join person p on p.organiser_id = gs.organiser_id and p.id = gs.person_id
  where gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = ${assignment}
    and ${inForce(sql`gs.start_date`, sql`gs.end_date`, today)}), '{}')`;
