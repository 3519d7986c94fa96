// What the route fuzzer needs around the app: a server log it can read, a detector of changes to the domain
// data, logged-in clients of every role, and real ids to reach the code behind the access checks.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { swedishDate, systemClock } from '../../../src/domain/common/dates.js';
import { buildApp } from '../../../src/server/app.js';
import { one, rows, type Database } from '../../../src/server/platform/db/database.js';
import { Client } from '../api.js';

// ── the server log ───────────────────────────────────────────────────────────────────────────────

export interface LogLine { level: number; msg?: string; err?: { type?: string; message?: string; stack?: string }; reqId?: string; [k: string]: unknown }

export interface FuzzApp { app: FastifyInstance; log: LogLine[] }

/** The app on `database`, logging warnings and errors into `log` instead of stdout (buildApp's logStream),
 *  so "no unhandled error in the server log" is checked on the real log. */
export async function buildFuzzApp(database: Database): Promise<FuzzApp> {
  const organiser = (await one<{ id: string; name: string; contact: string | null }>(database.db,
    sql`select id, name, contact from organiser order by created_at limit 1`))!;
  const log: LogLine[] = [];
  let pending = '';
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines.filter(Boolean)) {
        try { log.push(JSON.parse(line)); } catch { log.push({ level: 60, msg: `unparsable log line: ${line}` }); }
      }
      done();
    },
  });
  const app = await buildApp({ database, clock: systemClock, organiser, sessionHours: 8, secureCookies: false, logLevel: 'warn', logStream, webRoot: null });
  await app.ready();
  // the capture works, or the run is not worth having
  app.log.warn('fuzz: log capture check');
  if (!log.some((l) => l.msg === 'fuzz: log capture check')) throw new Error('the app log is not captured');
  log.length = 0;
  return { app, log };
}

// ── changes to the domain data ──────────────────────────────────────────────────────────────────

/** Tables that may record a refused attempt (audit, sessions, login throttling); everything else is domain data. */
/** Tables whose rows a request may change without changing domain data: the audit, sessions, the login throttle, and
 *  the follow-up's derived facts (rebuilt by any report that finds them marked). */
export const NON_DOMAIN_TABLES = ['audit_event', 'session', 'login_throttle', 'followup_fact', 'followup_unit_fact', 'followup_dirty',
  // SS 12000 meta (kept by triggers with the domain rows) and the server's own generated secrets
  'ss12000_entity', 'ss12000_attendance_lesson', 'server_secret'];
const CHANGE_LOG = 'fuzz_domain_change';

export interface ChangeDetector {
  tables: string[];
  /** The domain rows changed since the last call (table and operation), and forgets them. */
  take(): Promise<{ table: string; op: string }[]>;
  /** An order-independent checksum of every domain table (a cross-check of the triggers). */
  checksum(): Promise<string>;
}

/**
 * Puts a row trigger on every domain table (every table of the public schema but the non-domain ones, so
 * a new table is watched the day it is created) that notes each insert, delete and real update in a side
 * table, in the same transaction: a refused request whose transaction rolled back leaves no note. Only for
 * a throwaway copy of the database.
 */
