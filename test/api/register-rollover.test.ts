// The new school year (läsårsskifte) of a unit: preview, apply in one transaction, undo; what it must never
// touch (grades, absence, documents); who may run it. The tests run on today's date, so the rollover is
// made ahead of time (in the autumn, for the school year after the current one).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { nextSchoolYear, proposeTerms } from '../../src/domain/register/school-year.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let admin: Client;
let unitId: string;
let elev: string;
const db = () => t.database.db;
let ip = 0;
const as = async (username: string) => { const c = new Client(t.app, `10.51.0.${++ip}`); expect((await c.login(username)).statusCode).toBe(200); return c; };
const q = <T>(s: ReturnType<typeof sql>) => rows<T>(db(), s);

/** Every row of the tables, as text in id order: equal strings are equal rows, byte for byte. */
async function snapshot(tables: string[], where = 'true') {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await one<{ s: string | null }>(db(), sql.raw(`select string_agg(x::text, E'\\n' order by x::text) as s from ${table} x where ${where}`));
    out[table] = r?.s ?? '';
  }
  return out;
}
const HISTORY = ['grade', 'grade_event', 'written_assessment', 'catalogue_signature', 'grade_document', 'attendance_deviation'];
const REGISTER = ['enrolment', 'student_group', 'group_membership', 'group_staff', 'term'];

beforeAll(async () => {
  t = await startTestApp();
  admin = await as('admin');
  unitId = admin.body.current.unitId;
  elev = (await one<{ person_id: string }>(db(), sql`select person_id from account where username = 'elev'`))!.person_id;
  // last year's history of the year-9 pupil: a locked final grade with its history, a grade document, an absence
  const group = (await one<{ id: string }>(db(), sql`select g.id from student_group g join group_membership m on m.organiser_id = g.organiser_id
    and m.group_id = g.id where m.person_id = ${elev} and g.subject_code = 'MA' limit 1`))!.id;
  const term = (await one<{ id: string }>(db(), sql`select id from term where start_date <= current_date order by start_date desc limit 1`))!.id;
  const teacher = (await one<{ person_id: string }>(db(), sql`select person_id from account where username = 'larare'`))!.person_id;
  const gradeId = randomUUID();
  await db().execute(sql`insert into grade (organiser_id, id, pupil_id, subject_code, group_id, term_id, kind, value, state, registered_by)
    values (${t.organiserId}, ${gradeId}, ${elev}, 'MA', ${group}, ${term}, 'final', 'B', 'locked', ${teacher})`);
  await db().execute(sql`insert into grade_event (organiser_id, id, grade_id, actor_id, action, to_value, to_state)
    values (${t.organiserId}, ${randomUUID()}, ${gradeId}, ${teacher}, 'registered', 'B', 'registered')`);
  await db().execute(sql`insert into grade_document (organiser_id, id, pupil_id, school_unit_id, kind, term_id, content, sha256, created_by)
    values (${t.organiserId}, ${randomUUID()}, ${elev}, ${unitId}, 'final', ${term}, ${Buffer.from('%PDF-1.7 slutbetyg')}, 'abc', ${teacher})`);
  await db().execute(sql`insert into attendance_deviation (organiser_id, id, pupil_id, occurred_on, kind, minutes, valid)
    values (${t.organiserId}, ${randomUUID()}, ${elev}, current_date, 'absent', 40, false)`);
}, 60_000);
afterAll(async () => { await t?.close(); });

const choices = (status: any) => ({ terms: status.existingTerms ?? status.proposedTerms, carryMentors: true, carryTeachers: true });

