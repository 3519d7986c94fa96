// SS 12000 /groups and /duties: answers checked against the official file, every filter and sortkey,
// expand, lookup and by id.
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
const crawlIds = async (path: string) => ids(await crawl(api, path, 500));

describe('/groups', () => {
  it('every group once, with type, unit, school type and memberships', async () => {
    const all = await crawl(api, '/groups?expandReferenceNames=true', 500);
    const [{ n, members }] = await dbRows<{ n: number; members: number }>(t, sql`select count(*)::int as n, (select count(*)::int from group_membership) as members from student_group`);
    expect(all.length).toBe(n);
    expect(all.reduce((s, g) => s + g.groupMemberships.length, 0)).toBe(members);
    expect(all[0].organisation.displayName).toEqual(expect.any(String));
    expect(new Set(all.map((g) => g.groupType))).toEqual(new Set(['Klass', 'Undervisning']));
  });

  it('filters: groupType, organisation, schoolTypes, start and end dates', async () => {
    expect(sorted(await crawlIds('/groups?groupType=Klass'))).toEqual(sorted(await idsOf(sql`select id from student_group where group_type = 'class'`)));
    expect(await crawlIds('/groups?groupType=Provgrupp')).toEqual([]);
    expect(sorted(await crawlIds(`/groups?organisation=${unitId}`))).toEqual(sorted(await idsOf(sql`select id from student_group where school_unit_id = ${unitId}`)));
    const grs = await crawl(api, '/groups?schoolTypes=GRS', 500);
    for (const g of grs) expect(g.schoolType).toBe('GRS');
    const gr = await crawl(api, '/groups?schoolTypes=GR&schoolTypes=GRS', 500);
    const [{ n }] = await dbRows<{ n: number }>(t, sql`select count(*)::int as n from student_group`);
    expect(gr.length).toBe(n);
    expect(sorted(await crawlIds('/groups?startDate.onOrAfter=2025-08-01&endDate.onOrBefore=2026-07-01'))).toEqual(sorted(await idsOf(sql`select id from student_group
      where start_date >= '2025-08-01' and (end_date is null or end_date <= '2026-07-01')`)));
    expect(sorted(await crawlIds('/groups?startDate.onOrBefore=2024-12-31&endDate.onOrAfter=2025-01-01'))).toEqual(sorted(await idsOf(sql`select id from student_group
      where start_date <= '2024-12-31' and (end_date is null or end_date >= '2025-01-01')`)));
  });

  const orders: Record<string, ReturnType<typeof sql>> = {
    DisplayNameAsc: sql`g.name, g.id`,
    StartDateAsc: sql`g.start_date, g.id`,
    StartDateDesc: sql`g.start_date desc, g.id desc`,
    EndDateAsc: sql`coalesce(g.end_date, 'infinity'::date), g.id`,
    EndDateDesc: sql`coalesce(g.end_date, 'infinity'::date) desc, g.id desc`,
    ModifiedDesc: sql`m.modified_at desc, g.id desc`,
  };
  for (const [key, order] of Object.entries(orders)) {
    it(`sortkey ${key}: paged in the database's order`, async () => {
      expect(await crawlIds(`/groups?sortkey=${key}`)).toEqual(await idsOf(sql`select g.id from student_group g
        left join ss12000_entity m on m.entity_type = 'groups' and m.entity_id = g.id order by ${order}`));
    });
  }

  it('expand=assignmentRoles gives the mentors by their duty; lookup and by id', async () => {
    const [klass] = await dbRows<{ id: string; person_id: string }>(t, sql`select g.id, s.person_id from student_group g join group_staff s on s.group_id = g.id
      where s.assignment = 'mentor' order by g.id limit 1`);
    const g = (await api.get(`/groups/${klass.id}?expand=assignmentRoles&expandReferenceNames=true`)).json();
    expect(g._embedded.assignmentRoles.length).toBeGreaterThan(0);
    const role = g._embedded.assignmentRoles[0];
    expect(role.assignmentRoleType).toBe('Mentor');
    const duty = (await api.get(`/duties/${role.duty.id}`)).json();
    expect(duty.person.id).toBe(klass.person_id);
    expect(duty.assignmentRole.map((a: Entity) => a.group.id)).toContain(klass.id);
    expect((await api.post('/groups/lookup?expand=assignmentRoles', { ids: [klass.id] })).json()[0]._embedded.assignmentRoles).toEqual(g._embedded.assignmentRoles.map(
      (a: Entity) => ({ ...a, duty: { id: a.duty.id } })));
    expect((await api.get(`/groups/${klass.id}`)).json()._embedded).toBeUndefined();
  });
});

