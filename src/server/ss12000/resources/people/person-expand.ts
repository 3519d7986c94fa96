// expand= of /persons: duties, responsibleFor, placements, ownedPlacements (we keep no placements: empty),
// groupMemberships — each one statement for the whole page, limited to what the client may see.
import { sql } from 'drizzle-orm';
import { rows } from '../../../platform/db/database.js';
import type { Ss12000Context } from '../../http/context.js';
import { dutyBase, dutyRows, toDuty } from './duty-query.js';
import { groupRows, toGroupFragment } from './group-query.js';
import { personRef, type PersonRefJson } from './person-json.js';
import { personRefJson } from './persons-query.js';
import { personSeen, todayOf, unitSeen } from './scope.js';

export const PERSON_EXPANDS = ['duties', 'responsibleFor', 'placements', 'ownedPlacements', 'groupMemberships'] as const;
export type PersonExpand = typeof PERSON_EXPANDS[number];

const groupBy = <T, K>(items: T[], key: (t: T) => K) => {
  const m = new Map<K, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
};

async function dutiesOf(ctx: Ss12000Context, ids: string[]) {
  const found = await dutyRows(ctx, sql`select d.id, row_number() over (order by d.person_id, d.start_date, d.id) as _n from duty d
    where ${sql.join(dutyBase(ctx), sql` and `)} and d.person_id = any(${sql.param(ids)}::uuid[])`);
  const by = groupBy(found, (r) => r.person_id);
  return (id: string) => (by.get(id) ?? []).map((r) => toDuty(r, ctx));
}

async function responsibleForOf(ctx: Ss12000Context, ids: string[]) {
  const today = todayOf(ctx);
  const found = await rows<{ guardian_id: string; child: PersonRefJson }>(ctx.db, sql`select g.guardian_id, ${personRefJson('c')} as child
    from guardianship g join person c on c.organiser_id = g.organiser_id and c.id = g.child_id
    where g.organiser_id = ${ctx.organiserId} and g.guardian_id = any(${sql.param(ids)}::uuid[]) and g.start_date <= ${today}::date
      and (g.end_date is null or g.end_date >= ${today}::date) and ${personSeen(ctx, sql`c.id`)}
    order by c.family_name, c.given_name, c.id`);
  const by = groupBy(found, (r) => r.guardian_id);
  return (id: string) => (by.get(id) ?? []).map((r) => ({ person: personRef(r.child, ctx), relationType: 'Vårdnadshavare' as const }));
}

async function groupMembershipsOf(ctx: Ss12000Context, ids: string[]) {
  const found = await rows<{ person_id: string; group_id: string; start: string; end: string | null }>(ctx.db, sql`select gm.person_id, gm.group_id,
      gm.start_date::text as start, gm.end_date::text as end
    from group_membership gm join student_group sg on sg.organiser_id = gm.organiser_id and sg.id = gm.group_id
    where gm.organiser_id = ${ctx.organiserId} and gm.person_id = any(${sql.param(ids)}::uuid[]) and ${unitSeen(ctx, sql`sg.school_unit_id`)}
    order by gm.start_date, sg.name, gm.id`);
  const groupIds = [...new Set(found.map((r) => r.group_id))];
  const groups = new Map(groupIds.length
    ? (await groupRows(ctx, sql`select x.id, row_number() over () as _n from unnest(${sql.param(groupIds)}::uuid[]) x(id)`, { members: false, assignments: false }))
      .map((g) => [g.id, toGroupFragment(g, ctx)])
    : []);
  const by = groupBy(found, (r) => r.person_id);
  return (id: string) => (by.get(id) ?? []).map((r) => ({ group: groups.get(r.group_id)!, startDate: r.start, ...(r.end ? { endDate: r.end } : {}) }));
}

/** The `_embedded` of each person of the page, by person id (undefined when nothing was asked). */
export async function personEmbeds(ctx: Ss12000Context, ids: string[], expand: PersonExpand[] | undefined) {
  if (!expand?.length || !ids.length) return () => undefined;
  const wanted = new Set(expand);
  const [duties, responsibleFor, memberships] = await Promise.all([
    wanted.has('duties') ? dutiesOf(ctx, ids) : null,
    wanted.has('responsibleFor') ? responsibleForOf(ctx, ids) : null,
    wanted.has('groupMemberships') ? groupMembershipsOf(ctx, ids) : null,
  ]);
  return (id: string) => ({
    ...(duties ? { duties: duties(id) } : {}),
    ...(responsibleFor ? { responsibleFor: responsibleFor(id) } : {}),
    ...(wanted.has('placements') ? { placements: [] } : {}),
    ...(wanted.has('ownedPlacements') ? { ownedPlacements: [] } : {}),
    ...(memberships ? { groupMemberships: memberships(id) } : {}),
  });
}
