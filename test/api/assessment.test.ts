import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { insertPlanning, membersOf, personOf, type TestPlanning } from '../support/planning-fixture.js';

let t: TestApp;
let ip = 0;
const HOME = 'Björkskolan';
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.71.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const save = (c: Client, planningId: string, body: { pupilId: string; requirementId: string; level: string | null; comment?: string | null; version: number | null }) =>
  c.request('PUT', `/api/plannings/${planningId}/assessments`, { comment: null, ...body });

let nine: TestPlanning; // 9A MA and 9B MA, owned by larare, published
let five: TestPlanning; // class 5A, owned by larare, published
let draft: TestPlanning;
let elev: string;
let olle: string; // vardnadshavare's child in 9B
let fifth: string;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  nine = await insertPlanning(db, t.organiserId, { unit: HOME, subjectCode: 'MA', groups: ['9A MA', '9B MA'], owners: ['larare'], year: 9, requirements: 4, title: 'Algebra och ekvationer' });
  five = await insertPlanning(db, t.organiserId, { unit: HOME, subjectCode: 'MA', groups: ['5A'], owners: ['larare'], year: 5, requirements: 3, title: 'Bråk' });
  draft = await insertPlanning(db, t.organiserId, { unit: HOME, subjectCode: 'MA', groups: ['9A MA'], owners: ['larare'], year: 9, status: 'draft' });
  elev = await personOf(db, 'elev');
  const guardian = await personOf(db, 'vardnadshavare');
  olle = (await one<{ id: string }>(db, sql`select g.child_id as id from guardianship g join enrolment e on e.person_id = g.child_id and e.school_year = 9
    where g.guardian_id = ${guardian} limit 1`))!.id;
  fifth = (await membersOf(db, t.organiserId, HOME, '5A'))[0].id;
}, 60_000);
afterAll(async () => { await t?.close(); });

