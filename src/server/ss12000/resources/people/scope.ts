// What of persons, duties and groups an API client limited to some units may see (clientUnitIds; null =
// every unit): the rows of those units, and persons with an enrolment or a duty there, guardians of pupils
// enrolled there and members of groups of those units. Nested lists are limited the same way, so that
// nothing of another unit shows through a person seen at one of the client's units.
import { sql, type SQL } from 'drizzle-orm';
import { swedishDate } from '../../../../domain/common/dates.js';
import type { Ss12000Context } from '../../http/context.js';

/** `col` is one of the client's units (true for a client of all units). */
export function unitSeen(ctx: Ss12000Context, col: SQL): SQL {
  const units = ctx.client.unitIds;
  return units ? sql`${col} = any(${sql.param(units)}::uuid[])` : sql`true`;
}

/** The person with id `id` is seen by the client. */
export function personSeen(ctx: Ss12000Context, id: SQL): SQL {
  if (!ctx.client.unitIds) return sql`true`;
  const org = ctx.organiserId;
  return sql`(exists (select 1 from enrolment se where se.organiser_id = ${org} and se.person_id = ${id} and ${unitSeen(ctx, sql`se.school_unit_id`)})
    or exists (select 1 from duty sd where sd.organiser_id = ${org} and sd.person_id = ${id} and ${unitSeen(ctx, sql`sd.school_unit_id`)})
    or exists (select 1 from guardianship sg join enrolment se on se.organiser_id = sg.organiser_id and se.person_id = sg.child_id
      where sg.organiser_id = ${org} and sg.guardian_id = ${id} and ${unitSeen(ctx, sql`se.school_unit_id`)})
    or exists (select 1 from group_membership sm join student_group sgr on sgr.organiser_id = sm.organiser_id and sgr.id = sm.group_id
      where sm.organiser_id = ${org} and sm.person_id = ${id} and ${unitSeen(ctx, sql`sgr.school_unit_id`)}))`;
}

/** A unit-level row (duty) is seen; an organiser-level one (no unit) only by a client of all units. */
export function unitOrOrganiserSeen(ctx: Ss12000Context, col: SQL): SQL {
  return ctx.client.unitIds ? unitSeen(ctx, col) : sql`true`;
}

/** Today in Sweden, as a date for SQL. */
export const todayOf = (ctx: Ss12000Context): string => swedishDate(ctx.now);

/** The date filters of the standard on a row's start and end: endDate not set is always included. */
export interface DateFilters {
  'startDate.onOrBefore'?: string; 'startDate.onOrAfter'?: string; 'endDate.onOrBefore'?: string; 'endDate.onOrAfter'?: string;
}
export function datesWhere(f: DateFilters, start: SQL, end: SQL): SQL {
  const parts: SQL[] = [sql`true`];
  if (f['startDate.onOrBefore']) parts.push(sql`${start} <= ${f['startDate.onOrBefore']}::date`);
  if (f['startDate.onOrAfter']) parts.push(sql`${start} >= ${f['startDate.onOrAfter']}::date`);
  if (f['endDate.onOrBefore']) parts.push(sql`(${end} is null or ${end} <= ${f['endDate.onOrBefore']}::date)`);
  if (f['endDate.onOrAfter']) parts.push(sql`(${end} is null or ${end} >= ${f['endDate.onOrAfter']}::date)`);
  return sql.join(parts, sql` and `);
}
