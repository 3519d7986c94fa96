/**
 * The users the benchmarks act as: 50 teachers of the municipality preset with bench accounts (`bench0`…
 * `bench49`, password `demo`, created on first use in each bench database), and the demo pupil `elev` and
 * guardian `vardnadshavare`, which the municipality preset has too.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase, rows, sql } from '../src/server/platform/db/database.js';
import { CONNECTIONS } from './load.js';
import { signIn, type BenchDatabase, type Session } from './server.js';

/**
 * Creates the bench teacher accounts if missing: teachers of year 7–8 groups who grade them and have no
 * account, with the password hash of `larare`. The database must be seeded; for PGlite, call it while no
 * server has the folder open.
 */
export async function ensureBenchTeachers(database: BenchDatabase, count = CONNECTIONS): Promise<string[]> {
  const handle = await openDatabase({ databaseUrl: database.env.DATABASE_URL ?? null, dataDir: database.env.LARKA_DATA_DIR ?? null, poolSize: 1 });
  try {
    const names = async () => (await rows<{ username: string }>(handle.db,
      sql`select username from account where username like 'bench%' order by username limit ${count}`)).map((r) => r.username);
    const existing = await names();
    if (existing.length >= count) return existing;
    const hash = (await rows<{ password_hash: string }>(handle.db, sql`select password_hash from account where username = 'larare'`))[0].password_hash;
    const teachers = await rows<{ person_id: string; organiser_id: string }>(handle.db, sql`
      select distinct gs.person_id, gs.organiser_id from group_staff gs
        join student_group g on g.organiser_id = gs.organiser_id and g.id = gs.group_id and g.school_year between 7 and 8
       where gs.grader and gs.assignment = 'teacher'
         and not exists (select 1 from account a where a.organiser_id = gs.organiser_id and a.person_id = gs.person_id)
       limit ${count}`);
    const free = Array.from({ length: count }, (_, k) => `bench${k}`).filter((name) => !existing.includes(name));
    for (const [k, t] of teachers.slice(0, free.length).entries()) {
      await handle.db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
        values (${t.organiser_id}, ${randomUUID()}, ${t.person_id}, ${free[k]}, ${hash}) on conflict do nothing`);
    }
    return await names();
  } finally {
    await handle.close();
  }
}

/** A grade cell a teacher may set, with the version it last saw. */
export interface Cell { groupId: string; pupilId: string; version: number | null }
/** A teacher's session with the groups it grades this term and (when asked for) its HT cells. */
export interface Teacher extends Session { groups: string[]; cells: Cell[] }

/** Logs the teachers in; `load` also fetches their grading groups, `cells` also each group's register. */
export async function signInTeachers(baseUrl: string, usernames: string[], load: 'session' | 'groups' | 'cells'): Promise<Teacher[]> {
  return Promise.all(usernames.map(async (username) => {
    const session = await signIn(baseUrl, username);
    const teacher: Teacher = { ...session, groups: [], cells: [] };
    if (load === 'session') return teacher;
    const overview = await (await fetch(`${baseUrl}/api/grading/groups`, { headers: { cookie: session.cookie } })).json() as { groups?: { id: string }[] };
    teacher.groups = (overview.groups ?? []).map((g) => g.id);
    if (load === 'cells') {
      for (const groupId of teacher.groups) {
        const reg = await (await fetch(`${baseUrl}/api/grading/groups/${groupId}`, { headers: { cookie: session.cookie } })).json() as any;
        for (const p of reg.pupils ?? []) {
          if (p.cells.HT.allowed && p.cells.HT.steps.includes('C')) teacher.cells.push({ groupId, pupilId: p.id, version: p.cells.HT.version });
        }
      }
    }
    return teacher;
  }));
}

/** The pupil `elev` (own grades) and the guardian `vardnadshavare` (the children's), each with the pupils it may look at. */
export async function signInPupilAndGuardian(baseUrl: string): Promise<(Session & { pupilIds: string[] })[]> {
  const pupil = await signIn(baseUrl, 'elev');
  const guardian = await signIn(baseUrl, 'vardnadshavare');
  const start = await (await fetch(`${baseUrl}/api/start`, { headers: { cookie: guardian.cookie } })).json() as { children?: { id: string }[] };
  const children = (start.children ?? []).map((c) => c.id);
  if (children.length === 0) throw new Error('the guardian vardnadshavare has no children in this database');
  return [{ ...pupil, pupilIds: [pupil.personId] }, { ...guardian, pupilIds: children }];
}