describe('the assessment matrix of a planning', () => {
  it('gives the requirements × the pupils of its groups today (Swedish order), each pupil\'s steps', async () => {
    const larare = await as('larare', 'teacher', HOME);
    const res = await larare.get(`/api/plannings/${nine.id}/matrix`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.mayAssess).toBe(true);
    expect(m.requirements.map((r: any) => r.id)).toEqual(nine.requirementIds);
    expect(m.requirements[0].choices).toHaveProperty('E');
    const expected = (await membersOf(t.database.db, t.organiserId, HOME, '9A MA')).length + (await membersOf(t.database.db, t.organiserId, HOME, '9B MA')).length;
    expect(m.pupils).toHaveLength(expected);
    expect(m.pupils.map((p: any) => p.id)).toContain(elev);
    expect(m.pupils.map((p: any) => p.id)).toContain(olle);
    const names = m.pupils.map((p: any) => `${p.familyName} ${p.givenName}`);
    const collator = new Intl.Collator('sv', { numeric: true });
    expect([...m.pupils].sort((a: any, b: any) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName))
      .map((p: any) => `${p.familyName} ${p.givenName}`)).toEqual(names);
    expect(m.pupils.find((p: any) => p.id === elev).steps.map((s: any) => s.key)).toEqual(['not_yet', 'E', 'C', 'A']);
  });

  it('a year-9 pupil refuses "met" and takes C; history is kept; a stale version is 409', async () => {
    const larare = await as('larare', 'teacher', HOME);
    const [req] = nine.requirementIds;
    const met = await save(larare, nine.id, { pupilId: elev, requirementId: req, level: 'met', version: null });
    expect(met.statusCode).toBe(422);
    expect(met.json().error.code).toBe('invalid_level');
    const first = await save(larare, nine.id, { pupilId: elev, requirementId: req, level: 'E', comment: 'Löser enkla ekvationer', version: null });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ level: 'E', label: 'E', version: 1, assessedByName: 'Anna Öberg', pupilYear: 9 });
    const stale = await save(larare, nine.id, { pupilId: elev, requirementId: req, level: 'A', version: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ level: 'E', version: 1 });
    const second = await save(larare, nine.id, { pupilId: elev, requirementId: req, level: 'C', comment: null, version: 1 });
    expect(second.json()).toMatchObject({ level: 'C', version: 2 });
    const history = await larare.get(`/api/plannings/${nine.id}/assessments/history?pupilId=${elev}&requirementId=${req}`);
    expect(history.json().events.map((e: any) => e.level)).toEqual(['C', 'E']);
    expect(history.json().events[1].comment).toBe('Löser enkla ekvationer');
    const audits = await rows<{ details: any }>(t.database.db, sql`select details from audit_event where action = 'assessment.saved' order by occurred_at`);
    expect(audits.at(-1)!.details).toMatchObject({ personId: elev, planningId: nine.id, before: { level: 'E' }, after: { level: 'C' } });
    // clearing keeps the history; assessing again continues it
    expect((await save(larare, nine.id, { pupilId: elev, requirementId: req, level: null, version: 2 })).statusCode).toBe(200);
    const again = await save(larare, nine.id, { pupilId: elev, requirementId: req, level: 'C', version: null });
    expect(again.json().version).toBe(4);
    const after = await larare.get(`/api/plannings/${nine.id}/assessments/history?pupilId=${elev}&requirementId=${req}`);
    expect(after.json().events.map((e: any) => e.level)).toEqual(['C', null, 'C', 'E']);
    const cell = (await larare.get(`/api/plannings/${nine.id}/matrix`)).json().cells.find((c: any) => c.pupilId === elev && c.requirementId === req);
    expect(cell).toMatchObject({ level: 'C', version: 4 });
  });

  it('a year-5 pupil takes the unit\'s scale; a changed scale is used from then on', async () => {
    const larare = await as('larare', 'teacher', HOME);
    const [r1, r2] = five.requirementIds;
    expect((await save(larare, five.id, { pupilId: fifth, requirementId: r1, level: 'E', version: null })).statusCode).toBe(422);
    const onTheWay = await save(larare, five.id, { pupilId: fifth, requirementId: r1, level: 'På väg', version: null });
    expect(onTheWay.statusCode).toBe(200);
    const admin = await as('admin');
    const scale = (await admin.get('/api/assessment-scale')).json();
    expect(scale).toMatchObject({ steps: ['Inte ännu', 'På väg', 'Uppnått'], isDefault: true });
    expect((await admin.request('PUT', '/api/assessment-scale', { steps: ['Bara en'], previous: scale.steps })).statusCode).toBe(400);
    const changed = await admin.request('PUT', '/api/assessment-scale', { steps: ['Inte än', 'Nästan', 'Uppnått', 'Mer än uppnått'], previous: scale.steps });
    expect(changed.statusCode).toBe(200);
    expect((await admin.request('PUT', '/api/assessment-scale', { steps: ['A1', 'A2'], previous: scale.steps })).statusCode).toBe(409);
    expect((await save(larare, five.id, { pupilId: fifth, requirementId: r2, level: 'På väg', version: null })).statusCode).toBe(422);
    expect((await save(larare, five.id, { pupilId: fifth, requirementId: r2, level: 'Nästan', version: null })).statusCode).toBe(200);
    const m = (await larare.get(`/api/plannings/${five.id}/matrix`)).json();
    expect(m.pupils.find((p: any) => p.id === fifth).steps.map((s: any) => s.key)).toEqual(['Inte än', 'Nästan', 'Uppnått', 'Mer än uppnått']);
    // the level saved before keeps its label
    expect(m.cells.find((c: any) => c.requirementId === r1).label).toBe('På väg');
    expect((await (await as('larare', 'teacher', HOME)).get('/api/assessment-scale')).statusCode).toBe(403);
  });

  it('another group\'s teacher, another unit\'s teacher and the administrator do not find it', async () => {
    const body = { pupilId: elev, requirementId: nine.requirementIds[1], level: 'E', version: null };
    for (const [who, role, unit, status] of [['larare2', undefined, undefined, 404], ['mentor', undefined, undefined, 404],
      ['larare', 'teacher', 'Eksätraskolan', 404], ['admin', undefined, undefined, 403], ['elevhalsa', undefined, undefined, 403]] as const) {
      const c = await as(who, role, unit);
      expect((await c.get(`/api/plannings/${nine.id}/matrix`)).statusCode, `${who} matrix`).toBe(status);
      expect((await save(c, nine.id, body)).statusCode, `${who} save`).toBe(status === 404 ? 404 : 403);
    }
    // the principal reads but does not assess
    const rektor = await as('rektor');
    expect((await rektor.get(`/api/plannings/${nine.id}/matrix`)).json().mayAssess).toBe(false);
    expect((await save(rektor, nine.id, body)).statusCode).toBe(403);
    // a pupil not in the planning's groups is not found
    expect((await save(await as('larare', 'teacher', HOME), nine.id, { ...body, pupilId: fifth })).statusCode).toBe(404);
  });
});

