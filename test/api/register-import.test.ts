import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { COLUMNS, IMPORT_KINDS } from '../../src/domain/register/import/formats.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { civicNumber, csv, schoolFiles, xlsx } from '../../bench/import-files.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { applyAndWait, preview } from '../support/import-upload.js';

let t: TestApp;
let unit: { bjork: string; eksatra: string };
let klass: string; // a class of Björkskolan
let otherClass: string;
let pupilInClass: { civic: string; id: string; givenName: string; familyName: string };
beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const units = await rows<{ id: string; name: string }>(db, sql`select id, name from school_unit`);
  unit = { bjork: units.find((u) => u.name === 'Björkskolan')!.id, eksatra: units.find((u) => u.name === 'Eksätraskolan')!.id };
  const classes = await rows<{ name: string }>(db, sql`select name from student_group where school_unit_id = ${unit.bjork} and group_type = 'class' and end_date is null order by name`);
  klass = classes[0].name; otherClass = classes[1].name;
  pupilInClass = (await one<any>(db, sql`select p.id, p.civic_no as civic, p.given_name as "givenName", p.family_name as "familyName"
    from group_membership m join student_group g on g.id = m.group_id join person p on p.id = m.person_id
    where g.school_unit_id = ${unit.bjork} and g.name = ${klass} and m.end_date is null and p.civic_no ~ '^[0-9]{12}$' order by p.civic_no limit 1`))!;
}, 60_000);
afterAll(async () => { await t?.close(); });

