import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TestResult } from '../../domain/national-tests/result.js';
import type { Actor } from '../platform/access/actor.js';
import { AuditBatch } from '../platform/audit/audit.js';
import type { Queryable } from '../platform/db/database.js';
import type { ResultRow, WriteKey } from './store.js';

type Tx = Pick<Queryable, 'execute'>;
const p = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;
const CHUNK = 2_000;

/** One decided write of a result (decideWrite): a new result, a change, or a removal. */
export type ResultWrite =
  | { kind: 'insert'; key: WriteKey; result: TestResult }
  | { kind: 'update'; key: WriteKey; before: ResultRow; result: TestResult }
  | { kind: 'delete'; key: WriteKey; before: ResultRow };

export const storedResultOf = (r: ResultRow): TestResult => ({ testGrade: r.test_grade, notParticipated: r.not_participated, subTests: r.sub_tests });

/**
 * Writes decided results in bulk (multi-row statements over unnest), bumping the versions of changed ones,
 * and audits each result as registration always has ('national_test.registered' / '.removed', with the
 * pupil, before and after). The one write path of the registration screen and the import; runs inside the
 * caller's transaction. Returns the ids written, in the order of `writes`.
 */
export async function writeResults(tx: Tx, actor: Actor, writes: readonly ResultWrite[], source: 'registration' | 'import'): Promise<string[]> {
  const ids = writes.map((w) => (w.kind === 'insert' ? randomUUID() : w.before.id));
  const batch = new AuditBatch();
  const inserts = writes.flatMap((w, i) => (w.kind === 'insert' ? [{ ...w, id: ids[i] }] : []));
  const updates = writes.flatMap((w) => (w.kind === 'update' ? [w] : []));
  const deletes = writes.flatMap((w) => (w.kind === 'delete' ? [w] : []));
  const json = (r: TestResult) => (r.subTests ? JSON.stringify(r.subTests) : null);

  for (let i = 0; i < inserts.length; i += CHUNK) {
    const c = inserts.slice(i, i + CHUNK);
    await tx.execute(sql`insert into national_test_result (organiser_id, id, pupil_id, school_unit_id, subject_code, grade_year, school_year,
        test_grade, not_participated, sub_tests, registered_by, updated_at, version)
      select ${actor.organiserId}, x.id, x.pupil, x.unit, x.subject, x.year, x.school_year, x.grade, x.np, x.sub::jsonb, ${actor.personId}, clock_timestamp(), 1
        from unnest(${p(c.map((w) => w.id), 'uuid')}, ${p(c.map((w) => w.key.pupilId), 'uuid')}, ${p(c.map((w) => w.key.unitId), 'uuid')},
          ${p(c.map((w) => w.key.subjectCode), 'text')}, ${p(c.map((w) => w.key.gradeYear), 'smallint')}, ${p(c.map((w) => w.key.schoolYear), 'text')},
          ${p(c.map((w) => w.result.testGrade), 'text')}, ${p(c.map((w) => w.result.notParticipated), 'boolean')}, ${p(c.map((w) => json(w.result)), 'text')})
        as x(id, pupil, unit, subject, year, school_year, grade, np, sub)`);
  }
  for (let i = 0; i < updates.length; i += CHUNK) {
    const c = updates.slice(i, i + CHUNK);
    await tx.execute(sql`update national_test_result r set test_grade = x.grade, not_participated = x.np, sub_tests = x.sub::jsonb,
        registered_by = ${actor.personId}, updated_at = clock_timestamp(), version = r.version + 1
      from unnest(${p(c.map((w) => w.before.id), 'uuid')}, ${p(c.map((w) => w.result.testGrade), 'text')}, ${p(c.map((w) => w.result.notParticipated), 'boolean')},
        ${p(c.map((w) => json(w.result)), 'text')}) as x(id, grade, np, sub)
      where r.organiser_id = ${actor.organiserId} and r.id = x.id`);
  }
  if (deletes.length > 0) {
    await tx.execute(sql`delete from national_test_result where organiser_id = ${actor.organiserId}
      and id = any(${p(deletes.map((w) => w.before.id), 'uuid')})`);
  }

  writes.forEach((w, i) => {
    const { pupilId, unitId, subjectCode, gradeYear, schoolYear } = w.key;
    const before = w.kind === 'insert' ? null : resultView(w.before);
    const after = w.kind === 'delete' ? null : w.result;
    batch.add(w.kind === 'delete' ? 'national_test.removed' : 'national_test.registered', 'national_test_result', ids[i],
      { personId: pupilId, unitId, subjectCode, gradeYear, schoolYear, before, after, source });
  });
  await batch.write(tx, actor);
  return ids;
}

/** A stored result as the audit row shows it (the API's view without the derived fields). */
const resultView = (r: ResultRow) => ({ ...storedResultOf(r), version: r.version, updatedOn: r.updated_at });
