import { sql } from 'drizzle-orm';
import type { Span } from '../../domain/timetable/calendar.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;
export interface TermRow extends Span { id: string; schoolYear: string; kind: string }

const termColumns = sql`id, school_year as "schoolYear", kind, start_date::text as "startDate", end_date::text as "endDate"`;

/** The term that contains the day (null in a summer or between terms). */
export const readTermOn = (q: Q, organiserId: string, day: string) => one<TermRow>(q, sql`select ${termColumns} from term
  where organiser_id = ${organiserId} and start_date <= ${day}::date and end_date >= ${day}::date limit 1`);

export const readTerm = (q: Q, organiserId: string, termId: string) => one<TermRow>(q, sql`select ${termColumns} from term
  where organiser_id = ${organiserId} and id = ${termId}`);

/** Terms that have not ended by the day (the current one and those after it), in order. */
export const readTermsFrom = (q: Q, organiserId: string, day: string) => rows<TermRow>(q, sql`select ${termColumns} from term
  where organiser_id = ${organiserId} and end_date >= ${day}::date order by start_date limit 4`);

/** The holidays of a term that apply at a unit: organiser-wide and the unit's own. */
export const readHolidaysAt = (q: Q, organiserId: string, termId: string, unitId: string | null) => rows<Span>(q, sql`select
  start_date::text as "startDate", end_date::text as "endDate" from holiday
  where organiser_id = ${organiserId} and term_id = ${termId} and (school_unit_id is null or school_unit_id = ${unitId})`);
