import { sql } from 'drizzle-orm';
import { graderScope, inForce } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Queryable } from '../platform/db/database.js';
import type { TermRef } from '../../domain/grading/period.js';

export interface OverviewRow {
  id: string; name: string; subject_code: string; subject_name: string;
  pupils: number; expected: number; graded: number; confirmed: number;
}

/**
 * The groups the actor grades at the current unit, with this term's progress: pupils, how many should
 * get a grade now (from the first graded year; anpassad grundskola only when asked for), how many have
 * one, and how many are confirmed. In spring, year 9 gets the final grade instead of a term grade.
 */
export const listGradingOverview = (q: Pick<Queryable, 'execute'>, actor: Actor, term: TermRef) => rows<OverviewRow>(q, sql`
  select g.id, g.name, g.subject_code, s.name as subject_name,
         count(m.person_id)::int as pupils,
         count(*) filter (where e.school_year >= coalesce(ss.first_graded_year, 6) and not (e.school_form = 'GRS' and not e.grades_requested))::int as expected,
         count(gr.value)::int as graded,
         count(*) filter (where gr.state in ('confirmed', 'decided', 'locked'))::int as confirmed
    from student_group g
    join subject s on s.code = g.subject_code
    left join subject_setting ss on ss.organiser_id = g.organiser_id and ss.subject_code = g.subject_code
    join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
    left join lateral (select * from enrolment e where e.organiser_id = m.organiser_id and e.person_id = m.person_id
                        and ${inForce(sql`e.start_date`, sql`e.end_date`, actor.today)} order by e.start_date desc limit 1) e on true
    left join grade gr on gr.organiser_id = g.organiser_id and gr.pupil_id = m.person_id and gr.subject_code = g.subject_code
      and case when ${term.kind} = 'VT' and e.school_year = 9 then gr.kind = 'final' else gr.kind = 'term' and gr.term_id = ${term.id} end
   where ${graderScope(actor)} and ${inForce(sql`g.start_date`, sql`g.end_date`, actor.today)}
   group by g.id, g.name, g.subject_code, s.name`);
