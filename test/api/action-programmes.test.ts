import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/timetable/calendar.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let ip = 0;
let today: string;
let pupil: string; // Olle, 9B at Björkskolan: the child of `vardnadshavare`, taught MA by `larare`
let larareId: string;
let programmeId: string;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.71.0.${++ip}`);
  expect((await c.login(username)).statusCode, username).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const personOf = async (username: string) => (await one<{ id: string }>(t.database.db, sql`select person_id as id from account where username = ${username}`))!.id;
const account = async (username: string, personId: string) => t.database.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
  values (${t.organiserId}, ${randomUUID()}, ${personId}, ${username}, ${await hashPassword('demo')})`);
const count = async () => (await one<{ n: number }>(t.database.db, sql`select (select count(*)::int from action_programme) + (select count(*)::int from audit_event where action like 'action_programme.%') as n`))!.n;
const draft = (version: number, responsibleId: string) => ({
  investigationFindings: 'Kartläggning i matematik och samtal med eleven och vårdnadshavare visar svårigheter med taluppfattning.',
  needs: 'Olle behöver stöd i taluppfattning och i att komma igång med uppgifter.',
  evaluateBy: addDays(today, 10),
  measures: [
    { measure: 'Enskild undervisning i matematik med speciallärare två gånger i veckan', responsibleId, followUpOn: addDays(today, 5) },
    { measure: 'Anpassat läromedel och färdighetsträning', responsibleId, followUpOn: addDays(today, 30) },
  ],
  version,
});

