import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCivicNo } from '../../src/domain/org/personnummer.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { csv, upload, xlsx } from '../support/followup-upload.js';
import { schoolWeekday, settableClock } from '../support/school-day.js';

const clock = settableClock();
let t: TestApp;
let ip = 0;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.72.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const db = () => t.database.db;
const HEADER = ['Personnummer', 'Ämne', 'Årskurs', 'Läsår', 'Provbetyg', 'Deltog ej'];
let schoolYear: string;
let pupils: { id: string; civic: string }[];
let otherUnitPupil: string;

const resultOf = (pupilId: string, subject: string) => one<{ test_grade: string | null; not_participated: boolean; version: number; school_unit_id: string }>(db(),
  sql`select test_grade, not_participated, version, school_unit_id from national_test_result where pupil_id = ${pupilId} and subject_code = ${subject}
    and grade_year = 9 and school_year = ${schoolYear}`);

beforeAll(async () => {
  t = await startTestApp({ clock });
  clock.set(await schoolWeekday(t.database));
  schoolYear = (await one<{ y: string }>(db(), sql`select school_year as y from term where start_date <= ${clock.today}::date order by start_date desc limit 1`))!.y;
  // Björkskolan's pupils enrolled today (in year 9), without results this school year, and one pupil of Eksätraskolan
  pupils = (await rows<{ id: string; civic: string }>(db(), sql`select p.id, p.civic_no as civic from enrolment e join school_unit u on u.id = e.school_unit_id and u.name = 'Björkskolan'
    join person p on p.id = e.person_id where e.school_year = 9 and e.start_date <= ${clock.today}::date and (e.end_date is null or e.end_date >= ${clock.today}::date)
      and p.civic_no is not null and not exists (select 1 from national_test_result r where r.pupil_id = p.id and r.school_year = ${schoolYear})
    order by p.id limit 8`)).map((r) => ({ ...r, civic: formatCivicNo(r.civic) }));
  otherUnitPupil = formatCivicNo((await one<{ c: string }>(db(), sql`select p.civic_no as c from enrolment e join school_unit u on u.id = e.school_unit_id
    and u.name = 'Eksätraskolan' join person p on p.id = e.person_id where e.end_date is null and p.civic_no is not null
    and not exists (select 1 from enrolment e2 join school_unit u2 on u2.id = e2.school_unit_id and u2.name = 'Björkskolan' where e2.person_id = p.id)
    order by p.id limit 1`))!.c);
}, 60_000);
afterAll(async () => { await t?.close(); });

