/**
 * The endpoint classes `npm run bench` measures: one kind of request each, made by the users who make it
 * in real life (each connection acting as its own user). Add a class here whenever a capability adds one.
 */
import { randomUUID } from 'node:crypto';
import { closedLoop, CONNECTIONS, describe, fixedRate, measured, type Connection, type Measured, type Workload } from './load.js';
import { quiesceDatabase, settle, signIn, startServer, type BenchDatabase } from './server.js';
import { signInPupilAndGuardian, signInTeachers, type Cell, type Teacher } from './users.js';

export interface EndpointClass {
  key: string;
  label: string;
  /** The route, as the table shows it. */
  route: string;
  /** The offered rate of the p99 figure the issue names; without one (or when above the max), half the max. */
  targetRate?: number;
  /** The write path: its raw database rate is measured beside it. */
  write?: boolean;
  /** Logs the users in and returns what the connections send. */
  prepare(baseUrl: string, teacherUsernames: string[]): Promise<Workload>;
}

/** Connection n acts as user n (mod the number of users). */
const userOf = <U>(users: U[], conn: Connection): U => (conn.user ??= users[conn.index % users.length]);

/** GET requests by the bench teachers, cycling over what `paths` gives for each teacher. */
function teacherGets(load: 'session' | 'groups' | 'cells', paths: (t: Teacher) => string[]): EndpointClass['prepare'] {
  return async (baseUrl, usernames) => {
    const teachers = (await signInTeachers(baseUrl, usernames, load)).filter((t) => paths(t).length > 0);
    if (teachers.length === 0) throw new Error('no bench teacher has anything to ask for');
    return {
      next(conn) {
        const t = userOf(teachers, conn);
        conn.paths ??= paths(t);
        conn.n = (conn.n ?? 0) + 1;
        return { method: 'GET', path: conn.paths[conn.n % conn.paths.length], headers: { cookie: t.cookie } };
      },
    };
  };
}

const values = ['A', 'B', 'C', 'D', 'E'];

/**
 * Saving one grade cell after the other, with the version last seen (no conflicts): a cell whose save is
 * unanswered is skipped (a load that ends drops its requests in flight, so their cells' versions are unknown).
 */
async function gradeSaves(baseUrl: string, usernames: string[]): Promise<Workload> {
  const signedIn = await signInTeachers(baseUrl, usernames, 'cells');
  const claimed = new Set<string>(); // two bench teachers may grade one group: each cell is saved by one of them
  for (const t of signedIn) {
    t.cells = t.cells.filter((c) => {
      const key = `${c.groupId}/${c.pupilId}`;
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    });
  }
  const teachers = signedIn.filter((t) => t.cells.length > 0);
  if (teachers.length === 0) throw new Error('no bench teacher has a grade cell to save');
  const pending = new Set<Cell>();
  return {
    next(conn) {
      const t = userOf(teachers, conn);
      let cell: Cell;
      let tries = 0;
      do { conn.n = (conn.n ?? 0) + 1; cell = t.cells[(conn.n + conn.index) % t.cells.length]; } while (pending.has(cell) && ++tries < t.cells.length);
      pending.add(cell);
      return { tag: cell, method: 'PUT', path: `/api/grading/groups/${cell.groupId}/cells`,
        headers: { 'content-type': 'application/json', cookie: t.cookie, 'x-csrf-token': t.csrf },
        body: JSON.stringify({ pupilId: cell.pupilId, column: 'HT', value: values[(cell.version ?? 0) % 5], version: cell.version, requestId: randomUUID() }) };
    },
    onResponse(_conn, status, body, tag) {
      const cell = tag as Cell;
      pending.delete(cell);
      if (status === 200) cell.version = JSON.parse(body).version;
      else if (status === 409) cell.version = JSON.parse(body).current?.version ?? cell.version;
    },
  };
}

/** The pupil `elev` asking for its own grades, the guardian `vardnadshavare` for its children's. */
async function pupilGrades(baseUrl: string): Promise<Workload> {
  const users = await signInPupilAndGuardian(baseUrl);
  return {
    next(conn) {
      const u = userOf(users, conn);
      conn.n = (conn.n ?? 0) + 1;
      return { method: 'GET', path: `/api/pupils/${u.pupilIds[conn.n % u.pupilIds.length]}/grades`, headers: { cookie: u.cookie } };
    },
  };
}

/** The list "Mina elever" loads first for the unit's administrator and principal: their default columns
 *  (class, personnummer). */
export const MY_PUPILS_PATH = '/api/my-pupils?columns=className%2CcivicNo&view=list';

/** "Mina elever" of the administrator `admin` and the principal `rektor` of the municipality's first unit, which
 *  has ≈2,500 pupils: every pupil enrolled at the unit is linked to them (the largest list a staff member has). */
