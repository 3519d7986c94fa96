// /syllabuses: the subject syllabuses of the curriculum versions we ship (curriculum tables), with their
// stable ids. Reference data of every unit: not limited by the client's units. meta = the version's import.
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import { curriculumCodeOf, isOfficialSyllabusCode, schoolTypeOfSyllabus } from '../../../domain/ss12000/study.js';
import { rows, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { metaOf, metaWhere } from '../http/meta.js';
import type { MetaFilters } from '../http/query.js';
import { byIdRoute, idsBody, listRoute, lookupRoute, pageOf, type Page } from '../http/routes.js';
import { keyset, type SortColumn } from './study-sql.js';

interface SyllabusRow {
  id: string; code: string; designation: string | null; name: string; version_name: string;
  created_at: string; modified_at: string; modified_key: string; year_from: number | null; year_to: number | null;
}

const FROM = sql`from (
    select s.id, s.code, s.designation, s.name, v.name as version_name, v.imported_at as created_at, v.imported_at as modified_at,
      v.imported_at::text as modified_key,
      (select min(st.year_from) from syllabus_stage st where st.syllabus_id = s.id) as year_from,
      (select max(st.year_to) from syllabus_stage st where st.syllabus_id = s.id) as year_to
    from syllabus s join curriculum_version v on v.id = s.version_id
  ) m`;

export function toSyllabus(r: SyllabusRow, ctx: Pick<Ss12000Context, 'now'>) {
  const curriculum = curriculumCodeOf(r.version_name);
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    schoolType: schoolTypeOfSyllabus(r.code),
    subjectCode: r.code,
    subjectName: r.name,
    ...(r.designation ? { subjectDesignation: r.designation } : {}),
    ...(r.year_from !== null ? { startSchoolYear: r.year_from } : {}),
    ...(r.year_to !== null ? { endSchoolYear: r.year_to } : {}),
    ...(curriculum ? { curriculum } : {}),
    official: isOfficialSyllabusCode(r.code),
  };
}

const SORTKEYS = ['ModifiedDesc', 'SubjectNameAsc', 'SubjectNameDesc', 'SubjectCodeAsc', 'SubjectCodeDesc', 'CourseNameAsc', 'CourseNameDesc',
  'CourseCodeAsc', 'CourseCodeDesc', 'SubjectDesignationAsc', 'SubjectDesignationDesc'] as const;

const id: SortColumn<SyllabusRow> = { expr: sql`m.id`, cast: 'uuid', key: (r) => r.id };
/** The column each sortkey orders by (we keep no courses: course keys order by id). */
const SORT_BY: Record<string, SortColumn<SyllabusRow> | null> = {
  Modified: { expr: sql`m.modified_at`, cast: 'timestamptz', key: (r) => r.modified_key },
  SubjectName: { expr: sql`m.name`, cast: 'text', key: (r) => r.name },
  SubjectCode: { expr: sql`m.code`, cast: 'text', key: (r) => r.code },
  SubjectDesignation: { expr: sql`coalesce(m.designation, '')`, cast: 'text', key: (r) => r.designation ?? '' },
  CourseName: null,
  CourseCode: null,
};

const listQuery = { sortkey: z.enum(SORTKEYS).optional() };

async function list(ctx: Ss12000Context, q: { sortkey?: typeof SORTKEYS[number] } & MetaFilters, page: Page) {
  const name = q.sortkey?.replace(/(Asc|Desc)$/, '') ?? 'Id';
  const first = SORT_BY[name];
  const order = keyset(first ? [first, id] : [id], q.sortkey?.endsWith('Desc') ?? false, page.after);
  const where: SQL[] = [metaWhere(q), order.where];
  const found = await rows<SyllabusRow>(ctx.db, sql`select m.* ${FROM} where ${sql.join(where, sql` and `)} order by ${order.order} limit ${page.limit + 1}`);
  const p = pageOf(found, page.limit, order.keyOf);
  return { data: p.rows.map((r) => toSyllabus(r, ctx)), after: p.after };
}

/** Syllabuses by id, in the order asked for none (by id). */
export async function syllabusesByIds(ctx: Ss12000Context, ids: string[]) {
  if (!ids.length) return [];
  const found = await rows<SyllabusRow>(ctx.db, sql`select m.* ${FROM} where m.id = any(${sql.param(ids)}::uuid[]) order by m.id`);
  return found.map((r) => toSyllabus(r, ctx));
}

export function syllabusResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'syllabuses' } as const;
  listRoute(v2, deps, { path: '/syllabuses', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/syllabuses/lookup', access, body: idsBody.partial(), query: {}, fetch: (ctx, body) => syllabusesByIds(ctx, body.ids ?? []) });
  byIdRoute(v2, deps, { path: '/syllabuses/:id', access, query: {}, fetch: async (ctx, sid) => (await syllabusesByIds(ctx, [sid]))[0] ?? null });
}
