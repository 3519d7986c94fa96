import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeWriter, type GradeWrite } from '../../src/server/grading/grade-writer.js';
import { one, rows, type Db } from '../../src/server/platform/db/database.js';
import { startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let base: Omit<GradeWrite, 'gradeId' | 'pupilId' | 'requestId' | 'value' | 'expectedVersion'>;
let pupils: string[];

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const group = (await one<{ id: string; subject_code: string; teacher: string }>(db, sql`
    select g.id, g.subject_code, gs.person_id as teacher from student_group g
      join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.grader
     where g.organiser_id = ${t.organiserId} and g.group_type = 'teaching'
       and (select count(*) from group_membership m where m.group_id = g.id) >= 20
     order by g.name limit 1`))!;
  pupils = (await rows<{ person_id: string }>(db, sql`select person_id from group_membership where group_id = ${group.id} order by person_id`)).map((r) => r.person_id);
  const term = (await one<{ id: string }>(db, sql`select id from term where organiser_id = ${t.organiserId} and kind = 'HT' order by start_date desc limit 1`))!;
  // a term in which the demo has no grades of this subject, so every write below starts from an empty cell
  await db.execute(sql`delete from grade where group_id = ${group.id} and term_id = ${term.id}`);
  base = {
    organiserId: t.organiserId, subjectCode: group.subject_code, groupId: group.id, termId: term.id, kind: 'term', carriedOver: false,
    actor: { personId: group.teacher, role: 'teacher', unitId: null, ip: '10.1.1.1' }, action: 'registered', fromValue: null, fromState: null,
    details: { test: true },
  };
});
afterAll(async () => { await t?.close(); });

const newWrite = (pupilId: string, value: string): GradeWrite =>
  ({ ...base, gradeId: randomUUID(), pupilId, value, expectedVersion: null, requestId: randomUUID() });

/** The database handle with a count of the statements run through it. */
function counting(db: Db) {
  let statements = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute') return (...args: unknown[]) => { statements++; return (target.execute as any)(...args); };
      return Reflect.get(target, prop, receiver);
    },
  });
  return { db: proxy as Db, statements: () => statements };
}

const count = async (table: 'grade_event' | 'audit_event', column: string, ids: string[]) =>
  (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(column)} = any(${sql.param(ids)}::text[])`))!.n;

describe('group commit of grade saves', () => {
  it('saves that arrive together are written in fewer statements, each with its history event and audit row', async () => {
    const c = counting(t.database.db);
    const writer = gradeWriter(c.db);
    const writes = pupils.slice(0, 20).map((p) => newWrite(p, 'C'));
    const outcomes = await Promise.all(writes.map((w) => writer.write(w)));
    expect(outcomes.every((o) => o.saved)).toBe(true);
    expect(c.statements()).toBeLessThan(writes.length);
    expect(await count('grade_event', 'grade_id::text', writes.map((w) => w.gradeId))).toBe(20);
    expect(await count('audit_event', 'entity_id', writes.map((w) => w.gradeId))).toBe(20);
  });

  it('two saves of the same cell never share a statement: only one, at the same version, is written', async () => {
    const writer = gradeWriter(t.database.db);
    const first = newWrite(pupils[20], 'A');
    const second = newWrite(pupils[20], 'E');
    const [a, b] = await Promise.all([writer.write(first), writer.write(second)]);
    // with two statements in flight either may reach the database first; exactly one of them is written
    expect([a.saved, b.saved].filter(Boolean)).toHaveLength(1);
    const stored = await one<{ value: string; version: number }>(t.database.db, sql`select value, version from grade
      where pupil_id = ${pupils[20]} and term_id = ${base.termId} and subject_code = ${base.subjectCode}`);
    expect(stored).toEqual({ value: a.saved ? 'A' : 'E', version: 1 });
  });

  it('a save that breaks a constraint fails alone; the saves written with it are stored', async () => {
    const writer = gradeWriter(t.database.db);
    const good = pupils.slice(21, 24).map((p) => newWrite(p, 'B'));
    const bad = newWrite(randomUUID(), 'B'); // no such pupil: the foreign key refuses it
    const results = await Promise.allSettled([...good, bad].map((w) => writer.write(w)));
    expect(results.slice(0, 3).map((r) => r.status === 'fulfilled' && r.value.saved)).toEqual([true, true, true]);
    expect(results[3].status).toBe('rejected');
    expect(await count('grade_event', 'grade_id::text', [bad.gradeId])).toBe(0);
  });

  it('an update is written only at the version read', async () => {
    const writer = gradeWriter(t.database.db);
    const w = newWrite(pupils[0], 'C');
    const stored = (await one<{ id: string; version: number }>(t.database.db, sql`select id, version from grade
      where pupil_id = ${pupils[0]} and term_id = ${base.termId} and subject_code = ${base.subjectCode}`))!;
    const stale = await writer.write({ ...w, gradeId: stored.id, expectedVersion: stored.version + 5, value: 'D' });
    const fresh = await writer.write({ ...w, gradeId: stored.id, expectedVersion: stored.version, value: 'D', requestId: randomUUID() });
    expect([stale.saved, fresh.saved]).toEqual([false, true]);
  });
});

describe('saves checked together keep each teacher to their own groups', () => {
  it('a teacher who does not grade the group is refused even when their save is checked in the same statement as the grader\'s', async () => {
    const { Client } = await import('../support/api.js');
    const grader = new Client(t.app, '10.51.0.1');
    await grader.login('larare');
    await grader.switchTo('teacher', 'Björkskolan');
    const other = new Client(t.app, '10.51.0.2');
    await other.login('larare2');
    const group = (await grader.get('/api/grading/groups')).json().groups.find((g: any) => g.name.startsWith('9'));
    const pupil = (await grader.get(`/api/grading/groups/${group.id}`)).json().pupils[12];
    const save = (c: InstanceType<typeof Client>, value: string, column: string) =>
      c.request('PUT', `/api/grading/groups/${group.id}/cells`, { requestId: randomUUID(), pupilId: pupil.id, column, value, version: null });
    // many at once, interleaved, so the checks share statements
    const answers = await Promise.all([1, 2, 3, 4].flatMap(() => [save(other, 'A', 'VT'), save(grader, 'C', 'HT'), save(other, 'B', 'final')]));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((_, i) => i % 3 !== 1).every((s) => s === 404)).toBe(true);
    expect(statuses.filter((_, i) => i % 3 === 1).sort()).toEqual([200, 409, 409, 409]);
    const stored = await rows<{ value: string; registered_by: string }>(t.database.db, sql`select value, registered_by from grade g
      where g.pupil_id = ${pupil.id} and g.subject_code = ${group.subject.code} and g.organiser_id = ${t.organiserId} and g.registered_at > now() - interval '1 minute'`);
    expect(stored).toEqual([{ value: 'C', registered_by: grader.body.person.id }]);
  });
});