export async function installChangeDetector(database: Database): Promise<ChangeDetector> {
  const { db } = database;
  const tables = (await rows<{ name: string }>(db, sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`))
    .map((t) => t.name).filter((t) => !NON_DOMAIN_TABLES.includes(t) && t !== CHANGE_LOG);
  await db.execute(sql.raw(`create table ${CHANGE_LOG} (id bigserial primary key, tbl text not null, op text not null)`));
  await db.execute(sql.raw(`create function ${CHANGE_LOG}_note() returns trigger language plpgsql as $$
    begin
      if tg_level = 'ROW' and tg_op = 'UPDATE' and old is not distinct from new then return null; end if;
      insert into ${CHANGE_LOG} (tbl, op) values (tg_table_name, tg_op);
      return null;
    end $$`));
  for (const t of tables) {
    await db.execute(sql.raw(`create trigger ${CHANGE_LOG}_row after insert or update or delete on "${t}" for each row execute function ${CHANGE_LOG}_note()`));
    await db.execute(sql.raw(`create trigger ${CHANGE_LOG}_truncate after truncate on "${t}" for each statement execute function ${CHANGE_LOG}_note()`));
  }
  const checksumQuery = sql.raw(`select md5(string_agg(t || ':' || n || ':' || coalesce(h, 0), ',' order by t)) as sum from (${tables.map((t) =>
    `select '${t}' as t, count(*) as n, sum(('x' || substr(md5(x::text), 1, 15))::bit(60)::bigint) as h from "${t}" x`).join(' union all ')}) s`);
  return {
    tables,
    take: async () => (await rows<{ tbl: string; op: string }>(db, sql.raw(`delete from ${CHANGE_LOG} returning tbl, op`))).map((r) => ({ table: r.tbl, op: r.op })),
    checksum: async () => (await one<{ sum: string }>(db, checksumQuery))!.sum,
  };
}

// ── who sends the requests ──────────────────────────────────────────────────────────────────────

export interface ActorSpec { username: string | null; role: string | null; unit?: string }

/** Anonymous, and a session of every demo account (password `demo`) in its role, some in a second role or unit. */
export const ACTORS: readonly ActorSpec[] = [
  { username: null, role: null },
  { username: 'admin', role: 'administrator' }, { username: 'huvudman', role: 'administrator' }, { username: 'rektor', role: 'principal' },
  { username: 'larare', role: 'teacher', unit: 'Björkskolan' }, { username: 'larare', role: 'teacher', unit: 'Eksätraskolan' },
  { username: 'larare2', role: 'teacher' }, { username: 'mentor', role: 'teacher' }, { username: 'analytiker', role: 'analyst' },
  { username: 'vardnadshavare', role: 'guardian' }, { username: 'elev', role: 'pupil' },
  { username: 'personal', role: 'teacher' }, { username: 'personal', role: 'guardian' },
  { username: 'elevhalsa', role: 'student_health' },
];
export const ACTOR_USERNAMES = [...new Set(ACTORS.map((a) => a.username).filter((u): u is string => !!u))];

export interface Actor { spec: ActorSpec; client: Client; ip: string; role: string | null; unitId: string | null; logins: number }

const actorIp = (i: number) => `10.77.0.${i + 1}`;

/** Logs the actor in (again) and into its role and unit, when a fuzzed request logged it out, logged
 *  another account in on its cookie or switched its role; fails loudly, as nothing else would work then. */
export async function ensureActor(a: Actor): Promise<void> {
  if (!a.spec.username) return;
  if (!a.client.cookie || a.client.body?.username !== a.spec.username) {
    a.client.cookie = null; a.client.csrf = null; a.client.body = null;
    const res = await a.client.login(a.spec.username);
    if (res.statusCode !== 200) throw new Error(`fuzz: cannot log in ${a.spec.username}: ${res.statusCode} ${res.body}`);
    a.logins++;
  }
  const current = a.client.body.current as { role: string; unitId: string | null };
  if (a.role === null) { // the first time: where the actor stays
    const grant = a.client.body.roles.find((r: { role: string }) => r.role === a.spec.role);
    if (!grant) throw new Error(`fuzz: ${a.spec.username} has no role ${a.spec.role}`);
    const unit = a.spec.unit ? grant.units.find((u: { name: string }) => u.name === a.spec.unit) : current.role === a.spec.role ? { id: current.unitId } : grant.units[0];
    a.role = a.spec.role; a.unitId = unit?.id ?? null;
  }
  if (current.role !== a.role || current.unitId !== a.unitId) {
    const res = await a.client.request('PUT', '/api/session/context', { role: a.role, unitId: a.unitId });
    if (res.statusCode !== 200) throw new Error(`fuzz: ${a.spec.username} cannot switch to ${a.role} ${a.spec.unit ?? ''}: ${res.body}`);
  }
}

export async function loginActors(app: FastifyInstance): Promise<Actor[]> {
  const actors: Actor[] = ACTORS.map((spec, i) => ({ spec, client: new Client(app, actorIp(i)), ip: actorIp(i), role: null, unitId: null, logins: 0 }));
  for (const a of actors) await ensureActor(a);
  return actors;
}

// ── real ids, and some grading state to reach deeper code ────────────────────────────────────────

/** Values that belong together (a group, a pupil in it, their grade, and the teacher of the group): a request
 *  built from one reaches the code behind the scope checks. `actor` is a username of ACTORS. */
export type Fixture = Record<string, string> & { actor?: string };

export interface FuzzState {
  /** Real values by field name (`groupId` → ids of real groups, `version` → 1). */
  pools: Record<string, unknown[]>;
  fixtures: Fixture[];
}

/**
 * Brings the demo data to a state where most grading routes have something to act on (grades registered,
 * confirmed, decided and locked; a final F with its written assessment due; a grade document; a delegation),
 * through the API as users would, and collects real ids. Deterministic for a given demo database and day.
 */
export async function prepareState(database: Database, actors: Actor[]): Promise<FuzzState> {
  const by = (username: string) => actors.find((a) => a.spec.username === username)!.client;
  const larare = by('larare'); const larare2 = by('larare2'); const admin = by('admin'); const rektor = by('rektor');
  const must = async (what: string, p: Promise<{ statusCode: number; body: string; json(): any }>) => {
    const res = await p;
    if (res.statusCode !== 200) throw new Error(`fuzz setup: ${what}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const save = (c: Client, groupId: string, pupilId: string, value: string, column = 'HT') =>
    must(`grade ${value}`, c.request('PUT', `/api/grading/groups/${groupId}/cells`, { pupilId, column, value, version: null, requestId: randomUUID() }));

  // larare: HT grades in a year-9 MA group, confirmed, the catalogue signed (decided), then locked by the administrator
  const overview = await must('overview', larare.get('/api/grading/groups'));
  const nine = overview.groups.find((g: any) => g.name.startsWith('9'));
  const register = await must('register', larare.get(`/api/grading/groups/${nine.id}`));
  const pupils = register.pupils.filter((p: any) => p.cells.HT.allowed).slice(0, 6);
  for (const [i, p] of pupils.entries()) await save(larare, nine.id, p.id, 'ABCDEF'[i % 6]);
  await must('confirm', larare.request('POST', `/api/grading/groups/${nine.id}/confirm`, { column: 'HT', pupilIds: pupils.map((p: any) => p.id) }));
  await must('sign', larare.request('POST', `/api/grading/groups/${nine.id}/catalogue/sign`, { column: 'HT' }));
  await must('lock', admin.request('POST', `/api/grading/groups/${nine.id}/lock`, { column: 'HT' }));
  // a final F (its written assessment is due) and a registered final grade
  const finals = register.pupils.filter((p: any) => p.cells.final.allowed).slice(6, 8);
  for (const [i, p] of finals.entries()) await save(larare, nine.id, p.id, i === 0 ? 'F' : 'B', 'final');
  // larare2 (no licence): two grades in the English group shared with a licensed teacher (disagreements), one confirmed
  const overview2 = await must('overview 2', larare2.get('/api/grading/groups'));
  const en = overview2.groups[0];
  const register2 = await must('register 2', larare2.get(`/api/grading/groups/${en.id}`));
  const enPupils = register2.pupils.filter((p: any) => p.cells.HT.allowed).slice(0, 2);
  for (const p of enPupils) await save(larare2, en.id, p.id, 'C');
  await must('confirm 2', larare2.request('POST', `/api/grading/groups/${en.id}/confirm`, { column: 'HT', pupilIds: [enPupils[0].id] }));
  // documents for the pupils with locked grades (the ones whose every grade is locked get one)
  await must('documents', admin.request('POST', '/api/grading/documents', { kind: 'term', pupilIds: pupils.map((p: any) => p.id) }));
  // a delegation of the principal
  const staff = await must('staff', rektor.get('/api/unit/staff'));
  const delegate = staff.find((s: any) => s.id !== rektor.body.person.id);
  await must('delegation', rektor.request('POST', '/api/delegations', { delegateId: delegate.id, decisionKind: 'decide_leave', startDate: swedishDate(new Date()), endDate: null }));

  // an absence investigation of a pupil with grades (the principal's)
  const investigation = await must('investigation', rektor.request('POST', '/api/absence/investigations', { pupilId: pupils[0].id, reason: 'Hög frånvaro', openedOn: swedishDate(new Date()) }));
  // an action programme of the same pupil with one draft measure (the principal's)
  const programme = await must('action programme', rektor.request('POST', '/api/action-programmes', { pupilId: pupils[0].id, reason: 'Behov av stöd', startedOn: swedishDate(new Date()) }));
  const drafted = await must('action programme draft', rektor.request('PUT', `/api/action-programmes/${programme.id}`, { investigationFindings: 'Kartläggning', needs: 'Stöd',
    evaluateBy: null, measures: [{ measure: 'Enskild undervisning', responsibleId: rektor.body.person.id, followUpOn: swedishDate(new Date()) }], version: 1 }));

  const ids = async (q: ReturnType<typeof sql>) => (await rows<{ id: string }>(database.db, q)).map((r) => r.id);
  const unitIds = await ids(sql`select id from school_unit order by name`);
  const bjork = await one<{ id: string }>(database.db, sql`select id from school_unit where name = 'Björkskolan'`);
  const gradeOf = async (groupId: string, pupilId: string) => (await ids(sql`select id from grade where group_id = ${groupId} and pupil_id = ${pupilId} order by kind, id`))[0];
  const fixtures: Fixture[] = [];
  for (const p of pupils) fixtures.push({ groupId: nine.id, pupilId: p.id, gradeId: await gradeOf(nine.id, p.id), column: 'HT', actor: 'larare' });
  for (const p of finals) fixtures.push({ groupId: nine.id, pupilId: p.id, gradeId: await gradeOf(nine.id, p.id), column: 'final', actor: 'larare' });
  for (const p of register.pupils.slice(8, 12)) fixtures.push({ groupId: nine.id, pupilId: p.id, column: 'final', actor: 'larare' }); // no grade yet
  for (const p of enPupils) fixtures.push({ groupId: en.id, pupilId: p.id, gradeId: await gradeOf(en.id, p.id), column: 'HT', actor: 'larare2' });
  for (const p of pupils.slice(0, 2)) fixtures.push({ groupId: nine.id, pupilId: p.id, gradeId: await gradeOf(nine.id, p.id), decidedBy: larare.body.person.id, actor: 'admin' });
  for (const id of await ids(sql`select id from grade_document order by created_at, id`)) fixtures.push({ documentId: id, actor: 'rektor' }, { documentId: id, actor: 'admin' });
  for (const id of await ids(sql`select id from delegation order by start_date, id`)) fixtures.push({ delegationId: id, actor: 'rektor' });
  const classOf = await ids(sql`select m.group_id as id from group_membership m join student_group g on g.id = m.group_id and g.group_type = 'class'
    where m.person_id = ${pupils[0].id} order by m.start_date desc limit 1`);
  fixtures.push({ classId: classOf[0], actor: 'admin' }, { classId: classOf[0], actor: 'rektor' });
  // roll call: lessons of the larare's year-9 group up to today, with its pupils; its weekly slots for the administrator
  const lessonIds = await ids(sql`select id from lesson where group_id = ${nine.id} and lesson_date <= ${swedishDate(new Date())}::date order by lesson_date desc, id limit 4`);
  for (const [i, p] of pupils.slice(0, 4).entries()) fixtures.push({ lessonId: lessonIds[i % lessonIds.length], pupilId: p.id, actor: 'larare' });
  const slotIds = await ids(sql`select id from lesson_slot where group_id = ${nine.id} order by weekday, start_time, id`);
  for (const id of lessonIds.slice(0, 2)) fixtures.push({ lessonId: id, groupId: nine.id, actor: 'admin' });
  fixtures.push({ investigationId: investigation.id, pupilId: pupils[0].id, actor: 'rektor' }, { investigationId: investigation.id, actor: 'elevhalsa' });
  fixtures.push({ programmeId: programme.id, measureId: drafted.measures[0].id, pupilId: pupils[0].id, actor: 'rektor' }, { programmeId: programme.id, measureId: drafted.measures[0].id, actor: 'larare' });
  const planning = await planningPool(database, larare, nine.id);
  // development talks and extra adaptations of a pupil of larare's year-9 group, by the principal
  const talk = await must('development talk', rektor.request('POST', `/api/pupils/${pupils[0].id}/development-talks`, { heldOn: swedishDate(new Date()), participants: '' }));
  const adaptation = await must('extra adaptation', rektor.request('POST', `/api/pupils/${pupils[0].id}/extra-adaptations`, { subjectCode: 'MA', description: 'Extra tid',
    startDate: swedishDate(new Date()), endDate: null, responsibleId: rektor.body.person.id, followUpOn: null }));
  fixtures.push({ talkId: talk.id, subjectCode: 'MA', actor: 'larare' }, { talkId: talk.id, actor: 'rektor' },
    { adaptationId: adaptation.id, actor: 'rektor' }, { adaptationId: adaptation.id, responsibleId: rektor.body.person.id, actor: 'larare' });
  const pools: Record<string, unknown[]> = {
    groupId: [nine.id, en.id, ...await ids(sql`select id from student_group where school_unit_id = ${bjork!.id} order by name, id limit 12`),
      ...await ids(sql`select id from student_group where school_unit_id <> ${bjork!.id} order by name, id limit 3`)],
    classId: await ids(sql`select id from student_group where group_type = 'class' and school_unit_id = ${bjork!.id} order by name, id limit 6`),
    pupilId: [...pupils.map((p: any) => p.id), ...register2.pupils.slice(0, 3).map((p: any) => p.id),
      ...await ids(sql`select p.id from person p join account a on a.person_id = p.id where a.username = 'elev'`),
      ...await ids(sql`select g.child_id as id from guardianship g join account a on a.person_id = g.guardian_id where a.username in ('vardnadshavare', 'personal') order by 1`),
      ...await ids(sql`select id from person where security_marking = 'protected' order by id limit 2`)],
    gradeId: await ids(sql`select id from grade order by registered_at, id`),
    termId: await ids(sql`select id from term order by start_date`),
    documentId: await ids(sql`select id from grade_document order by created_at, id`),
    delegationId: await ids(sql`select id from delegation order by start_date, id`),
    delegateId: staff.map((s: any) => s.id).slice(0, 6),
    decidedBy: [larare.body.person.id, rektor.body.person.id],
    unitId: unitIds,
    username: ACTOR_USERNAMES,
    password: ['demo'],
    key: ['grading.columns', 'grading.showFinal'],
    role: ['teacher', 'guardian', 'administrator'],
    value: ['A', 'B', 'C', 'D', 'E', 'F', '-', null],
    version: [null, 1, 2],
    reason: ['Ändrad bedömning efter omprov', 'Fel elev'],
    knowledgeDevelopment: ['Eleven har utvecklat sin förmåga att lösa problem.'],
    subjectCode: ['MA', 'EN', 'M2FRA'],
    holidayId: await ids(sql`select id from holiday order by start_date, id`),
    guardianId: await ids(sql`select g.guardian_id as id from guardianship g join account a on a.person_id = g.child_id and a.username = 'elev' order by 1`),
    gradeYear: [3, 6, 9],
    testGrade: ['A', 'C', 'F', null],
    schoolYear: [...new Set((await rows<{ y: string }>(database.db, sql`select school_year as y from term order by start_date desc limit 2`)).map((r) => r.y))],
    provider: ['eid', 'skolfed'],
    // SS 12000 import runs: a finished run; source addresses that are refused before any run starts
    runId: await ssImportRuns(database),
    url: ['ftp://source.example/ss12000', 'not a url'],
    returnTo: ['/', '/elever', 'https://evil.example/'],
    ...await absencePools(database, pupils.map((p: any) => p.id), bjork!.id),
    lessonId: [...lessonIds, ...await ids(sql`select id from lesson where school_unit_id <> ${bjork!.id} and lesson_date <= current_date order by lesson_date desc, id limit 2`)],
    slotId: [...slotIds.slice(0, 3), ...await ids(sql`select s.id from lesson_slot s join student_group g on g.id = s.group_id where g.school_unit_id <> ${bjork!.id} order by s.id limit 1`)],
    status: ['present', 'absent', 'late', 'left_early'],
    weekday: [1, 3, 5],
    startTime: ['16:00', '08:10'],
    endTime: ['16:45', '09:10'],
    investigationId: [investigation.id],
    programmeId: [programme.id, ...await ids(sql`select id from action_programme order by investigation_started_on, id limit 3`)],
    measureId: [drafted.measures[0].id, ...await ids(sql`select id from action_programme_measure order by follow_up_on, id limit 2`)],
    decision: ['programme', 'no_programme', 'granted', 'refused'],
    ...planning,
    talkId: [talk.id], adaptationId: [adaptation.id],
  };
  const followup = await followupPool(rektor, must);
  pools.findingId = followup.findingIds;
  pools.measureId = [...pools.measureId, ...followup.measureIds];
  const assessment = await assessmentPools(database);
  for (const [k, v] of Object.entries(assessment.pools)) pools[k] = [...(pools[k] ?? []), ...v];
  fixtures.push(...assessment.fixtures);
  pools.apiClientId = await apiClientPool(database);
  fixtures.push({ apiClientId: pools.apiClientId[0] as string, actor: 'huvudman' });
  return { pools, fixtures };
}

/** SS 12000 API clients of the fuzz's own (the demo client is left alone: revoking it would end the
 *  interface's other fuzzing), for :apiClientId. */
async function apiClientPool(database: Database): Promise<string[]> {
  const made: string[] = [];
  for (const name of ['fuzz-klient-1', 'fuzz-klient-2']) {
    const id = randomUUID();
    await database.db.execute(sql`insert into api_client (organiser_id, id, client_id, name, secret_hash, unit_ids, resources)
      select id, ${id}, ${name}, ${name}, 'not-a-hash', null, array['organisations']::text[] from organiser limit 1`);
    made.push(id);
  }
  return made;
}

/** Absence reports, leave applications and notices of the fuzzed pupils (real ids for :absenceReportId,
 *  :leaveApplicationId and :noticeId), written directly as a guardian's report, application and notice. */
async function absencePools(database: Database, pupilIds: string[], unitId: string): Promise<Record<string, unknown[]>> {
  const db = database.db;
  const pools: Record<string, string[]> = { absenceReportId: [], leaveApplicationId: [], noticeId: [] };
  for (const pupilId of pupilIds.slice(0, 3)) {
    const g = await one<{ guardian_id: string; organiser_id: string }>(db, sql`select guardian_id, organiser_id from guardianship where child_id = ${pupilId} limit 1`);
    if (!g) continue;
    const [report, leave, notice] = [randomUUID(), randomUUID(), randomUUID()];
    await db.execute(sql`insert into absence_report (organiser_id, id, pupil_id, reported_by, reporter_role, from_date, to_date)
      values (${g.organiser_id}, ${report}, ${pupilId}, ${g.guardian_id}, 'guardian', current_date + 1, current_date + 1)`);
    await db.execute(sql`insert into leave_application (organiser_id, id, pupil_id, school_unit_id, applied_by, from_date, to_date, reason)
      values (${g.organiser_id}, ${leave}, ${pupilId}, ${unitId}, ${g.guardian_id}, current_date + 3, current_date + 4, 'Familjeresa')`);
    await db.execute(sql`insert into notice (organiser_id, id, recipient_id, pupil_id, kind, day, title, body)
      values (${g.organiser_id}, ${notice}, ${g.guardian_id}, ${pupilId}, 'absence.same_day', current_date, 'Frånvaro utan anmälan idag', 'Fuzz')`);
    pools.absenceReportId.push(report); pools.leaveApplicationId.push(leave); pools.noticeId.push(notice);
  }
  return { ...pools, decision: ['granted', 'refused'], fromTime: ['08:00', '13:00', null], toTime: ['09:30', '15:00', null] };
}

/** Plannings: a published planning of larare's year-9 group (real ids for :planningId, :versionId, :syllabusId,
 *  :ownerId), made through the API as the teacher would. */
async function planningPool(database: Database, larare: Client, groupId: string): Promise<Record<string, unknown[]>> {
  const today = swedishDate(new Date());
  const created = await larare.request('POST', '/api/plannings', { title: 'Fuzzplanering', subjectCode: 'MA', groupIds: [groupId], periodStart: today, periodEnd: today });
  if (created.statusCode !== 200) throw new Error(`fuzz setup: planning: ${created.body}`);
  const p = created.json();
  const requirementIds = (await rows<{ id: string }>(database.db, sql`select r.id from knowledge_requirement r join syllabus_stage st on st.id = r.stage_id
    where st.syllabus_id = ${p.syllabusId} order by st.year_from desc, r.position limit 2`)).map((r) => r.id);
  const edited = await larare.request('PUT', `/api/plannings/${p.id}`, { title: p.title, periodStart: today, periodEnd: today, groupIds: [groupId],
    learningHtml: '<p>Hej</p>', teachingHtml: '', assessmentHtml: '', contentIds: [], requirementIds, version: p.version });
  await larare.request('POST', `/api/plannings/${p.id}/publish`, { version: edited.json().version });
  return { planningId: [p.id], versionId: [p.curriculum.id], syllabusId: [p.syllabusId], ownerId: [larare.body.person.id], years: [0, 1] };
}

/** Assessment: the demo plannings of `larare` (assessed ones first) and one of another unit, their requirements, levels and subjects. */
async function assessmentPools(database: Database): Promise<{ pools: Record<string, unknown[]>; fixtures: Fixture[] }> {
  const db = database.db;
  const own = await rows<{ id: string; requirement_id: string }>(db, sql`select pl.id, (select pr.requirement_id from planning_requirement pr
      where pr.planning_id = pl.id order by pr.position limit 1) as requirement_id
    from planning pl join planning_owner po on po.planning_id = pl.id join account a on a.person_id = po.person_id and a.username = 'larare'
    order by (select count(*) from assessment x where x.planning_id = pl.id) desc, pl.id limit 3`);
  const other = await rows<{ id: string }>(db, sql`select pl.id from planning pl join school_unit u on u.id = pl.school_unit_id and u.name <> 'Björkskolan'
    order by pl.id limit 1`);
  return {
    pools: {
      planningId: [...own.map((p) => p.id), ...other.map((p) => p.id)],
      requirementId: own.map((p) => p.requirement_id),
      level: ['E', 'C', 'A', 'not_yet', 'met', 'På väg', null],
      subject: ['MA', 'SV', 'EN'],
      shared: [true, false],
    },
    fixtures: own.slice(0, 2).map((p) => ({ planningId: p.id, requirementId: p.requirement_id, actor: 'larare' })),
  };
}

/** Follow-up of grades: a finding on Björkskolan by its principal with a measure (real ids for :findingId and,
 *  beside the action programmes' measures, :measureId). */
type Must = (what: string, p: Promise<{ statusCode: number; body: string; json(): any }>) => Promise<any>;
async function followupPool(rektor: Client, must: Must): Promise<{ findingIds: string[]; measureIds: string[] }> {
  const finding = await must('followup finding', rektor.request('POST', '/api/followup/findings', { schoolYear: '2025/2026', subjectCode: 'MA', gradeYear: 9,
    targetKind: 'unit', targetLabel: 'Björkskolan', assessment: 'unjustified', cause: 'Fuzzarens iakttagelse' }));
  const measured = await must('followup measure', rektor.request('POST', `/api/followup/findings/${finding.id}/measures`, { kind: 'co_assessment',
    description: 'Sambedömning', responsible: '', followUpDate: swedishDate(new Date(Date.now() + 30 * 86_400_000)) }));
  return { findingIds: [finding.id], measureIds: [measured.measures[0].id] };
}

/** A finished SS 12000 import run of the organiser (:runId of /api/ss12000/import-runs). */
async function ssImportRuns(database: { db: Parameters<typeof rows>[0] }): Promise<string[]> {
  const id = randomUUID();
  await database.db.execute(sql`insert into ss12000_import_run (organiser_id, id, source_url, source_client_id, started_at, finished_at, status, result)
    select id, ${id}, 'http://source.example/ss12000', 'fuzz', now(), now(), 'succeeded', '{"counts":{},"rejected":[],"rejectedTotal":0}'::jsonb from organiser limit 1`);
  return [id];
}