let ipCounter = 0;
const as = async (username: string) => {
  const c = new Client(t.app, `10.77.0.${++ipCounter}`);
  expect((await c.login(username)).statusCode).toBe(200);
  return c;
};
/** An administrator of Eksätraskolan (the other unit) with an account of this name. */
async function otherUnitAdmin(username: string) {
  const db = t.database.db;
  const other = randomUUID();
  await db.execute(sql`insert into person (organiser_id, id, given_name, family_name) values (${t.organiserId}, ${other}, 'Annan', 'Admin')`);
  await db.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, start_date) values (${t.organiserId}, ${randomUUID()}, ${other}, ${unit.eksatra}, 'administrator', '2000-01-01')`);
  await db.execute(sql`insert into account (organiser_id, id, person_id, username, password_hash) values (${t.organiserId}, ${randomUUID()}, ${other}, ${username}, ${await hashPassword('demo')})`);
  return as(username);
}
const today = swedishDate(new Date());
const DOMAIN = ['person', 'enrolment', 'guardianship', 'duty', 'student_group', 'group_membership'] as const;
async function domainCounts() {
  const out: Record<string, number> = {};
  for (const table of DOMAIN) out[table] = (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))!.n;
  return out;
}
const pupilHeader = ['Personnummer', 'Förnamn', 'Efternamn', 'Årskurs', 'Klass'];
let serial = 0;
/** A civic number no one in the demo data has (born 1999). */
const fresh = () => civicNumber(serial++, 1999);

describe('file formats', () => {
  it('a file with wrong columns is refused naming the expected and the found columns', async () => {
    const admin = await as('admin');
    const res = await preview(admin, 'elever', csv([['Personnummer', 'Namn', 'Klass'], [fresh(), 'Åsa', klass]]));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('wrong_columns');
    expect(body.columns.missing).toEqual(['Förnamn', 'Efternamn', 'Årskurs']);
    expect(body.columns.unknown).toEqual(['Namn']);
    expect(body.columns.found).toEqual(['Personnummer', 'Namn', 'Klass']);
    expect(body.columns.expected).toEqual(COLUMNS.elever.map((c) => c.header));
  });

  it('an empty file, a header without rows and a file of 10,001 rows are refused as a whole', async () => {
    const admin = await as('admin');
    const before = await domainCounts();
    expect((await preview(admin, 'elever', '')).json().error.code).toBe('file_empty');
    expect((await preview(admin, 'elever', '\r\n;;\r\n')).json().error.code).toBe('file_empty');
    expect((await preview(admin, 'elever', csv([pupilHeader]))).json().error.code).toBe('file_no_rows');
    const many = [pupilHeader, ...Array.from({ length: 10_001 }, (_, i) => [civicNumber(i, 1990), 'Åsa', 'Öberg', '7', klass])];
    const res = await preview(admin, 'elever', csv(many));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'too_many_rows' }, rows: 10_001, max: 10_000 });
    const tooManyXlsx = await preview(admin, 'elever', await xlsx(many), 'elever.xlsx');
    expect(tooManyXlsx.json().error.code).toBe('too_many_rows');
    expect(await domainCounts()).toEqual(before);
  }, 60_000);

  it('a Windows-1252 (Latin-1) file and a UTF-8 file with BOM both read å ä ö correctly', async () => {
    const admin = await as('admin');
    const latin = fresh(); const utf = fresh();
    const text = (civic: string) => csv([pupilHeader, [civic, 'Åsa-Märta', 'Öström', '7', klass]]);
    const latin1Bytes = Buffer.from(text(latin), 'latin1');
    expect(latin1Bytes.includes(Buffer.from([0xc5]))).toBe(true); // Å as one byte: not UTF-8
    const bomBytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(utf), 'utf8')]);
    for (const [bytes, civic, encoding] of [[latin1Bytes, latin, 'windows-1252'], [bomBytes, utf, 'utf-8']] as const) {
      const res = await preview(admin, 'elever', bytes);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ encoding, delimiter: ';', counts: { create: 1, reject: 0 } });
      expect(res.json().created[0].subject).toContain('Öström, Åsa-Märta');
      expect((await applyAndWait(admin, res.json())).body.state).toBe('done');
      const stored = await one<{ given_name: string; family_name: string }>(t.database.db, sql`select given_name, family_name from person where civic_no = ${civic}`);
      expect(stored).toEqual({ given_name: 'Åsa-Märta', family_name: 'Öström' });
    }
  });

  it('comma-separated files with English headers, and xlsx files, are read too', async () => {
    const admin = await as('admin');
    const a = fresh(); const b = fresh();
    const comma = await preview(admin, 'elever', csv([['Civic number', 'First name', 'Last name', 'School year', 'Class'], [a, 'Björn', 'Ek', '8', klass]], ','));
    expect(comma.json()).toMatchObject({ delimiter: ',', counts: { create: 1 } });
    // Excel stores the civic number as a number and the date as a date
    const wb = await xlsx([['Personnummer', 'Förnamn', 'Efternamn', 'Årskurs', 'Klass', 'Startdatum'], [Number(b), 'Göran', 'Löf', 9, klass, new Date(Date.UTC(2026, 7, 17)) as any]]);
    const res = await preview(admin, 'elever', wb, 'elever.xlsx');
    expect(res.json()).toMatchObject({ format: 'xlsx', counts: { create: 1 } });
    expect(res.json().created[0].creates.join(' ')).toContain('från 2026-08-17');
  });

  it('each kind has a template (xlsx) with its Swedish headers and the columns explained', async () => {
    const admin = await as('admin');
    for (const kind of IMPORT_KINDS) {
      const res = await admin.get(`/api/admin/import/template?kind=${kind}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as any);
      expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(COLUMNS[kind].map((c) => c.header));
      expect(wb.worksheets[1].name).toBe('Instruktioner');
    }
  });
});

