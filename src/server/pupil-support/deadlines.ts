import { sql } from 'drizzle-orm';
import { dueDeadlines, type Deadline } from '../../domain/pupil-support/action-programme.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Db } from '../platform/db/database.js';

export interface SupportDeadline extends Deadline {
  /** Null for a measure of the follow-up of grades (it concerns a unit, group or teacher, not a pupil). */
  pupil: { id: string; givenName: string; familyName: string } | null;
  /** The measure, or the adaptation, the deadline is about (null for a programme's evaluation). */
  text: string | null;
  /** The action programme to open (measures and evaluations); null for an extra adaptation. */
  programmeId: string | null;
}

/** The horizon `dueDeadlines` looks to: deadlines after it are not read at all. */
const WITHIN_DAYS = 14;

/**
 * "Att följa upp": the deadlines of pupil support that concern the actor at the current unit, overdue or due
 * within 14 days — the follow-up of a measure they are responsible for, the evaluation of a programme in force
 * (for the principal of the unit, the one who decided it, and the staff responsible for its measures), and the
 * next follow-up of an extra adaptation they are responsible for; for the principal also the follow-up of the
 * measures decided on the unit's findings in the follow-up of grades (followup_measure).
 */
export function supportDeadlineService(db: Db) {
  return {
    async mine(actor: Actor) {
      requireAction(actor, 'pupil-support.view');
      const org = actor.organiserId;
      const horizon = sql`${actor.today}::date + ${WITHIN_DAYS}::int`;
      const pupil = (alias: string) => sql.raw(`json_build_object('id', ${alias}.id, 'givenName', ${alias}.given_name, 'familyName', ${alias}.family_name)`);
      const found = await rows<SupportDeadline>(db, sql`
        select 'measure_follow_up' as kind, m.id, to_char(m.follow_up_on, 'YYYY-MM-DD') as due, ${pupil('p')} as pupil, m.measure as text, ap.id as "programmeId"
          from action_programme_measure m
          join action_programme ap on ap.organiser_id = m.organiser_id and ap.id = m.programme_id
          join person p on p.organiser_id = ap.organiser_id and p.id = ap.pupil_id
         where m.organiser_id = ${org} and m.responsible_id = ${actor.personId} and ap.school_unit_id = ${actor.unitId} and ap.status = 'programme'
           and (m.followed_up_on is null or m.followed_up_on < m.follow_up_on) and m.follow_up_on <= ${horizon}
        union all
        select 'programme_evaluation', ap.id, to_char(ap.evaluate_by, 'YYYY-MM-DD'), ${pupil('p')}, null, ap.id
          from action_programme ap join person p on p.organiser_id = ap.organiser_id and p.id = ap.pupil_id
         where ap.organiser_id = ${org} and ap.school_unit_id = ${actor.unitId} and ap.status = 'programme' and ap.evaluate_by <= ${horizon}
           and (${actor.role === 'principal' ? sql`true` : sql`false`} or ap.decided_by = ${actor.personId} or exists (select 1 from action_programme_measure m
             where m.organiser_id = ap.organiser_id and m.programme_id = ap.id and m.responsible_id = ${actor.personId}))
        union all
        select 'adaptation_follow_up', ea.id, to_char(ea.follow_up_on, 'YYYY-MM-DD'), ${pupil('p')}, ea.description, null
          from extra_adaptation ea join person p on p.organiser_id = ea.organiser_id and p.id = ea.pupil_id
         where ea.organiser_id = ${org} and ea.responsible_id = ${actor.personId} and ea.school_unit_id = ${actor.unitId}
           and ea.follow_up_on <= ${horizon} and ea.evaluated_on is null and (ea.end_date is null or ea.end_date >= ${actor.today}::date)
        union all
        select 'followup_measure', m.id, to_char(m.follow_up_date, 'YYYY-MM-DD'), null, m.description, null
          from followup_measure m join followup_finding f on f.organiser_id = m.organiser_id and f.id = m.finding_id
         where ${actor.role === 'principal' ? sql`true` : sql`false`} and m.organiser_id = ${org} and f.school_unit_id = ${actor.unitId}
           and m.followed_up_on is null and m.follow_up_date <= ${horizon}`);
      return { today: actor.today, deadlines: dueDeadlines(found, actor.today, WITHIN_DAYS) };
    },
  };
}
