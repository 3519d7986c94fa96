// Running the organisation: school units, school years with terms and holidays, the organiser's settings.
// The organiser-level administrator (`huvudman`) changes them; a unit's administrator keeps their own unit's
// contact and holidays; everyone else is refused.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSchoolYear } from '../../src/domain/register/terms.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';

let t: TestApp;
let ip = 0;
const as = async (username: string) => {
  const c = new Client(t.app, `10.55.0.${++ip}`);
  expect((await c.login(username)).statusCode, username).toBe(200);
  return c;
};
const db = () => t.database.db;
const count = async (statement: ReturnType<typeof sql>) => (await one<{ n: number }>(db(), statement))!.n;
const audits = (action: string) => rows<{ entity_id: string | null; details: any }>(db(), sql`select entity_id, details from audit_event where action = ${action} order by occurred_at`);
const unitId = async (name: string) => (await one<{ id: string }>(db(), sql`select id from school_unit where name = ${name}`))!.id;

let huvudman: Client;
let admin: Client;
let otherAdmin: Client;
const refused: Client[] = [];

beforeAll(async () => {
  t = await startTestApp();
  // an administrator of Eksätraskolan with an account of their own
  const other = (await one<{ person_id: string }>(db(), sql`select d.person_id from duty d join school_unit u on u.id = d.school_unit_id
    where u.name = 'Eksätraskolan' and d.role = 'administrator' and not exists (select 1 from account a where a.person_id = d.person_id) limit 1`))!.person_id;
  await db().execute(sql`insert into account (organiser_id, id, person_id, username, password_hash)
    values (${t.organiserId}, ${randomUUID()}, ${other}, 'eks_admin', ${await hashPassword('demo')})`);
  huvudman = await as('huvudman');
  admin = await as('admin');
  otherAdmin = await as('eks_admin');
  for (const u of ['larare', 'rektor', 'vardnadshavare', 'elev', 'analytiker']) refused.push(await as(u));
}, 60_000);
afterAll(async () => { await t?.close(); });

const unit = (code: string, name = 'Tallskolan') => ({
  name, schoolUnitCode: code, schoolForms: ['GR', 'FKLASS'], municipalityCode: '0180',
  streetAddress: 'Tallvägen 3', postalCode: '12345', city: 'Lärkby', email: 'tallskolan@larkby.se', phone: '08-123 45 67',
});

describe('the organiser-level administrator', () => {
  it('huvudman holds the administrator role at every unit and may change organiser-level things', async () => {
    const grant = huvudman.body.roles.find((r: any) => r.role === 'administrator');
    expect(grant.units.map((u: any) => u.name)).toEqual(['Björkskolan', 'Eksätraskolan', 'Lindängsskolan']);
    expect((await huvudman.get('/api/admin/organisation')).json().organiserAdministrator).toBe(true);
    expect((await admin.get('/api/admin/organisation')).json().organiserAdministrator).toBe(false);
  });

  it('a teacher, a principal, a guardian, a pupil and the analyst are refused every organisation route', async () => {
    for (const c of refused) {
      for (const url of ['/api/admin/organisation', '/api/admin/units', '/api/admin/terms', '/api/admin/subjects']) {
        expect((await c.get(url)).statusCode, `${c.body.username} ${url}`).toBe(403);
      }
      expect((await c.request('POST', '/api/admin/units', unit('99999999'))).statusCode).toBe(403);
    }
  });
});

