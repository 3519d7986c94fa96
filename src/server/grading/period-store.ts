import { sql } from 'drizzle-orm';
import { one, rows, type Queryable } from '../platform/db/database.js';

export interface PeriodRow { term_id: string; from: string; to: string; version: number }

const periodColumns = sql`term_id, to_char(from_date, 'YYYY-MM-DD') as "from", to_char(to_date, 'YYYY-MM-DD') as "to", version`;

export const findPeriod = (q: Pick<Queryable, 'execute'>, organiserId: string, unitId: string, termId: string) => one<PeriodRow>(q, sql`
  select ${periodColumns} from grading_period where organiser_id = ${organiserId} and school_unit_id = ${unitId} and term_id = ${termId}`);

export const listPeriods = (q: Pick<Queryable, 'execute'>, organiserId: string, unitId: string) => rows<PeriodRow>(q, sql`
  select ${periodColumns} from grading_period where organiser_id = ${organiserId} and school_unit_id = ${unitId}`);
