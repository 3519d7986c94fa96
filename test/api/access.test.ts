import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const as = async (username: string, ip: string) => { const c = new Client(t.app, ip); expect((await c.login(username)).statusCode).toBe(200); return c; };

describe('units: a teacher sees only the groups of the current unit', () => {
  it('larare sees different groups at each unit, and the other unit\'s group is not found', async () => {
    const c = await as('larare', '10.20.0.1');
    const first = (await c.get('/api/start')).json();
    expect(first.kind).toBe('teacher');
    expect(first.groups.length).toBeGreaterThan(0);
    const other = c.body.roles.find((r: any) => r.role === 'teacher').units.find((u: any) => u.id !== c.body.current.unitId);
    expect((await c.request('PUT', '/api/session/context', { role: 'teacher', unitId: other.id })).statusCode).toBe(200);
    const second = (await c.get('/api/start')).json();
    expect(second.unit.id).toBe(other.id);
    const firstIds = first.groups.map((g: any) => g.id);
    expect(second.groups.map((g: any) => g.id).filter((id: string) => firstIds.includes(id))).toEqual([]);
    expect((await c.get(`/api/groups/${first.groups[0].id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/groups/${second.groups[0].id}`)).statusCode).toBe(200);
  });

  it('an administrator of one unit cannot open a group of another unit', async () => {
    const teacher = await as('larare', '10.20.0.2');
    await teacher.switchTo('teacher', 'Eksätraskolan');
    const ekGroup = (await teacher.get('/api/start')).json().groups[0];
    const admin = await as('admin', '10.20.0.3');
    expect((await admin.get(`/api/groups/${ekGroup.id}`)).statusCode).toBe(404);
  });

  it('a teacher cannot open a group of their own unit that they do not teach', async () => {
    const admin = await as('admin', '10.20.0.4');
    const all = (await admin.get('/api/start')).json().groups;
    const teacher = await as('larare2', '10.20.0.5');
    const mine = new Set((await teacher.get('/api/start')).json().groups.map((g: any) => g.id));
    const notMine = all.find((g: any) => !mine.has(g.id));
    expect((await teacher.get(`/api/groups/${notMine.id}`)).statusCode).toBe(404);
  });
});

describe('families: a guardian sees their own children only', () => {
  it('vardnadshavare sees exactly two children, at different units', async () => {
    const g = await as('vardnadshavare', '10.21.0.1');
    const start = (await g.get('/api/start')).json();
    expect(start.kind).toBe('guardian');
    expect(start.children).toHaveLength(2);
    expect(new Set(start.children.map((c: any) => c.unit.id)).size).toBe(2);
    for (const child of start.children) expect((await g.get(`/api/pupils/${child.id}`)).statusCode).toBe(200);
  });

  it('another family\'s child is not found (404), not forbidden', async () => {
    const other = await as('personal', '10.21.0.2');
    await other.switchTo('guardian');
    const theirChild = (await other.get('/api/start')).json().children[0];
    const g = await as('vardnadshavare', '10.21.0.3');
    const res = await g.get(`/api/pupils/${theirChild.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(theirChild.name.split(' ')[0]);
  });

  it('a pupil sees themself and not a classmate', async () => {
    const e = await as('elev', '10.21.0.4');
    const self = (await e.get('/api/start')).json().self;
    expect((await e.get(`/api/pupils/${self.id}`)).statusCode).toBe(200);
    const mentor = await as('mentor', '10.21.0.5');
    const cls = (await mentor.get('/api/start')).json().mentorClasses[0];
    const classmate = (await mentor.get(`/api/groups/${cls.id}`)).json().pupils.find((p: any) => p.id !== self.id);
    expect((await e.get(`/api/pupils/${classmate.id}`)).statusCode).toBe(404);
  });

  it('the organiser analyst cannot open an individual pupil', async () => {
    const e = await as('elev', '10.21.0.6');
    const self = (await e.get('/api/start')).json().self;
    const a = await as('analytiker', '10.21.0.7');
    expect((await a.get(`/api/pupils/${self.id}`)).statusCode).toBe(403);
  });
});

describe('protected registration', () => {
  it('reading a pupil with protected registration is audited and shows no address', async () => {
    const admin = await as('admin', '10.22.0.1');
    const p = await one<{ id: string }>(t.database.db, sql`
      select p.id from person p join enrolment e on e.organiser_id = p.organiser_id and e.person_id = p.id
       where p.security_marking = 'protected' and e.school_unit_id = ${admin.body.current.unitId} limit 1`);
    expect(p).toBeDefined();
    const res = await admin.get(`/api/pupils/${p!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().contact).toBeNull();
    const audited = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event
      where action = 'pupil.viewed' and entity_id = ${p!.id} and details->>'personId' = ${p!.id}`);
    expect(audited[0].n).toBe(1);
  });
});

describe('audit trail', () => {
  it('an audit row cannot be changed or deleted', async () => {
    await as('rektor', '10.23.0.1');
    const refused = (e: any) => /append-only/.test(`${e?.message} ${e?.cause?.message}`);
    await expect(t.database.db.execute(sql`update audit_event set action = 'x'`)).rejects.toSatisfy(refused);
    await expect(t.database.db.execute(sql`delete from audit_event`)).rejects.toSatisfy(refused);
    const n = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where action = 'x'`);
    expect(n[0].n).toBe(0);
  });
});

describe('health', () => {
  it('is 200 when ready', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