describe('the new school year of a unit', () => {
  let status: any;
  let preview: any;
  let applied: any;
  let history: Record<string, string>;
  let registerBefore: Record<string, string>;

  it('proposes the school year after the current one, with term dates, even in the autumn', async () => {
    const res = await admin.get('/api/admin/school-year');
    expect(res.statusCode).toBe(200);
    status = res.json();
    expect(status.unit.name).toBe('Björkskolan');
    expect(status.toSchoolYear).toBe(nextSchoolYear(status.fromSchoolYear));
    expect(status.existingTerms).toBeNull();
    expect(status.proposedTerms).toEqual(proposeTerms(status.toSchoolYear));
    expect(status.oldYearEnds > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(status.rollovers).toEqual([]);
  });

  it('refuses term dates that overlap the current school year', async () => {
    const terms = { ...status.proposedTerms, ht: { startDate: status.oldYearEnds, endDate: status.proposedTerms.ht.endDate } };
    const res = await admin.request('POST', '/api/admin/school-year/preview', { ...choices(status), terms });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('starts_before_old_year_ends');
  });

  it('previews what will be created and ended, and writes nothing', async () => {
    registerBefore = await snapshot(REGISTER);
    history = await snapshot(HISTORY);
    const res = await admin.request('POST', '/api/admin/school-year/preview', choices(status));
    expect(res.statusCode).toBe(200);
    preview = res.json();
    expect(await snapshot(REGISTER)).toEqual(registerBefore);
    expect(preview.counts.terms).toBe(2);
    expect(preview.leaving.some((p: any) => p.id === elev && p.className === '9A')).toBe(true);
    expect(preview.leaving.every((p: any) => p.schoolYear === 9)).toBe(true);
    const g7A = preview.groups.find((g: any) => g.name === '7A');
    expect(g7A).toMatchObject({ newName: '8A', groupType: 'class' });
    expect(preview.groups.find((g: any) => g.name === '9A').newName).toBeNull();
    expect(preview.groups.find((g: any) => g.name === '7A EN')).toMatchObject({ newName: '8A EN' });
    expect(preview.groups.find((g: any) => g.name === 'FA')).toMatchObject({ newName: '1A' });
    expect(preview.promoted.find((p: any) => p.fromYear === 7 && p.schoolForm === 'GR').toYear).toBe(8);
    expect(preview.warnings.map((w: any) => w.code)).not.toContain('name_collision');
  });

  it('applies exactly what was previewed, in one go, with a rollover record and audit rows', async () => {
    const res = await admin.request('POST', '/api/admin/school-year/rollovers', { ...choices(status), previewDigest: preview.digest });
    expect(res.statusCode).toBe(200);
    applied = res.json();
    const { id, ...rest } = applied;
    expect(rest).toEqual(preview);
    const record = (await one<{ changes: any; undone_at: string | null }>(db(), sql`select changes, undone_at from year_rollover where id = ${id}`))!;
    expect(record.undone_at).toBeNull();
    for (const [table, n] of Object.entries(preview.counts.created)) expect(record.changes.created[table]).toHaveLength(n as number);
    for (const [table, n] of Object.entries(preview.counts.ended)) expect(record.changes.ended[table]).toHaveLength(n as number);
    const audited = await q<{ action: string; n: number }>(sql`select action, count(*)::int as n from audit_event
      where details->>'rolloverId' = ${id} or entity_id = ${id} group by action`);
    const count = (a: string) => audited.find((x) => x.action === a)?.n ?? 0;
    expect(count('school_year.rolled_over')).toBe(1);
    expect(count('group_membership.created')).toBe(preview.counts.created.group_membership);
    expect(count('group_membership.ended')).toBe(preview.counts.ended.group_membership);
    expect(count('enrolment.created')).toBe(preview.counts.created.enrolment);
    const noKeys = await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_event where details->>'rolloverId' = ${id}
      and (details->>'unitId' is null or (entity_type in ('group_membership','group_staff') and (details->>'personId' is null or details->>'groupId' is null)))`);
    expect(noKeys!.n).toBe(0);
  });

  it('7A becomes 8A next year with the same pupils and its mentor; a year-9 pupil has left with the final grades intact', async () => {
    const oldEnds = status.oldYearEnds;
    const newStarts = applied.newYearStarts;
    const classes = await q<{ name: string; start: string; end: string | null; members: string[] }>(sql`select g.name, to_char(g.start_date, 'YYYY-MM-DD') as start,
        to_char(g.end_date, 'YYYY-MM-DD') as end, array(select m.person_id::text from group_membership m where m.organiser_id = g.organiser_id and m.group_id = g.id order by 1) as members
      from student_group g where g.school_unit_id = ${unitId} and g.name in ('7A', '8A') order by g.start_date, g.name`);
    const old7A = classes.find((c) => c.name === '7A')!;
    const new8A = classes.find((c) => c.name === '8A' && c.start === newStarts)!;
    expect(old7A.end).toBe(oldEnds);
    expect(new8A.end).toBeNull();
    expect(new8A.members).toEqual(old7A.members);
    const mentors = await q<{ name: string; person: string; start: string }>(sql`select g.name, s.person_id as person, to_char(s.start_date, 'YYYY-MM-DD') as start
      from group_staff s join student_group g on g.organiser_id = s.organiser_id and g.id = s.group_id
      where g.school_unit_id = ${unitId} and g.name in ('7A', '8A') and s.assignment = 'mentor' and (g.name = '7A') = (g.start_date < ${newStarts}::date)`);
    const mentorOf = (name: string) => mentors.filter((m) => m.name === name).map((m) => m.person).sort();
    expect(mentorOf('8A')).toEqual(mentorOf('7A'));
    expect(mentorOf('8A')).toHaveLength(1);

    const enrolments = await q<{ school_year: number; end: string | null }>(sql`select school_year, to_char(end_date, 'YYYY-MM-DD') as end from enrolment where person_id = ${elev}`);
    expect(enrolments).toEqual([{ school_year: 9, end: oldEnds }]);
    expect(await snapshot(HISTORY)).toEqual(history);
    // made ahead of time: today nothing has changed for the pupil
    const pupil = await as('elev');
    expect(pupil.body.current.role).toBe('pupil');
  });

  it('a second rollover of the same unit and year is refused while the first stands', async () => {
    const res = await admin.request('POST', '/api/admin/school-year/preview', choices(status));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_rolled_over');
    const again = await admin.request('POST', '/api/admin/school-year/rollovers', { ...choices(status), previewDigest: preview.digest });
    expect(again.json().error.code).toBe('already_rolled_over');
    const now = (await admin.get('/api/admin/school-year')).json();
    expect(now.existingTerms).toEqual(status.proposedTerms);
    expect(now.rollovers).toMatchObject([{ id: applied.id, undoable: true, undoRefusal: null }]);
  });

  it('an administrator of another unit does not find the rollover (404) and sees only their own unit', async () => {
    const other = await otherUnitAdministrator();
    expect((await other.request('POST', `/api/admin/school-year/rollovers/${applied.id}/undo`)).statusCode).toBe(404);
    const theirs = (await other.get('/api/admin/school-year')).json();
    expect(theirs.unit.name).toBe('Eksätraskolan');
    expect(theirs.rollovers).toEqual([]);
    // the terms the first unit made are the organiser's: the second unit uses them
    expect(theirs.existingTerms).toEqual(status.proposedTerms);
  });

  it('undo removes what the rollover created and restores every end date exactly', async () => {
    const res = await admin.request('POST', `/api/admin/school-year/rollovers/${applied.id}/undo`);
    expect(res.statusCode).toBe(200);
    expect(res.json().removed).toMatchObject({ ...preview.counts.created, term: 2 });
    expect(Object.values(res.json().changedSince).every((n) => n === 0)).toBe(true);
    expect(await snapshot(REGISTER)).toEqual(registerBefore);
    expect(await snapshot(HISTORY)).toEqual(history);
    const record = await one<{ undone: boolean }>(db(), sql`select undone_at is not null as undone from year_rollover where id = ${applied.id}`);
    expect(record!.undone).toBe(true);
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_event where entity_id = ${applied.id} and action = 'school_year.rollover_undone'`))!.n).toBe(1);
    expect((await admin.request('POST', `/api/admin/school-year/rollovers/${applied.id}/undo`)).json().error.code).toBe('already_undone');
  });

  it('a class name already taken next year is a warning of the preview', async () => {
    const taken = randomUUID();
    await db().execute(sql`insert into student_group (organiser_id, id, school_unit_id, name, group_type, school_year, start_date)
      values (${t.organiserId}, ${taken}, ${unitId}, '8A', 'class', 8, ${status.proposedTerms.ht.startDate})`);
    const res = (await admin.request('POST', '/api/admin/school-year/preview', choices(status))).json();
    await db().execute(sql`delete from student_group where id = ${taken}`);
    expect(res.warnings.find((w: any) => w.code === 'name_collision')).toMatchObject({ count: 1, items: ['8A'] });
  });

  it('a preview made before the register changed is not applied', async () => {
    const fresh = (await admin.request('POST', '/api/admin/school-year/preview', choices(status))).json();
    const someone = (await one<{ id: string }>(db(), sql`select id from group_membership m where exists (select 1 from student_group g
      where g.organiser_id = m.organiser_id and g.id = m.group_id and g.school_unit_id = ${unitId}) order by id limit 1`))!.id;
    await db().execute(sql`update group_membership set end_date = '2027-03-01' where id = ${someone}`);
    const res = await admin.request('POST', '/api/admin/school-year/rollovers', { ...choices(status), previewDigest: fresh.digest });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('preview_outdated');
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from year_rollover where undone_at is null`))!.n).toBe(0);
  });

  it('once a grade of the new school year is registered at the unit, undo is refused and says why', async () => {
    const fresh = (await admin.request('POST', '/api/admin/school-year/preview', choices(status))).json();
    const again = (await admin.request('POST', '/api/admin/school-year/rollovers', { ...choices(status), previewDigest: fresh.digest })).json();
    const group = (await one<{ id: string; pupil: string }>(db(), sql`select g.id, m.person_id as pupil from student_group g join group_membership m
      on m.organiser_id = g.organiser_id and m.group_id = g.id where g.id = any(${sql.param((await one<{ ids: string[] }>(db(),
      sql`select array(select jsonb_array_elements_text(changes->'created'->'student_group')) as ids from year_rollover where id = ${again.id}`))!.ids)}::uuid[])
      and g.subject_code = 'MA' limit 1`))!;
    const term = (await one<{ id: string }>(db(), sql`select id from term where school_year = ${status.toSchoolYear} and kind = 'HT'`))!.id;
    await db().execute(sql`insert into grade (organiser_id, id, pupil_id, subject_code, group_id, term_id, kind, value, registered_by)
      values (${t.organiserId}, ${randomUUID()}, ${group.pupil}, 'MA', ${group.id}, ${term}, 'term', 'C', ${admin.body.person.id})`);
    const res = await admin.request('POST', `/api/admin/school-year/rollovers/${again.id}/undo`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('new_year_grades');
    const now = (await admin.get('/api/admin/school-year')).json();
    expect(now.rollovers[0]).toMatchObject({ id: again.id, undoable: false, undoRefusal: 'new_year_grades' });
  });
});

describe('who may run the new school year', () => {
  it('a teacher, a principal, a guardian and a pupil are refused every step', async () => {
    for (const who of ['larare', 'rektor', 'vardnadshavare', 'elev']) {
      const c = await as(who);
      const body = { terms: proposeTerms('2027/2028'), carryMentors: true, carryTeachers: true };
      expect((await c.get('/api/admin/school-year')).statusCode, who).toBe(403);
      expect((await c.request('POST', '/api/admin/school-year/preview', body)).statusCode, who).toBe(403);
      expect((await c.request('POST', '/api/admin/school-year/rollovers', { ...body, previewDigest: 'x' })).statusCode, who).toBe(403);
      expect((await c.request('POST', `/api/admin/school-year/rollovers/${randomUUID()}/undo`)).statusCode, who).toBe(403);
    }
  });
});

async function otherUnitAdministrator() {
  const person = randomUUID();
  const other = (await one<{ id: string }>(db(), sql`select id from school_unit where name = 'Eksätraskolan'`))!.id;
  await db().execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${person}, 'Annan', 'Administratör')`);
  await db().execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, start_date)
    values (${t.organiserId}, ${randomUUID()}, ${person}, ${other}, 'administrator', '2000-01-01')`);
  await db().execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${randomUUID()}, ${person}, 'rollover_annan', ${await hashPassword('demo')})`);
  return as('rollover_annan');
}