describe('/duties', () => {
  it('every duty once; organiser-level duties are at the organiser', async () => {
    const all = await crawl(api, '/duties', 40);
    const [{ n }] = await dbRows<{ n: number }>(t, sql`select count(*)::int as n from duty`);
    expect(all.length).toBe(n);
    const [org] = await dbRows<{ id: string }>(t, sql`select id from organiser`);
    const [analyst] = await dbRows<{ id: string }>(t, sql`select id from duty where role = 'analyst'`);
    expect(all.find((d) => d.id === analyst.id)).toMatchObject({ dutyAt: { id: org.id }, dutyRole: 'Annan personal', description: 'Analytiker' });
  });

  it('filters: dutyRole, person, organisation, dates', async () => {
    expect(sorted(await crawlIds('/duties?dutyRole=L%C3%A4rare'))).toEqual(sorted(await idsOf(sql`select id from duty where role = 'teacher'`)));
    expect(sorted(await crawlIds('/duties?dutyRole=Annan%20personal'))).toEqual(sorted(await idsOf(sql`select id from duty where role in ('analyst', 'student_health')`)));
    expect(await crawlIds('/duties?dutyRole=Kurator')).toEqual([]);
    const [d] = await dbRows<{ id: string; person_id: string }>(t, sql`select id, person_id from duty order by id limit 1`);
    expect(sorted(await crawlIds(`/duties?person=${d.person_id}`))).toEqual(sorted(await idsOf(sql`select id from duty where person_id = ${d.person_id}`)));
    expect(sorted(await crawlIds(`/duties?organisation=${unitId}`))).toEqual(sorted(await idsOf(sql`select id from duty where school_unit_id = ${unitId}`)));
    const [org] = await dbRows<{ id: string }>(t, sql`select id from organiser`);
    expect((await crawlIds(`/duties?organisation=${org.id}`)).length).toBe((await idsOf(sql`select id from duty`)).length);
    expect(sorted(await crawlIds('/duties?startDate.onOrBefore=2020-01-01&endDate.onOrAfter=2026-01-01'))).toEqual(sorted(await idsOf(sql`select id from duty
      where start_date <= '2020-01-01' and (end_date is null or end_date >= '2026-01-01')`)));
  });

  for (const [key, order] of Object.entries({ StartDateAsc: sql`d.start_date, d.id`, StartDateDesc: sql`d.start_date desc, d.id desc`, ModifiedDesc: sql`m.modified_at desc, d.id desc` })) {
    it(`sortkey ${key}: paged in the database's order`, async () => {
      expect(ids(await crawl(api, `/duties?sortkey=${key}`, 30))).toEqual(await idsOf(sql`select d.id from duty d
        left join ss12000_entity m on m.entity_type = 'duties' and m.entity_id = d.id order by ${order}`));
    });
  }

  it('expand=person embeds the Person; lookup and by id', async () => {
    const [d] = await dbRows<{ id: string; person_id: string }>(t, sql`select id, person_id from duty where role = 'principal' limit 1`);
    const one = (await api.get(`/duties/${d.id}?expand=person`)).json();
    expect(one).toMatchObject({ dutyRole: 'Rektor', person: { id: d.person_id }, _embedded: { person: { id: d.person_id, givenName: expect.any(String) } } });
    const looked = (await api.post('/duties/lookup', { ids: [d.id] })).json();
    expect(ids(looked)).toEqual([d.id]);
    expect(looked[0]._embedded).toBeUndefined();
  });
});