describe('preview', () => {
  it('invalid rows are rejected with their row numbers and Swedish reasons, and nothing is written', async () => {
    const admin = await as('admin');
    const before = await domainCounts();
    const ok1 = fresh();
    const file = csv([
      pupilHeader,
      [ok1, 'Åsa', 'Öberg', '7', klass], // row 2: fine
      ['20120315-1231', 'Bo', 'Ek', '7', klass], // 3: wrong check digit
      [fresh(), '', 'Ek', '7', klass], // 4: no given name
      [fresh(), 'Cia', 'Ek', '7', 'Finns inte'], // 5: unknown class
      [ok1, 'Åsa', 'Öberg', '7', klass], // 6: the same pupil again
      [fresh(), 'Dan', 'Ek', 'tolv', klass], // 7: not a school year
    ]);
    const res = await preview(admin, 'elever', file);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ create: 1, change: 0, unchanged: 0, reject: 5 });
    const reasons = Object.fromEntries(body.rejected.map((l: any) => [l.row, l.reasons.join(' | ')]));
    expect(reasons).toEqual({
      3: 'Ogiltigt personnummer ”20120315-1231”: fel kontrollsiffra',
      4: 'Förnamn saknas',
      5: 'Okänd klass Finns inte på enheten',
      6: 'Eleven finns redan på rad 2',
      7: 'Årskurs ”tolv” ska vara F eller ett tal 0–10',
    });
    // a pupil already in a class cannot join a second class for the same days
    const twice = await preview(admin, 'gruppmedlemskap', csv([['Elevens personnummer', 'Grupp'], [pupilInClass.civic, otherClass]]));
    expect(twice.json().rejected[0]).toMatchObject({ row: 2, reasons: [`Eleven går redan i klass ${klass} under perioden (en elev går i en klass i taget)`] });
    // a file with rejected rows is never applied: correct it and upload again
    const applied = await admin.request('POST', '/api/admin/import/apply', { previewId: body.previewId, fileHash: body.fileHash });
    expect(applied.statusCode).toBe(409);
    expect(applied.json().error.code).toBe('preview_has_rejections');
    expect(await domainCounts()).toEqual(before);
  });

  it('a change shows each field before → after; ending a membership and joining another class in one file is a move', async () => {
    const admin = await as('admin');
    const p = pupilInClass;
    const renamed = await preview(admin, 'elever', csv([[...pupilHeader, 'Telefon'], [p.civic, `${p.givenName}-Åke`, p.familyName, '9', klass, '070-111 22 33']]));
    const line = renamed.json().changed[0];
    expect(line.row).toBe(2);
    expect(line.changes).toEqual(expect.arrayContaining([{ field: 'Förnamn', before: p.givenName, after: `${p.givenName}-Åke` }]));
    const move = await preview(admin, 'gruppmedlemskap', csv([['Elevens personnummer', 'Grupp', 'Startdatum', 'Slutdatum'],
      [p.civic, klass, '', today], [p.civic, otherClass, nextDay(today), '']]));
    expect(move.json().counts).toMatchObject({ change: 1, create: 1, reject: 0 });
    expect(move.json().changed[0].changes).toEqual([{ field: `Slutdatum i ${klass}`, before: null, after: today }]);
  });
});

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('apply', () => {
  const files = schoolFiles(60, 'Api');
  let previewOfPupils: any;

  it('groups, pupils with class, guardians and memberships are written, each row audited in bulk, with one import.applied row', async () => {
    const admin = await as('admin');
    const jobs: string[] = [];
    for (const kind of ['grupper', 'elever', 'vardnadshavare', 'gruppmedlemskap'] as const) {
      const res = await preview(admin, kind, files[kind]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().counts.reject, JSON.stringify(res.json().rejected.slice(0, 3))).toBe(0);
      if (kind === 'elever') previewOfPupils = res.json();
      const job = await applyAndWait(admin, res.json());
      expect(job.body).toMatchObject({ state: 'done', error: null });
      expect(job.body.done).toBe(job.body.total);
      jobs.push(job.body.jobId);
    }
    const db = t.database.db;
    const pupil = files.pupils[0];
    const stored = await one<any>(db, sql`select p.id, (select count(*)::int from guardianship g where g.child_id = p.id) as guardians,
      (select array_agg(sg.name order by sg.name) from group_membership m join student_group sg on sg.id = m.group_id where m.person_id = p.id) as groups,
      (select school_unit_id from enrolment e where e.person_id = p.id) as unit from person p where civic_no = ${pupil}`);
    expect(stored).toMatchObject({ guardians: 2, groups: [files.classes[0], `${files.classes[0]} MA`], unit: unit.bjork });
    const audited = await rows<{ action: string; n: number; person: number; group: number; unit: number }>(db, sql`
      select action, count(*)::int as n, count(details->>'personId')::int as person, count(details->>'groupId')::int as group, count(details->>'unitId')::int as unit
        from audit_event where details->>'importId' = any(${sql.param(jobs)}::text[]) group by action order by action`);
    const by = Object.fromEntries(audited.map((a) => [a.action, a]));
    expect(by['person.created']).toMatchObject({ n: 60 + 60, person: 120, unit: 120 }); // pupils and guardians (siblings share)
    expect(by['group.created']).toMatchObject({ n: 6, group: 6 });
    expect(by['membership.created']).toMatchObject({ n: 120, person: 120, group: 120 });
    expect(by['guardianship.created']).toMatchObject({ n: 120, person: 120 });
    expect(by['import.applied']).toMatchObject({ n: 4, unit: 4 });
    const applied = await one<any>(db, sql`select details from audit_event where action = 'import.applied' and details->>'kind' = 'elever' and entity_id = any(${sql.param(jobs)}::text[])`);
    expect(applied.details.counts).toMatchObject({ create: 60, reject: 0 });
  });

  it('re-running the same files creates nothing and changes nothing', async () => {
    const admin = await as('admin');
    const before = await domainCounts();
    for (const kind of ['grupper', 'elever', 'vardnadshavare', 'gruppmedlemskap'] as const) {
      const res = await preview(admin, kind, files[kind]);
      expect(res.json().counts, kind).toMatchObject({ create: 0, change: 0, reject: 0 });
      expect((await applyAndWait(admin, res.json())).body.state).toBe('done');
    }
    expect(await domainCounts()).toEqual(before);
    // the first preview was applied: it cannot be applied twice
    const again = await admin.request('POST', '/api/admin/import/apply', { previewId: previewOfPupils.previewId, fileHash: previewOfPupils.fileHash });
    expect(again.statusCode).toBe(404);
  });

  it('a failure in the middle of the apply leaves nothing written: the transaction is all or nothing', async () => {
    const admin = await as('admin');
    const db = t.database.db;
    const more = schoolFiles(30, 'Fel', 1_000);
    expect((await applyAndWait(admin, (await preview(admin, 'grupper', more.grupper)).json())).body.state).toBe('done');
    const res = await preview(admin, 'elever', more.elever);
    expect(res.json().counts).toMatchObject({ create: 30, reject: 0 });
    const before = await domainCounts();
    const audits = (await one<{ n: number }>(db, sql`select count(*)::int as n from audit_event`))!.n;
    // persons and enrolments are written first; the class memberships then fail
    await db.execute(sql.raw(`create function fail_import() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`));
    await db.execute(sql.raw('create trigger fail_import before insert on group_membership for each row execute function fail_import()'));
    try {
      const job = await applyAndWait(admin, res.json());
      expect(job.body).toMatchObject({ state: 'failed', error: { code: 'apply_failed' } });
    } finally {
      await db.execute(sql.raw('drop trigger fail_import on group_membership'));
      await db.execute(sql.raw('drop function fail_import()'));
    }
    expect(await domainCounts()).toEqual(before);
    expect((await one<{ n: number }>(db, sql`select count(*)::int as n from audit_event`))!.n).toBe(audits);
    // once the fault is gone the same preview applies
    expect((await applyAndWait(admin, res.json())).body.state).toBe('done');
    expect((await domainCounts()).person).toBe(before.person + 30);
  });

  it('when the register changed after the preview, the apply is refused and nothing is written: preview again', async () => {
    const admin = await as('admin');
    const civic = fresh();
    const res = await preview(admin, 'elever', csv([pupilHeader, [civic, 'Ylva', 'Ström', '7', klass]]));
    expect(res.json().counts.create).toBe(1);
    await t.database.db.execute(sql`insert into person (organiser_id, id, civic_no, given_name, family_name) values (${t.organiserId}, ${randomUUID()}, ${civic}, 'Ylva', 'Annan')`);
    const before = await domainCounts();
    const job = await applyAndWait(admin, res.json());
    expect(job.body).toMatchObject({ state: 'failed', error: { code: 'register_changed' } });
    expect(await domainCounts()).toEqual(before);
    const wrongFile = await admin.request('POST', '/api/admin/import/apply', { previewId: res.json().previewId, fileHash: '0'.repeat(64) });
    expect(wrongFile.json().error.code).toBe('file_mismatch');
  });

  it('staff are imported with their duty at the unit; a later file changes the licence and subjects', async () => {
    const admin = await as('admin');
    const civic = civicNumber(1, 1970);
    const header = ['Personnummer', 'Förnamn', 'Efternamn', 'Roll', 'Legitimerad', 'Behörig i ämnen'];
    const first = await preview(admin, 'personal', csv([header, [civic, 'Märta', 'Sjö', 'lärare', 'nej', 'MA'], [civicNumber(2, 1970), 'Nils', 'Ek', 'vaktmästare', '', 'XX']]));
    expect(first.json().rejected[0].reasons).toEqual(['Okänd roll ”vaktmästare” (lärare, rektor, skoladministratör eller elevhälsa)']);
    const ok = await preview(admin, 'personal', csv([header, [civic, 'Märta', 'Sjö', 'lärare', 'nej', 'MA']]));
    expect((await applyAndWait(admin, ok.json())).body.state).toBe('done');
    const changed = await preview(admin, 'personal', csv([header, [civic, 'Märta', 'Sjö', 'lärare', 'ja', 'MA FY']]));
    expect(changed.json().changed[0].changes).toEqual([
      { field: 'Legitimerad', before: 'nej', after: 'ja' }, { field: 'Behörig i ämnen', before: 'MA', after: 'FY MA' }]);
    expect((await applyAndWait(admin, changed.json())).body.state).toBe('done');
    const duty = await one<any>(t.database.db, sql`select d.licensed, d.qualified_subjects, d.school_unit_id from duty d join person p on p.id = d.person_id where p.civic_no = ${civic}`);
    expect(duty).toEqual({ licensed: true, qualified_subjects: ['FY', 'MA'], school_unit_id: unit.bjork });
  });
});