async function myPupils(baseUrl: string): Promise<Workload> {
  const users = await Promise.all(['admin', 'rektor'].map((username) => signIn(baseUrl, username)));
  return { next: (conn) => ({ method: 'GET', path: MY_PUPILS_PATH, headers: { cookie: userOf(users, conn).cookie } }) };
}

export const ENDPOINT_CLASSES: EndpointClass[] = [
  { key: 'session', label: 'session check', route: 'GET /api/session',
    prepare: teacherGets('session', () => ['/api/session']) },
  { key: 'start', label: 'teacher start page', route: 'GET /api/start',
    prepare: teacherGets('session', () => ['/api/start']) },
  { key: 'overview', label: 'grading overview', route: 'GET /api/grading/groups',
    prepare: teacherGets('session', () => ['/api/grading/groups']) },
  { key: 'register', label: 'register load', route: 'GET /api/grading/groups/:id', targetRate: 200,
    prepare: teacherGets('groups', (t) => t.groups.map((g) => `/api/grading/groups/${g}`)) },
  { key: 'save', label: 'grade save (write path)', route: 'PUT /api/grading/groups/:id/cells', targetRate: 500, write: true,
    prepare: gradeSaves },
  { key: 'catalogue', label: 'grade catalogue view', route: 'GET /api/grading/groups/:id/catalogue?column=HT',
    prepare: teacherGets('groups', (t) => t.groups.map((g) => `/api/grading/groups/${g}/catalogue?column=HT`)) },
  { key: 'pupil-page', label: "the staff's pupil page (teacher)", route: 'GET /api/pupils/:id/record',
    prepare: teacherGets('cells', (t) => [...new Set(t.cells.map((c) => c.pupilId))].map((id) => `/api/pupils/${id}/record`)) },
  { key: 'pupil-grades', label: "a pupil's own grades (pupil, guardian)", route: 'GET /api/pupils/:id/grades',
    prepare: (baseUrl) => pupilGrades(baseUrl) },
  { key: 'my-pupils', label: '"Mina elever", ≈2,500 pupils (administrator, principal)', route: 'GET /api/my-pupils', targetRate: 20,
    prepare: (baseUrl) => myPupils(baseUrl) },
];

/** Not over HTTP: grade documents rendered in-process (bench/documents.ts). */
export const DOCUMENTS_CLASS = { key: 'documents', label: 'grade documents (in-process PDF)', route: 'renderGradeDocument()' };

export interface ClassResult {
  /** At 50 connections, closed loop. */
  max: Measured;
  /** At `rate` offered, open loop. */
  fixed: Measured;
  rate: number;
  /** Why that rate: the target, or half the max. */
  rateNote: string;
  /** The server's peak resident set (a fresh server per class). */
  peakRssMiB: number;
}

/**
 * One endpoint class on one database, on a server of its own: a short warm-up, the max at 50 connections,
 * then the p99 at a fixed offered rate (the class's target when the max reaches it, else half the max).
 */
export async function runClass(database: BenchDatabase, cls: EndpointClass, teacherUsernames: string[], seconds: number,
  log: (line: string) => void = console.log): Promise<ClassResult> {
  quiesceDatabase(database);
  const server = await startServer(database.env);
  try {
    const workload = await cls.prepare(server.baseUrl, teacherUsernames);
    const pid = server.child.pid!;
    const pg = database.key === 'postgres';
    await closedLoop(server.baseUrl, workload, { connections: 10, seconds: Math.min(3, seconds) });
    await settle(server.baseUrl);
    const max = await measured(pid, database.name, () => closedLoop(server.baseUrl, workload, { connections: CONNECTIONS, seconds }));
    log(describe(`${database.label} ${cls.label}, max at ${CONNECTIONS} connections`, max, pg));
    await settle(server.baseUrl);
    const reachesTarget = cls.targetRate !== undefined && cls.targetRate <= max.perSecond;
    const rate = reachesTarget ? cls.targetRate! : Math.max(1, Math.floor(max.perSecond / 2));
    const rateNote = reachesTarget ? 'target' : cls.targetRate !== undefined ? `½ max (target ${cls.targetRate}/s > max)` : '½ max';
    const fixed = await measured(pid, database.name, () => fixedRate(server.baseUrl, workload, { rate, connections: CONNECTIONS, seconds }));
    log(describe(`${database.label} ${cls.label}, at ${rate}/s offered`, fixed, pg));
    const peakRssMiB = server.peakRssMiB();
    log(`${database.label} ${cls.label}: server peak RSS ${peakRssMiB.toFixed(0)} MiB`);
    return { max, fixed, rate, rateNote, peakRssMiB };
  } finally {
    await server.stop();
  }
}
