import { swedishDate } from '../../src/domain/common/dates.js';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEACHER_QUESTIONS } from '../../src/domain/followup/reflection.js';
import { findingSummaries } from '../../src/server/followup/findings-store.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let ip = 0;
let ownGroup: string; // graded by larare at Björkskolan
let othersGroup: string; // graded by larare2 only
let larareId: string;
let larare2Id: string;
let unitId: string;
let otherUnitGroup: string;
const today = swedishDate(new Date());
const later = swedishDate(new Date(Date.now() + 30 * 86_400_000));
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.72.0.${++ip}`);
  expect((await c.login(username)).statusCode, username).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const patch = (c: Client, url: string, body: unknown) => c.request('PATCH' as never, url, body);
const db = () => t.database.db;
const personOf = async (username: string) => (await one<{ id: string }>(db(), sql`select person_id as id from account where username = ${username}`))!.id;
const auditCount = async (action: string, entityId: string) =>
  (await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_event where action = ${action} and entity_id = ${entityId}`))!.n;
const grade = async (groupId: string, personId: string) => db().execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
  values (${t.organiserId}, ${randomUUID()}, ${groupId}, ${personId}, 'teacher', true, '2000-01-01')`);

beforeAll(async () => {
  t = await startTestApp();
  larareId = await personOf('larare');
  larare2Id = await personOf('larare2');
  unitId = (await one<{ id: string }>(db(), sql`select id from school_unit where name = 'Björkskolan'`))!.id;
  const groups = await rows<{ id: string }>(db(), sql`select g.id from student_group g where g.school_unit_id = ${unitId} and g.group_type = 'teaching'
    and not exists (select 1 from group_staff gs where gs.group_id = g.id and gs.person_id in (${larareId}, ${larare2Id})) order by g.name limit 2`);
  [ownGroup, othersGroup] = groups.map((g) => g.id);
  await grade(ownGroup, larareId);
  await grade(othersGroup, larare2Id);
  otherUnitGroup = (await one<{ id: string }>(db(), sql`select id from student_group where school_unit_id <> ${unitId} order by name limit 1`))!.id;
  // a principal of another unit
  const stranger = randomUUID();
  const otherUnit = (await one<{ id: string }>(db(), sql`select school_unit_id as id from student_group where id = ${otherUnitGroup}`))!.id;
  await db().execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${stranger}, 'Annan', 'Rektorsson')`);
  await db().execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, licensed, start_date)
    values (${t.organiserId}, ${randomUUID()}, ${stranger}, ${otherUnit}, 'principal', true, '2000-01-01')`);
  await db().execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${randomUUID()}, ${stranger}, 'rektor_annan', ${await hashPassword('demo')})`);
}, 60_000);
afterAll(async () => { await t?.close(); });

