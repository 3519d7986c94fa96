import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCivicNo } from '../../../domain/org/personnummer.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { type Database, migrateDatabase, openDatabase, rows, sql } from '../../platform/db/database.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISER_ID } from './accounts.js';
import { buildDemoData, seedDemo, type SeedSummary } from './seed.js';
import { namedPersonId } from './staff.js';

const TODAY = '2025-10-15';
const org = DEMO_ORGANISER_ID;
let dir: string;
let database: Database;
let summary: SeedSummary;

const q = <T>(statement: ReturnType<typeof sql>) => rows<T>(database.db, statement);
const id = (username: string) => namedPersonId(username);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-seed-'));
  database = await openDatabase({ databaseUrl: null, dataDir: dir });
  await migrateDatabase(database);
  summary = await database.db.transaction((tx) => seedDemo(tx, {
    organiserId: org, organiserName: 'Lärkby kommun', organiserContact: null, preset: 'demo', seed: 1, today: TODAY,
  }));
}, 60_000);

afterAll(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo preset', () => {
  it('has three units, about 1,500 pupils, their guardians and staff', async () => {
    expect(summary.units).toBe(3);
    expect(summary.pupils).toBeGreaterThan(1300);
    expect(summary.pupils).toBeLessThan(1700);
    expect(summary.guardians).toBeGreaterThan(1500);
    expect(summary.staff).toBeGreaterThan(90);
    expect(summary.staff).toBeLessThan(250);
    const units = await q<{ name: string; school_unit_code: string; school_forms: string[] }>(
      sql`select name, school_unit_code, school_forms from school_unit where organiser_id = ${org} order by name`);
    expect(units.map((u) => u.name)).toEqual(['Björkskolan', 'Eksätraskolan', 'Lindängsskolan']);
    for (const u of units) expect(u.school_unit_code).toMatch(/^\d{8}$/);
    expect(units.find((u) => u.name === 'Eksätraskolan')!.school_forms).toEqual(['GR', 'GRS']);
  });

  it('has HT and VT terms for the current and the five previous school years (those of the grade history)', async () => {
    const terms = await q<{ school_year: string; kind: string }>(sql`select school_year, kind from term where organiser_id = ${org} order by start_date`);
    expect(terms.map((t) => `${t.kind} ${t.school_year}`)).toEqual([
      'HT 2020/2021', 'VT 2020/2021', 'HT 2021/2022', 'VT 2021/2022', 'HT 2022/2023', 'VT 2022/2023', 'HT 2023/2024', 'VT 2023/2024', 'HT 2024/2025', 'VT 2024/2025', 'HT 2025/2026', 'VT 2025/2026']);
  });

  it('every pupil is in exactly one current class', async () => {
    // Pupils enrolled today (the history's pupils who have left are in no class today).
    const bad = await q<{ n: number }>(sql`select count(*)::int as n from enrolment e where e.organiser_id = ${org}
      and e.start_date <= ${TODAY} and (e.end_date is null or e.end_date >= ${TODAY}) and (
      select count(*) from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
      where m.organiser_id = e.organiser_id and m.person_id = e.person_id and g.group_type = 'class'
        and m.start_date <= ${TODAY} and (m.end_date is null or m.end_date >= ${TODAY})) <> 1`);
    expect(bad[0].n).toBe(0);
  });

  it('every civic number is valid and agrees with kind, birth date and sex', async () => {
    const people = await q<{ civic_no: string; civic_no_kind: string; birth_date: string; sex: string }>(
      sql`select civic_no, civic_no_kind, birth_date::text, sex from person where organiser_id = ${org}`);
    const today = new Date(`${TODAY}T12:00:00`);
    const kinds = new Map<string, number>();
    for (const p of people) {
      const r = parseCivicNo(p.civic_no, today);
      expect(r.ok, p.civic_no).toBe(true);
      if (!r.ok) continue;
      expect(r.normalised).toBe(p.civic_no);
      expect(r.kind).toBe(p.civic_no_kind);
      expect(r.birthDate).toBe(p.birth_date);
      if (r.sex) expect(r.sex).toBe(p.sex);
      kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    }
    expect(kinds.get('samordningsnummer')).toBeGreaterThan(0);
    expect(kinds.get('temporary')).toBeGreaterThan(0);
  });

  it('has protected and confidential pupils, a protected guardian, and anpassad grundskola pupils', async () => {
    const [r] = await q<{ prot: number; conf: number; guard: number; grs: number; req: number; sva: number }>(sql`select
      (select count(*)::int from person p join enrolment e on e.organiser_id = p.organiser_id and e.person_id = p.id
        where p.organiser_id = ${org} and p.security_marking = 'protected') as prot,
      (select count(*)::int from person where organiser_id = ${org} and security_marking = 'confidential') as conf,
      (select count(*)::int from person p join guardianship g on g.organiser_id = p.organiser_id and g.guardian_id = p.id
        where p.organiser_id = ${org} and p.security_marking = 'protected') as guard,
      (select count(*)::int from enrolment where organiser_id = ${org} and school_form = 'GRS') as grs,
      (select count(*)::int from enrolment where organiser_id = ${org} and school_form = 'GRS' and grades_requested) as req,
      (select count(*)::int from person where organiser_id = ${org} and swedish_as_second_language) as sva`);
    expect(r.prot).toBeGreaterThan(0);
    expect(r.conf).toBeGreaterThan(0);
    expect(r.guard).toBeGreaterThan(0);
    expect(r.grs).toBeGreaterThan(5);
    expect(r.req).toBeGreaterThan(0);
    expect(r.sva).toBeGreaterThan(0);
  });

  it('e-mail addresses use example domains only', async () => {
    const [r] = await q<{ n: number }>(sql`select count(*)::int as n from person where organiser_id = ${org}
      and ((email is not null and email not like '%@example.se') or (work_email is not null and work_email not like '%@larkby.example'))`);
    expect(r.n).toBe(0);
  });

  it('every teaching group has a grading teacher and every class a mentor', async () => {
    const [r] = await q<{ t: number; c: number }>(sql`select
      (select count(*)::int from student_group g where g.organiser_id = ${org} and g.group_type = 'teaching' and not exists (
        select 1 from group_staff s where s.organiser_id = g.organiser_id and s.group_id = g.id and s.assignment = 'teacher' and s.grader)) as t,
      (select count(*)::int from student_group g where g.organiser_id = ${org} and g.group_type = 'class' and not exists (
        select 1 from group_staff s where s.organiser_id = g.organiser_id and s.group_id = g.id and s.assignment = 'mentor')) as c`);
    expect(r).toEqual({ t: 0, c: 0 });
  });
});

