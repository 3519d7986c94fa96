import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../src/domain/common/dates.js';
import { one } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let ip = 0;
let elev: string;
let adaptationId: string;
const today = swedishDate(new Date());
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.72.0.${++ip}`);
  expect((await c.login(username)).statusCode, username).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const counts = async () => one<{ n: number; notes: number; versions: number }>(t.database.db, sql`select (select count(*)::int from extra_adaptation) as n,
  (select count(*)::int from extra_adaptation_note) as notes, (select coalesce(sum(version), 0)::int from extra_adaptation) as versions`);

beforeAll(async () => {
  t = await startTestApp();
  elev = (await one<{ id: string }>(t.database.db, sql`select person_id as id from account where username = 'elev'`))!.id;
  await t.database.db.execute(sql`delete from extra_adaptation where pupil_id = ${elev}`);
});
afterAll(async () => { await t?.close(); });

describe('extra anpassningar: written by the pupil\'s teachers, followed up, evaluated, shared', () => {
  it('the MA teacher writes one in MA with the mentor responsible (from the list); an outsider as responsible is refused', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const list = (await larare.get(`/api/pupils/${elev}/extra-adaptations`)).json();
    expect(list.mayEdit).toBe(true);
    const mentor = list.responsibleOptions.find((o: any) => o.name === 'Maria Sjöberg');
    expect(mentor).toBeTruthy();
    expect(list.responsibleOptions.map((o: any) => o.name)).toContain('Lars Holm'); // the principal
    expect(list.subjects.map((s: any) => s.code)).toContain('MA');
    const body = { subjectCode: 'MA', description: 'Förenklade instruktioner och extra tid på prov', startDate: today, endDate: null, responsibleId: mentor.id, followUpOn: today };
    const admin = (await one<{ id: string }>(t.database.db, sql`select person_id as id from account where username = 'admin'`))!.id;
    expect((await larare.request('POST', `/api/pupils/${elev}/extra-adaptations`, { ...body, responsibleId: admin })).json().error.code).toBe('not_responsible_candidate');
    expect((await larare.request('POST', `/api/pupils/${elev}/extra-adaptations`, { ...body, endDate: '2000-01-01' })).json().error.code).toBe('end_before_start');
    const res = await larare.request('POST', `/api/pupils/${elev}/extra-adaptations`, body);
    expect(res.statusCode).toBe(200);
    adaptationId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'active', subjectName: 'Matematik', responsible: 'Maria Sjöberg', sharedAt: null, notes: [] });
  });

  it('a follow-up note sets the next follow-up; a change is version-checked; sharing shows it at home; evaluation closes it', async () => {
    const mentor = await as('mentor');
    const noted = await mentor.request('POST', `/api/extra-adaptations/${adaptationId}/notes`, { notedOn: today, note: 'Fungerar bra på proven', nextFollowUpOn: '2027-01-20' });
    expect(noted.statusCode).toBe(200);
    expect(noted.json()).toMatchObject({ followUpOn: '2027-01-20', notes: [{ note: 'Fungerar bra på proven', author: 'Maria Sjöberg' }] });
    const a = noted.json();
    const change = { subjectCode: null, description: a.description, startDate: a.startDate, endDate: null, responsibleId: a.responsibleId, followUpOn: a.followUpOn };
    expect((await mentor.request('PUT', `/api/extra-adaptations/${adaptationId}`, { ...change, version: a.version - 1 })).statusCode).toBe(409);
    const changed = await mentor.request('PUT', `/api/extra-adaptations/${adaptationId}`, { ...change, version: a.version });
    expect(changed.json()).toMatchObject({ subjectCode: null, subjectName: null });
    const elevClient = await as('elev');
    expect((await elevClient.get(`/api/pupils/${elev}/extra-adaptations`)).json().adaptations).toEqual([]);
    const shared = await mentor.request('POST', `/api/extra-adaptations/${adaptationId}/share`, { version: changed.json().version });
    expect(shared.statusCode).toBe(200);
    const home = (await elevClient.get(`/api/pupils/${elev}/extra-adaptations`)).json();
    expect(home).toMatchObject({ mayEdit: false, responsibleOptions: [], adaptations: [{ id: adaptationId, notes: [{ note: 'Fungerar bra på proven' }] }] });
    const evaluated = await mentor.request('POST', `/api/extra-adaptations/${adaptationId}/evaluate`, { evaluation: 'Målet nått', evaluatedOn: today, version: shared.json().version });
    expect(evaluated.json()).toMatchObject({ status: 'evaluated', evaluation: 'Målet nått', followUpOn: null, endDate: today });
    expect((await mentor.request('POST', `/api/extra-adaptations/${adaptationId}/notes`, { notedOn: today, note: 'x', nextFollowUpOn: null })).statusCode).toBe(409);
    const audit = await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where entity_id = ${adaptationId}
      and details->>'personId' = ${elev}`);
    expect(audit!.n).toBe(5);
  });

  it('another teacher, another family and another unit find nothing; the administrator and student health are refused; nothing changed', async () => {
    const before = await counts();
    const note = { notedOn: today, note: 'x', nextFollowUpOn: null };
    for (const [who, status, role, unit] of [['larare2', 404], ['vardnadshavare', 404], ['larare', 404, 'teacher', 'Eksätraskolan'],
      ['admin', 403], ['elevhalsa', 403]] as [string, number, string?, string?][]) {
      const c = await as(who, role, unit);
      expect((await c.get(`/api/pupils/${elev}/extra-adaptations`)).statusCode, who).toBe(status);
      expect((await c.request('POST', `/api/extra-adaptations/${adaptationId}/notes`, note)).statusCode, who).toBe(who === 'vardnadshavare' ? 403 : status);
    }
    expect(await counts()).toEqual(before);
  });
});
