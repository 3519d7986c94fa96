import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepOrder } from '../../src/domain/curriculum/strong-text.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { strangerGuardian } from './absence-report-helpers.js';

let t: TestApp;
let ip = 0;
let elev: string;
let maGroup: string; // elev's MA teaching group, taught by larare here
let otherGroup: string; // a teaching group of MA at the unit that elev is not in
let larareId: string;
let planningId: string;
let syllabusId: string;
let content: string[];
let requirements: string[];
let foreignContent: string;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.71.0.${++ip}`);
  expect((await c.login(username)).statusCode, username).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const db = () => t.database.db;
const account = async (username: string, personId: string) => db().execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
  values (${t.organiserId}, ${randomUUID()}, ${personId}, ${username}, ${await hashPassword('demo')})`);
const count = async () => (await one<{ n: number }>(db(), sql`select (select count(*) from planning) + (select count(*) from planning_owner)
  + (select count(*) from planning_group) + (select count(*) from planning_content) + (select count(*) from planning_requirement) as n`))!.n;

beforeAll(async () => {
  t = await startTestApp();
  elev = (await one<{ id: string }>(db(), sql`select person_id as id from account where username = 'elev'`))!.id;
  larareId = (await one<{ id: string }>(db(), sql`select person_id as id from account where username = 'larare'`))!.id;
  maGroup = (await one<{ id: string }>(db(), sql`select g.id from student_group g join group_membership m on m.group_id = g.id
    where m.person_id = ${elev} and m.end_date is null and g.subject_code = 'MA' and g.group_type = 'teaching' limit 1`))!.id;
  otherGroup = (await one<{ id: string }>(db(), sql`select g.id from student_group g where g.subject_code = 'MA' and g.group_type = 'teaching'
    and g.school_unit_id = (select school_unit_id from student_group where id = ${maGroup}) and g.id <> ${maGroup}
    and not exists (select 1 from group_membership m where m.group_id = g.id and m.person_id = ${elev}) order by g.name limit 1`))!.id;
  for (const g of [maGroup, otherGroup]) {
    await db().execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
      values (${t.organiserId}, ${randomUUID()}, ${g}, ${larareId}, 'teacher', true, '2000-01-01')`);
  }
  // elev's guardian, and a pupil of the other group, with accounts
  await account('vh_elev', (await one<{ id: string }>(db(), sql`select guardian_id as id from guardianship where child_id = ${elev} order by guardian_id limit 1`))!.id);
  await account('elev_annan_grupp', (await one<{ id: string }>(db(), sql`select m.person_id as id from group_membership m where m.group_id = ${otherGroup}
    and m.end_date is null and not exists (select 1 from account a where a.person_id = m.person_id) order by m.person_id limit 1`))!.id);
  await strangerGuardian(t, elev, 'vh_annan');
}, 60_000);
afterAll(async () => { await t?.close(); });

describe('kursplaner: the curriculum is public text for anyone signed in', () => {
  it('lists versions with the current one, the syllabuses of a version, and one syllabus with stages, content and requirements', async () => {
    const c = await as('vardnadshavare');
    const versions = (await c.get('/api/curriculum/versions')).json();
    expect(versions[0]).toMatchObject({ name: 'Lgr11', current: true });
    const list = (await c.get(`/api/curriculum/versions/${versions[0].id}/syllabuses`)).json();
    const ma = list.syllabuses.find((s: any) => s.code === 'GRGRMAT01');
    expect(ma.subjectCodes).toEqual(['MA']);
    syllabusId = ma.id;
    const s = (await c.get(`/api/curriculum/syllabuses/${ma.id}`)).json();
    expect(s.stages.map((st: any) => st.name)).toEqual(['Årskurs 1–3', 'Årskurs 4–6', 'Årskurs 7–9']);
    const nine = s.stages[2];
    expect(nine.content[0].heading).toBe('Taluppfattning och tals användning');
    expect(stepOrder(nine.requirements[0].choices)).toEqual(['E', 'C', 'A']);
    expect(nine.requirements[0].choices.E).toContain('<strong>i huvudsak</strong>');
    content = nine.content.flatMap((h: any) => h.items.map((i: any) => i.id)).slice(0, 3);
    requirements = nine.requirements.map((r: any) => r.id).slice(0, 2);
    const sv = list.syllabuses.find((x: any) => x.code === 'GRGRSVE01');
    foreignContent = (await c.get(`/api/curriculum/syllabuses/${sv.id}`)).json().stages[0].content[0].items[0].id;
    expect((await c.get(`/api/curriculum/syllabuses/${randomUUID()}`)).statusCode).toBe(404);
    expect((await new Client(t.app, '10.71.9.9').get('/api/curriculum/versions')).statusCode).toBe(401);
  });
});

describe('plannings: a teacher writes, picks and publishes', () => {
  it('creates a draft for a group they teach; the creator owns it; rich text is sanitised', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const options = (await larare.get('/api/plannings/options')).json();
    expect(options.groups.map((g: any) => g.id)).toEqual(expect.arrayContaining([maGroup, otherGroup]));
    expect(options.subjects.map((s: any) => s.code)).toContain('MA');
    const res = await larare.request('POST', '/api/plannings', {
      title: 'Algebra och ekvationer', subjectCode: 'MA', groupIds: [maGroup], periodStart: '2026-11-02', periodEnd: '2026-12-18',
      learningHtml: '<p onclick="alert(1)">Vi lär oss <strong>ekvationer</strong><script>alert(1)</script></p><img src=x onerror="alert(1)">',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    planningId = p.id;
    expect(p).toMatchObject({ status: 'draft', mayEdit: true, syllabusId, owners: [{ id: larareId }], groups: [{ id: maGroup }], version: 1 });
    expect(p.learningHtml).toBe('<p>Vi lär oss <strong>ekvationer</strong></p>');
    const stored = await one<{ h: string }>(db(), sql`select learning_html as h from planning where id = ${planningId}`);
    expect(stored!.h).not.toMatch(/script|onerror|onclick/);
    const audit = await one<{ details: any }>(db(), sql`select details from audit_event where action = 'planning.created' and entity_id = ${planningId}`);
    expect(audit!.details).toMatchObject({ planningId, groupIds: [maGroup] });
  });

  it('refuses groups the teacher does not teach (404), a teaching group of another subject (400), bad fields (400)', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const before = await count();
    const base = { title: 'X', subjectCode: 'MA', groupIds: [maGroup], periodStart: '2026-11-02', periodEnd: '2026-12-18' };
    const notMine = (await one<{ id: string }>(db(), sql`select g.id from student_group g where g.group_type = 'teaching'
      and not exists (select 1 from group_staff gs where gs.group_id = g.id and gs.person_id = ${larareId}) limit 1`))!.id;
    expect((await larare.request('POST', '/api/plannings', { ...base, groupIds: [notMine] })).statusCode).toBe(404);
    const en = await larare.request('POST', '/api/plannings', { ...base, subjectCode: 'EN' });
    expect([en.statusCode, en.json().error.code]).toEqual([400, 'group_subject']);
    expect((await larare.request('POST', '/api/plannings', { ...base, periodEnd: '2026-10-01' })).json().error.code).toBe('period');
    expect((await larare.request('POST', '/api/plannings', { ...base, groupIds: [] })).json().error.code).toBe('no_group');
    expect((await larare.request('POST', '/api/plannings', { ...base, subjectCode: 'XX' })).json().error.code).toBe('no_syllabus');
    expect(await count()).toBe(before);
  });

  it('picks come from the planning\'s syllabus only (400 otherwise); edits are version-checked (409)', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const p = (await larare.get(`/api/plannings/${planningId}`)).json();
    const body = { title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, groupIds: [maGroup], learningHtml: p.learningHtml,
      teachingHtml: '<ul><li>Genomgång</li><li>Grupparbete</li></ul>', assessmentHtml: '<p>Skriftligt prov</p>', contentIds: content, requirementIds: requirements, version: p.version };
    const foreign = await larare.request('PUT', `/api/plannings/${planningId}`, { ...body, contentIds: [...content, foreignContent] });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([400, 'not_in_syllabus']);
    const typed = await larare.request('PUT', `/api/plannings/${planningId}`, { ...body, requirementIds: [randomUUID()] });
    expect(typed.json().error.code).toBe('not_in_syllabus');
    const ok = await larare.request('PUT', `/api/plannings/${planningId}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().content.map((c: any) => c.id)).toEqual(content);
    expect(ok.json().requirements.map((r: any) => r.id)).toEqual(requirements);
    expect(ok.json().requirements[0].stageName).toBe('Årskurs 7–9');
    const stale = await larare.request('PUT', `/api/plannings/${planningId}`, { ...body, title: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(p.version + 1);
  });

  it('a draft is seen by its owners and the principal, never by the pupils and guardians', async () => {
    expect((await (await as('rektor')).get(`/api/plannings/${planningId}`)).statusCode).toBe(200);
    for (const who of ['elev', 'vh_elev']) expect((await (await as(who)).get(`/api/plannings/${planningId}`)).statusCode, who).toBe(404);
    expect((await (await as('elev')).get(`/api/pupils/${elev}/plannings`)).json().plannings.map((x: any) => x.id)).not.toContain(planningId);
  });

  it('publishes: the pupil of the group and their guardian see it; another group\'s pupil and another family do not', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const p = (await larare.get(`/api/plannings/${planningId}`)).json();
    const published = await larare.request('POST', `/api/plannings/${planningId}/publish`, { version: p.version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect((await larare.request('POST', `/api/plannings/${planningId}/publish`, { version: published.json().version })).statusCode).toBe(409);
    for (const who of ['elev', 'vh_elev']) {
      const c = await as(who);
      const read = await c.get(`/api/plannings/${planningId}`);
      expect(read.statusCode, who).toBe(200);
      expect(read.json()).toMatchObject({ mayEdit: false, staff: false, title: 'Algebra och ekvationer' });
      expect(read.json().learningHtml).not.toMatch(/script|onerror/);
      // the demo's own published plannings of elev's groups are there too
      const seen = (await c.get(`/api/pupils/${elev}/plannings`)).json().plannings;
      expect(seen.map((x: any) => x.id)).toContain(planningId);
      expect(seen.every((x: any) => x.status === 'published')).toBe(true);
    }
    for (const who of ['elev_annan_grupp', 'vh_annan']) {
      const c = await as(who);
      expect((await c.get(`/api/plannings/${planningId}`)).statusCode, who).toBe(404);
      expect((await c.get(`/api/pupils/${elev}/plannings`)).statusCode, who).toBe(404);
    }
    const audit = await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_event where action = 'planning.published' and entity_id = ${planningId}`);
    expect(audit!.n).toBe(1);
  });

  it('a teacher of another group or unit finds nothing; a teacher of the group reads but may not edit until made co-owner', async () => {
    const p = (await (await as('larare', 'teacher', 'Björkskolan')).get(`/api/plannings/${planningId}`)).json();
    const edit = { title: 'Ändrad', periodStart: p.periodStart, periodEnd: p.periodEnd, groupIds: [maGroup], learningHtml: '', teachingHtml: '', assessmentHtml: '',
      contentIds: content, requirementIds: requirements, version: p.version };
    const before = await count();
    for (const [who, role, unit] of [['larare2'], ['mentor'], ['larare', 'teacher', 'Eksätraskolan']] as [string, string?, string?][]) {
      const c = await as(who, role, unit);
      expect((await c.get(`/api/plannings/${planningId}`)).statusCode, who).toBe(404);
      expect((await c.request('PUT', `/api/plannings/${planningId}`, edit)).statusCode, who).toBe(404);
      expect((await c.request('POST', `/api/plannings/${planningId}/copy`, { groupIds: [maGroup], years: 0 })).statusCode, who).toBe(404);
    }
    // larare2 becomes a teacher of the group: reads it, may not edit (403), then is made co-owner and may
    const larare2Id = (await one<{ id: string }>(db(), sql`select person_id as id from account where username = 'larare2'`))!.id;
    await db().execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
      values (${t.organiserId}, ${randomUUID()}, ${maGroup}, ${larare2Id}, 'teacher', false, '2000-01-01')`);
    const larare2 = await as('larare2');
    const read = await larare2.get(`/api/plannings/${planningId}`);
    expect([read.statusCode, read.json().mayEdit]).toEqual([200, false]);
    const refused = await larare2.request('PUT', `/api/plannings/${planningId}`, edit);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'not_owner']);
    expect(await count()).toBe(before);
    const rektor = await as('rektor');
    expect((await rektor.request('PUT', `/api/plannings/${planningId}`, edit)).statusCode).toBe(403);
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const added = await larare.request('POST', `/api/plannings/${planningId}/owners`, { personId: larare2Id });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().owners.map((o: any) => o.id).sort()).toEqual([larareId, larare2Id].sort());
    expect((await larare.request('POST', `/api/plannings/${planningId}/owners`, { personId: elev })).json().error.code).toBe('not_unit_teacher');
    const coEdit = await larare2.request('PUT', `/api/plannings/${planningId}`, { ...edit, version: added.json().version });
    expect(coEdit.statusCode, coEdit.body).toBe(200);
    expect(coEdit.json().title).toBe('Ändrad');
    // owners leave: not the last one
    expect((await larare2.request('DELETE', `/api/plannings/${planningId}/owners/${larareId}`)).statusCode).toBe(200);
    const last = await larare2.request('DELETE', `/api/plannings/${planningId}/owners/${larare2Id}`);
    expect([last.statusCode, last.json().error.code]).toEqual([409, 'last_owner']);
    // larare teaches the group still: reads, may not edit
    expect((await larare.get(`/api/plannings/${planningId}`)).json().mayEdit).toBe(false);
  });

  it('a published planning is not deleted; a copy is a new draft of the copier for their group, a year later', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    expect((await (await as('larare2')).request('DELETE', `/api/plannings/${planningId}`)).statusCode).toBe(409);
    const copy = await larare.request('POST', `/api/plannings/${planningId}/copy`, { groupIds: [otherGroup], years: 1 });
    expect(copy.statusCode, copy.body).toBe(200);
    expect(copy.json()).toMatchObject({ status: 'draft', mayEdit: true, owners: [{ id: larareId }], groups: [{ id: otherGroup }], periodStart: '2027-11-02', copiedFrom: planningId });
    expect(copy.json().requirements.map((r: any) => r.id)).toEqual(requirements);
    const mine = (await larare.get('/api/plannings?status=draft')).json().plannings;
    expect(mine.map((x: any) => x.id)).toContain(copy.json().id);
    expect((await larare.get(`/api/groups/${otherGroup}/plannings`)).json().plannings.map((x: any) => x.id)).toContain(copy.json().id);
    // the draft copy is not the other group's pupil's yet
    expect((await (await as('elev_annan_grupp')).get(`/api/plannings/${copy.json().id}`)).statusCode).toBe(404);
    const deleted = await larare.request('DELETE', `/api/plannings/${copy.json().id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await larare.get(`/api/plannings/${copy.json().id}`)).statusCode).toBe(404);
    const audits = await rows<{ action: string }>(db(), sql`select action from audit_event where entity_id = ${copy.json().id} order by occurred_at`);
    expect(audits.map((a) => a.action)).toEqual(['planning.copied', 'planning.deleted']);
  });

  it('text stored before sanitising (an older row) is sanitised again on the way out; an assessed requirement stays picked', async () => {
    await db().execute(sql`update planning set assessment_html = '<p>Prov<img src=x onerror="alert(1)"><script>alert(2)</script></p>' where id = ${planningId}`);
    for (const who of ['elev', 'larare2']) {
      const body = (await (await as(who)).get(`/api/plannings/${planningId}`)).body;
      expect(body, who).not.toMatch(/onerror|<script|<img/);
      expect(JSON.parse(body).assessmentHtml).toBe('<p>Prov</p>');
    }
    await db().execute(sql`insert into assessment (organiser_id, id, planning_id, pupil_id, requirement_id, level, pupil_year, assessed_on, assessed_by)
      values (${t.organiserId}, ${randomUUID()}, ${planningId}, ${elev}, ${requirements[0]}, 'E', 9, '2026-11-20', ${larareId})`);
    const larare2 = await as('larare2');
    const p = (await larare2.get(`/api/plannings/${planningId}`)).json();
    const res = await larare2.request('PUT', `/api/plannings/${planningId}`, { title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, groupIds: [maGroup],
      learningHtml: '', teachingHtml: '', assessmentHtml: '', contentIds: content, requirementIds: requirements.slice(1), version: p.version });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'requirement_assessed']);
  });

  it('the principal reads the unit\'s plannings but may not create; the administrator and student health are refused', async () => {
    const rektor = await as('rektor');
    expect((await rektor.get('/api/plannings')).json().plannings.map((p: any) => p.id)).toContain(planningId);
    expect((await rektor.request('POST', '/api/plannings', { title: 'X', subjectCode: 'MA', groupIds: [maGroup], periodStart: '2026-11-02', periodEnd: '2026-12-18' })).statusCode).toBe(403);
    for (const who of ['admin', 'elevhalsa']) expect((await (await as(who)).get(`/api/plannings/${planningId}`)).statusCode, who).toBe(403);
  });
});
