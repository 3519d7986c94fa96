import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../src/server/platform/db/database.js';

/**
 * A small hand-made follow-up fixture at Björkskolan in a school year the demo history does not use
 * (2012/2013): two year-9 mathematics groups, A (12 pupils, graded by larare) and B (8 pupils, another
 * teacher), with final grades and test grades whose figures the tests compute by hand.
 */
export const FIXTURE_YEAR = '2012/2013';
type P = [sex: 'F' | 'M', grade: string, test: string | null];
export const GROUP_A: P[] = [
  ['F', 'A', 'A'], ['F', 'B', 'C'], ['F', 'C', 'C'], ['F', 'C', 'D'], ['F', 'D', 'D'], ['F', 'E', 'E'],
  ['M', 'C', 'B'], ['M', 'E', 'E'], ['M', 'B', 'B'], ['M', 'D', 'E'], ['M', 'F', 'E'], ['M', 'E', 'E'],
];
export const GROUP_B: P[] = [
  ['F', 'C', 'C'], ['F', 'C', 'C'], ['F', 'C', 'C'], ['F', 'C', 'C'], ['M', 'D', 'D'], ['M', 'D', 'D'], ['M', 'B', 'C'], ['M', 'E', 'E'],
];

export async function seedFollowupFixture(db: Db) {
  const org = (await one<{ id: string }>(db, sql`select id from organiser limit 1`))!.id;
  const unit = (await one<{ id: string }>(db, sql`select id from school_unit where name = 'Björkskolan'`))!.id;
  const larare = (await one<{ id: string }>(db, sql`select person_id as id from account where username = 'larare'`))!.id;
  const term = randomUUID();
  await db.execute(sql`insert into term (organiser_id, id, school_year, kind, start_date, end_date) values (${org}, ${term}, ${FIXTURE_YEAR}, 'VT', '2013-01-08', '2013-06-14')`);
  const other = randomUUID();
  await db.execute(sql`insert into person (organiser_id, id, given_name, family_name, sex) values (${org}, ${other}, 'Greta', 'Lärarsdotter', 'F')`);
  const groups: Record<'A' | 'B', string> = { A: randomUUID(), B: randomUUID() };
  for (const [name, pupils, teacher] of [['A', GROUP_A, larare], ['B', GROUP_B, other]] as const) {
    const id = groups[name];
    await db.execute(sql`insert into student_group (organiser_id, id, school_unit_id, name, group_type, subject_code, school_year, start_date, end_date)
      values (${org}, ${id}, ${unit}, ${`Ma 9${name} 2013`}, 'teaching', 'MA', 9, '2012-08-20', '2013-06-14')`);
    await db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date, end_date)
      values (${org}, ${randomUUID()}, ${id}, ${teacher}, 'teacher', true, '2012-08-20', '2013-06-14')`);
    for (const [i, [sex, grade, test]] of pupils.entries()) {
      const pupil = randomUUID();
      await db.execute(sql`insert into person (organiser_id, id, given_name, family_name, sex) values (${org}, ${pupil}, ${`Elev${i + 1}`}, ${`Grupp${name}`}, ${sex})`);
      await db.execute(sql`insert into grade (organiser_id, id, pupil_id, subject_code, group_id, term_id, kind, value, registered_by)
        values (${org}, ${randomUUID()}, ${pupil}, 'MA', ${id}, ${term}, 'final', ${grade}, ${teacher})`);
      if (test) {
        await db.execute(sql`insert into national_test_result (organiser_id, id, pupil_id, school_unit_id, subject_code, grade_year, school_year, test_grade, registered_by)
          values (${org}, ${randomUUID()}, ${pupil}, ${unit}, 'MA', 9, ${FIXTURE_YEAR}, ${test}, ${teacher})`);
      }
    }
  }
  return { unit, groups, larare, other };
}
