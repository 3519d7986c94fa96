// One login, several roles (DOMAIN.md §1): `personal` teaches at Eksätraskolan and is a guardian. After a
// switch everything is re-scoped: as guardian the child and not the pupils taught; as teacher the reverse.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { schoolWeekday, settableClock } from '../support/school-day.js';

const clock = settableClock();
let t: TestApp;
let child: string;
let taught: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  clock.set(await schoolWeekday(t.database));
  const db = t.database.db;
  child = (await one<{ id: string }>(db, sql`select g.child_id as id from guardianship g join account a on a.person_id = g.guardian_id
    and a.username = 'personal' limit 1`))!.id;
  taught = (await one<{ id: string }>(db, sql`select m.person_id as id from group_membership m join group_staff gs on gs.group_id = m.group_id
    join account a on a.person_id = gs.person_id and a.username = 'personal'
   where m.start_date <= ${clock.today}::date and (m.end_date is null or m.end_date >= ${clock.today}::date)
     and gs.start_date <= ${clock.today}::date and (gs.end_date is null or gs.end_date >= ${clock.today}::date) and m.person_id <> ${child} limit 1`))!.id;
}, 60_000);
afterAll(async () => { await t?.close(); });

const reach = async (c: Client) => ({
  child: (await c.get(`/api/pupils/${child}`)).statusCode,
  childTests: (await c.get(`/api/pupils/${child}/national-tests`)).statusCode,
  taught: (await c.get(`/api/pupils/${taught}`)).statusCode,
  taughtTests: (await c.get(`/api/pupils/${taught}/national-tests`)).statusCode,
  myPupils: (await c.get('/api/my-pupils')).statusCode,
});

describe('one login, several roles: everything is re-scoped on switch', () => {
  it('as guardian the same login sees the child and not the pupils they teach; switched back, the reverse', async () => {
    const c = new Client(t.app, '10.73.0.1');
    expect((await c.login('personal')).statusCode).toBe(200);
    expect(c.body.current.role).toBe('teacher');
    expect(await reach(c)).toEqual({ child: 404, childTests: 404, taught: 200, taughtTests: 200, myPupils: 200 });

    expect((await c.switchTo('guardian')).statusCode).toBe(200);
    expect(await reach(c)).toEqual({ child: 200, childTests: 200, taught: 404, taughtTests: 404, myPupils: 403 });
    expect((await c.get('/api/start')).json().children.map((x: any) => x.id)).toEqual([child]);

    expect((await c.switchTo('teacher')).statusCode).toBe(200);
    expect(await reach(c)).toEqual({ child: 404, childTests: 404, taught: 200, taughtTests: 200, myPupils: 200 });
    expect((await c.get('/api/start')).json().kind).toBe('teacher');
  });
});