describe('school units', () => {
  it('huvudman sees every unit; a unit administrator only their own', async () => {
    expect((await huvudman.get('/api/admin/units')).json().map((u: any) => u.name)).toEqual(['Björkskolan', 'Eksätraskolan', 'Lindängsskolan']);
    const own = (await admin.get('/api/admin/units')).json();
    expect(own.map((u: any) => u.name)).toEqual(['Björkskolan']);
    expect(own[0].schoolUnitCode).toMatch(/^\d{8}$/);
  });

  it('huvudman creates a unit; it is audited with its unitId and listed', async () => {
    const res = await huvudman.request('POST', '/api/admin/units', unit('18001234'));
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Tallskolan', schoolUnitCode: '18001234', schoolForms: ['GR', 'FKLASS'], postalCode: '123 45' });
    expect((await audits('school_unit.created')).map((a) => a.details.unitId)).toEqual([created.id]);
    expect((await huvudman.get('/api/admin/units')).json().map((u: any) => u.name)).toContain('Tallskolan');
  });

  it('a school unit code already used by another unit is refused and nothing is written', async () => {
    const before = await count(sql`select count(*)::int as n from school_unit`);
    const res = await huvudman.request('POST', '/api/admin/units', unit('18001234', 'Granskolan'));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'school_unit_code_taken' }, unitName: 'Tallskolan' });
    expect(await count(sql`select count(*)::int as n from school_unit`)).toBe(before);
    const bjork = (await huvudman.get('/api/admin/units')).json().find((u: any) => u.name === 'Björkskolan');
    const change = await huvudman.request('PUT', `/api/admin/units/${await unitId('Tallskolan')}`, { ...unit(bjork.schoolUnitCode) });
    expect(change.statusCode).toBe(409);
  });

  it('a code without 8 digits, an unknown school form, no school form or a bad e-mail is refused', async () => {
    for (const body of [unit('1800123'), unit('1800123x'), { ...unit('18005555'), schoolForms: ['GY'] }, { ...unit('18005555'), schoolForms: [] },
      { ...unit('18005555'), email: 'inte en adress' }, { ...unit('18005555'), name: '   ' }, { ...unit('18005555'), municipalityCode: '180' }]) {
      expect((await huvudman.request('POST', '/api/admin/units', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    const res = await huvudman.request('POST', '/api/admin/units', { ...unit('18005555'), postalCode: '1234' });
    expect(res.json().error.code).toBe('invalid_postal_code');
    expect(await count(sql`select count(*)::int as n from school_unit where school_unit_code = '18005555'`)).toBe(0);
  });

  it('huvudman changes a unit, its code included; audited with before and after', async () => {
    const id = await unitId('Tallskolan');
    const res = await huvudman.request('PUT', `/api/admin/units/${id}`, { ...unit('18004321', 'Tallbackens skola'), schoolForms: ['GR', 'GRS'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Tallbackens skola', schoolUnitCode: '18004321', schoolForms: ['GR', 'GRS'] });
    const [a] = await audits('school_unit.changed');
    expect(a.details).toMatchObject({ unitId: id, before: { schoolUnitCode: '18001234' }, after: { schoolUnitCode: '18004321' } });
  });

  it('a unit administrator keeps their own unit\'s address and contact, but not its name or code, and not another unit', async () => {
    const bjork = await unitId('Björkskolan');
    const contact = { streetAddress: 'Björkvägen 1', postalCode: '123 46', city: 'Lärkby', email: 'bjorkskolan@larkby.se', phone: '08-765 43 21' };
    const res = await admin.request('PUT', `/api/admin/units/${bjork}/contact`, contact);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(contact);
    const [a] = await audits('school_unit.contact_changed');
    expect(a.details).toMatchObject({ unitId: bjork, after: contact });
    const own = (await admin.get('/api/admin/units')).json()[0];
    expect((await admin.request('PUT', `/api/admin/units/${bjork}`, { ...own, name: 'Annat namn' })).statusCode).toBe(403);
    expect((await admin.request('POST', '/api/admin/units', unit('18007777'))).statusCode).toBe(403);
    expect((await admin.request('PUT', `/api/admin/units/${await unitId('Eksätraskolan')}/contact`, contact)).statusCode).toBe(404);
    expect((await otherAdmin.request('PUT', `/api/admin/units/${bjork}/contact`, contact)).statusCode).toBe(404);
    expect((await refused[1].request('PUT', `/api/admin/units/${bjork}/contact`, contact)).statusCode).toBe(403);
  });
});

describe('school years, terms and holidays', () => {
  let year = '';
  let ht = '';
  let next = { ht: { startDate: '', endDate: '' }, vt: { startDate: '', endDate: '' } };
  const termsOf = async (c: Client) => (await c.get('/api/admin/terms')).json();

  it('terms are listed by school year, newest first, each with HT before VT', async () => {
    const years = await termsOf(huvudman);
    expect(years.length).toBe(6); // the current school year and five of the demo's grade history
    for (const y of years) expect(y.terms.map((x: any) => x.kind)).toEqual(['HT', 'VT']);
    expect([...years.map((y: any) => y.schoolYear)].sort().reverse()).toEqual(years.map((y: any) => y.schoolYear));
    year = nextSchoolYear(years[0].schoolYear);
    const [a, b] = year.split('/');
    next = { ht: { startDate: `${a}-08-17`, endDate: `${a}-12-21` }, vt: { startDate: `${b}-01-08`, endDate: `${b}-06-11` } };
  });

  it('huvudman creates the next school year with HT and VT; audited', async () => {
    const res = await huvudman.request('POST', '/api/admin/terms', { schoolYear: year, ...next });
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json().find((y: any) => y.schoolYear === year);
    expect(created.terms.map((x: any) => [x.kind, x.startDate, x.endDate])).toEqual([['HT', next.ht.startDate, next.ht.endDate], ['VT', next.vt.startDate, next.vt.endDate]]);
    ht = created.terms[0].id;
    const [a] = await audits('school_year.created');
    expect(a.details).toMatchObject({ schoolYear: year, ht: next.ht, vt: next.vt });
  });

  it('the same school year twice, VT before HT, overlapping terms and impossible dates are refused; nothing is written', async () => {
    const before = await count(sql`select count(*)::int as n from term`);
    expect((await huvudman.request('POST', '/api/admin/terms', { schoolYear: year, ...next })).json().error.code).toBe('school_year_exists');
    const after = nextSchoolYear(year);
    const [a, b] = after.split('/');
    const cases: [unknown, number, string | null][] = [
      [{ schoolYear: after, ht: { startDate: `${a}-08-17`, endDate: `${b}-01-10` }, vt: { startDate: `${b}-01-08`, endDate: `${b}-06-11` } }, 400, 'vt_before_ht'],
      [{ schoolYear: after, ht: { startDate: `${a}-06-01`, endDate: `${a}-12-21` }, vt: { startDate: `${b}-01-08`, endDate: `${b}-06-11` } }, 400, 'overlaps_term'],
      [{ schoolYear: after, ht: { startDate: `${a}-12-21`, endDate: `${a}-08-17` }, vt: { startDate: `${b}-01-08`, endDate: `${b}-06-11` } }, 400, 'invalid_range'],
      [{ schoolYear: after, ht: { startDate: `${b}-08-17`, endDate: `${b}-12-21` }, vt: { startDate: `${Number(b) + 1}-01-08`, endDate: `${Number(b) + 1}-06-11` } }, 400, 'outside_school_year'],
      [{ schoolYear: `${a}/${Number(b) + 1}`, ...next }, 400, 'invalid_school_year'],
      [{ schoolYear: after, ht: { startDate: `${b}-02-30`, endDate: `${a}-12-21` }, vt: next.vt }, 400, null],
    ];
    for (const [body, status, code] of cases) {
      const res = await huvudman.request('POST', '/api/admin/terms', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (code) expect(res.json().error.code).toBe(code);
    }
    expect(await count(sql`select count(*)::int as n from term`)).toBe(before);
  });

  it('a unit administrator sees the terms but cannot create or move them', async () => {
    expect((await termsOf(admin)).map((y: any) => y.schoolYear)).toContain(year);
    expect((await admin.request('POST', '/api/admin/terms', { schoolYear: nextSchoolYear(year), ...next })).statusCode).toBe(403);
    expect((await admin.request('PUT', `/api/admin/terms/${ht}`, next.ht)).statusCode).toBe(403);
  });

  it('huvudman adds an organiser-wide holiday within the term; one outside it or overlapping another is refused', async () => {
    const a = year.slice(0, 4);
    const res = await huvudman.request('POST', '/api/admin/holidays', { termId: ht, unitId: null, name: 'Höstlov', startDate: `${a}-10-26`, endDate: `${a}-10-30` });
    expect(res.statusCode, res.body).toBe(200);
    const holiday = res.json().find((y: any) => y.schoolYear === year).terms[0].holidays[0];
    expect(holiday).toMatchObject({ name: 'Höstlov', unit: null, editable: true });
    const [audit] = await audits('holiday.created');
    expect(audit.details).toMatchObject({ termId: ht, unitId: null, after: { name: 'Höstlov' } });
    const outside = await huvudman.request('POST', '/api/admin/holidays', { termId: ht, unitId: null, name: 'Jullov', startDate: `${a}-12-22`, endDate: `${Number(a) + 1}-01-07` });
    expect(outside.json().error.code).toBe('outside_term');
    const overlap = await huvudman.request('POST', '/api/admin/holidays', { termId: ht, unitId: await unitId('Lindängsskolan'), name: 'Studiedag', startDate: `${a}-10-30`, endDate: `${a}-10-30` });
    expect(overlap.json().error.code).toBe('overlaps_holiday');
  });

  it('a unit administrator adds a holiday for their own unit only, and sees the organiser-wide ones read-only', async () => {
    const a = year.slice(0, 4);
    const studyDay = { termId: ht, name: 'Studiedag', startDate: `${a}-11-06`, endDate: `${a}-11-06` };
    const res = await admin.request('POST', '/api/admin/holidays', { ...studyDay, unitId: await unitId('Björkskolan') });
    expect(res.statusCode, res.body).toBe(200);
    const holidays = res.json().find((y: any) => y.schoolYear === year).terms[0].holidays;
    expect(holidays.map((h: any) => [h.name, h.unit?.name ?? null, h.editable])).toEqual([['Höstlov', null, false], ['Studiedag', 'Björkskolan', true]]);
    expect((await admin.request('POST', '/api/admin/holidays', { ...studyDay, unitId: await unitId('Eksätraskolan') })).statusCode).toBe(404);
    expect((await admin.request('POST', '/api/admin/holidays', { ...studyDay, unitId: null, startDate: `${a}-11-13`, endDate: `${a}-11-13` })).statusCode).toBe(403);
    const autumn = holidays.find((h: any) => h.name === 'Höstlov');
    expect((await admin.request('PUT', `/api/admin/holidays/${autumn.id}`, { name: 'Lov', startDate: autumn.startDate, endDate: autumn.endDate })).statusCode).toBe(403);
    // the other unit's administrator neither sees nor changes Björkskolan's study day
    const theirs = (await termsOf(otherAdmin)).find((y: any) => y.schoolYear === year).terms[0].holidays.map((h: any) => h.name);
    expect(theirs).toEqual(['Höstlov']);
    const studyDayId = holidays.find((h: any) => h.name === 'Studiedag').id;
    expect((await otherAdmin.request('DELETE', `/api/admin/holidays/${studyDayId}`)).statusCode).toBe(404);
    expect((await refused[0].request('DELETE', `/api/admin/holidays/${studyDayId}`)).statusCode).toBe(403);
  });

  it('a term cannot be moved so that a holiday falls outside it; a valid move is audited', async () => {
    const a = year.slice(0, 4);
    const res = await huvudman.request('PUT', `/api/admin/terms/${ht}`, { startDate: `${a}-11-01`, endDate: next.ht.endDate });
    expect(res.json().error.code).toBe('holidays_outside_term');
    const bad = await huvudman.request('PUT', `/api/admin/terms/${ht}`, { startDate: `${a}-08-17`, endDate: `${Number(a) + 1}-01-09` });
    expect(bad.json().error.code).toBe('vt_before_ht');
    const ok = await huvudman.request('PUT', `/api/admin/terms/${ht}`, { startDate: `${a}-08-19`, endDate: next.ht.endDate });
    expect(ok.statusCode, ok.body).toBe(200);
    const [audit] = await audits('term.changed');
    expect(audit.details).toMatchObject({ before: { startDate: `${a}-08-17` }, after: { startDate: `${a}-08-19` } });
  });

  it('a term with registered grades cannot be moved to begin after the first of them', async () => {
    const a = year.slice(0, 4);
    const g = (await one<{ group_id: string; person_id: string; subject_code: string }>(db(), sql`select m.group_id, m.person_id, g.subject_code
      from group_membership m join student_group g on g.id = m.group_id where g.group_type = 'teaching' limit 1`))!;
    await db().execute(sql`insert into grade (organiser_id, id, pupil_id, subject_code, group_id, term_id, kind, value, registered_by, registered_at)
      values (${t.organiserId}, ${randomUUID()}, ${g.person_id}, ${g.subject_code}, ${g.group_id}, ${ht}, 'term', 'C', ${huvudman.body.person.id}, ${`${a}-09-15T10:00:00+02:00`})`);
    const res = await huvudman.request('PUT', `/api/admin/terms/${ht}`, { startDate: `${a}-09-16`, endDate: next.ht.endDate });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('grades_before_start');
    expect((await huvudman.request('PUT', `/api/admin/terms/${ht}`, { startDate: `${a}-09-15`, endDate: next.ht.endDate })).statusCode).toBe(200);
  });

  it('a holiday is changed and removed by whoever keeps it; both are audited', async () => {
    const holidays = (await termsOf(admin)).find((y: any) => y.schoolYear === year).terms[0].holidays;
    const studyDay = holidays.find((h: any) => h.name === 'Studiedag');
    const changed = await admin.request('PUT', `/api/admin/holidays/${studyDay.id}`, { name: 'Studiedag (personal)', startDate: studyDay.startDate, endDate: studyDay.endDate });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await admin.request('DELETE', `/api/admin/holidays/${studyDay.id}`)).statusCode).toBe(200);
    expect((await audits('holiday.changed'))[0].details).toMatchObject({ before: { name: 'Studiedag' }, after: { name: 'Studiedag (personal)' } });
    expect((await audits('holiday.removed'))[0].details).toMatchObject({ before: { name: 'Studiedag (personal)' } });
    expect(await count(sql`select count(*)::int as n from holiday where id = ${studyDay.id}`)).toBe(0);
  });
});

describe("the organiser's settings", () => {
  let version: string | null = null;

  it('without a settings row every module is on and nothing is set', async () => {
    const res = (await admin.get('/api/admin/organisation')).json();
    expect(res.settings).toEqual({ modules: ['grading', 'absence', 'planning', 'followup'], defaultGradingPeriods: { HT: null, VT: null }, version: null });
    expect(res.contact).toMatch(/^Skolkontoret/);
    expect(admin.body.modules).toEqual(['grading', 'absence', 'planning', 'followup']);
  });

  it('a unit administrator is refused changing them', async () => {
    const res = await admin.request('PUT', '/api/admin/organisation/settings', { modules: [], contact: null, defaultGradingPeriods: { HT: null, VT: null }, version: null });
    expect(res.statusCode).toBe(403);
    expect(await count(sql`select count(*)::int as n from organiser_setting`)).toBe(0);
  });

  it('huvudman switches grading off, sets the login contact and default grading periods; sessions and the login page follow', async () => {
    const body = { modules: ['absence', 'grading', 'planning'], contact: 'Ring skolkontoret, 08-123 45 67', version: null,
      defaultGradingPeriods: { HT: { from: '12-01', to: '12-20' }, VT: { from: '05-20', to: '06-10' } } };
    let res = await huvudman.request('PUT', '/api/admin/organisation/settings', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings.modules).toEqual(['grading', 'absence', 'planning']);
    version = res.json().settings.version;
    // the organiser's default grading period pre-fills the unit's grading period of each term
    const periods = (await admin.get('/api/grading/periods')).json();
    for (const p of periods.filter((x: any) => x.period === null)) {
      const y = p.term.startDate.slice(0, 4);
      expect(p.suggested).toEqual(p.term.label.startsWith('HT') ? { from: `${y}-12-01`, to: `${y}-12-20` } : { from: `${y}-05-20`, to: `${y}-06-10` });
    }
    res = await huvudman.request('PUT', '/api/admin/organisation/settings', { ...body, modules: ['absence'], version });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().settings.version;
    expect((await admin.get('/api/session')).json().modules).toEqual(['absence']);
    expect((await t.app.inject({ method: 'GET', url: '/api/organiser' })).json().contact).toBe('Ring skolkontoret, 08-123 45 67');
    const audited = await audits('organisation.settings_changed');
    expect(audited).toHaveLength(2);
    expect(audited[1].details).toMatchObject({ before: { modules: ['grading', 'absence', 'planning'] }, after: { modules: ['absence'], contact: 'Ring skolkontoret, 08-123 45 67' } });
  });

  it('a save from a stale read gets 409 with the settings as they are now', async () => {
    const res = await huvudman.request('PUT', '/api/admin/organisation/settings', { modules: ['grading'], contact: null, defaultGradingPeriods: { HT: null, VT: null }, version: null });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'stale_version' }, current: { modules: ['absence'], version } });
  });

  it('a month-day that is not in the calendar and an unknown module are refused', async () => {
    for (const change of [{ defaultGradingPeriods: { HT: { from: '02-30', to: '03-10' }, VT: null } }, { modules: ['chess'] }]) {
      const res = await huvudman.request('PUT', '/api/admin/organisation/settings', { modules: [], contact: null, defaultGradingPeriods: { HT: null, VT: null }, version, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
    }
  });

  it('huvudman sets the first graded year of a subject; audited; a unit administrator is refused', async () => {
    const before = (await admin.get('/api/admin/subjects')).json();
    expect(before.find((s: any) => s.code === 'MA')).toMatchObject({ name: 'Matematik', firstGradedYear: 6 });
    const res = await huvudman.request('PUT', '/api/admin/subjects/MA', { firstGradedYear: 7 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'MA', firstGradedYear: 7 });
    expect((await one<{ y: number }>(db(), sql`select first_graded_year::int as y from subject_setting where subject_code = 'MA'`))!.y).toBe(7);
    expect((await audits('subject_setting.changed'))[0].details).toMatchObject({ subjectCode: 'MA', before: { firstGradedYear: 6 }, after: { firstGradedYear: 7 } });
    expect((await admin.request('PUT', '/api/admin/subjects/MA', { firstGradedYear: 6 })).statusCode).toBe(403);
    expect((await huvudman.request('PUT', '/api/admin/subjects/XX', { firstGradedYear: 6 })).statusCode).toBe(404);
    expect((await huvudman.request('PUT', '/api/admin/subjects/MA', { firstGradedYear: 10 })).statusCode).toBe(400);
  });
});