describe('teacher reflections on a group', () => {
  it('the grading teacher reads the five questions and writes their own reflection, version-checked and audited', async () => {
    const larare = await as('larare');
    const first = (await larare.get(`/api/followup/groups/${ownGroup}/reflections`)).json();
    expect(first.questions.map((q: any) => q.text)).toEqual(TEACHER_QUESTIONS.map((q) => q.text));
    expect(first).toMatchObject({ mayWrite: true, mine: null, reflections: [] });
    const saved = await larare.request('PUT', `/api/followup/groups/${ownGroup}/reflection`,
      { answers: { documentation: ' Loggbok och matriser ', tasks: '' }, notes: 'Provet låg tidigt', version: null });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().mine).toMatchObject({ answers: { documentation: 'Loggbok och matriser' }, notes: 'Provet låg tidigt', version: 1 });
    expect(await auditCount('followup.reflection.saved', saved.json().mine.id)).toBe(1);
    const stale = await larare.request('PUT', `/api/followup/groups/${ownGroup}/reflection`, { answers: {}, notes: '', version: null });
    expect(stale.statusCode).toBe(409);
    const again = await larare.request('PUT', `/api/followup/groups/${ownGroup}/reflection`, { answers: { breadth: 'Bred' }, notes: '', version: 1 });
    expect(again.json().mine).toMatchObject({ answers: { breadth: 'Bred' }, version: 2 });
  });

  it('answers are at most 4000 characters, and only to the questions', async () => {
    const larare = await as('larare');
    const long = await larare.request('PUT', `/api/followup/groups/${ownGroup}/reflection`, { answers: { tasks: 'x'.repeat(4001) }, notes: '', version: 2 });
    expect(long.statusCode).toBe(400);
    const unknown = await larare.request('PUT', `/api/followup/groups/${ownGroup}/reflection`, { answers: { other: 'x' }, notes: '', version: 2 });
    expect(unknown.statusCode).toBe(400);
  });

  it('another teacher\'s group is not found, for reading or writing', async () => {
    const larare = await as('larare');
    expect((await larare.get(`/api/followup/groups/${othersGroup}/reflections`)).statusCode).toBe(404);
    expect((await larare.request('PUT', `/api/followup/groups/${othersGroup}/reflection`, { answers: {}, notes: '', version: null })).statusCode).toBe(404);
  });

  it('the principal reads every teacher\'s reflection on the unit\'s group, and cannot write', async () => {
    const rektor = await as('rektor');
    const view = (await rektor.get(`/api/followup/groups/${ownGroup}/reflections`)).json();
    expect(view).toMatchObject({ mayWrite: false, mine: null });
    expect(view.reflections).toHaveLength(1);
    expect(view.reflections[0]).toMatchObject({ authorName: 'Anna Öberg', answers: { breadth: 'Bred' } });
    expect((await rektor.request('PUT', `/api/followup/groups/${ownGroup}/reflection`, { answers: {}, notes: '', version: 2 })).statusCode).toBe(403);
    expect((await (await as('rektor_annan')).get(`/api/followup/groups/${ownGroup}/reflections`)).statusCode).toBe(404);
  });

  it('the analyst never reads a reflection', async () => {
    expect((await (await as('analytiker')).get(`/api/followup/groups/${ownGroup}/reflections`)).statusCode).toBe(403);
  });
});

