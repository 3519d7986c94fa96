// A client limited to one unit sees persons, groups and duties of that unit only: a pupil only at another
// unit is 404 by id, absent from lists and lookups, and no filter tells of the other unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/api.js';
import { ss12000Client, ss12000Token } from '../support/ss12000.js';
import { addClient, ALL_PEOPLE, crawl, dbRows, ids, type Entity } from './ss12000-people.helpers.js';

let t: TestApp;
let api: ReturnType<typeof ss12000Client>;
let raw: ReturnType<typeof ss12000Client>;
let unitA: string;
let unitB: string;
let pupilB: { id: string; civic_no: string };
beforeAll(async () => {
  t = await startTestApp();
  [{ id: unitA }, { id: unitB }] = await dbRows<{ id: string }>(t, sql`select id from school_unit order by name limit 2`);
  await addClient(t, 'unit-a', { units: [unitA], resources: ALL_PEOPLE });
  const token = await ss12000Token(t.app, 'unit-a', 's3cret');
  api = ss12000Client(t.app, token);
  raw = ss12000Client(t.app, token, { validate: false }); // the 404 of …/{id} has a body the standard does not define
  [pupilB] = await dbRows(t, sql`select p.id, p.civic_no from person p where p.civic_no is not null
    and exists (select 1 from enrolment e where e.person_id = p.id and e.school_unit_id = ${unitB})
    and not exists (select 1 from enrolment e where e.person_id = p.id and e.school_unit_id <> ${unitB})
    and not exists (select 1 from group_membership m join student_group g on g.id = m.group_id where m.person_id = p.id and g.school_unit_id <> ${unitB})
    and not exists (select 1 from duty d where d.person_id = p.id) and not exists (select 1 from guardianship g where g.guardian_id = p.id)
    order by p.id limit 1`);
});
afterAll(async () => t?.close());

const sorted = (a: string[]) => [...a].sort();

describe('a client limited to unit A', () => {
  it('sees exactly the persons enrolled, on duty, guardians of pupils or group members at A', async () => {
    const expected = (await dbRows<{ id: string }>(t, sql`select person_id as id from enrolment where school_unit_id = ${unitA}
      union select person_id from duty where school_unit_id = ${unitA}
      union select g.guardian_id from guardianship g join enrolment e on e.person_id = g.child_id where e.school_unit_id = ${unitA}
      union select m.person_id from group_membership m join student_group g on g.id = m.group_id where g.school_unit_id = ${unitA}`)).map((r) => r.id);
    const seen = await crawl(api, '/persons?expand=duties&expand=groupMemberships&expand=responsibleFor', 1000);
    expect(sorted(ids(seen))).toEqual(sorted(expected));
    for (const p of seen) {
      for (const e of p.enrolments) expect(e.enroledAt.id).toBe(unitA);
      for (const d of p._embedded.duties) expect(d.dutyAt.id).toBe(unitA);
      for (const m of p._embedded.groupMemberships) expect(m.group.organisation.id).toBe(unitA);
      for (const r of [...p.responsibles, ...p._embedded.responsibleFor]) expect(expected).toContain(r.person.id);
    }
  });

  it('a pupil only at unit B is 404 by id, absent from lookups and from the relationship filter of B', async () => {
    expect(pupilB).toBeDefined();
    expect((await raw.get(`/persons/${pupilB.id}`)).statusCode).toBe(404);
    expect((await api.post('/persons/lookup', { ids: [pupilB.id], civicNos: [pupilB.civic_no] })).json()).toEqual([]);
    expect((await api.get(`/persons?civicNo=${pupilB.civic_no}`)).json().data).toEqual([]);
    expect((await api.get(`/persons?relationship.organisation=${unitB}`)).json().data).toEqual([]);
    // the demo client of all units sees the pupil
    const all = ss12000Client(t.app, await ss12000Token(t.app));
    expect((await all.get(`/persons/${pupilB.id}`)).json().id).toBe(pupilB.id);
  });

  it('groups and duties of unit A only; B\'s are 404 and absent from lookups; organiser-level duties are not seen', async () => {
    const groups = await crawl(api, '/groups', 1000);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g.organisation.id).toBe(unitA);
      for (const m of g.groupMemberships) expect(m.person.id).toEqual(expect.any(String));
    }
    const [groupB] = await dbRows<{ id: string }>(t, sql`select id from student_group where school_unit_id = ${unitB} limit 1`);
    expect((await raw.get(`/groups/${groupB.id}`)).statusCode).toBe(404);
    expect((await api.post('/groups/lookup', { ids: [groupB.id] })).json()).toEqual([]);
    const duties = await crawl(api, '/duties?expand=person', 1000);
    const [{ n }] = await dbRows<{ n: number }>(t, sql`select count(*)::int as n from duty where school_unit_id = ${unitA}`);
    expect(duties.length).toBe(n);
    for (const d of duties) expect(d.dutyAt.id).toBe(unitA);
    const [orgDuty] = await dbRows<{ id: string }>(t, sql`select id from duty where school_unit_id is null limit 1`);
    expect((await raw.get(`/duties/${orgDuty.id}`)).statusCode).toBe(404);
    expect((await api.post('/duties/lookup', { ids: [orgDuty.id] })).json()).toEqual([]);
  });

  it('a client without the resource is 403', async () => {
    await addClient(t, 'groups-only', { resources: ['groups'] });
    const other = ss12000Client(t.app, await ss12000Token(t.app, 'groups-only', 's3cret'));
    for (const path of ['/persons', '/duties', '/placements']) expect((await other.get(path)).statusCode).toBe(403);
    expect((await other.get('/groups?limit=1')).statusCode).toBe(200);
  });
});

describe('/placements: we keep none', () => {
  it('empty list, empty lookup, 404 by id, parameters checked', async () => {
    expect((await api.get('/placements?expand=child&sortkey=StartDateAsc')).json()).toEqual({ data: [] });
    expect((await api.post('/placements/lookup', { ids: [pupilB.id], personIds: [pupilB.id] })).json()).toEqual([]);
    expect((await raw.get(`/placements/${pupilB.id}`)).statusCode).toBe(404);
    expect((await api.get('/placements?sortkey=Nonsense')).statusCode).toBe(400);
  });
});

export type { Entity };