describe('named demo accounts', () => {
  it('all exist with a real argon2id hash of "demo"', async () => {
    const accounts = await q<{ username: string; person_id: string; password_hash: string }>(
      sql`select username, person_id, password_hash from account where organiser_id = ${org}`);
    expect(accounts.map((a) => a.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    for (const a of accounts) {
      expect(a.person_id).toBe(id(a.username));
      expect(a.password_hash).toMatch(/^\$argon2id\$/);
    }
    expect(await verifyPassword(accounts[0].password_hash, 'demo')).toBe(true);
  });

  const dutiesOf = (username: string) => q<{ unit: string | null; role: string; licensed: boolean; qualified_subjects: string[] }>(
    sql`select u.name as unit, d.role, d.licensed, d.qualified_subjects from duty d
      left join school_unit u on u.organiser_id = d.organiser_id and u.id = d.school_unit_id
      where d.organiser_id = ${org} and d.person_id = ${id(username)} order by u.name`);
  const groupsOf = (username: string, assignment = 'teacher') => q<{ unit: string; name: string; subject_code: string | null; grader: boolean }>(
    sql`select u.name as unit, g.name, g.subject_code, s.grader from group_staff s
      join student_group g on g.organiser_id = s.organiser_id and g.id = s.group_id
      join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id
      where s.organiser_id = ${org} and s.person_id = ${id(username)} and s.assignment = ${assignment} order by u.name, g.name`);
  const childrenOf = (username: string) => q<{ id: string; unit: string; school_year: number; class: string }>(
    sql`select c.id, u.name as unit, e.school_year, g.name as class from guardianship gs
      join person c on c.organiser_id = gs.organiser_id and c.id = gs.child_id
      join enrolment e on e.organiser_id = c.organiser_id and e.person_id = c.id
      join school_unit u on u.organiser_id = e.organiser_id and u.id = e.school_unit_id
      join group_membership m on m.organiser_id = c.organiser_id and m.person_id = c.id
      join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type = 'class'
      where gs.organiser_id = ${org} and gs.guardian_id = ${id(username)} order by u.name`);

  it('admin and rektor lead Björkskolan, and rektor has delegated two decisions (and one expired)', async () => {
    expect(await dutiesOf('admin')).toMatchObject([{ unit: 'Björkskolan', role: 'administrator' }]);
    expect(await dutiesOf('rektor')).toMatchObject([{ unit: 'Björkskolan', role: 'principal' }]);
    const dels = await q<{ decision_kind: string; delegate_id: string; end_date: string | null }>(sql`select decision_kind, delegate_id,
      end_date::text from delegation where organiser_id = ${org} and principal_id = ${id('rektor')}`);
    expect(dels).toHaveLength(3);
    expect(dels.filter((d) => d.end_date === null).map((d) => d.decision_kind).sort()).toEqual(['decide_leave', 'sign_term_grades']);
    expect(dels.find((d) => d.decision_kind === 'decide_leave')!.delegate_id).toBe(id('admin'));
    expect(dels.some((d) => d.end_date !== null && d.end_date < TODAY)).toBe(true);
  });

  it('huvudman is the organiser-level administrator: an administrator duty without a unit', async () => {
    expect(await dutiesOf('huvudman')).toMatchObject([{ unit: null, role: 'administrator' }]);
  });

  it('larare is a licensed MA/FY/TK teacher at two units, grading MA groups in years 7–9 at both', async () => {
    const duties = await dutiesOf('larare');
    expect(duties.map((d) => d.unit)).toEqual(['Björkskolan', 'Eksätraskolan']);
    for (const d of duties) {
      expect(d).toMatchObject({ role: 'teacher', licensed: true });
      expect(d.qualified_subjects).toEqual(expect.arrayContaining(['MA', 'FY', 'TK']));
    }
    const groups = await groupsOf('larare');
    expect(groups.every((g) => g.subject_code === 'MA' && g.grader && /^[789]/.test(g.name))).toBe(true);
    expect(new Set(groups.map((g) => g.unit))).toEqual(new Set(['Björkskolan', 'Eksätraskolan']));
  });

  it('larare2 is unlicensed and co-grades EN groups with a licensed teacher', async () => {
    expect(await dutiesOf('larare2')).toMatchObject([{ unit: 'Björkskolan', role: 'teacher', licensed: false }]);
    const groups = await groupsOf('larare2');
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g).toMatchObject({ subject_code: 'EN', grader: true });
    const partners = await q<{ n: number }>(sql`select count(distinct s.group_id)::int as n from group_staff s
      join group_staff me on me.organiser_id = s.organiser_id and me.group_id = s.group_id and me.person_id = ${id('larare2')}
      join duty d on d.organiser_id = s.organiser_id and d.person_id = s.person_id and d.role = 'teacher' and d.licensed
      where s.organiser_id = ${org} and s.person_id <> ${id('larare2')} and s.grader`);
    expect(partners[0].n).toBe(groups.length);
  });

  it('mentor is the mentor of 9A at Björkskolan and teaches SV there', async () => {
    expect(await groupsOf('mentor', 'mentor')).toMatchObject([{ unit: 'Björkskolan', name: '9A' }]);
    expect((await groupsOf('mentor')).map((g) => g.name)).toContain('9A SV');
  });

  it('analytiker works at organiser level', async () => {
    expect(await dutiesOf('analytiker')).toMatchObject([{ unit: null, role: 'analyst' }]);
  });

  it('elev is a year-9 pupil in 9A at Björkskolan', async () => {
    const [e] = await q<{ unit: string; school_year: number; class: string }>(sql`select u.name as unit, e.school_year, g.name as class
      from enrolment e join school_unit u on u.organiser_id = e.organiser_id and u.id = e.school_unit_id
      join group_membership m on m.organiser_id = e.organiser_id and m.person_id = e.person_id
      join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type = 'class'
      where e.organiser_id = ${org} and e.person_id = ${id('elev')}`);
    expect(e).toEqual({ unit: 'Björkskolan', school_year: 9, class: '9A' });
  });

  it('vardnadshavare has two children at different units: 9B at Björkskolan and year 4 at Eksätraskolan', async () => {
    const children = await childrenOf('vardnadshavare');
    expect(children.map(({ unit, school_year, class: c }) => ({ unit, school_year, class: c }))).toEqual([
      { unit: 'Björkskolan', school_year: 9, class: '9B' }, { unit: 'Eksätraskolan', school_year: 4, class: '4A' }]);
    expect(children.map((c) => c.id)).not.toContain(id('elev'));
    expect(await dutiesOf('vardnadshavare')).toEqual([]);
  });

  it('personal is a teacher at Eksätraskolan and guardian of a year-7 child at Lindängsskolan', async () => {
    expect(await dutiesOf('personal')).toMatchObject([{ unit: 'Eksätraskolan', role: 'teacher' }]);
    expect(await childrenOf('personal')).toMatchObject([{ unit: 'Lindängsskolan', school_year: 7 }]);
  });
});

describe('determinism', () => {
  it('the same seed and day give the same people and ids; named people keep their ids across seeds', () => {
    const a = buildDemoData({ preset: 'demo', seed: 7, today: TODAY });
    const b = buildDemoData({ preset: 'demo', seed: 7, today: TODAY });
    const c = buildDemoData({ preset: 'demo', seed: 8, today: TODAY });
    expect(b.ds.person.columns.id).toEqual(a.ds.person.columns.id);
    expect(b.ds.person.columns.civicNo).toEqual(a.ds.person.columns.civicNo);
    expect(b.ds.membership.columns.id).toEqual(a.ds.membership.columns.id);
    expect(c.ds.person.columns.id).not.toEqual(a.ds.person.columns.id);
    for (const account of DEMO_ACCOUNTS) {
      for (const run of [a, c]) expect(run.ds.person.columns.id).toContain(id(account.username));
    }
  });
});