describe('importing national test results from a file', () => {
  it('the preview lists every row (new, or the reason it is refused, with the column) and writes nothing', async () => {
    const admin = await as('admin');
    const file = csv(HEADER, [
      [pupils[0].civic, 'MA', '9', schoolYear, 'C', ''],
      [pupils[1].civic, 'ma', '9', '', '', 'x'],
      [pupils[2].civic, 'MA', '9', '', 'Q', ''],
      [otherUnitPupil, 'MA', '9', '', 'B', ''],
    ]);
    const res = await upload(admin, '/api/national-tests/import/preview', file);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 2 });
    expect(body.lines.map((l: any) => [l.row, l.status, l.result])).toEqual([[2, 'new', 'C'], [3, 'new', 'Deltog ej'], [4, 'rejected', null], [5, 'rejected', 'B']]);
    expect(body.lines[2].errors).toEqual([{ column: 'Provbetyg', message: 'Provbetyget ska vara A–F' }]);
    expect(body.lines[3].errors[0]).toMatchObject({ column: 'Personnummer', message: expect.stringContaining('Ingen elev på enheten') });
    expect(body.lines[3].pupil).toBeNull();
    expect(await resultOf(pupils[0].id, 'MA')).toBeUndefined();
  });

  it('the import writes the valid rows in one go, audited per result and for the file; the same file again is all unchanged', async () => {
    const admin = await as('admin');
    const file = csv(HEADER, [[pupils[0].civic, 'MA', '9', schoolYear, 'C', ''], [pupils[1].civic, 'EN', '9', '', 'B', ''], ['19000101-0000', 'MA', '9', '', 'A', '']]);
    const first = await upload(admin, '/api/national-tests/import', file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ counts: { new: 2, changed: 0, unchanged: 0, rejected: 1 }, written: 2 });
    expect(await resultOf(pupils[0].id, 'MA')).toMatchObject({ test_grade: 'C', version: 1 });
    const audited = await rows<{ action: string; details: any }>(db(), sql`select action, details from audit_event where action like 'national_test.%'
      and details->>'source' = 'import' or action = 'national_test.imported' order by occurred_at`);
    expect(audited.filter((a) => a.action === 'national_test.registered').map((a) => a.details.personId).sort()).toEqual([pupils[0].id, pupils[1].id].sort());
    expect(audited.find((a) => a.action === 'national_test.imported')?.details.counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 1 });
    const again = await upload(admin, '/api/national-tests/import', file);
    expect(again.json()).toMatchObject({ counts: { new: 0, changed: 0, unchanged: 2, rejected: 1 }, written: 0 });
    expect(await resultOf(pupils[0].id, 'MA')).toMatchObject({ version: 1 });
  });

  it('a changed grade bumps the version, like registration; an xlsx file is read the same way', async () => {
    const admin = await as('admin');
    const file = await xlsx(['Provbetyg', 'Personnummer', 'Årskurs', 'Ämne'], [['A', pupils[0].civic, '9', 'MA']]);
    const res = await upload(admin, '/api/national-tests/import', file, 'prov.xlsx');
    expect(res.json()).toMatchObject({ format: 'xlsx', counts: { changed: 1 } });
    expect(await resultOf(pupils[0].id, 'MA')).toMatchObject({ test_grade: 'A', version: 2 });
  });

  it('the choice group: SVA is refused for a pupil with SV this school year, and two of them in one file refuse the later row', async () => {
    const admin = await as('admin');
    await upload(admin, '/api/national-tests/import', csv(HEADER, [[pupils[3].civic, 'SV', '9', '', 'B', '']]));
    const stored = await upload(admin, '/api/national-tests/import/preview', csv(HEADER, [[pupils[3].civic, 'SVA', '9', '', 'C', '']]));
    expect(stored.json().lines[0]).toMatchObject({ status: 'rejected', errors: [{ column: 'Ämne', message: expect.stringContaining('SV') }] });
    const inFile = await upload(admin, '/api/national-tests/import/preview', csv(HEADER, [[pupils[4].civic, 'SVA', '9', '', 'C', ''], [pupils[4].civic, 'SV', '9', '', 'C', '']]));
    expect(inFile.json().lines.map((l: any) => l.status)).toEqual(['new', 'rejected']);
    expect(inFile.json().lines[1].errors[0].message).toContain('rad 2');
  });

  it('a result registered at another unit is refused, and left as it is', async () => {
    const admin = await as('admin');
    const other = (await one<{ id: string }>(db(), sql`select id from school_unit where name = 'Eksätraskolan'`))!.id;
    await db().execute(sql`insert into national_test_result (organiser_id, id, pupil_id, school_unit_id, subject_code, grade_year, school_year, test_grade, registered_by)
      values (${t.organiserId}, gen_random_uuid(), ${pupils[5].id}, ${other}, 'MA', 9, ${schoolYear}, 'D', ${pupils[5].id})`);
    const res = await upload(admin, '/api/national-tests/import', csv(HEADER, [[pupils[5].civic, 'MA', '9', '', 'A', '']]));
    expect(res.json().lines[0]).toMatchObject({ status: 'rejected', errors: [{ message: expect.stringContaining('annan skolenhet') }] });
    expect(await resultOf(pupils[5].id, 'MA')).toMatchObject({ test_grade: 'D', school_unit_id: other });
  });

  it('a file with the wrong columns is refused as a whole (400), naming what is missing and unknown', async () => {
    const admin = await as('admin');
    const res = await upload(admin, '/api/national-tests/import/preview', csv(['Personnummer', 'Betygg'], [[pupils[0].civic, 'A']]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'wrong_columns' }, columns: { missing: ['Ämne', 'Årskurs'], unknown: ['Betygg'] } });
  });

  it('a teacher, the principal and the analyst are refused (403); the template is an xlsx with the columns', async () => {
    for (const [u, role] of [['larare', 'teacher'], ['rektor', undefined], ['analytiker', undefined]] as const) {
      const c = await as(u, role, role ? 'Björkskolan' : undefined);
      expect((await upload(c, '/api/national-tests/import', csv(HEADER, [[pupils[6].civic, 'MA', '9', '', 'A', '']]))).statusCode).toBe(403);
    }
    expect(await resultOf(pupils[6].id, 'MA')).toBeUndefined();
    const admin = await as('admin');
    const tpl = await admin.get('/api/national-tests/import/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
  });

  it('1,000 rows are previewed and imported well within a few seconds', async () => {
    const many = (await rows<{ c: string }>(db(), sql`select p.civic_no as c from enrolment e join school_unit u on u.id = e.school_unit_id and u.name = 'Björkskolan'
      join person p on p.id = e.person_id where e.start_date <= ${clock.today}::date and (e.end_date is null or e.end_date >= ${clock.today}::date) and p.civic_no is not null
      and not exists (select 1 from national_test_result r where r.pupil_id = p.id) order by p.id limit 250`)).map((r) => formatCivicNo(r.c));
    expect(many).toHaveLength(250);
    const years = ['2022/2023', '2023/2024', '2024/2025', schoolYear];
    const file = csv(HEADER, many.flatMap((c) => years.map((y) => [c, 'EN', '6', y, 'B', ''])));
    const admin = await as('admin');
    const started = Date.now();
    const res = await upload(admin, '/api/national-tests/import', file);
    const ms = Date.now() - started;
    expect(res.json().counts.new).toBe(many.length * years.length);
    expect(ms).toBeLessThan(5_000);
  });
});
