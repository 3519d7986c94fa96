// The filters of GET /persons as conditions on `p`: names, civic number, identifiers, and the relationship
// filters (a relation of a type, at an organisation, with start and end dates). A relation counts only
// where the client may see it (its units), so a filter cannot tell of another unit.
import { sql, type SQL } from 'drizzle-orm';
import type { Ss12000Context } from '../../http/context.js';
import { datesWhere, unitOrOrganiserSeen, unitSeen, type DateFilters } from './scope.js';

export const RELATION_TYPES = ['enrolment', 'duty', 'placement.child', 'placement.owner', 'responsibleFor.enrolment', 'responsibleFor.placement',
  'groupMembership'] as const;
export type RelationType = typeof RELATION_TYPES[number];

export interface PersonFilters {
  nameContains?: string[]; civicNo?: string; eduPersonPrincipalName?: string; 'identifier.value'?: string; 'identifier.context'?: string;
  'relationship.entity.type'?: RelationType; 'relationship.organisation'?: string;
  'relationship.startDate.onOrBefore'?: string; 'relationship.startDate.onOrAfter'?: string;
  'relationship.endDate.onOrBefore'?: string; 'relationship.endDate.onOrAfter'?: string;
}

const likeEscaped = (v: string) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function relationDates(f: PersonFilters): DateFilters {
  return {
    'startDate.onOrBefore': f['relationship.startDate.onOrBefore'], 'startDate.onOrAfter': f['relationship.startDate.onOrAfter'],
    'endDate.onOrBefore': f['relationship.endDate.onOrBefore'], 'endDate.onOrAfter': f['relationship.endDate.onOrAfter'],
  };
}

/** A relation of `type` of the person `p`, at `org` (a unit, or the organiser = any of its units), in the dates. */
function relation(ctx: Ss12000Context, type: RelationType, f: PersonFilters): SQL {
  const o = ctx.organiserId;
  const at = (unit: SQL) => f['relationship.organisation']
    ? sql`(${unit} = ${f['relationship.organisation']}::uuid or ${o}::uuid = ${f['relationship.organisation']}::uuid)` : sql`true`;
  const dates = relationDates(f);
  switch (type) {
    case 'enrolment': return sql`exists (select 1 from enrolment re where re.organiser_id = ${o} and re.person_id = p.id
      and ${unitSeen(ctx, sql`re.school_unit_id`)} and ${at(sql`re.school_unit_id`)} and ${datesWhere(dates, sql`re.start_date`, sql`re.end_date`)})`;
    case 'duty': return sql`exists (select 1 from duty rd where rd.organiser_id = ${o} and rd.person_id = p.id
      and ${unitOrOrganiserSeen(ctx, sql`rd.school_unit_id`)} and ${at(sql`rd.school_unit_id`)} and ${datesWhere(dates, sql`rd.start_date`, sql`rd.end_date`)})`;
    case 'responsibleFor.enrolment': return sql`exists (select 1 from guardianship rg join enrolment re on re.organiser_id = rg.organiser_id
      and re.person_id = rg.child_id where rg.organiser_id = ${o} and rg.guardian_id = p.id and ${unitSeen(ctx, sql`re.school_unit_id`)}
      and ${at(sql`re.school_unit_id`)} and ${datesWhere(dates, sql`re.start_date`, sql`re.end_date`)})`;
    case 'groupMembership': return sql`(exists (select 1 from group_membership rm join student_group rs on rs.organiser_id = rm.organiser_id
        and rs.id = rm.group_id where rm.organiser_id = ${o} and rm.person_id = p.id and ${unitSeen(ctx, sql`rs.school_unit_id`)}
        and ${at(sql`rs.school_unit_id`)} and ${datesWhere(dates, sql`rm.start_date`, sql`rm.end_date`)})
      or exists (select 1 from group_staff rm join student_group rs on rs.organiser_id = rm.organiser_id and rs.id = rm.group_id
        where rm.organiser_id = ${o} and rm.person_id = p.id and rm.assignment = 'mentor' and ${unitSeen(ctx, sql`rs.school_unit_id`)}
        and ${at(sql`rs.school_unit_id`)} and ${datesWhere(dates, sql`rm.start_date`, sql`rm.end_date`)}))`;
    default: return sql`false`; // we keep no placements
  }
}

const RELATION_GIVEN = ['relationship.organisation', 'relationship.startDate.onOrBefore', 'relationship.startDate.onOrAfter',
  'relationship.endDate.onOrBefore', 'relationship.endDate.onOrAfter'] as const;

export function personFiltersWhere(ctx: Ss12000Context, f: PersonFilters): SQL[] {
  const where: SQL[] = [];
  for (const v of f.nameContains ?? []) {
    const like = likeEscaped(v);
    where.push(sql`(p.given_name ilike ${like} or p.family_name ilike ${like})`);
  }
  if (f.civicNo !== undefined) where.push(sql`p.civic_no = ${f.civicNo}`);
  // we keep no eduPersonPrincipalNames nor external identifiers: nobody matches
  if (f.eduPersonPrincipalName !== undefined || f['identifier.value'] !== undefined || f['identifier.context'] !== undefined) where.push(sql`false`);
  const type = f['relationship.entity.type'];
  if (type) where.push(relation(ctx, type, f));
  else if (RELATION_GIVEN.some((k) => f[k] !== undefined)) {
    const any = (['enrolment', 'duty', 'responsibleFor.enrolment', 'groupMembership'] as const).map((t) => relation(ctx, t, f));
    where.push(sql`(${sql.join(any, sql` or `)})`);
  }
  return where;
}