describe('progress as events', () => {
  /** The `data:` lines of a Server-Sent Events body, parsed. */
  const events = (body: string) => body.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice('data: '.length)));

  it('the events route streams the job from memory while its transaction holds the database, and ends with state done', async () => {
    const admin = await as('admin');
    const db = t.database.db;
    const files = schoolFiles(100, 'Ström', 3_000);
    expect((await applyAndWait(admin, (await preview(admin, 'grupper', files.grupper)).json())).body.state).toBe('done');
    const res = await preview(admin, 'elever', files.elever);
    expect(res.json().counts).toMatchObject({ create: 100, reject: 0 });
    // hold the database (PGlite: its one connection; PostgreSQL: the unit's import lock) so the job cannot start
    // writing; it is released after a while whatever happens, so nothing here can wait forever
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    const timer = setTimeout(release, 1_000);
    let holding!: () => void;
    const held = new Promise<void>((r) => { holding = r; });
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${t.organiserId}:${unit.bjork}`}))`);
      holding();
      await released;
    });
    await held;
    try {
      // the session was just looked up by the preview, so neither request needs the database
      const started = await admin.request('POST', '/api/admin/import/apply', { previewId: res.json().previewId, fileHash: res.json().fileHash });
      expect(started.statusCode).toBe(202);
      const streamed = await admin.get(`/api/admin/import/jobs/${started.json().jobId}/events`);
      expect(streamed.statusCode, streamed.body).toBe(200);
      expect(streamed.headers['content-type']).toContain('text/event-stream');
      expect(streamed.headers['cache-control']).toBe('no-store');
      expect(streamed.headers['x-accel-buffering']).toBe('no');
      expect(streamed.headers['x-content-type-options']).toBe('nosniff'); // the app's security headers too
      const seen = events(streamed.body);
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(seen[0]).toMatchObject({ jobId: started.json().jobId, state: 'running', phase: 'checking', done: 0 });
      for (let i = 1; i < seen.length; i++) expect(seen[i].done, `event ${i}`).toBeGreaterThanOrEqual(seen[i - 1].done);
      expect(seen.slice(0, -1).every((e) => e.state === 'running')).toBe(true);
      const last = seen.at(-1);
      expect(last).toMatchObject({ state: 'done', phase: 'finished', error: null, counts: { create: 100, reject: 0 } });
      expect(last.done).toBe(last.total);
      expect(Object.keys(last).sort()).toEqual(Object.keys((await admin.get(`/api/admin/import/jobs/${last.jobId}`)).json()).sort());
      // a finished job (still kept): one event with its final state, and the stream ends
      const again = await admin.get(`/api/admin/import/jobs/${last.jobId}/events`);
      expect(events(again.body)).toEqual([last]);
    } finally {
      clearTimeout(timer);
      release();
      await holder;
    }
    expect((await one<{ n: number }>(db, sql`select count(*)::int as n from person where civic_no = ${files.pupils[0]}`))!.n).toBe(1);
  });

  it("the events of a job are refused to another unit's administrator and to a teacher; an unknown job is 404", async () => {
    const admin = await as('admin');
    const res = await preview(admin, 'elever', csv([pupilHeader, [fresh(), 'Vera', 'Ek', '7', klass]]));
    const started = await admin.request('POST', '/api/admin/import/apply', { previewId: res.json().previewId, fileHash: res.json().fileHash });
    expect(started.statusCode).toBe(202);
    const url = `/api/admin/import/jobs/${started.json().jobId}/events`;
    const stranger = await otherUnitAdmin('import_annan_events');
    const refused = await stranger.get(url);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('not_found');
    expect((await (await as('larare')).get(url)).statusCode).toBe(403);
    expect((await new Client(t.app, '10.77.1.1').get(url)).statusCode).toBe(401);
    const unknown = await admin.get(`/api/admin/import/jobs/${randomUUID()}/events`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/json');
    expect((await admin.get('/api/admin/import/jobs/not-a-uuid/events')).statusCode).toBe(400);
    // the job itself went on: the owner's stream ends with its final state
    expect(events((await admin.get(url)).body).at(-1)).toMatchObject({ state: 'done' });
  });
});

