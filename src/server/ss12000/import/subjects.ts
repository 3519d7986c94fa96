// The subjects are reference data shipped with Lärka (the demo seeds them too): an instance started empty
// gets them before an import, so that a teaching group can name its subject.
import { sql } from 'drizzle-orm';
import { defaultFirstGradedYear, SUBJECTS } from '../../../domain/org/subjects.js';
import type { Tx } from './context.js';

export async function ensureShippedSubjects(q: Tx, organiserId: string) {
  await q.execute(sql`insert into subject (code, name, syllabus_code, sort_order)
    select * from unnest(${sql.param(SUBJECTS.map((s) => s.code))}::text[], ${sql.param(SUBJECTS.map((s) => s.name))}::text[],
      ${sql.param(SUBJECTS.map((s) => s.syllabusCode))}::text[], ${sql.param(SUBJECTS.map((s) => s.sortOrder))}::int2[])
    on conflict do nothing`);
  await q.execute(sql`insert into subject_setting (organiser_id, subject_code, first_graded_year)
    select ${organiserId}::uuid, c, y from unnest(${sql.param(SUBJECTS.map((s) => s.code))}::text[],
      ${sql.param(SUBJECTS.map((s) => defaultFirstGradedYear(s.code)))}::int2[]) as t(c, y)
    on conflict do nothing`);
}
