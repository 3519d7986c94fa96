/**
 * The world the access matrix runs in: the demo municipality with real resources of Björkskolan (a group,
 * a grade, a grade document, a delegation, the pupil `elev`), and actors around them — each demo role at
 * home, the same roles at another unit, another family's guardian and another pupil. For every actor, the
 * pupils they may ever see in a response (their reach).
 */
import { swedishDate } from '../../../src/domain/common/dates.js';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../../src/server/platform/db/database.js';
import { Client, type TestApp } from '../api.js';
import type { Fixtures } from './example.js';

export type Relation = 'home' | 'other_unit' | 'other_family' | 'other_pupil' | 'anonymous';
export interface MatrixActor { name: string; relation: Relation; role: string | null; client: Client; login: () => Promise<void> }

const HOME = 'Björkskolan';
const OTHER = 'Eksätraskolan';

export async function buildWorld(t: TestApp) {
  const db = t.database.db;
  const org = t.organiserId;
  let ip = 0;
  const actor = async (name: string, relation: Relation, username: string | null, role?: string, unit?: string): Promise<MatrixActor> => {
    const client = new Client(t.app, `10.99.${Math.floor(++ip / 250)}.${ip % 250}`);
    const login = async () => {
      if (!username) return;
      client.cookie = null;
      const res = await client.login(username);
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      if (role && (client.body.current.role !== role || (unit && client.body.current.unitName !== unit))) {
        const switched = await client.switchTo(role, unit);
        if (switched.statusCode !== 200) throw new Error(`${username} as ${role} at ${unit}: ${switched.statusCode} ${switched.body}`);
      }
    };
    await login();
    return { name, relation, role: username ? client.body.current.role : null, client, login };
  };
  const account = async (username: string, personId: string) => db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${org}, ${randomUUID()}, ${personId}, ${username}, ${await hashPassword('demo')})`);

  const units = new Map((await rows<{ id: string; name: string }>(db, sql`select id, name from school_unit where organiser_id = ${org}`)).map((u) => [u.name, u.id]));
  const elev = (await one<{ person_id: string }>(db, sql`select person_id from account where username = 'elev'`))!.person_id;
  const guardian = (await one<{ person_id: string }>(db, sql`select person_id from account where username = 'vardnadshavare'`))!.person_id;

  // another pupil of the same unit, and a guardian of another family, with accounts of their own
  const otherPupil = (await one<{ person_id: string }>(db, sql`select e.person_id from enrolment e where e.organiser_id = ${org}
      and e.school_unit_id = ${units.get(HOME)} and e.person_id <> ${elev} and e.end_date is null
      and not exists (select 1 from account a where a.person_id = e.person_id) order by e.person_id limit 1`))!.person_id;
  await account('matris_elev', otherPupil);
  const otherGuardian = (await one<{ guardian_id: string }>(db, sql`select g.guardian_id from guardianship g where g.organiser_id = ${org}
      and g.child_id not in (select child_id from guardianship where guardian_id = ${guardian})
      and not exists (select 1 from account a where a.person_id = g.guardian_id) order by g.guardian_id limit 1`))!.guardian_id;
  await account('matris_vh', otherGuardian);
  // staff of another unit, in every unit role
  const stranger = randomUUID();
  await db.execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${org}, ${stranger}, 'Annan', 'Enhetsson')`);
  for (const role of ['teacher', 'administrator', 'principal']) {
    await db.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, licensed, start_date)
      values (${org}, ${randomUUID()}, ${stranger}, ${units.get(OTHER)}, ${role}, true, '2000-01-01')`);
  }
  await account('matris_annan', stranger);

  const actors: MatrixActor[] = [
    await actor('anonymous', 'anonymous', null),
    await actor('admin', 'home', 'admin'),
    await actor('huvudman', 'home', 'huvudman'),
    await actor('rektor', 'home', 'rektor'),
    await actor('larare', 'home', 'larare', 'teacher', HOME),
    await actor('larare2', 'home', 'larare2'),
    await actor('mentor', 'home', 'mentor'),
    await actor('personal', 'home', 'personal'),
    await actor('analytiker', 'home', 'analytiker'),
    await actor('vardnadshavare', 'home', 'vardnadshavare'),
    await actor('elev', 'home', 'elev'),
    await actor('elevhalsa', 'home', 'elevhalsa'),
    await actor('teacher of another unit', 'other_unit', 'matris_annan', 'teacher', OTHER),
    await actor('administrator of another unit', 'other_unit', 'matris_annan', 'administrator', OTHER),
    await actor('principal of another unit', 'other_unit', 'matris_annan', 'principal', OTHER),
    await actor('guardian of another family', 'other_family', 'matris_vh'),
    await actor('another pupil', 'other_pupil', 'matris_elev'),
  ];
  const by = (name: string) => actors.find((a) => a.name === name)!.client;

  const fixtures = { ...await homeResources(t, { teacher: by('larare'), admin: by('admin'), rektor: by('rektor'), elev }), ...await organisationResources(t, units.get(HOME)!) };
  Object.assign(fixtures, await accountFixtures(t, elev));
  // consents: a guardian of `elev` (a pupil under 18 cannot consent; anyone else is refused). Already elev's
  // guardian, so that a route adding a guardianship with this id changes no one's reach.
  Object.assign(fixtures, { guardianId: (await one<{ guardian_id: string }>(db, sql`select guardian_id from guardianship
    where organiser_id = ${org} and child_id = ${elev} order by guardian_id limit 1`))!.guardian_id });
  Object.assign(fixtures, await absenceFixtures(t, elev, units.get(HOME)!, guardian));
  Object.assign(fixtures, await timetableFixtures(t, fixtures.groupId as string));
  // absence: an investigation of `elev`, opened by the principal
  const investigation = await by('rektor').request('POST', '/api/absence/investigations', { pupilId: elev, reason: 'Hög frånvaro', openedOn: swedishDate(new Date()) });
  if (investigation.statusCode !== 200) throw new Error(`investigation: ${investigation.body}`);
  Object.assign(fixtures, { investigationId: investigation.json().id });
  // action programmes: a case of `elev` started by the principal, with a draft measure
  const programme = await by('rektor').request('POST', '/api/action-programmes', { pupilId: elev, reason: 'Behov av stöd', startedOn: swedishDate(new Date()) });
  if (programme.statusCode !== 200) throw new Error(`action programme: ${programme.body}`);
  const drafted = await by('rektor').request('PUT', `/api/action-programmes/${programme.json().id}`, { investigationFindings: 'Kartläggning', needs: 'Stöd',
    evaluateBy: null, measures: [{ measure: 'Enskild undervisning', responsibleId: by('rektor').body.person.id, followUpOn: swedishDate(new Date()) }], version: 1 });
  if (drafted.statusCode !== 200) throw new Error(`action programme draft: ${drafted.body}`);
  Object.assign(fixtures, { programmeId: programme.json().id, measureId: drafted.json().measures[0].id });
  Object.assign(fixtures, await planningFixtures(t, by('larare'), fixtures.groupId as string));
  // development talks and extra adaptations: a talk of `elev` planned by the mentor, an adaptation by the principal
  const talk = await by('mentor').request('POST', `/api/pupils/${elev}/development-talks`, { heldOn: swedishDate(new Date()), participants: '' });
  if (talk.statusCode !== 200) throw new Error(`development talk: ${talk.body}`);
  const adaptation = await by('rektor').request('POST', `/api/pupils/${elev}/extra-adaptations`, { subjectCode: null, description: 'Extra tid',
    startDate: swedishDate(new Date()), endDate: null, responsibleId: by('rektor').body.person.id, followUpOn: null });
  if (adaptation.statusCode !== 200) throw new Error(`extra adaptation: ${adaptation.body}`);
  Object.assign(fixtures, { talkId: talk.json().id, adaptationId: adaptation.json().id });
  // "Mina elever": every column, so that the leak check reads all of them
  Object.assign(fixtures, { columns: 'className,groups,civicNo,birthDate,email,phone,address,guardians,guardianPhones' });
  Object.assign(fixtures, await assessmentFixtures(t));
  // follow-up: a finding on the home unit recorded by its principal, with a measure (:findingId)
  Object.assign(fixtures, await followupFixtures(by('rektor')));
  // SS 12000 API clients: one of the matrix's own (revoking or giving it a new secret touches no demo client)
  const apiClientId = randomUUID();
  await db.execute(sql`insert into api_client (organiser_id, id, client_id, name, secret_hash, unit_ids, resources)
    values (${org}, ${apiClientId}, 'matris-klient', 'Matrisklient', 'not-a-hash', null, array['organisations']::text[])`);
  Object.assign(fixtures, { apiClientId });
  // e-ID login: a provider name (none is configured in the test app: the routes answer with a redirect)
  Object.assign(fixtures, { provider: 'eid' });
  // SS 12000 import: a finished run to read (:runId); a source address that is refused before anything runs
  const runId = randomUUID();
  await db.execute(sql`insert into ss12000_import_run (organiser_id, id, source_url, source_client_id, started_at, finished_at, status, result)
    values (${org}, ${runId}, 'http://source.example/ss12000', 'matrix', now(), now(), 'succeeded', '{"counts":{},"rejected":[],"rejectedTotal":0}'::jsonb)`);
  Object.assign(fixtures, { runId, url: 'ftp://source.example/ss12000' });
  return { actors, fixtures, reach: await pupilReach(t, actors) };
}

/** Real resources of the home unit, taken through the grade process by its own staff. */
async function homeResources(t: TestApp, c: { teacher: Client; admin: Client; rektor: Client; elev: string }): Promise<Fixtures> {
  const db = t.database.db;
  const group = (await one<{ id: string }>(db, sql`select g.id from student_group g join group_membership m on m.organiser_id = g.organiser_id
    and m.group_id = g.id where m.person_id = ${c.elev} and g.subject_code = 'MA' and g.group_type = 'teaching' limit 1`))!.id;
  const staffId = randomUUID();
  await db.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date)
    values (${t.organiserId}, ${staffId}, ${group}, ${c.teacher.body.person.id}, 'teacher', true, '2000-01-01')`);
  const cell = await c.teacher.request('PUT', `/api/grading/groups/${group}/cells`, { pupilId: c.elev, column: 'HT', value: 'C', version: null, requestId: randomUUID() });
  if (cell.statusCode !== 200) throw new Error(`grade: ${cell.body}`);
  await c.teacher.request('POST', `/api/grading/groups/${group}/confirm`, { column: 'HT', pupilIds: [c.elev] });
  await c.teacher.request('POST', `/api/grading/groups/${group}/catalogue/sign`, { column: 'HT' });
  await c.admin.request('POST', `/api/grading/groups/${group}/lock`, { column: 'HT' });
  const made = (await c.admin.request('POST', '/api/grading/documents', { kind: 'term', pupilIds: [c.elev] })).json();
  if (made.produced?.length !== 1) throw new Error(`document: ${JSON.stringify(made)}`);
  const term = (await one<{ id: string }>(db, sql`select term_id as id from grade where id = ${cell.json().gradeId}`))!.id;
  const delegate = (await one<{ person_id: string }>(db, sql`select person_id from account where username = 'admin'`))!.person_id;
  const today = swedishDate(new Date());
  const delegation = await c.rektor.request('POST', '/api/delegations', { delegateId: delegate, decisionKind: 'sign_term_grades', startDate: today, endDate: null });
  const delegationId = delegation.statusCode === 200 || delegation.statusCode === 201 ? delegation.json().id
    : (await one<{ id: string }>(db, sql`select id from delegation limit 1`))?.id;
  // the people register: the pupil as a person of the unit, and their enrolment there as a relation
  const enrolment = (await one<{ id: string }>(db, sql`select e.id from enrolment e join student_group g on g.organiser_id = e.organiser_id
    and g.school_unit_id = e.school_unit_id and g.id = ${group} where e.person_id = ${c.elev} limit 1`))!.id;
  // classes and groups: the pupil's membership of the group, the teacher's assignment, and a teacher's report on the group
  const membershipId = (await one<{ id: string }>(db, sql`select id from group_membership where group_id = ${group} and person_id = ${c.elev} limit 1`))!.id;
  const report = await c.teacher.request('POST', `/api/groups/${group}/reports`, { kind: 'pupil_missing', pupilId: null, message: 'En elev saknas' });
  if (report.statusCode !== 200) throw new Error(`group report: ${report.body}`);
  return {
    personId: c.elev, relationId: enrolment,
    membershipId, staffId, reportId: report.json().id,
    groupId: group, pupilId: c.elev, gradeId: cell.json().gradeId, documentId: made.produced[0], termId: term,
    delegationId: delegationId ?? randomUUID(), delegateId: delegate, key: 'matrix.example', importJobId: randomUUID(),
    column: 'HT', value: 'C', version: null, requestId: randomUUID(),
    rolloverId: randomUUID(), // no rollover is applied in the matrix's world: every caller gets 403 or 404
  };
}