describe('who may import', () => {
  it("an administrator of another unit cannot apply or follow this unit's import, nor reach its pupils", async () => {
    const stranger = await otherUnitAdmin('import_annan');
    const admin = await as('admin');
    const res = await preview(admin, 'elever', csv([pupilHeader, [fresh(), 'Tove', 'Ek', '7', klass]]));
    const body = res.json();
    const theirs = await stranger.request('POST', '/api/admin/import/apply', { previewId: body.previewId, fileHash: body.fileHash });
    expect(theirs.statusCode).toBe(404);
    const job = await admin.request('POST', '/api/admin/import/apply', { previewId: body.previewId, fileHash: body.fileHash });
    expect((await stranger.get(`/api/admin/import/jobs/${job.json().jobId}`)).statusCode).toBe(404);
    // Björkskolan's pupils and classes are not theirs to place in groups
    const members = await preview(stranger, 'gruppmedlemskap', csv([['Elevens personnummer', 'Grupp'], [pupilInClass.civic, klass]]));
    expect(members.json().rejected[0].reasons).toContain(`Eleven ${pupilInClass.civic.slice(0, 8)}-${pupilInClass.civic.slice(8)} finns inte bland enhetens elever`);
    // an existing pupil of Björkskolan imported at Eksätraskolan: refused, their data untouched
    const moved = await preview(stranger, 'elever', csv([pupilHeader, [pupilInClass.civic, 'Ändrat', 'Namn', '7', '']]));
    expect(moved.json().rejected[0].reasons).toEqual(['Eleven är inskriven på en annan skolenhet; den inskrivningen behöver avslutas först']);
  });

  it('a teacher, a principal, a guardian and a pupil are refused every import and export route', async () => {
    for (const who of ['larare', 'rektor', 'vardnadshavare', 'elev']) {
      const c = await as(who);
      expect((await preview(c, 'elever', csv([pupilHeader, [fresh(), 'A', 'B', '7', klass]]))).statusCode, who).toBe(403);
      expect((await c.request('POST', '/api/admin/import/apply', { previewId: randomUUID(), fileHash: '0'.repeat(64) })).statusCode).toBe(403);
      expect((await c.get(`/api/admin/import/jobs/${randomUUID()}`)).statusCode).toBe(403);
      expect((await c.get('/api/admin/import/template?kind=elever')).statusCode).toBe(403);
      expect((await c.get('/api/admin/export/register')).statusCode).toBe(403);
    }
  });

  it('a preview without a file, with a JSON body or a broken multipart body is a 4xx, never a 5xx', async () => {
    const admin = await as('admin');
    const json = await admin.request('POST', '/api/admin/import/preview?kind=elever', { file: 'x' });
    expect(json.statusCode).toBe(400);
    const broken = await t.app.inject({ method: 'POST', url: '/api/admin/import/preview?kind=elever', payload: '{}',
      headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, 'content-type': 'multipart/form-data; boundary=x' } });
    expect(broken.statusCode).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode).toBeLessThan(500);
    const noKind = await preview(admin, 'okänd', csv([pupilHeader]));
    expect(noKind.statusCode).toBe(400);
  });
});

