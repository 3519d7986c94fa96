import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../src/server/platform/db/database.js';
import { refreshFacts } from '../../src/server/followup/report-store.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

/**
 * The follow-up reads pre-aggregated facts that triggers mark for rebuilding. Whatever changes — a grade, a
 * test result, a pupil's sex or newly-arrived date, per-pupil background — the next report must equal one
 * built from scratch.
 */
let t: TestApp;
let analyst: Client;
const db = () => t.database.db;

beforeAll(async () => {
  t = await startTestApp();
  analyst = new Client(t.app, '10.73.0.1');
  expect((await analyst.login('analytiker')).statusCode).toBe(200);
}, 120_000);
afterAll(async () => { await t?.close(); });

const organiserReport = async () => {
  const res = await analyst.get('/api/followup/organiser?gradeYear=9');
  expect(res.statusCode).toBe(200);
  return res.json();
};
const factsTable = async () => ({
  groups: await rows(db(), sql`select * from followup_fact order by school_unit_id, school_year, grade_year, group_id, subject_code, sex, newly, sva, pps, fb`),
  units: await rows(db(), sql`select * from followup_unit_fact order by school_unit_id, school_year, grade_year, subject_code, sex, newly, sva, pps, fb`),
});

async function rebuiltFromScratch() {
  await db().execute(sql`delete from followup_fact`);
  await db().execute(sql`delete from followup_unit_fact`);
  await db().execute(sql`insert into followup_dirty (organiser_id, school_unit_id, school_year)
    select distinct g.organiser_id, sg.school_unit_id, t.school_year from grade g
    join student_group sg on sg.organiser_id = g.organiser_id and sg.id = g.group_id join term t on t.organiser_id = g.organiser_id and t.id = g.term_id
    on conflict do nothing`);
  await refreshFacts(db(), t.organiserId);
  return factsTable();
}

describe('the follow-up facts', () => {
  it('a seeded database has its facts built and nothing marked', async () => {
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from followup_fact`))!.n).toBeGreaterThan(100);
    // the unit facts are the group facts summed over the groups
    expect(await one(db(), sql`select sum(graded)::int as graded, sum(n_higher)::int as higher from followup_unit_fact`))
      .toEqual(await one(db(), sql`select sum(graded)::int as graded, sum(n_higher)::int as higher from followup_fact`));
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from followup_dirty`))!.n).toBe(0);
  });

  it('after changes to grades, test results, persons and background, the next report equals one built from scratch', async () => {
    const before = await organiserReport();
    const pupil = (await one<{ pupil_id: string; subject_code: string }>(db(), sql`select g.pupil_id, g.subject_code from grade g
      join national_test_result n on n.organiser_id = g.organiser_id and n.pupil_id = g.pupil_id and n.subject_code = g.subject_code and n.grade_year = 9
      where g.kind = 'final' and g.value = n.test_grade and g.value in ('C', 'D') limit 1`))!;
    await db().execute(sql`update grade set value = 'A' where pupil_id = ${pupil.pupil_id} and subject_code = ${pupil.subject_code} and kind = 'final'`);
    await db().execute(sql`update national_test_result set test_grade = 'F' where pupil_id = ${pupil.pupil_id} and subject_code = 'EN' and grade_year = 9`);
    await db().execute(sql`update person set sex = case when sex = 'F' then 'M' else 'F' end, newly_arrived_date = '2020-01-01' where id = ${pupil.pupil_id}`);
    await db().execute(sql`insert into pupil_background (organiser_id, pupil_id, parents_post_secondary, foreign_background, source, imported_by)
      select organiser_id, ${pupil.pupil_id}, true, false, 'test', ${pupil.pupil_id} from person where id = ${pupil.pupil_id}
      on conflict (organiser_id, pupil_id) do update set parents_post_secondary = not coalesce(pupil_background.parents_post_secondary, false)`);
    await db().execute(sql`delete from grade where pupil_id = ${pupil.pupil_id} and subject_code = 'BL' and kind = 'final'`);
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from followup_dirty`))!.n).toBeGreaterThan(0);

    const after = await organiserReport();
    expect(after).not.toEqual(before);
    const incremental = await factsTable();
    expect(await rebuiltFromScratch()).toEqual(incremental);
    expect(await organiserReport()).toEqual(after);
  });
});
