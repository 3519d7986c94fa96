import { sql } from 'drizzle-orm';
import type { EntryKind } from '../../domain/absence/investigation.js';
import { inForce, investigationScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface InvestigationRow {
  id: string; pupilId: string; givenName: string; familyName: string; className: string | null;
  openedOn: string; openedBy: string; reason: string; status: 'open' | 'closed'; closedOn: string | null; conclusion: string | null; version: number;
}
export interface EntryRow { id: string; kind: EntryKind; occurredOn: string; followUpOn: string | null; text: string; author: string; createdAt: string; seq: number }

const select = (actor: Actor) => sql`select ai.id, ai.pupil_id as "pupilId", p.given_name as "givenName", p.family_name as "familyName",
    (select string_agg(c.name, ', ' order by c.name) from group_membership cm join student_group c on c.organiser_id = cm.organiser_id
       and c.id = cm.group_id and c.group_type = 'class' and c.school_unit_id = ai.school_unit_id
      where cm.organiser_id = ai.organiser_id and cm.person_id = ai.pupil_id and ${inForce(sql`cm.start_date`, sql`cm.end_date`, actor.today)}) as "className",
    to_char(ai.opened_on, 'YYYY-MM-DD') as "openedOn", ob.given_name || ' ' || ob.family_name as "openedBy", ai.reason, ai.status,
    to_char(ai.closed_on, 'YYYY-MM-DD') as "closedOn", ai.conclusion, ai.version
  from absence_investigation ai
  join person p on p.organiser_id = ai.organiser_id and p.id = ai.pupil_id
  join person ob on ob.organiser_id = ai.organiser_id and ob.id = ai.opened_by
 where ${investigationScope(actor)}`;

export const listInvestigations = (q: Q, actor: Actor) => rows<InvestigationRow>(q, select(actor));

export const findInvestigation = (q: Q, actor: Actor, id: string, lock = false) =>
  one<InvestigationRow>(q, sql`${select(actor)} and ai.id = ${id} ${lock ? sql`for update of ai` : sql``}`);

/** Entries of the given investigations, in the order they were recorded. */
export function listEntries(q: Q, organiserId: string, investigationIds: string[]) {
  return rows<EntryRow & { investigationId: string }>(q, sql`select e.investigation_id as "investigationId", e.id, e.kind,
      to_char(e.occurred_on, 'YYYY-MM-DD') as "occurredOn", to_char(e.follow_up_on, 'YYYY-MM-DD') as "followUpOn", e.text,
      a.given_name || ' ' || a.family_name as author, to_char(e.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "createdAt",
      (row_number() over (partition by e.investigation_id order by e.created_at, e.id))::int as seq
    from absence_investigation_entry e join person a on a.organiser_id = e.organiser_id and a.id = e.author_id
   where e.organiser_id = ${organiserId} and e.investigation_id = any(${sql.param(investigationIds)}::uuid[])
   order by e.investigation_id, e.created_at, e.id`);
}
