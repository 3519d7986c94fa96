// SQL pieces shared by the study resources (activities, grades, syllabuses, calendarEvents, rooms): the
// client's unit limit, the `organisation` filter, keyset sorting, and the syllabus a subject follows.
import { sql, type SQL } from 'drizzle-orm';
import type { Ss12000Context } from '../http/context.js';

/** `col` is one of the units the client may see (true for a client of every unit). */
export function unitScope(ctx: Ss12000Context, col: SQL): SQL {
  const units = ctx.client.unitIds;
  return units ? sql`${col} = any(${sql.param(units)}::uuid[])` : sql`true`;
}

/** The `organisation` filter: the organiser means all its units, a unit means that unit. */
export function organisationFilter(ctx: Ss12000Context, id: string, col: SQL): SQL {
  return id === ctx.organiserId ? sql`true` : sql`${col} = ${id}::uuid`;
}

export interface SortColumn<R> { expr: SQL; cast: 'text' | 'uuid' | 'timestamptz' | 'date'; key: (r: R) => unknown }

/** Keyset order over `columns` (all ascending or all descending, the last one unique): the condition
 *  for the rows after `after`, the ORDER BY, and the key of a row to resume from. */
export function keyset<R>(columns: SortColumn<R>[], desc: boolean, after: unknown[] | null) {
  const dir = desc ? sql` desc` : sql``;
  const tuple = sql.join(columns.map((c) => c.expr), sql`, `);
  const where = after
    ? sql`(${tuple}) ${desc ? sql`<` : sql`>`} (${sql.join(columns.map((c, i) => sql`${after[i]}::${sql.raw(c.cast)}`), sql`, `)})`
    : sql`true`;
  return {
    where,
    order: sql.join(columns.map((c) => sql`${c.expr}${dir}`), sql`, `),
    keyOf: (r: R) => columns.map((c) => c.key(r)),
  };
}

/** The curriculum syllabus (its id) that a subject's syllabus code means on a day: the newest version in
 *  force that day, else the oldest version we have. */
export function syllabusIdOf(syllabusCode: SQL, onDate: SQL): SQL {
  return sql`(select cs.id from syllabus cs join curriculum_version cv on cv.id = cs.version_id where cs.code = ${syllabusCode}
    order by (cv.valid_from <= ${onDate}) desc, case when cv.valid_from <= ${onDate} then cv.valid_from end desc, cv.valid_from limit 1)`;
}

/** A stable UUID (version 3 layout, MD5 of the name) computed in SQL, for entities we derive from text. */
export function nameUuidSql(name: SQL): SQL {
  const h = sql`md5(${name})`;
  return sql`(substr(${h}, 1, 12) || '3' || substr(${h}, 14, 3) || substr('89ab', get_byte(decode(substr(${h}, 17, 2), 'hex'), 0) % 4 + 1, 1) || substr(${h}, 18, 15))::uuid`;
}

/** A person's name for displayName. */
export const personName = (alias: string) => sql.raw(`(${alias}.given_name || ' ' || ${alias}.family_name)`);

/** A page in two steps: the ids of the page first (filter, order and limit on the plain rows), then the
 *  expensive columns (nested lists, names, syllabus) for those rows only. `from` ends in a WHERE clause. */
export function pageQuery(select: SQL, from: SQL, key: SQL, where: SQL, order: SQL, limit: number): SQL {
  return sql`with page as (select ${key} as id from ${from} and ${where} order by ${order} limit ${limit})
    ${select} from ${from} and ${key} in (select id from page) order by ${order}`;
}
