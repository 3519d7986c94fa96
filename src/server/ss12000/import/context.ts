// What the writers of an import run share: the database, the source, today, the result being counted,
// and which local entity each source id became (filled as the run goes, and from earlier runs' links).
import { sql, type SQL } from 'drizzle-orm';
import type { ImportResult } from '../../../domain/ss12000-import/counts.js';
import type { Db, Queryable } from '../../platform/db/database.js';

export type Tx = Pick<Queryable, 'execute'>;
export type LinkType = 'organisations' | 'persons' | 'groups' | 'duties';

export interface ImportContext {
  db: Db;
  organiserId: string;
  sourceUrl: string;
  /** YYYY-MM-DD in Sweden: the day relations the source no longer lists are ended */
  today: string;
  result: ImportResult;
  /** source id → our id, per linked type */
  ids: Record<LinkType, Map<string, string>>;
}

/** A typed array parameter for unnest. */
export const arr = (values: unknown[], type: string): SQL => sql`${sql.param(values)}::${sql.raw(type)}[]`;

export const TABLE_OF: Record<LinkType, string> = { organisations: 'school_unit', persons: 'person', groups: 'student_group', duties: 'duty' };
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