describe('sharing and the pupil\'s knowledge matrix', () => {
  it('the pupil and guardians see nothing until shared, then only their own; another family 404', async () => {
    const larare = await as('larare', 'teacher', HOME);
    const [r1, r2] = nine.requirementIds;
    expect((await save(larare, nine.id, { pupilId: olle, requirementId: r1, level: 'A', comment: 'Mycket väl', version: null })).statusCode).toBe(200);
    expect((await save(larare, nine.id, { pupilId: olle, requirementId: r2, level: 'not_yet', version: null })).statusCode).toBe(200);
    const elevC = await as('elev');
    const guardian = await as('vardnadshavare');
    const before = await elevC.get(`/api/pupils/${elev}/knowledge-matrix?subject=MA`);
    expect(before.statusCode).toBe(200);
    const ids = (b: any) => b.plannings.map((p: any) => p.id);
    expect(ids(before.json())).not.toContain(nine.id); // the demo's shared plannings are there, not this one
    expect(ids((await guardian.get(`/api/pupils/${olle}/assessments`)).json())).not.toContain(nine.id);

    expect((await larare.request('POST', `/api/plannings/${draft.id}/share-assessments`, { shared: true })).statusCode).toBe(409);
    expect((await (await as('rektor')).request('POST', `/api/plannings/${nine.id}/share-assessments`, { shared: true })).statusCode).toBe(403);
    const shared = await larare.request('POST', `/api/plannings/${nine.id}/share-assessments`, { shared: true });
    expect(shared.json()).toEqual({ assessmentsShared: true });

    const own = (await elevC.get(`/api/pupils/${elev}/knowledge-matrix?subject=MA`)).json();
    expect(ids(own)).toContain(nine.id);
    expect(own.requirements.find((r: any) => r.id === r1).cells.find((c: any) => c.planningId === nine.id)).toMatchObject({ level: 'C', label: 'C' });
    expect(JSON.stringify(own)).not.toContain(olle);
    const child = (await guardian.get(`/api/pupils/${olle}/assessments`)).json().plannings.find((p: any) => p.id === nine.id);
    expect(child.assessments.map((a: any) => [a.level, a.label])).toEqual([['A', 'A'], ['not_yet', 'Ej uppnått E']]);
    expect(child.assessments[0].comment).toBe('Mycket väl');

    expect((await elevC.get(`/api/pupils/${olle}/knowledge-matrix?subject=MA`)).statusCode).toBe(404);
    expect((await guardian.get(`/api/pupils/${elev}/assessments`)).statusCode).toBe(404);
    expect((await elevC.get(`/api/plannings/${nine.id}/matrix`)).statusCode).toBe(403);

    await larare.request('POST', `/api/plannings/${nine.id}/share-assessments`, { shared: false });
    expect(ids((await guardian.get(`/api/pupils/${olle}/assessments`)).json())).not.toContain(nine.id);
    await larare.request('POST', `/api/plannings/${nine.id}/share-assessments`, { shared: true });
  });

  it('staff: the mentor sees the kunskapsmatris of a mentee; the latest level per requirement across plannings', async () => {
    const db = t.database.db;
    const later = await insertPlanning(db, t.organiserId, { unit: HOME, subjectCode: 'MA', groups: ['9A MA'], owners: ['larare'], year: 9, requirements: 2, title: 'Geometri' });
    await db.execute(sql`update planning set period_start = current_date - 5 where id = ${later.id}`);
    const larare = await as('larare', 'teacher', HOME);
    const r1 = nine.requirementIds[0];
    expect(later.requirementIds[0]).toBe(r1);
    expect((await save(larare, later.id, { pupilId: elev, requirementId: r1, level: 'A', version: null })).statusCode).toBe(200);
    const mentor = await as('mentor');
    const km = await mentor.get(`/api/pupils/${elev}/knowledge-matrix?subject=MA`);
    expect(km.statusCode).toBe(200);
    const body = km.json();
    expect(body.pupil).toMatchObject({ id: elev, year: 9 });
    expect(body.subjects.map((s: any) => s.code)).toContain('MA');
    expect(body.plannings.map((p: any) => p.id)).toEqual(expect.arrayContaining([nine.id, later.id]));
    const row = body.requirements.find((r: any) => r.id === r1);
    expect(row.cells.filter((c: any) => [nine.id, later.id].includes(c.planningId))).toHaveLength(2);
    expect(row.latest.level).toBe('A');
    expect(body.requirements.length).toBeGreaterThanOrEqual(4); // the whole stage, not only the assessed ones
    // another unit's teacher does not find the pupil
    expect((await (await as('larare', 'teacher', 'Eksätraskolan')).get(`/api/pupils/${elev}/knowledge-matrix?subject=MA`)).statusCode).toBe(404);
    expect((await mentor.get(`/api/pupils/${elev}/knowledge-matrix?subject=XX`)).statusCode).toBe(400);
  });
});
