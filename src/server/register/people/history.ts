import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { rows, type Db } from '../../platform/db/database.js';
import type { HistoryEntry } from './schemas.js';
import { personInScope } from './store.js';

/** Facts of an audit row worth showing in a person's history: dates, years, roles, names of groups —
 *  scalar values under known keys only, so that nothing else a row carries (ids of other people, contact
 *  details) reaches the page. */
const FACT_KEYS = ['schoolYear', 'schoolForm', 'gradesRequested', 'startDate', 'endDate', 'role', 'licensed', 'qualifiedSubjects',
  'groupName', 'groupType', 'assignment', 'grader', 'securityMarking', 'givenName', 'familyName'] as const;

type Entry = z.infer<typeof HistoryEntry>;
const scalar = (v: unknown) => (v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string | number | boolean | null) : undefined);

function factsOf(details: Record<string, any>): Entry['facts'] {
  const facts: Entry['facts'] = {};
  const sources = [details, details.after ?? {}];
  for (const key of FACT_KEYS) {
    for (const s of sources) {
      const v = scalar(s[key]);
      if (v !== undefined) facts[key] = v;
    }
  }
  if (details.before && 'endDate' in details.before) facts.previousEndDate = scalar(details.before.endDate) ?? null;
  if (typeof details.relatedName === 'string') facts.relatedName = details.relatedName;
  return facts;
}

const changesOf = (details: Record<string, any>): Entry['changes'] => (Array.isArray(details.changes) ? details.changes : [])
  .filter((c: any) => typeof c?.field === 'string')
  .map((c: any) => ({ field: c.field, from: scalar(c.from) ?? null, to: scalar(c.to) ?? null }));

/** Every change to a person and their relations, newest first: audit rows naming the person (as the person,
 *  or as the guardian of a guardianship), at this unit or at none; rows of other units' registers are left out. */
export function peopleHistoryService(db: Db) {
  return {
    async of(actor: Actor, personId: string): Promise<Entry[]> {
      requireAction(actor, 'register.administer');
      await personInScope(db, actor, personId);
      const found = await rows<{ id: string; at: string; action: string; actor_name: string | null; actor_role: string | null; details: any; related_name: string | null }>(db, sql`
        select a.id, to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, a.action, a.actor_role, a.details,
               ap.given_name || ' ' || ap.family_name as actor_name, gp.given_name || ' ' || gp.family_name as related_name
          from audit_event a
          left join person ap on ap.organiser_id = a.organiser_id and ap.id = a.actor_person_id
          -- the other party of a guardianship: the guardian in the child's history, the child in the guardian's
          left join person gp on gp.organiser_id = a.organiser_id and a.details ? 'guardianId'
           and gp.id::text = case when a.details->>'personId' = ${personId} then a.details->>'guardianId' else a.details->>'personId' end
         where a.organiser_id = ${actor.organiserId}
           and (a.details->>'personId' = ${personId} or a.details->>'guardianId' = ${personId}
                or (a.entity_type = 'person' and a.entity_id = ${personId}))
           and (a.details->>'unitId' is null or a.details->>'unitId' = ${actor.unitId})
         -- rows of one transaction share their time: the person's creation comes before their first relation
         order by a.occurred_at desc, (a.action = 'person.created') asc, a.id desc
         limit 500`);
      return found.map((r) => ({
        id: r.id, at: r.at, action: r.action,
        actor: r.actor_name ? { name: r.actor_name, role: r.actor_role } : null,
        facts: factsOf({ ...(r.details ?? {}), relatedName: r.related_name }),
        changes: changesOf(r.details ?? {}),
      }));
    },
  };
}
