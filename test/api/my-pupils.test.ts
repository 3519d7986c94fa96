import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { foldForSearch } from '../../src/domain/org/person-search.js';
import { svCollator } from '../../src/domain/org/sorting.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const today = swedishDate(new Date());
let ip = 0;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.66.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const ALL = 'className,groups,civicNo,birthDate,email,phone,address,guardians,guardianPhones';
const ids = (res: { json(): any }) => res.json().pupils.map((p: any) => p.id as string).sort();
const inForce = (alias: string) => sql.raw(`${alias}.start_date <= '${today}' and (${alias}.end_date is null or ${alias}.end_date >= '${today}')`);

/** The pupils in groups the person teaches or mentors at the unit today, computed here from the relations. */
async function expectedOfTeacher(personId: string, unitName: string): Promise<string[]> {
  return (await rows<{ id: string }>(t.database.db, sql`select distinct m.person_id as id from group_membership m
    join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
    join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id and u.name = ${unitName}
    join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.person_id = ${personId}
   where ${inForce('m')} and ${inForce('gs')}`)).map((r) => r.id).sort();
}

async function enrolledAt(unitName: string): Promise<string[]> {
  return (await rows<{ id: string }>(t.database.db, sql`select e.person_id as id from enrolment e
    join school_unit u on u.organiser_id = e.organiser_id and u.id = e.school_unit_id and u.name = ${unitName} where ${inForce('e')}`)).map((r) => r.id).sort();
}

async function classOf(name: string, unitName = 'Björkskolan') {
  const g = (await one<{ id: string }>(t.database.db, sql`select g.id from student_group g join school_unit u on u.organiser_id = g.organiser_id
    and u.id = g.school_unit_id and u.name = ${unitName} where g.name = ${name} and g.group_type = 'class'`))!;
  const members = (await rows<{ id: string }>(t.database.db, sql`select m.person_id as id from group_membership m where m.group_id = ${g.id} and ${inForce('m')}`)).map((r) => r.id).sort();
  return { id: g.id, members };
}

describe('who is on "Mina elever"', () => {
  it('a teacher sees exactly the pupils of the groups they teach at the current unit, in Swedish order', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const res = await larare.get('/api/my-pupils');
    expect(res.statusCode).toBe(200);
    const expected = await expectedOfTeacher(larare.body.person.id, 'Björkskolan');
    expect(expected.length).toBeGreaterThan(20);
    expect(ids(res)).toEqual(expected);
    const names = res.json().pupils.map((p: any) => [p.familyName, p.givenName]);
    const sorted = [...names].sort((a, b) => svCollator.compare(a[0], b[0]) || svCollator.compare(a[1], b[1]));
    expect(names).toEqual(sorted);
    expect(res.json().columns).toEqual(['className', 'groups', 'civicNo']);
  });

  it("another unit's pupils never: the same teacher at Eksätraskolan sees only that unit's pupils", async () => {
    const home = await as('larare', 'teacher', 'Björkskolan');
    const away = await as('larare', 'teacher', 'Eksätraskolan');
    const atHome = ids(await home.get('/api/my-pupils'));
    const atAway = ids(await away.get('/api/my-pupils'));
    const eksatra = new Set(await enrolledAt('Eksätraskolan'));
    expect(atAway).toEqual(await expectedOfTeacher(away.body.person.id, 'Eksätraskolan'));
    expect(atAway.every((id: string) => eksatra.has(id))).toBe(true);
    expect(atHome.some((id: string) => eksatra.has(id))).toBe(false);
    // a group of the other unit is not found, not an empty list
    const otherClass = await classOf('9A', 'Eksätraskolan');
    expect((await home.get(`/api/my-pupils?groupId=${otherClass.id}`)).statusCode).toBe(404);
    expect((await home.get(`/api/my-pupils/export?format=csv&groupId=${otherClass.id}`)).statusCode).toBe(404);
  });

  it('the mentor of 9A sees every pupil of the class; a teacher who does not teach the class cannot narrow to it', async () => {
    const mentor = await as('mentor');
    const klass = await classOf('9A');
    const all = ids(await mentor.get('/api/my-pupils'));
    expect(klass.members.every((id) => all.includes(id))).toBe(true);
    const narrowed = await mentor.get(`/api/my-pupils?groupId=${klass.id}`);
    expect(ids(narrowed)).toEqual(klass.members);
    expect(narrowed.json().group).toMatchObject({ id: klass.id, name: '9A', type: 'class' });
    const options = (await mentor.get('/api/my-pupils/groups')).json();
    expect(options.unit.name).toBe('Björkskolan');
    expect(options.groups[0]).toMatchObject({ id: klass.id, name: '9A', type: 'class', pupils: klass.members.length });
    const larare2 = await as('larare2');
    expect((await larare2.get(`/api/my-pupils?groupId=${klass.id}`)).statusCode).toBe(404);
  });

  it('the administrator and the principal see every pupil enrolled at the unit, with class and every group of each', async () => {
    const enrolled = await enrolledAt('Björkskolan');
    for (const who of ['admin', 'rektor']) {
      const c = await as(who);
      expect(ids(await c.get('/api/my-pupils?columns='))).toEqual(enrolled);
    }
    // a whole unit is read group by group: the same answer as asking pupil by pupil
    const placed = await rows<{ id: string; name: string; group_type: string }>(t.database.db, sql`select m.person_id as id, g.name, g.group_type
      from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
      join school_unit u on u.organiser_id = g.organiser_id and u.id = g.school_unit_id and u.name = 'Björkskolan' where ${inForce('m')} and ${inForce('g')}`);
    const admin = await as('admin');
    const res = (await admin.get('/api/my-pupils?columns=className,groups')).json();
    expect(res.pupils.length).toBeGreaterThan(200);
    for (const p of res.pupils) {
      const mine = placed.filter((x) => x.id === p.id);
      expect(p.className).toBe(mine.find((x) => x.group_type === 'class')?.name ?? null);
      expect(p.groups).toEqual(mine.map((x) => x.name).sort(svCollator.compare));
    }
    expect(res.columns).toEqual(['className', 'groups']);
    expect((await admin.get('/api/my-pupils')).json().columns).toEqual(['className', 'civicNo']);
  });

  it('a guardian, a pupil and the analyst are refused', async () => {
    for (const who of ['vardnadshavare', 'elev', 'analytiker']) {
      const c = await as(who);
      for (const url of ['/api/my-pupils', '/api/my-pupils/groups', '/api/my-pupils/export?format=xlsx']) {
        expect((await c.get(url)).statusCode, `${who} ${url}`).toBe(403);
      }
    }
  });
});

