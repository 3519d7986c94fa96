// SS 12000 /persons: every answer checked against the official file (ss12000Client), the filters and
// sortkeys, paging, protected persons and meta.modified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/api.js';
import { ss12000Client, ss12000Token } from '../support/ss12000.js';
import { crawl, dbRows, ids, type Entity } from './ss12000-people.helpers.js';

let t: TestApp;
let api: ReturnType<typeof ss12000Client>;
let unitId: string;
beforeAll(async () => {
  t = await startTestApp();
  api = ss12000Client(t.app, await ss12000Token(t.app));
  [{ id: unitId }] = await dbRows<{ id: string }>(t, sql`select id from school_unit order by name limit 1`);
});
afterAll(async () => t?.close());

const sorted = (a: string[]) => [...a].sort();
const idsOf = async (q: ReturnType<typeof sql>) => (await dbRows<{ id: string }>(t, q)).map((r) => r.id);

describe('/persons answers', () => {
  it('a full crawl with small pages equals the unpaged list: every person once', async () => {
    const unpaged = ids((await api.get('/persons')).json().data);
    const [{ n }] = await dbRows<{ n: number }>(t, sql`select count(*)::int as n from person`);
    expect(unpaged.length).toBe(Math.min(n, 1000));
    const paged = ids(await crawl(api, '/persons', 700));
    expect(paged.length).toBe(n);
    expect(new Set(paged).size).toBe(n);
    expect(paged.slice(0, unpaged.length)).toEqual(unpaged);
  });

  it('a pupil has enrolments at the unit with school year and type, and the guardians as Vårdnadshavare', async () => {
    const [pupil] = await dbRows<{ id: string }>(t, sql`select e.person_id as id from enrolment e join guardianship g on g.child_id = e.person_id
      where g.end_date is null order by e.person_id limit 1`);
    const res = await api.get(`/persons/${pupil.id}?expandReferenceNames=true`);
    const p = res.json();
    expect(p.enrolments[0]).toMatchObject({ enroledAt: { id: expect.any(String), displayName: expect.any(String) }, schoolType: expect.stringMatching(/^GRS?$/) });
    expect(p.responsibles.length).toBeGreaterThan(0);
    expect(p.responsibles[0]).toMatchObject({ relationType: 'Vårdnadshavare', person: { id: expect.any(String), securityMarking: expect.any(String) } });
    const guardian = (await api.get(`/persons/${p.responsibles[0].person.id}?expand=responsibleFor&expand=placements&expand=ownedPlacements`)).json();
    expect(guardian._embedded.responsibleFor.map((r: Entity) => r.person.id)).toContain(pupil.id);
    expect(guardian._embedded).toMatchObject({ placements: [], ownedPlacements: [] });
  });

  it('expand=duties and expand=groupMemberships embed the person\'s duties and groups', async () => {
    const [teacher] = await dbRows<{ id: string }>(t, sql`select person_id as id from duty where role = 'teacher' order by id limit 1`);
    const staff = (await api.get(`/persons/${teacher.id}?expand=duties`)).json();
    expect(staff._embedded.duties.map((d: Entity) => d.dutyRole)).toContain('Lärare');
    const [member] = await dbRows<{ id: string; n: number }>(t, sql`select person_id as id, count(*)::int as n from group_membership group by 1 order by 1 limit 1`);
    const pupil = (await api.get(`/persons/${member.id}?expand=groupMemberships`)).json();
    expect(pupil._embedded.groupMemberships).toHaveLength(member.n);
    expect(pupil._embedded.groupMemberships[0].group).toMatchObject({ displayName: expect.any(String), groupType: expect.any(String) });
  });

  it('lookup by ids and by civic numbers; an unknown id is 404', async () => {
    const two = await dbRows<{ id: string; civic_no: string }>(t, sql`select id, civic_no from person where civic_no is not null order by id limit 2`);
    const byId = (await api.post('/persons/lookup?expand=duties', { ids: [two[0].id] })).json();
    expect(ids(byId)).toEqual([two[0].id]);
    const byCivic = (await api.post('/persons/lookup', { civicNos: [two[1].civic_no] })).json();
    expect(ids(byCivic)).toEqual([two[1].id]);
    expect(byCivic[0].civicNo).toEqual({ value: two[1].civic_no, nationality: 'SE' });
    // the standard's 404 of /persons/{id} has no body; the interface answers {code, message} (not checked here)
    const raw = ss12000Client(t.app, await ss12000Token(t.app), { validate: false });
    expect((await raw.get('/persons/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('protected registration', () => {
  it('a person with Sekretessmarkering or Skyddad folkbokföring is served with no addresses, emails nor phone numbers', async () => {
    const marked = await dbRows<{ id: string; security_marking: string }>(t, sql`select id, security_marking from person
      where security_marking <> 'none' and (street_address is not null or phone is not null or email is not null)`);
    expect(marked.length).toBeGreaterThan(0);
    const served = (await api.post('/persons/lookup', { ids: marked.map((m) => m.id) })).json() as Entity[];
    expect(served.length).toBe(marked.length);
    for (const p of served) {
      expect(['Sekretessmarkering', 'Skyddad folkbokföring']).toContain(p.securityMarking);
      expect(p.addresses).toBeUndefined();
      expect(p.emails).toBeUndefined();
      expect(p.phoneNumbers).toBeUndefined();
    }
    const [open] = await dbRows<{ id: string }>(t, sql`select id from person where security_marking = 'none' and street_address is not null and phone is not null limit 1`);
    const p = (await api.get(`/persons/${open.id}`)).json();
    expect(p.securityMarking).toBe('Ingen');
    expect(p.addresses[0]).toMatchObject({ type: 'Folkbokföring', country: 'Sverige' });
    expect(p.phoneNumbers.length).toBeGreaterThan(0);
  });
});

describe('/persons filters', () => {
  it('nameContains: every value matches a name field, case-insensitively', async () => {
    const [p] = await dbRows<{ given_name: string; family_name: string }>(t, sql`select given_name, family_name from person order by id limit 1`);
    const g = p.given_name.slice(0, 3).toUpperCase();
    const f = p.family_name.slice(1, 4).toLowerCase();
    const found = await crawl(api, `/persons?nameContains=${encodeURIComponent(g)}&nameContains=${encodeURIComponent(f)}`, 1000);
    expect(found.length).toBeGreaterThan(0);
    for (const x of found) {
      const names = `${x.givenName}|${x.familyName}`.toLowerCase();
      expect(names).toContain(g.toLowerCase());
      expect(names).toContain(f);
    }
    expect(found.map((x) => x.givenName)).toContain(p.given_name);
    // å ä ö fold too: a name starting with Å, Ä or Ö is found by its lower-case start
    const [swedish] = await dbRows<{ id: string; family_name: string }>(t, sql`select id, family_name from person where family_name ~ '^[ÅÄÖ]' order by id limit 1`);
    if (swedish) {
      const start = swedish.family_name.slice(0, 3).toLowerCase();
      expect(ids(await crawl(api, `/persons?nameContains=${encodeURIComponent(start)}`, 1000))).toContain(swedish.id);
    }
  });

  it('civicNo gives that person; eduPersonPrincipalName and identifier give none (we keep none)', async () => {
    const [p] = await dbRows<{ id: string; civic_no: string }>(t, sql`select id, civic_no from person where civic_no is not null order by id desc limit 1`);
    expect(ids((await api.get(`/persons?civicNo=${p.civic_no}`)).json().data)).toEqual([p.id]);
    expect((await api.get('/persons?eduPersonPrincipalName=a@b.se')).json().data).toEqual([]);
    expect((await api.get('/persons?identifier.value=x&identifier.context=y')).json().data).toEqual([]);
  });

  it('relationship.entity.type with organisation and dates', async () => {
    const count = async (q: string) => (await crawl(api, `/persons?${q}`, 1000)).length;
    const [{ pupils, staff, guardians, members }] = await dbRows<Record<string, number>>(t, sql`select
      (select count(distinct person_id)::int from enrolment) as pupils, (select count(distinct person_id)::int from duty) as staff,
      (select count(distinct guardian_id)::int from guardianship) as guardians,
      (select count(distinct person_id)::int from (select person_id from group_membership union select person_id from group_staff where assignment = 'mentor') x) as members`);
    expect(await count('relationship.entity.type=enrolment')).toBe(pupils);
    expect(await count('relationship.entity.type=duty')).toBe(staff);
    expect(await count('relationship.entity.type=responsibleFor.enrolment')).toBe(guardians);
    expect(await count('relationship.entity.type=groupMembership')).toBe(members);
    expect(await count('relationship.entity.type=placement.child')).toBe(0);
    const atUnit = await idsOf(sql`select distinct person_id as id from enrolment where school_unit_id = ${unitId}`);
    expect(sorted(ids(await crawl(api, `/persons?relationship.entity.type=enrolment&relationship.organisation=${unitId}`, 1000)))).toEqual(sorted(atUnit));
    const started = await idsOf(sql`select distinct person_id as id from enrolment where start_date >= '2025-01-01' and (end_date is null or end_date >= '2025-06-01')`);
    expect(sorted(ids(await crawl(api, '/persons?relationship.entity.type=enrolment&relationship.startDate.onOrAfter=2025-01-01&relationship.endDate.onOrAfter=2025-06-01', 1000))))
      .toEqual(sorted(started));
  });
});

describe('/persons sortkeys', () => {
  const orders: Record<string, ReturnType<typeof sql>> = {
    DisplayNameAsc: sql`p.given_name || ' ' || p.family_name, p.id`,
    GivenNameAsc: sql`p.given_name, p.family_name, p.id`,
    GivenNameDesc: sql`p.given_name desc, p.family_name desc, p.id desc`,
    FamilyNameAsc: sql`p.family_name, p.given_name, p.id`,
    FamilyNameDesc: sql`p.family_name desc, p.given_name desc, p.id desc`,
    CivicNoAsc: sql`coalesce(p.civic_no, ''), p.id`,
    CivicNoDesc: sql`coalesce(p.civic_no, '') desc, p.id desc`,
    ModifiedDesc: sql`m.modified_at desc, p.id desc`,
  };
  for (const [key, order] of Object.entries(orders)) {
    it(`${key}: paged in the database's order`, async () => {
      const expected = await idsOf(sql`select p.id from person p left join ss12000_entity m on m.entity_type = 'persons' and m.entity_id = p.id order by ${order}`);
      expect(ids(await crawl(api, `/persons?sortkey=${key}`, 1000))).toEqual(expected);
    });
  }
});

describe('meta.modified', () => {
  it('meta.modified.after finds a person after a new name, a new enrolment and a new group membership', async () => {
    const [a, b, c] = await dbRows<{ id: string }>(t, sql`select distinct person_id as id from enrolment order by 1 limit 3`);
    const since = (await dbRows<{ now: string }>(t, sql`select (now() - interval '1 millisecond')::text as now`))[0].now;
    const changed = async () => ids(await crawl(api, `/persons?meta.modified.after=${encodeURIComponent(new Date(since).toISOString())}`, 1000));
    expect(await changed()).toEqual([]);
    await t.database.db.execute(sql`update person set given_name = 'Ändrad' where id = ${a.id}`);
    await t.database.db.execute(sql`insert into enrolment (organiser_id, id, person_id, school_unit_id, school_year, school_form, start_date)
      values (${t.organiserId}, gen_random_uuid(), ${b.id}, ${unitId}, 3, 'GR', '2030-08-15')`);
    await t.database.db.execute(sql`insert into group_membership (organiser_id, id, group_id, person_id, start_date)
      select ${t.organiserId}, gen_random_uuid(), id, ${c.id}, '2030-08-15' from student_group order by id limit 1`);
    expect(sorted(await changed())).toEqual(sorted([a.id, b.id]));
    const [group] = await dbRows<{ id: string }>(t, sql`select id from student_group order by id limit 1`);
    const groups = ids(await crawl(api, `/groups?meta.modified.after=${encodeURIComponent(new Date(since).toISOString())}`, 1000));
    expect(groups).toEqual([group.id]);
    const p = (await api.get(`/persons/${a.id}`)).json();
    expect(p.givenName).toBe('Ändrad');
    expect(new Date(p.meta.modified).getTime()).toBeGreaterThan(new Date(since).getTime() - 1);
  });
});
