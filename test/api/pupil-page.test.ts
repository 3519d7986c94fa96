// The staff's pupil page (GET /api/pupils/:pupilId/record): who may open it, which subjects and grades each
// sees (mentor all, a teacher who is not mentor only their own, also from last school year), protected
// registration masked for the pupil and a guardian, and every view of a protected person audited.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { historyWindow } from '../../src/domain/pupils/history-window.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { readTerms } from '../../src/server/pupils/pupil-record-store.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let ip = 0;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.66.0.${++ip}`);
  expect((await c.login(username)).statusCode, `login ${username}`).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const record = (c: Client, pupilId: string) => c.get(`/api/pupils/${pupilId}/record`);
const subjectsOf = (body: any) => ({
  groups: [...new Set<string>(body.groups.map((g: any) => g.subject.code))].sort(),
  grades: [...new Set<string>(body.grades.flatMap((y: any) => y.subjects.map((s: any) => s.subject.code)))].sort(),
});
const today = swedishDate(new Date());

let mentor: Client;
let larare: Client;
let pupilId = '';
let lastYearVt = '';

/** A pupil of 9A (mentor: `mentor`, who teaches 9A SV; `larare` teaches 9A MA) with an MA and an SV grade this
 *  term, and a BI group of last school year taught by `larare2` with a locked BI grade. */
beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  mentor = await as('mentor');
  larare = await as('larare', 'teacher', 'Björkskolan');
  const groups = (await larare.get('/api/grading/groups')).json().groups;
  const ma = groups.find((g: any) => g.name === '9A MA');
  const maRegister = (await larare.get(`/api/grading/groups/${ma.id}`)).json();
  // one without grades from the demo's history (their year 6 would add every subject to the page)
  const graded = new Set((await rows<{ id: string }>(db, sql`select distinct pupil_id as id from grade where organiser_id = ${t.organiserId}`)).map((r) => r.id));
  pupilId = maRegister.pupils.find((p: any) => p.cells.HT.allowed && !graded.has(p.id)).id;
  const sv = (await mentor.get('/api/grading/groups')).json().groups.find((g: any) => g.name === '9A SV');
  const save = (c: Client, groupId: string, value: string) =>
    c.request('PUT', `/api/grading/groups/${groupId}/cells`, { pupilId, column: 'HT', value, version: null, requestId: randomUUID() });
  expect((await save(larare, ma.id, 'C')).statusCode).toBe(200);
  expect((await larare.request('POST', `/api/grading/groups/${ma.id}/confirm`, { column: 'HT', pupilIds: [pupilId] })).statusCode).toBe(200);
  expect((await save(mentor, sv.id, 'B')).statusCode).toBe(200);

  // last school year: a BI group the pupil was in, taught by larare2, with a locked VT grade
  const window = historyWindow(await readTerms(db, t.organiserId), today);
  const terms = await rows<{ id: string; kind: string; start: string; end: string }>(db, sql`select id, kind, to_char(start_date, 'YYYY-MM-DD') as start,
    to_char(end_date, 'YYYY-MM-DD') as end from term where organiser_id = ${t.organiserId} and school_year = ${window.schoolYears[1]} order by start_date`);
  const [ht, vt] = terms;
  lastYearVt = window.schoolYears[1];
  const unit = (await one<{ id: string }>(db, sql`select id from school_unit where name = 'Björkskolan'`))!.id;
  const larare2 = (await one<{ person_id: string }>(db, sql`select person_id from account where username = 'larare2'`))!.person_id;
  const bi = randomUUID();
  await db.execute(sql`insert into student_group (organiser_id, id, school_unit_id, name, group_type, subject_code, school_year, start_date, end_date)
    values (${t.organiserId}, ${bi}, ${unit}, '8A BI', 'teaching', 'BI', 8, ${ht.start}, ${vt.end})`);
  await db.execute(sql`insert into group_membership (organiser_id, id, group_id, person_id, start_date, end_date)
    values (${t.organiserId}, ${randomUUID()}, ${bi}, ${pupilId}, ${ht.start}, ${vt.end})`);
  await db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date, end_date)
    values (${t.organiserId}, ${randomUUID()}, ${bi}, ${larare2}, 'teacher', true, ${ht.start}, ${vt.end})`);
  await db.execute(sql`insert into grade (organiser_id, id, pupil_id, subject_code, group_id, term_id, kind, value, state, registered_by)
    values (${t.organiserId}, ${randomUUID()}, ${pupilId}, 'BI', ${bi}, ${vt.id}, 'term', 'A', 'locked', ${larare2})`);
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('who sees which subjects and grades', () => {
  it('the mentor of the pupil\'s class sees every subject and grade, also a subject they do not teach', async () => {
    const res = await record(mentor, pupilId);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.subjectAccess).toBe('all');
    expect(body.class.name).toBe('9A');
    expect(body.class.mentors).toContain('Maria Sjöberg');
    const seen = subjectsOf(body);
    expect(seen.groups).toEqual(expect.arrayContaining(['MA', 'SV', 'BI']));
    expect(seen.groups.length).toBeGreaterThan(3);
    expect(seen.grades).toEqual(['BI', 'MA', 'SV']);
    const thisYear = body.grades[0];
    expect(thisYear.subjects.find((s: any) => s.subject.code === 'MA').HT).toEqual({ value: 'C', state: 'confirmed', carriedOver: false });
    expect(thisYear.subjects.find((s: any) => s.subject.code === 'SV').HT).toEqual({ value: 'B', state: 'registered', carriedOver: false });
    const lastYear = body.grades.find((y: any) => y.schoolYear === lastYearVt);
    expect(lastYear.subjects).toEqual([{ subject: { code: 'BI', name: expect.any(String) }, HT: null, VT: { value: 'A', state: 'locked', carriedOver: false }, final: null }]);
  });

  it('a teacher who is not the mentor sees their own subject\'s grades and not the others\'', async () => {
    const body = (await record(larare, pupilId)).json();
    expect(body.subjectAccess).toBe('taught');
    expect(subjectsOf(body)).toEqual({ groups: ['MA'], grades: ['MA'] });
    expect(body.grades[0].subjects[0].HT).toMatchObject({ value: 'C', state: 'confirmed' });
    expect(body.groups[0]).toMatchObject({ name: '9A MA', current: true });
    expect(body.groups[0].teachers).toContain('Anna Öberg');
  });

  it('a teacher who taught the pupil last school year opens the page and sees only that subject', async () => {
    const larare2 = await as('larare2');
    const res = await record(larare2, pupilId);
    expect(res.statusCode).toBe(200);
    expect(subjectsOf(res.json())).toEqual({ groups: ['BI'], grades: ['BI'] });
    // the subject is theirs: its groups now (with today's teachers) and the one they taught (with them)
    expect(res.json().groups.find((g: any) => !g.current)).toMatchObject({ name: '8A BI', teachers: ['Johan Lindqvist'] });
    // the short record follows today's relations only: it stays closed to them
    expect((await larare2.get(`/api/pupils/${pupilId}`)).statusCode).toBe(404);
  });

  it('a teacher who taught the pupil before last school year, or never, gets 404', async () => {
    const db = t.database.db;
    const biMembership = sql`person_id = ${pupilId} and group_id = (select id from student_group where name = '8A BI' and end_date is not null)`;
    const was = (await one<{ start: string; end: string }>(db, sql`select to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end
      from group_membership where ${biMembership}`))!;
    await db.execute(sql`update group_membership set start_date = '2019-08-19', end_date = '2020-06-12' where ${biMembership}`);
    try {
      expect((await record(await as('larare2'), pupilId)).statusCode).toBe(404);
    } finally {
      await db.execute(sql`update group_membership set start_date = ${was.start}, end_date = ${was.end} where ${biMembership}`);
    }
    const pupilOfOtherClass = (await one<{ id: string }>(db, sql`select m.person_id as id from group_membership m join student_group g on g.id = m.group_id
      join school_unit u on u.id = g.school_unit_id and u.name = 'Björkskolan' where g.name = '9B' and g.group_type = 'class' limit 1`))!.id;
    expect((await record(larare, pupilOfOtherClass)).statusCode).toBe(404);
    expect((await record(mentor, pupilOfOtherClass)).statusCode).toBe(404);
  });

  it('the administrator and the principal of the unit see every subject', async () => {
    for (const who of ['admin', 'rektor']) {
      const body = (await record(await as(who), pupilId)).json();
      expect(body.subjectAccess).toBe('all');
      expect(subjectsOf(body).grades).toEqual(['BI', 'MA', 'SV']);
    }
  });

  it('staff of another unit get 404; guardians and pupils, of this family or another, are refused the staff page', async () => {
    const db = t.database.db;
    const other = (await one<{ id: string }>(db, sql`select id from school_unit where name = 'Eksätraskolan'`))!.id;
    const stranger = randomUUID();
    await db.execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${stranger}, 'Annan', 'Enhetsson')`);
    for (const role of ['teacher', 'administrator', 'principal']) {
      await db.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, licensed, start_date)
        values (${t.organiserId}, ${randomUUID()}, ${stranger}, ${other}, ${role}, true, '2000-01-01')`);
    }
    await db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
      values (${t.organiserId}, ${randomUUID()}, ${stranger}, 'sidan_annan', ${await hashPassword('demo')})`);
    for (const role of ['teacher', 'administrator', 'principal']) {
      expect((await record(await as('sidan_annan', role, 'Eksätraskolan'), pupilId)).statusCode, role).toBe(404);
    }
    expect((await record(await as('larare', 'teacher', 'Eksätraskolan'), pupilId)).statusCode).toBe(404);

    const guardianOfPupil = (await one<{ guardian_id: string }>(db, sql`select guardian_id from guardianship where child_id = ${pupilId} limit 1`))!.guardian_id;
    await db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
      values (${t.organiserId}, ${randomUUID()}, ${guardianOfPupil}, 'sidan_vh', ${await hashPassword('demo')})`);
    expect((await record(await as('sidan_vh'), pupilId)).statusCode).toBe(403);
    const vardnadshavare = await as('vardnadshavare');
    expect((await record(vardnadshavare, pupilId)).statusCode).toBe(403);
    const ownChild = (await vardnadshavare.get('/api/start')).json().children[0].id;
    expect((await record(vardnadshavare, ownChild)).statusCode).toBe(403);
    const elev = await as('elev');
    expect((await record(elev, pupilId)).statusCode).toBe(403);
    expect((await record(elev, elev.body.person.id)).statusCode).toBe(403);
    expect((await record(await as('analytiker'), pupilId)).statusCode).toBe(403);
    expect((await record(mentor, randomUUID())).statusCode).toBe(404);
  });
});

describe('personal data, guardians and protected registration', () => {
  it('shows personnummer, enrolment, contact and the guardians with their contact details', async () => {
    const body = (await record(mentor, pupilId)).json();
    expect(body.civicNo).toMatch(/^\d{8}-\d{4}$/);
    expect(body).toMatchObject({ unit: { name: 'Björkskolan' }, schoolYear: 9, schoolForm: 'GR' });
    expect(body.contact).not.toBeNull();
    expect(body.guardians.length).toBeGreaterThan(0);
    expect(body.guardians.every((g: any) => g.contact !== null)).toBe(true);
  });

  it('a protected guardian\'s address and contact are never sent, the other guardian\'s are, and the view is audited', async () => {
    const db = t.database.db;
    const guardians = await rows<{ id: string; phone: string | null; street_address: string | null }>(db, sql`select p.id, p.phone, p.street_address
      from guardianship gu join person p on p.id = gu.guardian_id where gu.child_id = ${pupilId} order by p.id`);
    const hidden = guardians[0];
    await db.execute(sql`update person set security_marking = 'protected', phone = '070-999 11 22', street_address = 'Hemligvägen 7' where id = ${hidden.id}`);
    const res = await record(mentor, pupilId);
    expect(res.body).not.toContain('Hemligvägen');
    expect(res.body).not.toContain('070-999 11 22');
    const shown = res.json().guardians;
    expect(shown.find((g: any) => g.id === hidden.id)).toMatchObject({ securityMarking: 'protected', contact: null, addressWithheld: true });
    if (guardians.length > 1) expect(shown.find((g: any) => g.id === guardians[1].id)).toMatchObject({ addressWithheld: false, contact: { streetAddress: expect.any(String) } });
    const audited = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_event where action = 'person.protected_viewed'
      and details->>'personId' = ${hidden.id} and details->>'pupilId' = ${pupilId} and actor_person_id = ${mentor.body.person.id}`);
    expect(audited[0].n).toBe(1);
    await db.execute(sql`update person set security_marking = 'none' where id = ${hidden.id}`);
  });

  it('a protected pupil\'s address and contact are "Skyddad" (never sent) and every view is audited with the person', async () => {
    const db = t.database.db;
    await db.execute(sql`update person set security_marking = 'protected', email = 'hemlig.elev@example.se' where id = ${pupilId}`);
    // the guardians live with the child: their address is the child's and is withheld too (their phone and e-mail are not)
    const homes = await rows<{ street_address: string }>(db, sql`select p.street_address from guardianship gu join person p on p.id = gu.guardian_id
      where gu.child_id = ${pupilId} and p.street_address is not null`);
    expect(homes.length).toBeGreaterThan(0);
    for (const c of [mentor, larare, await as('admin')]) {
      const res = await record(c, pupilId);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ securityMarking: 'protected', contact: null });
      expect(res.body).not.toContain('hemlig.elev@example.se');
      for (const h of homes) expect(res.body).not.toContain(h.street_address);
      for (const g of res.json().guardians) expect(g).toMatchObject({ addressWithheld: true, contact: { streetAddress: null, postalCode: null, city: null } });
    }
    const audited = await rows<{ actor: string }>(db, sql`select actor_person_id as actor from audit_event where action = 'pupil.viewed'
      and entity_id = ${pupilId} and details->>'personId' = ${pupilId}`);
    expect(audited.map((a) => a.actor)).toEqual(expect.arrayContaining([mentor.body.person.id, larare.body.person.id]));
    expect(audited).toHaveLength(3);
    await db.execute(sql`update person set security_marking = 'none' where id = ${pupilId}`);
  });

  it('a pupil without protected registration is not audited on view', async () => {
    const before = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where action = 'pupil.viewed' and entity_id = ${pupilId}`);
    await record(mentor, pupilId);
    const after = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where action = 'pupil.viewed' and entity_id = ${pupilId}`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('answers quickly', async () => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const at = performance.now();
      expect((await record(mentor, pupilId)).statusCode).toBe(200);
      times.push(performance.now() - at);
    }
    times.sort((a, b) => a - b);
    console.log(`pupil page (PGlite, mentor): median ${times[15].toFixed(1)} ms, max ${times[29].toFixed(1)} ms`);
    expect(times[15]).toBeLessThan(500);
  });
});
