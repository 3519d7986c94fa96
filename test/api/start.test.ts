import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const startOf = async (username: string, ip: string) => {
  const c = new Client(t.app, ip);
  expect((await c.login(username)).statusCode).toBe(200);
  const res = await c.get('/api/start');
  expect(res.statusCode).toBe(200);
  return { c, start: res.json() };
};

describe('start page per role, with real data', () => {
  it('a teacher sees their teaching groups with subjects and pupil counts', async () => {
    const { start } = await startOf('larare', '10.30.0.1');
    expect(start.kind).toBe('teacher');
    expect(start.groups.length).toBeGreaterThan(0);
    for (const g of start.groups) {
      expect(g.subject.code).toBe('MA');
      expect(g.pupilCount).toBeGreaterThan(0);
      expect(g.grader).toBe(true);
    }
  });

  it('a mentor also sees their year-9 mentor class', async () => {
    const { start } = await startOf('mentor', '10.30.0.2');
    expect(start.mentorClasses).toHaveLength(1);
    expect(start.mentorClasses[0].schoolYear).toBe(9);
    expect(start.mentorClasses[0].pupilCount).toBeGreaterThan(10);
  });

  it('an administrator sees all classes and teaching groups of the unit, with mentors and teachers', async () => {
    const { start } = await startOf('admin', '10.30.0.3');
    expect(start.kind).toBe('administrator');
    expect(start.unit.name).toBe('Björkskolan');
    expect(start.classes.length).toBeGreaterThanOrEqual(10);
    expect(start.classes.every((c: any) => c.mentors.length >= 1)).toBe(true);
    expect(start.groups.every((g: any) => g.teachers.length >= 1)).toBe(true);
  });

  it('a principal sees the unit and its delegations, active and ended', async () => {
    const { start } = await startOf('rektor', '10.30.0.4');
    expect(start.kind).toBe('principal');
    expect(start.unit.pupilCount).toBeGreaterThan(100);
    expect(start.delegations.some((d: any) => d.active && d.decisionKind === 'sign_term_grades')).toBe(true);
    expect(start.delegations.some((d: any) => !d.active)).toBe(true);
  });

  it('the analyst sees every unit of the organiser', async () => {
    const { start } = await startOf('analytiker', '10.30.0.5');
    expect(start.units.map((u: any) => u.name)).toEqual(expect.arrayContaining(['Björkskolan', 'Eksätraskolan', 'Lindängsskolan']));
  });

  it('a pupil sees themself in year 9 with their groups', async () => {
    const { start } = await startOf('elev', '10.30.0.6');
    expect(start.kind).toBe('pupil');
    expect(start.self.schoolYear).toBe(9);
    expect(start.groups.length).toBeGreaterThan(3);
  });

  it('lists are in Swedish order', async () => {
    const { start } = await startOf('admin', '10.30.0.7');
    const names = start.groups.map((g: any) => g.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv', { numeric: true }).compare));
  });
});

describe('own contact details', () => {
  it('a staff member edits personal and work contact details; the change is audited', async () => {
    const { c } = await startOf('larare2', '10.31.0.1');
    const before = (await c.get('/api/me/contact')).json();
    expect(before.work).not.toBeNull();
    const res = await c.request('PUT', '/api/me/contact', { personal: { email: 'anna@example.se', phone: '070-123 45 67' },
      work: { email: 'anna.larare@larkby.example', phone: '010-123 45 67' }, version: before.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().personal.email).toBe('anna@example.se');
    expect(res.json().version).toBe(before.version + 1);
  });

  it('a stale version gets 409 with the current value', async () => {
    const { c } = await startOf('elev', '10.31.0.2');
    const before = (await c.get('/api/me/contact')).json();
    expect(before.work).toBeNull();
    await c.request('PUT', '/api/me/contact', { ...before, personal: { email: 'a@example.se', phone: null } });
    const res = await c.request('PUT', '/api/me/contact', { ...before, personal: { email: 'b@example.se', phone: null } });
    expect(res.statusCode).toBe(409);
    expect(res.json().current.personal.email).toBe('a@example.se');
  });

  it('bad input gets 400 with a message and changes nothing', async () => {
    const { c } = await startOf('vardnadshavare', '10.31.0.3');
    const before = (await c.get('/api/me/contact')).json();
    const res = await c.request('PUT', '/api/me/contact', { ...before, personal: { email: 'not-an-email', phone: null } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    expect((await c.get('/api/me/contact')).json()).toEqual(before);
  });
});

describe('API description', () => {
  it('serves OpenAPI with the session routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/session', '/api/session/context', '/api/start']));
  });
});

describe('remembered choices', () => {
  it('a choice is remembered per person and not seen by another', async () => {
    const { c } = await startOf('larare', '10.32.0.1');
    expect((await c.get('/api/me/preferences/grading.columns')).json().value).toBeNull();
    expect((await c.request('PUT', '/api/me/preferences/grading.columns', { value: ['HT', 'final'] })).statusCode).toBe(200);
    expect((await c.get('/api/me/preferences/grading.columns')).json().value).toEqual(['HT', 'final']);
    const { c: other } = await startOf('mentor', '10.32.0.2');
    expect((await other.get('/api/me/preferences/grading.columns')).json().value).toBeNull();
  });
});
