import { sql } from 'drizzle-orm';
import { swedishDate } from '../../../domain/common/dates.js';
import type { TermKind } from '../../../domain/register/terms.js';
import { one, rows, type Queryable } from '../../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface TermRow { id: string; schoolYear: string; kind: TermKind; startDate: string; endDate: string }
export interface HolidayRow { id: string; termId: string; unitId: string | null; unitName: string | null; name: string; startDate: string; endDate: string }

export const readTerms = (q: Q, organiserId: string) => rows<TermRow>(q, sql`
  select id, school_year as "schoolYear", kind, to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
    from term where organiser_id = ${organiserId} order by start_date`);

/** Holidays of the organiser; with `unitId`, only the organiser-wide ones and that unit's. */
export const readHolidays = (q: Q, organiserId: string, unitId: string | null, termId?: string) => rows<HolidayRow>(q, sql`
  select h.id, h.term_id as "termId", h.school_unit_id as "unitId", u.name as "unitName", h.name,
         to_char(h.start_date, 'YYYY-MM-DD') as "startDate", to_char(h.end_date, 'YYYY-MM-DD') as "endDate"
    from holiday h left join school_unit u on u.organiser_id = h.organiser_id and u.id = h.school_unit_id
   where h.organiser_id = ${organiserId}
     and ${unitId === null ? sql`true` : sql`(h.school_unit_id is null or h.school_unit_id = ${unitId})`}
     and ${termId === undefined ? sql`true` : sql`h.term_id = ${termId}`}
   order by h.start_date, h.name`);

/** The Swedish day of the first grade registered in a term, or null when it has none. */
export async function firstGradeDay(q: Q, organiserId: string, termId: string): Promise<string | null> {
  const found = await one<{ first: Date | string | null }>(q, sql`
    select min(registered_at) as first from grade where organiser_id = ${organiserId} and term_id = ${termId}`);
  return found?.first ? swedishDate(new Date(found.first)) : null;
}

export const unitExists = async (q: Q, organiserId: string, unitId: string) =>
  !!(await one(q, sql`select 1 as yes from school_unit where organiser_id = ${organiserId} and id = ${unitId}`));
