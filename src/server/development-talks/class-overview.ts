import { sql } from 'drizzle-orm';
import type { TalkStatus } from '../../domain/development-talks/talk.js';
import { absenceOverviewGroupScope, inForce, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Db } from '../platform/db/database.js';

interface Row { groupId: string; groupName: string; pupilId: string; givenName: string; familyName: string;
  talkId: string | null; heldOn: string | null; status: TalkStatus | null; shared: boolean | null }

/**
 * The mentor's overview of their classes (the principal's: every class of the unit): each pupil with their
 * latest development talk this term (planned or held, shared or not), or none. The term is the one running
 * today, else the last half year.
 */
export async function talkClassOverview(db: Db, actor: Actor) {
  requireAction(actor, 'pupil-support.view');
  const term = await one<{ start: string; end: string }>(db, sql`select to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end
    from term where organiser_id = ${actor.organiserId} and start_date <= ${actor.today}::date and end_date >= ${actor.today}::date limit 1`);
  const from = term?.start ?? sql`(${actor.today}::date - 183)`;
  const to = term?.end ?? sql`(${actor.today}::date + 183)`;
  const found = await rows<Row>(db, sql`select g.id as "groupId", g.name as "groupName", p.id as "pupilId", p.given_name as "givenName", p.family_name as "familyName",
      t.id as "talkId", to_char(t.held_on, 'YYYY-MM-DD') as "heldOn", t.status, t.shared_at is not null as shared
    from student_group g
    join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
    join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
    left join lateral (select x.id, x.held_on, x.status, x.shared_at from development_talk x where x.organiser_id = p.organiser_id and x.pupil_id = p.id
        and x.school_unit_id = g.school_unit_id and x.held_on between ${from}::date and ${to}::date order by x.held_on desc limit 1) t on true
   where ${absenceOverviewGroupScope(actor)} and ${inForce(sql`g.start_date`, sql`g.end_date`, actor.today)}`);
  const collator = new Intl.Collator('sv', { numeric: true });
  const groups = new Map<string, { id: string; name: string; pupils: Omit<Row, 'groupId' | 'groupName'>[] }>();
  for (const { groupId, groupName, ...pupil } of found) {
    const g = groups.get(groupId) ?? { id: groupId, name: groupName, pupils: [] };
    g.pupils.push(pupil);
    groups.set(groupId, g);
  }
  for (const g of groups.values()) g.pupils.sort((a, b) => collator.compare(`${a.familyName} ${a.givenName}`, `${b.familyName} ${b.givenName}`));
  return { from: term?.start ?? null, to: term?.end ?? null, classes: [...groups.values()].sort((a, b) => collator.compare(a.name, b.name)) };
}
