import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/access/actor.js';
import { inForce, isAdultSql } from '../platform/access/access.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

/** Whether the pupil (the actor) is 18 or older today, by the same rule the access module applies. */
export const pupilIsAdult = async (q: Q, actor: Actor) =>
  (await one<{ adult: boolean }>(q, sql`select ${isAdultSql(sql`p`, actor.today)} as adult from person p
    where p.organiser_id = ${actor.organiserId} and p.id = ${actor.personId}`))?.adult ?? false;

export interface GuardianConsentRow { id: string; given_name: string; family_name: string; consent_id: string | null; given_on: string | null }

/** The pupil's guardians whose relation is in force today, each with the consent in force (if any). */
export const listGuardians = (q: Q, actor: Actor, guardianId?: string) =>
  rows<GuardianConsentRow>(q, sql`
    select g.id, g.given_name, g.family_name, c.id as consent_id,
           to_char(c.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as given_on
      from guardianship gu join person g on g.organiser_id = gu.organiser_id and g.id = gu.guardian_id
      left join guardian_consent c on c.organiser_id = gu.organiser_id and c.pupil_id = gu.child_id and c.guardian_id = gu.guardian_id and c.revoked_at is null
     where gu.organiser_id = ${actor.organiserId} and gu.child_id = ${actor.personId}
       and ${inForce(sql`gu.start_date`, sql`gu.end_date`, actor.today)} ${guardianId ? sql`and gu.guardian_id = ${guardianId}` : sql``}`);

export const insertConsent = (q: Q, actor: Actor, id: string, guardianId: string) =>
  q.execute(sql`insert into guardian_consent (organiser_id, id, pupil_id, guardian_id, created_at)
    values (${actor.organiserId}, ${id}, ${actor.personId}, ${guardianId}, clock_timestamp())`);

export const revokeConsent = (q: Q, actor: Actor, id: string) =>
  q.execute(sql`update guardian_consent set revoked_at = clock_timestamp()
    where organiser_id = ${actor.organiserId} and id = ${id} and pupil_id = ${actor.personId} and revoked_at is null`);