describe('search, selector and columns', () => {
  it('a name is found without å ä ö, and a personnummer with or without century and dash', async () => {
    const mentor = await as('mentor');
    const pupils = (await mentor.get(`/api/my-pupils?columns=civicNo`)).json().pupils as any[];
    const withRing = pupils.find((p) => /[åäöÅÄÖ]/.test(p.familyName + p.givenName))!;
    expect(withRing).toBeTruthy();
    const word = (/[åäöÅÄÖ]/.test(withRing.familyName) ? withRing.familyName : withRing.givenName).split(/[\s-]/)[0];
    const folded = foldForSearch(word);
    const found = await mentor.get(`/api/my-pupils?q=${encodeURIComponent(folded)}`);
    expect(ids(found)).toContain(withRing.id);
    expect(found.json().pupils.every((p: any) => foldForSearch(`${p.givenName} ${p.familyName}`).includes(folded))).toBe(true);
    const civic: string = withRing.civicNo;
    for (const q of [civic, `${civic.slice(0, 8)}-${civic.slice(8)}`, civic.slice(2), `${civic.slice(2, 8)}-${civic.slice(8)}`]) {
      expect(ids(await mentor.get(`/api/my-pupils?q=${encodeURIComponent(q)}`)), q).toEqual([withRing.id]);
    }
  });

  it('only the columns asked for are in the answer; an unknown column is refused', async () => {
    const mentor = await as('mentor');
    const res = await mentor.get('/api/my-pupils?columns=phone,className');
    expect(res.json().columns).toEqual(['className', 'phone']);
    for (const p of res.json().pupils) expect(Object.keys(p).sort()).toEqual(['className', 'familyName', 'givenName', 'id', 'phone', 'protected']);
    const bare = await mentor.get('/api/my-pupils?columns=');
    for (const p of bare.json().pupils) expect(Object.keys(p).sort()).toEqual(['familyName', 'givenName', 'id', 'protected']);
    const bad = await mentor.get('/api/my-pupils?columns=className,salary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unknown_column');
  });

  it("the groups column holds the teacher's own groups the pupil is in, the class column the pupil's class", async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const mine = new Set((await larare.get('/api/my-pupils/groups')).json().groups.map((g: any) => g.name));
    const pupils = (await larare.get('/api/my-pupils?columns=className,groups')).json().pupils as any[];
    expect(pupils.every((p) => p.groups.length > 0 && p.groups.every((g: string) => mine.has(g)))).toBe(true);
    expect(pupils.every((p) => typeof p.className === 'string' && /^\d[A-Z]$/.test(p.className))).toBe(true);
  });

  it('the chosen columns are remembered for the user', async () => {
    const mentor = await as('mentor');
    expect((await mentor.request('PUT', '/api/me/preferences/myPupils.columns', { value: ['phone', 'guardians'] })).statusCode).toBe(200);
    const again = await as('mentor');
    expect((await again.get('/api/me/preferences/myPupils.columns')).json().value).toEqual(['phone', 'guardians']);
  });
});