/** Accounts administration: a class of the home unit without `elev`, and the account of one of its pupils
 *  that no actor logs in with (resetting or disabling it must not touch the demo accounts). */
async function accountFixtures(t: TestApp, elev: string) {
  const db = t.database.db;
  const found = (await one<{ class_id: string; person_id: string }>(db, sql`select g.id as class_id, m.person_id from student_group g
    join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id and m.end_date is null
    join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id and u.name = ${HOME}
   where g.organiser_id = ${t.organiserId} and g.group_type = 'class' and g.end_date is null
     and not exists (select 1 from group_membership x where x.group_id = g.id and x.person_id = ${elev})
     and not exists (select 1 from account a where a.person_id = m.person_id) order by g.name, m.person_id limit 1`))!;
  const accountId = randomUUID();
  await db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${accountId}, ${found.person_id}, 'matris_konto', ${await hashPassword('demo')})`);
  return { classId: found.class_id, accountId };
}

/** The home unit, an organiser-wide holiday in the current term and a subject (the organisation routes). */
async function organisationResources(t: TestApp, unitId: string): Promise<Fixtures> {
  const term = (await one<{ id: string; start: string }>(t.database.db, sql`select id, to_char(start_date, 'YYYY-MM-DD') as start from term
    where organiser_id = ${t.organiserId} and start_date <= current_date order by start_date desc limit 1`))!;
  const holidayId = randomUUID();
  await t.database.db.execute(sql`insert into holiday (organiser_id, id, term_id, school_unit_id, name, start_date, end_date)
    values (${t.organiserId}, ${holidayId}, ${term.id}, null, 'Matrislov', ${term.start}, ${term.start})`);
  return { unitId, holidayId, subjectCode: 'MA' };
}

/** The pupils each actor may ever see in a response: staff of a unit its pupils, the analyst all,
 *  a guardian their children, a pupil themself. Anyone else's pupil in a response is a leak. */
async function pupilReach(t: TestApp, actors: MatrixActor[]) {
  const db = t.database.db;
  const org = t.organiserId;
  const enrolled = await rows<{ person_id: string; unit_id: string; civic_no: string | null }>(db, sql`
    select e.person_id, e.school_unit_id as unit_id, p.civic_no from enrolment e join person p on p.organiser_id = e.organiser_id and p.id = e.person_id
     where e.organiser_id = ${org}`);
  const children = await rows<{ guardian_id: string; child_id: string }>(db, sql`select guardian_id, child_id from guardianship where organiser_id = ${org}`);
  const pupils = new Map<string, string>(); // id or civic number → pupil id
  for (const e of enrolled) { pupils.set(e.person_id, e.person_id); if (e.civic_no) pupils.set(e.civic_no, e.person_id); }
  const reach = new Map<MatrixActor, Set<string>>();
  for (const a of actors) {
    const s = a.client.body?.current;
    const me = a.client.body?.person?.id;
    const set = new Set<string>();
    if (!s) { /* anonymous: no one */ } else if (s.role === 'analyst') enrolled.forEach((e) => set.add(e.person_id));
    else if (s.role === 'guardian') children.filter((g) => g.guardian_id === me).forEach((g) => set.add(g.child_id));
    else if (s.role === 'pupil') set.add(me);
    else enrolled.filter((e) => e.unit_id === s.unitId).forEach((e) => set.add(e.person_id));
    reach.set(a, set);
  }
  return { pupils, of: (a: MatrixActor) => reach.get(a)! };
}

/** Absence reports, leave and notices: a report and a pending leave application of `elev` (by their own
 *  guardian), and a notice to the demo guardian. */
async function absenceFixtures(t: TestApp, elev: string, unitId: string, demoGuardian: string) {
  const db = t.database.db;
  const org = t.organiserId;
  const guardianOfElev = (await one<{ guardian_id: string }>(db, sql`select guardian_id from guardianship where child_id = ${elev} limit 1`))!.guardian_id;
  const absenceReportId = randomUUID();
  await db.execute(sql`insert into absence_report (organiser_id, id, pupil_id, reported_by, reporter_role, from_date, to_date)
    values (${org}, ${absenceReportId}, ${elev}, ${guardianOfElev}, 'guardian', current_date + 1, current_date + 2)`);
  const leaveApplicationId = randomUUID();
  await db.execute(sql`insert into leave_application (organiser_id, id, pupil_id, school_unit_id, applied_by, from_date, to_date, reason)
    values (${org}, ${leaveApplicationId}, ${elev}, ${unitId}, ${guardianOfElev}, current_date + 7, current_date + 8, 'Familjeresa')`);
  const child = (await one<{ child_id: string }>(db, sql`select child_id from guardianship where guardian_id = ${demoGuardian} order by child_id limit 1`))!.child_id;
  const noticeId = randomUUID();
  await db.execute(sql`insert into notice (organiser_id, id, recipient_id, pupil_id, kind, day, title, body)
    values (${org}, ${noticeId}, ${demoGuardian}, ${child}, 'absence.same_day', current_date, 'Frånvaro utan anmälan idag', 'Matris')`);
  return { absenceReportId, leaveApplicationId, noticeId, fromTime: null, toTime: null };
}

/** Timetable and roll call: a past lesson of the pupil's group and one of its weekly slots, and valid slot times. */
async function timetableFixtures(t: TestApp, groupId: string): Promise<Fixtures> {
  const db = t.database.db;
  const lesson = await one<{ id: string; slot_id: string }>(db, sql`select id, slot_id from lesson where group_id = ${groupId}
    and lesson_date < current_date and slot_id is not null order by lesson_date desc limit 1`);
  if (!lesson) throw new Error('the demo data has no lesson of the group');
  return { lessonId: lesson.id, slotId: lesson.slot_id, weekday: 1, startTime: '16:00', endTime: '16:45', status: 'absent' };
}

/** Plannings: a published planning of the pupil's MA group by its teacher (larare), the curriculum it was made
 *  against and its syllabus, and its owner (the last one: removing them is refused). */
async function planningFixtures(t: TestApp, teacher: Client, groupId: string): Promise<Fixtures> {
  const today = swedishDate(new Date());
  const created = await teacher.request('POST', '/api/plannings', { title: 'Matrisplanering', subjectCode: 'MA', groupIds: [groupId], periodStart: today, periodEnd: today });
  if (created.statusCode !== 200) throw new Error(`planning: ${created.body}`);
  const p = created.json();
  const syllabus = (await teacher.get(`/api/curriculum/syllabuses/${p.syllabusId}`)).json();
  const requirementIds = [syllabus.stages[syllabus.stages.length - 1].requirements[0].id];
  const edited = await teacher.request('PUT', `/api/plannings/${p.id}`, { title: p.title, periodStart: today, periodEnd: today, groupIds: [groupId],
    learningHtml: '', teachingHtml: '', assessmentHtml: '', contentIds: [], requirementIds, version: p.version });
  const published = await teacher.request('POST', `/api/plannings/${p.id}/publish`, { version: edited.json().version });
  if (published.statusCode !== 200) throw new Error(`publish: ${published.body}`);
  return { planningId: p.id, versionId: p.curriculum.id, syllabusId: p.syllabusId, ownerId: teacher.body.person.id };
}

/** Assessment: the demo's past MA planning of `larare` at the home unit (its pupils assessed) and one of its requirements. */
async function assessmentFixtures(t: TestApp): Promise<Fixtures> {
  const found = await one<{ planning_id: string; requirement_id: string }>(t.database.db, sql`select pl.id as planning_id, pr.requirement_id
    from planning pl join planning_owner po on po.organiser_id = pl.organiser_id and po.planning_id = pl.id
      join account a on a.person_id = po.person_id and a.username = 'larare'
      join school_unit u on u.organiser_id = pl.organiser_id and u.id = pl.school_unit_id and u.name = ${HOME}
      join planning_requirement pr on pr.organiser_id = pl.organiser_id and pr.planning_id = pl.id
    where exists (select 1 from assessment x where x.organiser_id = pl.organiser_id and x.planning_id = pl.id)
    order by pl.title, pr.position limit 1`);
  if (!found) throw new Error('the demo data has no assessed planning of larare');
  return { planningId: found.planning_id, requirementId: found.requirement_id, level: 'C', subject: 'MA' };
}

/** Follow-up of grades: a finding on the home unit by its principal, with a measure decided. */
async function followupFixtures(rektor: Client): Promise<Fixtures> {
  const finding = await rektor.request('POST', '/api/followup/findings', { schoolYear: '2025/2026', subjectCode: 'MA', gradeYear: 9, targetKind: 'unit',
    targetLabel: 'Björkskolan', assessment: 'unjustified', cause: 'Matrisens iakttagelse' });
  if (finding.statusCode !== 200) throw new Error(`followup finding: ${finding.body}`);
  const followUpDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const measured = await rektor.request('POST', `/api/followup/findings/${finding.json().id}/measures`, { kind: 'co_assessment', description: 'Sambedömning',
    responsible: 'Ämneslaget', followUpDate });
  if (measured.statusCode !== 200) throw new Error(`followup measure: ${measured.body}`);
  return { findingId: finding.json().id };
}