describe('findings and measures', () => {
  let unitFinding: any;
  let teacherFinding: any;
  let measure: any;

  it('the principal records findings on the unit and on a teacher, audited; the target must be of the unit', async () => {
    const rektor = await as('rektor');
    const made = await rektor.request('POST', '/api/followup/findings', { schoolYear: '2025/2026', subjectCode: 'MA', gradeYear: 9, targetKind: 'unit',
      targetLabel: 'Björkskolan', assessment: 'unjustified', cause: 'Betygen ligger över provbetygen flera år i rad' });
    expect(made.statusCode, made.body).toBe(200);
    unitFinding = made.json();
    expect(unitFinding).toMatchObject({ schoolUnitId: unitId, targetKind: 'unit', targetRef: null, assessment: 'unjustified', needsMeasure: true, version: 1, measures: [] });
    expect(await auditCount('followup.finding.recorded', unitFinding.id)).toBe(1);
    const onTeacher = await rektor.request('POST', '/api/followup/findings', { schoolYear: '2025/2026', subjectCode: 'EN', gradeYear: 9, targetKind: 'teacher',
      targetRef: larare2Id, targetLabel: 'Johan Lindqvist', assessment: 'investigating', cause: '' });
    expect(onTeacher.statusCode, onTeacher.body).toBe(200);
    teacherFinding = onTeacher.json();
    const foreign = await rektor.request('POST', '/api/followup/findings', { schoolYear: '2025/2026', targetKind: 'group', targetRef: otherUnitGroup,
      targetLabel: 'Annan grupp', assessment: 'justified', cause: '' });
    expect(foreign.statusCode).toBe(404);
    const noRef = await rektor.request('POST', '/api/followup/findings', { schoolYear: '2025/2026', targetKind: 'group', targetLabel: 'Grupp', assessment: 'justified', cause: '' });
    expect(noRef.statusCode).toBe(422);
  });

  it('a measure needs a description and a follow-up date from today on; adding one ends "needs a measure"', async () => {
    const rektor = await as('rektor');
    const url = `/api/followup/findings/${unitFinding.id}/measures`;
    expect((await rektor.request('POST', url, { kind: 'co_assessment', description: 'Sambedömning', responsible: '', followUpDate: '2020-01-01' })).statusCode).toBe(422);
    expect((await rektor.request('POST', url, { kind: 'co_assessment', description: ' ', responsible: '', followUpDate: later })).statusCode).toBe(422);
    const added = await rektor.request('POST', url, { kind: 'co_assessment', description: 'Sambedömning av matematikprovet', responsible: 'Ämneslaget i matematik', followUpDate: later });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ needsMeasure: false, measures: [{ kind: 'co_assessment', followUpDate: later, followedUpOn: null, state: 'planned', version: 1 }] });
    measure = added.json().measures[0];
    expect(await auditCount('followup.measure.decided', measure.id)).toBe(1);
  });

  it('changes are version-checked (409 on a stale version) and audited', async () => {
    const rektor = await as('rektor');
    const changed = await patch(rektor, `/api/followup/findings/${unitFinding.id}`, { assessment: 'unjustified', cause: 'Orsaken utreddes', version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ cause: 'Orsaken utreddes', version: 2 });
    expect((await patch(rektor, `/api/followup/findings/${unitFinding.id}`, { assessment: 'justified', cause: '', version: 1 })).statusCode).toBe(409);
    expect(await auditCount('followup.finding.updated', unitFinding.id)).toBe(1);
    const body = { description: measure.description, responsible: measure.responsible, followUpDate: measure.followUpDate, outcome: 'Genomförd, betygen stämmer bättre' };
    expect((await patch(rektor, `/api/followup/measures/${measure.id}`, { ...body, followedUpOn: later, version: 1 })).statusCode).toBe(422);
    const followed = await patch(rektor, `/api/followup/measures/${measure.id}`, { ...body, followedUpOn: today, version: 1 });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json().measures[0]).toMatchObject({ followedUpOn: today, state: 'followed_up', version: 2 });
    expect((await patch(rektor, `/api/followup/measures/${measure.id}`, { ...body, followedUpOn: today, version: 1 })).statusCode).toBe(409);
    expect(await auditCount('followup.measure.followed_up', measure.id)).toBe(1);
  });

  it('a principal of another unit finds nothing of the unit and cannot change it', async () => {
    const annan = await as('rektor_annan');
    expect((await annan.get(`/api/followup/findings?unitId=${unitId}`)).json().findings).toEqual([]);
    expect((await patch(annan, `/api/followup/findings/${unitFinding.id}`, { assessment: 'justified', cause: '', version: 2 })).statusCode).toBe(404);
    expect((await annan.request('POST', `/api/followup/findings/${unitFinding.id}/measures`, { kind: 'other', description: 'x', responsible: '', followUpDate: later })).statusCode).toBe(404);
    expect((await patch(annan, `/api/followup/measures/${measure.id}`, { description: 'x', responsible: '', followUpDate: later, followedUpOn: null, outcome: '', version: 2 })).statusCode).toBe(404);
  });

  it('a teacher cannot write', async () => {
    const larare = await as('larare');
    expect((await larare.request('POST', '/api/followup/findings', { schoolYear: '2025/2026', targetKind: 'unit', targetLabel: 'B', assessment: 'justified', cause: '' })).statusCode).toBe(403);
    expect((await patch(larare, `/api/followup/findings/${unitFinding.id}`, { assessment: 'justified', cause: '', version: 2 })).statusCode).toBe(403);
  });

  it('a teacher reads the unit-level finding but not one about another teacher; that teacher reads it', async () => {
    const seen = (await (await as('larare')).get('/api/followup/findings')).json().findings.map((f: any) => f.id);
    expect(seen).toContain(unitFinding.id);
    expect(seen).not.toContain(teacherFinding.id);
    const seen2 = (await (await as('larare2')).get('/api/followup/findings')).json().findings.map((f: any) => f.id);
    expect(seen2).toContain(teacherFinding.id);
  });

  it('the analyst reads all units\' findings and measures, by school year and unit', async () => {
    const analyst = await as('analytiker');
    const all = (await analyst.get('/api/followup/findings?schoolYear=2025/2026')).json();
    expect(all.mayRecord).toBe(false);
    expect(all.findings.find((f: any) => f.id === unitFinding.id)).toMatchObject({ unitName: 'Björkskolan', measures: [{ id: measure.id }] });
    expect((await analyst.get('/api/followup/findings?schoolYear=2024/2025')).json().findings).toEqual([]);
    expect((await analyst.request('POST', '/api/followup/findings', { schoolYear: '2025/2026', targetKind: 'unit', targetLabel: 'B', assessment: 'justified', cause: '' })).statusCode).toBe(403);
  });

  it('the list filters by target, for the panel beside a report row', async () => {
    const rektor = await as('rektor');
    const onTeacher = (await rektor.get(`/api/followup/findings?targetKind=teacher&targetRef=${larare2Id}`)).json().findings;
    expect(onTeacher.map((f: any) => f.id)).toEqual([teacherFinding.id]);
  });

  it('a measure whose follow-up date has come is due, and reminds the principal under "Att följa upp"', async () => {
    const rektor = await as('rektor');
    const added = await rektor.request('POST', `/api/followup/findings/${teacherFinding.id}/measures`, { kind: 'test_consultation',
      description: 'Samråd om provresultaten', responsible: 'Rektor', followUpDate: today });
    expect(added.statusCode, added.body).toBe(200);
    const due = added.json().measures[0];
    expect(due.state).toBe('due');
    const deadlines = (await rektor.get('/api/me/support-deadlines')).json().deadlines;
    expect(deadlines).toContainEqual(expect.objectContaining({ kind: 'followup_measure', id: due.id, due: today, overdue: false, pupil: null, text: 'Samråd om provresultaten' }));
    expect(deadlines.map((d: any) => d.id)).not.toContain(measure.id); // followed up already
    const teacher = (await (await as('larare')).get('/api/me/support-deadlines')).json().deadlines;
    expect(teacher.filter((d: any) => d.kind === 'followup_measure')).toEqual([]);
  });

  it('findingSummaries gives the report the findings in the reader\'s scope, shaped as MeasureSummary with what they concern', async () => {
    const principal = { organiserId: t.organiserId, personId: await personOf('rektor'), role: 'principal' as const, unitId, today, ip: null, name: 'Lars Holm' };
    const summaries = await findingSummaries(db(), principal, { unitIds: [unitId], schoolYears: ['2025/2026'] });
    expect(summaries.find((s) => s.findingId === unitFinding.id)).toEqual({
      findingId: unitFinding.id, schoolYear: '2025/2026', targetLabel: 'Björkskolan', assessment: 'unjustified', cause: 'Orsaken utreddes',
      measures: [{ id: measure.id, kind: 'co_assessment', description: 'Sambedömning av matematikprovet', followUpDate: later, followedUpOn: today, outcome: 'Genomförd, betygen stämmer bättre' }],
      schoolUnitId: unitId, subjectCode: 'MA', gradeYear: 9, targetKind: 'unit', targetRef: null,
    });
    const teacher = { ...principal, personId: larareId, role: 'teacher' as const };
    expect((await findingSummaries(db(), teacher, { unitIds: [unitId], schoolYears: ['2025/2026'] })).map((s) => s.findingId)).not.toContain(teacherFinding.id);
    expect(await findingSummaries(db(), principal, { unitIds: [unitId], schoolYears: ['2019/2020'] })).toEqual([]);
  });
});
