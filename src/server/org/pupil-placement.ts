import { sql } from 'drizzle-orm';
import { inForce } from '../platform/access/access.js';

/**
 * Joins, for person `p`, the enrolment in force today (`e`), its unit (`u`) and the current class (`c`).
 * A read-model fragment shared by the views that show where a pupil goes to school.
 */
export const joinCurrentPlacement = (today: string) => sql`
  left join lateral (select * from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
                       and ${inForce(sql`e.start_date`, sql`e.end_date`, today)} order by e.start_date desc limit 1) e on true
  left join school_unit u on u.organiser_id = e.organiser_id and u.id = e.school_unit_id
  left join lateral (select g.name from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
                      where m.organiser_id = p.organiser_id and m.person_id = p.id and g.group_type = 'class'
                        and ${inForce(sql`m.start_date`, sql`m.end_date`, today)} limit 1) c on true`;
