import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let ip = 0;
let elev: string;
let talkId: string;
let nextTalkId: string;
const today = swedishDate(new Date());
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.71.0.${++ip}`);
  expect((await c.login(username)).statusCode, username).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const counts = async () => one<{ talks: number; comments: number; goals: number; versions: number }>(t.database.db, sql`select
  (select count(*)::int from development_talk) as talks, (select count(*)::int from development_talk_comment) as comments,
  (select count(*)::int from development_talk_goal) as goals, (select coalesce(sum(version), 0)::int from development_talk) as versions`);

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  elev = (await one<{ id: string }>(db, sql`select person_id as id from account where username = 'elev'`))!.id;
  // a guardian of elev with an account of their own
  const guardian = (await one<{ id: string }>(db, sql`select guardian_id as id from guardianship where child_id = ${elev} order by guardian_id limit 1`))!.id;
  await db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${randomUUID()}, ${guardian}, 'vh_elsa', ${await hashPassword('demo')})`);
  // larare is also principal of Eksätraskolan here: the principal of another unit
  await db.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, licensed, start_date)
    select organiser_id, gen_random_uuid(), person_id, (select id from school_unit where name = 'Eksätraskolan'), 'principal', true, '2000-01-01'
      from account where username = 'larare'`);
  // the demo data may already hold talks of elev: start from none
  await db.execute(sql`delete from development_talk where pupil_id = ${elev}`);
});
afterAll(async () => { await t?.close(); });

describe('utvecklingssamtal: the mentor plans, the teachers comment, the mentor writes it up, holds and shares it', () => {
  it('the mentor plans a talk (audited); a teacher who is not the mentor may not (403)', async () => {
    const mentor = await as('mentor');
    const res = await mentor.request('POST', `/api/pupils/${elev}/development-talks`, { heldOn: today, participants: 'Elsa, vårdnadshavare, mentor' });
    expect(res.statusCode).toBe(200);
    talkId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'planned', heldOn: today, sharedAt: null, mayEdit: true, pupil: { familyName: 'Nyström', className: '9A' } });
    expect(res.json().subjects.map((s: any) => s.code)).toEqual(expect.arrayContaining(['MA', 'SV']));
    const audit = await one<{ details: any }>(t.database.db, sql`select details from audit_event where action = 'development_talk.planned'`);
    expect(audit!.details).toMatchObject({ personId: elev });
    const larare = await as('larare', 'teacher', 'Björkskolan');
    expect((await larare.request('POST', `/api/pupils/${elev}/development-talks`, { heldOn: today })).json().error.code).toBe('not_talk_leader');
  });

  it('the MA teacher sees it under "Inför utvecklingssamtal" and comments in MA, not in SV', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const before = (await larare.get('/api/development-talks/preparation')).json();
    const mine = before.talks.find((x: any) => x.talkId === talkId);
    expect(mine.subjects).toEqual([{ code: 'MA', name: 'Matematik', commented: false }]);
    const sv = await larare.request('PUT', `/api/development-talks/${talkId}/comments/SV`, { comment: 'Bra läsning' });
    expect(sv.statusCode).toBe(403);
    expect(sv.json().error.code).toBe('not_your_subject');
    const ma = await larare.request('PUT', `/api/development-talks/${talkId}/comments/MA`, { comment: 'Säker på algebra, behöver öva problemlösning.' });
    expect(ma.statusCode).toBe(200);
    expect(ma.json().mayEdit).toBe(false);
    expect(ma.json().mayComment).toEqual(['MA']);
    expect(ma.json().subjects.find((s: any) => s.code === 'MA').comments).toMatchObject([{ teacher: 'Anna Öberg', comment: 'Säker på algebra, behöver öva problemlösning.' }]);
    const after = (await larare.get('/api/development-talks/preparation')).json();
    expect(after.talks.find((x: any) => x.talkId === talkId).subjects[0].commented).toBe(true);
    // the mentor comments in SV, which she teaches
    const mentor = await as('mentor');
    expect((await mentor.request('PUT', `/api/development-talks/${talkId}/comments/SV`, { comment: 'Skriver utförligt.' })).statusCode).toBe(200);
  });

  it('the mentor writes up goals (version-checked), cannot share before held, holds and shares; then it is read-only', async () => {
    const mentor = await as('mentor');
    const talk = (await mentor.get(`/api/development-talks/${talkId}`)).json();
    const body = { heldOn: today, participants: 'Elsa, mamma, mentor Maria Sjöberg', summary: 'Elsa trivs och arbetar bra.', version: talk.version, followUps: [],
      goals: [{ id: null, goal: 'Öva problemlösning i matematik', pupilDoes: 'Gör en extra uppgift i veckan', schoolDoes: 'Läraren ger återkoppling', homeDoes: 'Frågar hur det går' },
        { id: null, goal: 'Lämna in arbeten i tid', pupilDoes: 'Använder planeringen', schoolDoes: '', homeDoes: '' }] };
    const saved = await mentor.request('PUT', `/api/development-talks/${talkId}`, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().goals.map((g: any) => g.goal)).toEqual(['Öva problemlösning i matematik', 'Lämna in arbeten i tid']);
    const stale = await mentor.request('PUT', `/api/development-talks/${talkId}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(saved.json().version);
    const early = await mentor.request('POST', `/api/development-talks/${talkId}/share`, { version: saved.json().version });
    expect(early.json().error.code).toBe('not_held');
    const held = await mentor.request('POST', `/api/development-talks/${talkId}/hold`, { version: saved.json().version });
    expect(held.statusCode).toBe(200);
    expect(held.json().status).toBe('held');
    const shared = await mentor.request('POST', `/api/development-talks/${talkId}/share`, { version: held.json().version });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ sharedAt: today, mayEdit: false, mayComment: [] });
    const after = await mentor.request('PUT', `/api/development-talks/${talkId}`, { ...body, version: shared.json().version });
    expect(after.json().error.code).toBe('talk_shared');
    const larare = await as('larare', 'teacher', 'Björkskolan');
    expect((await larare.request('PUT', `/api/development-talks/${talkId}/comments/MA`, { comment: 'Ändrat' })).statusCode).toBe(409);
    const actions = await rows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${talkId} order by occurred_at, action`);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['development_talk.planned', 'development_talk.comment_saved',
      'development_talk.changed', 'development_talk.held', 'development_talk.shared']));
  });

  it('the next talk follows up the goals of the earlier one; not its own goals', async () => {
    const mentor = await as('mentor');
    const next = (await mentor.request('POST', `/api/pupils/${elev}/development-talks`, { heldOn: '2027-04-15', participants: '' })).json();
    nextTalkId = next.id;
    expect(next.followUps.map((f: any) => f.goal)).toEqual(['Öva problemlösning i matematik', 'Lämna in arbeten i tid']);
    const [first, second] = next.followUps;
    const saved = await mentor.request('PUT', `/api/development-talks/${nextTalkId}`, { heldOn: '2027-04-15', participants: '', summary: '',
      goals: [{ id: null, goal: 'Läsa en bok i månaden', pupilDoes: '', schoolDoes: '', homeDoes: '' }], version: next.version,
      followUps: [{ goalId: first.goalId, outcome: 'met', note: 'Klarar problemlösning bra nu' }, { goalId: second.goalId, outcome: 'partly', note: '' }] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().followUps.map((f: any) => f.outcome)).toEqual(['met', 'partly']);
    // a goal of this very talk is not followed up at it; a planned talk cannot be held before its day
    const own = saved.json().goals[0].id;
    const wrong = await mentor.request('PUT', `/api/development-talks/${nextTalkId}`, { heldOn: '2027-04-15', participants: '', summary: '',
      goals: saved.json().goals, version: saved.json().version, followUps: [{ goalId: own, outcome: 'met', note: '' }] });
    expect(wrong.statusCode).toBe(400);
    expect((await mentor.request('POST', `/api/development-talks/${nextTalkId}/hold`, { version: saved.json().version })).json().error.code).toBe('held_in_future');
  });
});

describe('who reads a talk: the mentor, the pupil\'s teachers, the principal; at home only shared ones; nobody else', () => {
  it('the principal and the pupil\'s teachers read both talks', async () => {
    for (const [who, role, unit] of [['rektor'], ['larare', 'teacher', 'Björkskolan'], ['mentor']] as [string, string?, string?][]) {
      const c = await as(who, role, unit);
      expect((await c.get(`/api/development-talks/${talkId}`)).statusCode, who).toBe(200);
      expect((await c.get(`/api/pupils/${elev}/development-talks`)).json().talks.map((x: any) => x.id), who).toEqual([nextTalkId, talkId]);
    }
  });

  it('the mentor\'s class overview shows each pupil\'s latest talk this term; a teacher who mentors no class gets none', async () => {
    const mentor = await as('mentor');
    const overview = (await mentor.get('/api/development-talks/classes')).json();
    expect(overview.classes.map((c: any) => c.name)).toEqual(['9A']);
    expect(overview.classes[0].pupils.find((p: any) => p.pupilId === elev)).toMatchObject({ talkId: talkId, status: 'held', shared: true });
    const larare = await as('larare', 'teacher', 'Björkskolan');
    expect((await larare.get('/api/development-talks/classes')).json().classes).toEqual([]);
    expect((await (await as('admin')).get('/api/development-talks/classes')).statusCode).toBe(403);
  });

  it('the pupil and their guardian see the shared talk in full, never the planned one', async () => {
    for (const who of ['elev', 'vh_elsa']) {
      const c = await as(who);
      const list = (await c.get(`/api/pupils/${elev}/development-talks`)).json();
      expect(list.talks.map((x: any) => x.id), who).toEqual([talkId]);
      expect(list.shared[0]).toMatchObject({ summary: 'Elsa trivs och arbetar bra.', mayEdit: false, mayComment: [] });
      expect(list.shared[0].goals).toHaveLength(2);
      expect((await c.get(`/api/development-talks/${nextTalkId}`)).statusCode, who).toBe(404);
      expect((await c.request('PUT', `/api/development-talks/${talkId}/comments/MA`, { comment: 'x' })).statusCode, who).toBe(403);
    }
  });

  it('a teacher who does not teach the pupil, another family and another unit find nothing (404); the administrator and student health are refused (403); nothing changed', async () => {
    const before = await counts();
    const refused: [string, number, string?, string?][] = [
      ['larare2', 404], ['vardnadshavare', 404], ['larare', 404, 'principal', 'Eksätraskolan'], ['larare', 404, 'teacher', 'Eksätraskolan'],
      ['admin', 403], ['elevhalsa', 403], ['analytiker', 403],
    ];
    for (const [who, status, role, unit] of refused) {
      const c = await as(who, role, unit);
      const where = `${who} ${role ?? ''} ${unit ?? ''}`;
      expect((await c.get(`/api/development-talks/${talkId}`)).statusCode, where).toBe(status);
      expect((await c.get(`/api/pupils/${elev}/development-talks`)).statusCode, where).toBe(status);
      expect((await c.request('POST', `/api/pupils/${elev}/development-talks`, { heldOn: today })).statusCode, where).toBe(status === 404 && who === 'vardnadshavare' ? 403 : status);
      expect((await c.request('PUT', `/api/development-talks/${nextTalkId}/comments/MA`, { comment: 'x' })).statusCode, where).toBe(who === 'larare' && role === 'principal' ? 403 : status === 404 && who === 'vardnadshavare' ? 403 : status);
      expect((await c.request('POST', `/api/development-talks/${nextTalkId}/hold`, { version: 1 })).statusCode, where).toBe(who === 'vardnadshavare' ? 403 : status);
    }
    expect(await counts()).toEqual(before);
  });
});