describe('protected registration', () => {
  let pupilId: string;
  let klassId: string;
  let guardianPhone: string;
  let phone: string;
  let street: string;
  beforeAll(async () => {
    const klass = await classOf('9A');
    klassId = klass.id;
    const p = (await one<{ id: string; phone: string; street: string }>(t.database.db, sql`select p.id, p.phone, p.street_address as street from person p
      where p.id = any(${sql.param(klass.members)}::uuid[]) and p.phone is not null and p.street_address is not null and exists (select 1 from guardianship gu join person g on g.id = gu.guardian_id where gu.child_id = p.id and g.phone is not null)
      order by p.family_name limit 1`))!;
    pupilId = p.id;
    phone = p.phone;
    street = p.street;
    guardianPhone = (await one<{ phone: string }>(t.database.db, sql`select g.phone from guardianship gu join person g on g.id = gu.guardian_id
      where gu.child_id = ${pupilId} and g.phone is not null limit 1`))!.phone;
    await t.database.db.execute(sql`update person set security_marking = 'protected' where id = ${pupilId}`);
    // the demo data has protected pupils of its own, in 9A too
    protectedInClass = (await rows<{ id: string }>(t.database.db, sql`select id from person where id = any(${sql.param(klass.members)}::uuid[])
      and security_marking = 'protected'`)).map((r) => r.id).sort();
  });
  let protectedInClass: string[] = [];
  /** The audit rows of `action` that `request` wrote. */
  const audited = async (action: string, request: () => Promise<unknown>) => {
    const read = () => rows<{ id: string; entity_type: string; details: any }>(t.database.db, sql`select id, entity_type, details from audit_event where action = ${action}`);
    const before = new Set((await read()).map((r) => r.id));
    await request();
    return (await read()).filter((r) => !before.has(r.id));
  };
  const personIds = (list: { entity_type: string; details: any }[]) => list.filter((a) => a.entity_type === 'person').map((a) => a.details.personId).sort();

  it('the list never carries the address and contact of a protected pupil or of their guardians, and the read is audited', async () => {
    const mentor = await as('mentor');
    let res = null as unknown as Awaited<ReturnType<typeof mentor.get>>;
    const listed = await audited('pupils.listed', async () => { res = await mentor.get(`/api/my-pupils?groupId=${klassId}&columns=${ALL}`); });
    expect(res.statusCode).toBe(200);
    const row = res.json().pupils.find((p: any) => p.id === pupilId);
    expect(row).toMatchObject({ protected: true, email: null, phone: null, address: null, className: '9A' });
    expect(row.guardians.length).toBeGreaterThan(0);
    expect(row.guardians.every((g: any) => g.protected && g.phone === null)).toBe(true);
    for (const secret of [phone, street, guardianPhone]) expect(res.body).not.toContain(secret);
    const others = res.json().pupils.filter((p: any) => p.id !== pupilId);
    expect(others.some((p: any) => p.phone && p.address)).toBe(true);
    expect(personIds(listed)).toEqual(protectedInClass);
    expect(listed).toHaveLength(protectedInClass.length);
    expect(listed.find((a) => a.details.personId === pupilId)).toMatchObject({ entity_type: 'person',
      details: { personId: pupilId, selectedGroupId: klassId, view: 'list', unitId: mentor.body.current.unitId } });
  });

  it('a list without a protected pupil is not audited', async () => {
    const mentor = await as('mentor');
    const ordinary = (await rows<{ id: string }>(t.database.db, sql`select id from person where id = any(${sql.param((await classOf('9A')).members)}::uuid[])
      and security_marking <> 'protected' limit 1`))[0].id;
    const listed = await audited('pupils.listed', async () => {
      expect((await mentor.get(`/api/my-pupils?q=${encodeURIComponent('zzzz')}`)).json().total).toBe(0);
      const civic = (await one<{ civic_no: string }>(t.database.db, sql`select civic_no from person where id = ${ordinary}`))!.civic_no;
      expect(ids(await mentor.get(`/api/my-pupils?q=${civic}`))).toEqual([ordinary]);
    });
    expect(listed).toEqual([]);
  });

  it('the Excel export shows the list as asked, masked ("Skyddad"), with header, frozen row and filter, and is audited', async () => {
    const mentor = await as('mentor');
    let res = null as unknown as Awaited<ReturnType<typeof mentor.get>>;
    const exported = await audited('pupils.exported', async () => { res = await mentor.get(`/api/my-pupils/export?format=xlsx&groupId=${klassId}&columns=${ALL}`); });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent(`Mina elever – 9A – ${today}.xlsx`)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Efternamn', 'Förnamn', 'Klass', 'Grupper', 'Personnummer', 'Födelsedatum', 'E-post', 'Telefon', 'Adress', 'Vårdnadshavare', 'Vårdnadshavares telefon']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const klass = await classOf('9A');
    expect(sheet.rowCount).toBe(klass.members.length + 1);
    const protectedRow = (await rows<{ family_name: string; given_name: string }>(t.database.db, sql`select family_name, given_name from person where id = ${pupilId}`))[0];
    let seen = false;
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      const v = (r.values as unknown[]).slice(1);
      expect(v[5]).toBeInstanceOf(Date);
      if (v[0] === protectedRow.family_name && v[1] === protectedRow.given_name) {
        seen = true;
        expect([v[6], v[7], v[8]]).toEqual(['Skyddad', 'Skyddad', 'Skyddad']);
        expect(String(v[10])).toMatch(/^Skyddad(, Skyddad)*$/);
      }
    });
    expect(seen).toBe(true);
    const text = JSON.stringify(sheet.getSheetValues());
    for (const secret of [phone, street, guardianPhone]) expect(text).not.toContain(secret);
    expect(personIds(exported)).toEqual(protectedInClass);
    expect(exported.find((a) => a.details.personId === pupilId)!.details).toMatchObject({ format: 'xlsx', selectedGroupId: klassId });
    expect(exported.filter((a) => a.entity_type === 'school_unit').map((a) => a.details))
      .toMatchObject([{ format: 'xlsx', pupils: klass.members.length, protectedPupils: protectedInClass.length }]);
  });

  it('the CSV export is UTF-8 with a byte order mark, semicolons, masked likewise, and audited', async () => {
    const mentor = await as('mentor');
    let res = null as unknown as Awaited<ReturnType<typeof mentor.get>>;
    const exported = await audited('pupils.exported', async () => { res = await mentor.get(`/api/my-pupils/export?format=csv&groupId=${klassId}&columns=phone,address,guardianPhones`); });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Efternamn;Förnamn;Telefon;Adress;Vårdnadshavares telefon');
    const protectedRow = (await rows<{ family_name: string }>(t.database.db, sql`select family_name from person where id = ${pupilId}`))[0];
    const line = lines.find((l) => l.startsWith(`${protectedRow.family_name};`) && l.includes(';Skyddad;Skyddad;Skyddad'));
    expect(line).toBeTruthy();
    expect(lines.some((l) => l.includes('ö') || l.includes('å') || l.includes('ä'))).toBe(true);
    for (const secret of [phone, street, guardianPhone]) expect(res.body).not.toContain(secret);
    expect(lines).toHaveLength((await classOf('9A')).members.length + 1);
    expect(personIds(exported)).toEqual(protectedInClass);
    expect(exported.every((a) => a.details.format === 'csv')).toBe(true);
    expect(exported.filter((a) => a.entity_type === 'school_unit')).toHaveLength(1);
  });

  it('the print view reads the same list, masked, and is audited as a print', async () => {
    const mentor = await as('mentor');
    let res = null as unknown as Awaited<ReturnType<typeof mentor.get>>;
    const listed = await audited('pupils.listed', async () => { res = await mentor.get(`/api/my-pupils?groupId=${klassId}&columns=${ALL}&view=print`); });
    expect(res.json().pupils.find((p: any) => p.id === pupilId)).toMatchObject({ protected: true, email: null, phone: null, address: null });
    expect(personIds(listed)).toEqual(protectedInClass);
    expect(listed.every((a) => a.details.view === 'print')).toBe(true);
  });
});

describe('export and CSV rules', () => {
  it('the export carries the same search as the list', async () => {
    const mentor = await as('mentor');
    const list = (await mentor.get('/api/my-pupils?q=a&columns=')).json();
    const csv = (await mentor.get('/api/my-pupils/export?format=csv&q=a&columns=')).rawPayload.toString('utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(list.total + 1);
  });
});