beforeAll(async () => {
  t = await startTestApp();
  today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const guardian = await personOf('vardnadshavare');
  pupil = (await one<{ id: string }>(t.database.db, sql`select g.child_id as id from guardianship g join enrolment e on e.organiser_id = g.organiser_id
    and e.person_id = g.child_id join school_unit su on su.id = e.school_unit_id and su.name = 'Björkskolan' where g.guardian_id = ${guardian} limit 1`))!.id;
  larareId = await personOf('larare');
  // larare teaches the pupil (MA), as the demo says; made sure of here
  const group = (await one<{ id: string }>(t.database.db, sql`select g.id from student_group g join group_membership m on m.organiser_id = g.organiser_id
    and m.group_id = g.id where m.person_id = ${pupil} and g.subject_code = 'MA' and g.group_type = 'teaching' and m.end_date is null limit 1`))!.id;
  await t.database.db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
    select ${t.organiserId}, ${randomUUID()}, ${group}, ${larareId}, 'teacher', true, '2000-01-01'
    where not exists (select 1 from group_staff where group_id = ${group} and person_id = ${larareId} and end_date is null)`);
  // the pupil's own account and the mentor of the pupil's class
  await account('olle_ap', pupil);
  const mentor = await one<{ id: string }>(t.database.db, sql`select gs.person_id as id from group_staff gs join student_group g on g.id = gs.group_id
    join group_membership m on m.group_id = g.id and m.person_id = ${pupil} and m.end_date is null
    where g.group_type = 'class' and gs.assignment = 'mentor' and gs.end_date is null limit 1`);
  await account('mentor_9b', mentor!.id);
});
afterAll(async () => { await t?.close(); });

describe('åtgärdsprogram: investigation → decision → programme → evaluation', () => {
  it('the pupil\'s teacher starts an investigation (audited); a second open one is refused', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const res = await larare.request('POST', '/api/action-programmes', { pupilId: pupil, reason: 'Stora svårigheter i matematik trots extra anpassningar', startedOn: today });
    expect(res.statusCode, res.body).toBe(200);
    programmeId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'investigation', decision: null, may: { edit: true, decide: false }, className: '9B' });
    expect(res.json().responsibleOptions.map((o: any) => o.id)).toContain(larareId);
    expect((await larare.request('POST', '/api/action-programmes', { pupilId: pupil, reason: 'Igen', startedOn: today })).statusCode).toBe(409);
    expect((await larare.request('POST', '/api/action-programmes', { pupilId: pupil, reason: 'Framtid', startedOn: addDays(today, 1) })).statusCode).toBe(400);
    const audit = await one<{ details: any }>(t.database.db, sql`select details from audit_event where action = 'action_programme.investigation_started'`);
    expect(audit!.details).toMatchObject({ personId: pupil });
  });

  it('no programme without a decision: the PDF, follow-ups, sharing and evaluation wait for it', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const saved = await larare.request('PUT', `/api/action-programmes/${programmeId}`, draft(1, larareId));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().measures).toHaveLength(2);
    expect((await larare.request('PUT', `/api/action-programmes/${programmeId}`, draft(1, larareId))).statusCode).toBe(409); // stale
    const elevhalsa = await personOf('elevhalsa');
    expect((await larare.request('PUT', `/api/action-programmes/${programmeId}`, draft(2, elevhalsa))).statusCode).toBe(422); // not a teacher or principal
    const v = saved.json().version;
    expect((await larare.get(`/api/action-programmes/${programmeId}/decision.pdf`)).statusCode).toBe(409);
    expect((await larare.request('POST', `/api/action-programmes/${programmeId}/share`, { version: v })).statusCode).toBe(409);
    expect((await larare.request('POST', `/api/action-programmes/${programmeId}/evaluation`, { evaluation: 'Bra', evaluatedOn: today, version: v })).statusCode).toBe(409);
    const measure = saved.json().measures[0].id;
    expect((await larare.request('POST', `/api/action-programmes/${programmeId}/measures/${measure}/follow-up`, { note: 'x', followedUpOn: today, nextFollowUpOn: null })).statusCode).toBe(409);
  });

  it('a teacher may not decide (403), nor the administrator; with a decide_action_programme delegation the teacher may', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const v = (await larare.get(`/api/action-programmes/${programmeId}`)).json().version;
    const body = { decision: 'programme', reason: 'Utredningen visar behov av särskilt stöd i matematik.', version: v };
    const before = await count();
    const refused = await larare.request('POST', `/api/action-programmes/${programmeId}/decision`, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('not_decider');
    const admin = await as('admin');
    expect((await admin.request('POST', `/api/action-programmes/${programmeId}/decision`, body)).statusCode).toBe(403);
    expect((await admin.get(`/api/action-programmes/${programmeId}`)).statusCode).toBe(403);
    expect(await count()).toBe(before);

    const rektor = await as('rektor');
    const delegation = await rektor.request('POST', '/api/delegations', { delegateId: larareId, decisionKind: 'decide_action_programme', startDate: today, endDate: null });
    expect(delegation.statusCode, delegation.body).toBe(200);
    const read = await larare.get(`/api/action-programmes/${programmeId}`);
    expect(read.json().may.decide).toBe(true);
    // a reason is required; a stale version is refused
    expect((await larare.request('POST', `/api/action-programmes/${programmeId}/decision`, { ...body, reason: ' ' })).statusCode).toBe(400);
    expect((await larare.request('POST', `/api/action-programmes/${programmeId}/decision`, { ...body, version: v - 1 })).statusCode).toBe(409);
    // withdrawn: refused again
    expect((await rektor.request('POST', `/api/delegations/${delegation.json().id}/end`)).statusCode).toBe(200);
    expect((await larare.request('POST', `/api/action-programmes/${programmeId}/decision`, body)).statusCode).toBe(403);
  });

  it('a decision by a delegate: a second investigation is decided by larare with a delegation (no programme)', async () => {
    const rektor = await as('rektor');
    const mentor = await as('mentor_9b');
    const second = await mentor.request('POST', '/api/action-programmes', { pupilId: pupil, reason: 'Oro för koncentrationen', startedOn: today });
    // one investigation at a time
    expect(second.statusCode).toBe(409);
    const delegation = await rektor.request('POST', '/api/delegations', { delegateId: larareId, decisionKind: 'decide_action_programme', startDate: today, endDate: null });
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const otherPupil = (await one<{ id: string }>(t.database.db, sql`select m.person_id as id from group_membership m join group_staff gs on gs.group_id = m.group_id
      and gs.person_id = ${larareId} and gs.end_date is null join student_group g on g.id = m.group_id join school_unit su on su.id = g.school_unit_id and su.name = 'Björkskolan'
      where m.person_id <> ${pupil} and m.end_date is null order by m.person_id limit 1`))!.id;
    const started = await larare.request('POST', '/api/action-programmes', { pupilId: otherPupil, reason: 'Svårt att läsa längre texter', startedOn: today });
    expect(started.statusCode).toBe(200);
    const id = started.json().id;
    const noFindings = await larare.request('POST', `/api/action-programmes/${id}/decision`, { decision: 'no_programme', reason: 'Inget behov', version: 1 });
    expect(noFindings.json().error.code).toBe('no_findings');
    const saved = await larare.request('PUT', `/api/action-programmes/${id}`, { investigationFindings: 'Läsförståelsen ligger i nivå med årskursen.', needs: '', evaluateBy: null, measures: [], version: 1 });
    const decided = await larare.request('POST', `/api/action-programmes/${id}/decision`, { decision: 'no_programme', reason: 'Extra anpassningar räcker.', version: saved.json().version });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'no_programme', decision: 'no_programme', decidedByDelegate: true });
    expect((await rektor.request('POST', `/api/delegations/${delegation.json().id}/end`)).statusCode).toBe(200);
  });

  it('the principal decides a programme; the content is then fixed; the decision document tells how to appeal', async () => {
    const rektor = await as('rektor');
    const read = await rektor.get(`/api/action-programmes/${programmeId}`);
    expect(read.json().may).toMatchObject({ decide: true });
    const res = await rektor.request('POST', `/api/action-programmes/${programmeId}/decision`, { decision: 'programme', reason: 'Behov', version: read.json().version });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json();
    expect(decided).toMatchObject({ status: 'programme', decision: 'programme', decidedBy: 'Lars Holm', decidedOn: today, decidedByDelegate: false });
    const again = await rektor.request('POST', `/api/action-programmes/${programmeId}/decision`, { decision: 'no_programme', reason: 'Nej', version: decided.version });
    expect(again.statusCode).toBe(409);
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const edit = await larare.request('PUT', `/api/action-programmes/${programmeId}`, draft(decided.version, larareId));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('decided_content_fixed');

    const pdf = await rektor.get(`/api/action-programmes/${programmeId}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pdf-')), 'beslut.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Beslut om åtgärdsprogram');
    expect(text).toContain('Skolväsendets överklagandenämnd');
    expect(text).toContain('Hur man överklagar');
    expect(text).toContain('Enskild undervisning i matematik');
    expect(text).toContain('Lars Holm, rektor');
  });

  it('guardians informed, then shared; the responsible follows a measure up; the evaluation closes it', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    let c = (await larare.get(`/api/action-programmes/${programmeId}`)).json();
    const informed = await larare.request('POST', `/api/action-programmes/${programmeId}/guardians-informed`, { informedOn: today, version: c.version });
    expect(informed.statusCode, informed.body).toBe(200);
    expect(informed.json().guardiansInformedOn).toBe(today);
    const shared = await larare.request('POST', `/api/action-programmes/${programmeId}/share`, { version: informed.json().version });
    expect(shared.statusCode).toBe(200);
    expect(shared.json().sharedAt).not.toBeNull();
    c = shared.json();
    const [first] = c.measures;
    const followed = await larare.request('POST', `/api/action-programmes/${programmeId}/measures/${first.id}/follow-up`,
      { note: 'Olle kommer igång snabbare.', followedUpOn: today, nextFollowUpOn: addDays(today, 20) });
    expect(followed.statusCode, followed.body).toBe(200);
    const m = followed.json().measures.find((x: any) => x.id === first.id);
    expect(m).toMatchObject({ followedUpOn: today, followUpOn: addDays(today, 20) });
    expect(m.followUpNote).toContain('Olle kommer igång snabbare.');
    const audits = await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where entity_id = ${programmeId}`);
    expect(audits!.n).toBeGreaterThanOrEqual(6);
  });

  it('deadlines: the responsible sees the measure and the evaluation; the principal the evaluation; overdue first', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const mine = (await larare.get('/api/me/support-deadlines')).json();
    const ofCase = mine.deadlines.filter((d: any) => d.programmeId === programmeId);
    expect(ofCase.map((d: any) => d.kind)).toEqual(['programme_evaluation']); // both measures lie beyond 14 days now
    expect(ofCase[0]).toMatchObject({ due: addDays(today, 10), overdue: false, pupil: { id: pupil } });
    // a measure due in the past is overdue
    await t.database.db.execute(sql`update action_programme_measure set follow_up_on = ${addDays(today, -2)}::date, followed_up_on = null
      where programme_id = ${programmeId} and measure like 'Anpassat%'`);
    const again = (await larare.get('/api/me/support-deadlines')).json().deadlines.filter((d: any) => d.programmeId === programmeId);
    expect(again.map((d: any) => [d.kind, d.overdue])).toEqual([['measure_follow_up', true], ['programme_evaluation', false]]);
    const rektor = await as('rektor');
    const principal = (await rektor.get('/api/me/support-deadlines')).json().deadlines.filter((d: any) => d.programmeId === programmeId);
    expect(principal.map((d: any) => d.kind)).toEqual(['programme_evaluation']);
    const list = (await rektor.get('/api/action-programmes')).json().programmes.find((p: any) => p.id === programmeId);
    expect(list.attention).toBe('evaluation');
    // an extra adaptation's next follow-up, for its responsible
    const unit = (await one<{ id: string }>(t.database.db, sql`select id from school_unit where name = 'Björkskolan'`))!.id;
    await t.database.db.execute(sql`insert into extra_adaptation (organiser_id, id, pupil_id, school_unit_id, description, start_date, responsible_id, follow_up_on, created_by)
      values (${t.organiserId}, ${randomUUID()}, ${pupil}, ${unit}, 'Tydliga instruktioner i skrift', ${today}, ${larareId}, ${addDays(today, 3)}, ${larareId})`);
    const withAdaptation = (await larare.get('/api/me/support-deadlines')).json().deadlines.filter((d: any) => d.pupil.id === pupil);
    expect(withAdaptation.map((d: any) => d.kind)).toEqual(['measure_follow_up', 'adaptation_follow_up', 'programme_evaluation']);
    expect(withAdaptation[1]).toMatchObject({ text: 'Tydliga instruktioner i skrift', programmeId: null, due: addDays(today, 3) });
    const larare2 = await as('larare2');
    expect((await larare2.get('/api/me/support-deadlines')).json().deadlines.filter((d: any) => d.programmeId === programmeId)).toEqual([]);
  });

  it('visibility: mentor, teacher and principal read; other teacher, administrator, student health, other unit 404/403; home reads what is shared', async () => {
    for (const who of ['mentor_9b', 'rektor']) expect((await (await as(who)).get(`/api/action-programmes/${programmeId}`)).statusCode, who).toBe(200);
    expect((await (await as('larare', 'teacher', 'Björkskolan')).get(`/api/action-programmes/${programmeId}`)).statusCode).toBe(200);
    const refused: [string, number, string?, string?][] = [['mentor', 404], ['larare2', 404], ['admin', 403], ['elevhalsa', 403], ['analytiker', 403], ['larare', 404, 'teacher', 'Eksätraskolan']];
    for (const [who, status, role, unit] of refused) {
      const c = await as(who, role, unit);
      expect((await c.get(`/api/action-programmes/${programmeId}`)).statusCode, who).toBe(status);
      expect((await c.get(`/api/action-programmes/${programmeId}/decision.pdf`)).statusCode, who).toBe(status);
      if (status === 404) expect((await c.get('/api/action-programmes')).json().programmes.map((p: any) => p.id), who).not.toContain(programmeId);
    }
    const guardian = await as('vardnadshavare');
    const home = (await guardian.get(`/api/pupils/${pupil}/action-programmes`)).json();
    expect(home.mayStart).toBe(false);
    expect(home.programmes.map((p: any) => p.id)).toEqual([programmeId]); // the other pupil's, and nothing unshared
    expect((await guardian.get(`/api/action-programmes/${programmeId}/decision.pdf`)).statusCode).toBe(200);
    expect((await guardian.request('POST', `/api/action-programmes/${programmeId}/evaluation`, { evaluation: 'x', evaluatedOn: today, version: 1 })).statusCode).toBe(403);
    const own = await as('olle_ap');
    expect((await own.get(`/api/action-programmes/${programmeId}`)).statusCode).toBe(200);
    const other = await as('elev');
    expect((await other.get(`/api/action-programmes/${programmeId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/pupils/${pupil}/action-programmes`)).statusCode).toBe(404);
  });

  it('the pupil and guardians see nothing before it is shared', async () => {
    const rektor = await as('rektor');
    const started = await rektor.request('POST', '/api/action-programmes', { pupilId: pupil, reason: 'Ny utredning', startedOn: today });
    expect(started.statusCode).toBe(200);
    const guardian = await as('vardnadshavare');
    expect((await guardian.get(`/api/action-programmes/${started.json().id}`)).statusCode).toBe(404);
    expect((await guardian.get(`/api/pupils/${pupil}/action-programmes`)).json().programmes.map((p: any) => p.id)).not.toContain(started.json().id);
  });

  it('the evaluation closes the programme', async () => {
    const rektor = await as('rektor');
    const c = (await rektor.get(`/api/action-programmes/${programmeId}`)).json();
    expect((await rektor.request('POST', `/api/action-programmes/${programmeId}/evaluation`, { evaluation: ' ', evaluatedOn: today, version: c.version })).statusCode).toBe(400);
    const done = await rektor.request('POST', `/api/action-programmes/${programmeId}/evaluation`,
      { evaluation: 'Olle når nu målen i taluppfattning; stödet fortsätter som extra anpassningar.', evaluatedOn: today, version: c.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'evaluated', evaluatedOn: today, may: { evaluate: false } });
    const larare = await as('larare', 'teacher', 'Björkskolan');
    expect((await larare.get('/api/me/support-deadlines')).json().deadlines.filter((d: any) => d.programmeId === programmeId)).toEqual([]);
  });
});