describe('export', () => {
  it("the unit's register as xlsx: frozen header, autofilter, dates as dates, å ä ö, and no address of a protected pupil", async () => {
    const admin = await as('admin');
    const db = t.database.db;
    const hidden = (await one<{ id: string }>(db, sql`select p.id from person p join enrolment e on e.person_id = p.id and e.school_unit_id = ${unit.bjork} and e.end_date is null
      where p.street_address is not null order by p.id limit 1`))!;
    await db.execute(sql`update person set security_marking = 'protected' where id = ${hidden.id}`);
    const res = await admin.get('/api/admin/export/register');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Elever', 'Vårdnadshavare', 'Personal', 'Klasser och grupper']);
    const pupils = wb.getWorksheet('Elever')!;
    expect(pupils.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(pupils.autoFilter).toBeTruthy();
    const headers = (pupils.getRow(1).values as string[]).slice(1);
    expect(headers).toContain('Vårdnadshavare');
    const col = (name: string) => headers.indexOf(name) + 1;
    const enrolled = await one<{ n: number }>(db, sql`select count(*)::int as n from enrolment where school_unit_id = ${unit.bjork} and start_date <= ${today}::date and (end_date is null or end_date >= ${today}::date)`);
    expect(pupils.actualRowCount - 1).toBe(enrolled!.n);
    expect(pupils.getRow(2).getCell(col('Inskriven från')).value).toBeInstanceOf(Date);
    const civic = (await one<{ civic_no: string }>(db, sql`select civic_no from person where id = ${hidden.id}`))!.civic_no;
    let protectedRow: ExcelJS.Row | undefined;
    pupils.eachRow((r) => { if (String(r.getCell(1).value).replace('-', '') === civic) protectedRow = r; });
    expect(protectedRow).toBeTruthy();
    expect(protectedRow!.getCell(col('Adress')).value ?? null).toBeNull();
    expect(protectedRow!.getCell(col('Skydd')).value).toBe('skyddad folkbokföring');
    expect(wb.getWorksheet('Personal')!.actualRowCount).toBeGreaterThan(1);
    const audited = await one<any>(db, sql`select details from audit_event where action = 'register.exported' order by occurred_at desc limit 1`);
    expect(audited.details.unitId).toBe(unit.bjork);
    expect(audited.details.protectedPupilIds).toContain(hidden.id);
  });
});
