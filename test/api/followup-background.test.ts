import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCivicNo } from '../../src/domain/org/personnummer.js';
import { one, rows } from '../../src/server/platform/db/database.js';
import { shippedReference } from '../../src/server/followup/reference.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { csv, upload, xlsx } from '../support/followup-upload.js';

let t: TestApp;
let ip = 0;
const as = async (username: string, role?: string, unit?: string) => {
  const c = new Client(t.app, `10.73.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  if (role) expect((await c.switchTo(role, unit)).statusCode).toBe(200);
  return c;
};
const db = () => t.database.db;
const UNIT_HEADER = ['Skolenhetskod', 'Läsår', 'Föräldrarnas utbildningsnivå', 'Andel utländsk bakgrund', 'Andel pojkar', 'Andel nyanlända', 'Källa'];
const PUPIL_HEADER = ['Personnummer', 'Eftergymnasialt utbildad förälder', 'Utländsk bakgrund', 'Källa'];
let units: { id: string; code: string; name: string }[];
let pupils: { id: string; civic: string }[];

beforeAll(async () => {
  t = await startTestApp();
  units = await rows(db(), sql`select id, school_unit_code as code, name from school_unit order by name limit 3`);
  pupils = (await rows<{ id: string; c: string }>(db(), sql`select p.id, p.civic_no as c from person p where p.civic_no is not null
    and exists (select 1 from enrolment e where e.person_id = p.id) order by p.id limit 3`)).map((p) => ({ id: p.id, civic: formatCivicNo(p.c) }));
}, 60_000);
afterAll(async () => { await t?.close(); });

describe('unit background (the analyst)', () => {
  it('a file is previewed row by row (an unknown unit code and a value out of range refused) and imported: upserted, audited', async () => {
    const analyst = await as('analytiker');
    const file = csv(UNIT_HEADER, [
      [units[0].code, '2019/2020', '2,31', '23 %', '', '', 'SCB/Skolverket 2025'],
      [units[1].code, '2019/2020', '1,8', '0,45', '0,52', '4 %', 'SCB/Skolverket 2025'],
      ['99999999', '2019/2020', '2', '0,1', '', '', 'SCB'],
      [units[2].code, '2019/2020', '3,4', '0,1', '', '', 'SCB'],
    ]);
    const preview = await upload(analyst, '/api/followup/background/units/preview', file);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 2 });
    expect(preview.json().lines[2].errors[0]).toMatchObject({ column: 'Skolenhetskod', message: expect.stringContaining('99999999') });
    expect(preview.json().lines[3].errors[0].column).toBe('Föräldrarnas utbildningsnivå');
    expect(await one(db(), sql`select 1 from unit_background where school_year = '2019/2020'`)).toBeUndefined();

    const imported = await upload(analyst, '/api/followup/background/units/import', file);
    expect(imported.json()).toMatchObject({ written: 2 });
    const list = await analyst.get('/api/followup/background/units?schoolYear=2019/2020');
    expect(list.json().rows.map((r: any) => [r.unitName, r.parentsEducation, r.foreignBackgroundShare, r.boysShare])).toEqual([
      [units[0].name, 2.31, 0.23, null], [units[1].name, 1.8, 0.45, 0.52]].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'sv')));
    expect(await one(db(), sql`select details from audit_event where action = 'followup.unit_background.imported'`)).toBeDefined();

    const changed = await upload(analyst, '/api/followup/background/units/import', await xlsx(UNIT_HEADER, [[units[0].code, '2019/2020', '2,4', '23 %', '', '', 'SCB/Skolverket 2025'],
      [units[1].code, '2019/2020', '1,8', '0,45', '0,52', '4 %', 'SCB/Skolverket 2025']]), 'bakgrund.xlsx');
    expect(changed.json().counts).toEqual({ new: 0, changed: 1, unchanged: 1, rejected: 0 });
    expect((await analyst.get('/api/followup/background/units?schoolYear=2019/2020')).json().rows.find((r: any) => r.unitId === units[0].id).parentsEducation).toBe(2.4);
  });

  it('the principal reads only the own unit\'s rows; a teacher, the principal and an administrator cannot import (403)', async () => {
    const rektor = await as('rektor');
    const own = (await rektor.get('/api/followup/background/units')).json().rows;
    expect(new Set(own.map((r: any) => r.unitName)).size).toBeLessThanOrEqual(1);
    for (const c of [rektor, await as('larare', 'teacher', 'Björkskolan'), await as('admin'), await as('huvudman')]) {
      expect((await upload(c, '/api/followup/background/units/import', csv(UNIT_HEADER, [[units[0].code, '2018/2019', '2', '0,1', '', '', 'SCB']]))).statusCode).toBe(403);
    }
    expect(await one(db(), sql`select 1 from unit_background where school_year = '2018/2019'`)).toBeUndefined();
  });
});

describe('per-pupil background (only the organiser-level administrator)', () => {
  const file = () => csv(PUPIL_HEADER, [[pupils[0].civic, 'ja', 'nej', 'SCB 2026'], [pupils[1].civic, '', 'ja', 'SCB 2026'], [pupils[0].civic, 'nej', 'nej', 'SCB'],
    ['19000101-0000', 'ja', 'ja', 'SCB']]);

  it('the organiser-level administrator imports it: upserted, rows refused with their reason, audited with counts only', async () => {
    const huvudman = await as('huvudman');
    const res = await upload(huvudman, '/api/followup/background/pupils/import', file());
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 2 });
    expect(res.json().lines[2].errors[0].message).toContain('rad 2');
    expect(JSON.stringify(res.json())).not.toMatch(/given|family|name"/);
    const stored = await rows<{ pupil_id: string; parents_post_secondary: boolean | null; foreign_background: boolean }>(db(),
      sql`select pupil_id, parents_post_secondary, foreign_background from pupil_background order by pupil_id`);
    expect(stored).toEqual(expect.arrayContaining([{ pupil_id: pupils[0].id, parents_post_secondary: true, foreign_background: false },
      { pupil_id: pupils[1].id, parents_post_secondary: null, foreign_background: true }]));
    const audited = await one<{ details: any }>(db(), sql`select details from audit_event where action = 'followup.pupil_background.imported'`);
    expect(Object.keys(audited!.details).sort()).toEqual(['counts', 'fileName']);
    const again = await upload(huvudman, '/api/followup/background/pupils/import', file());
    expect(again.json().counts).toMatchObject({ new: 0, unchanged: 2 });
  });

  it('the analyst and a unit\'s administrator are refused (403)', async () => {
    for (const c of [await as('analytiker'), await as('admin')]) {
      expect((await upload(c, '/api/followup/background/pupils/preview', file())).statusCode).toBe(403);
      expect((await upload(c, '/api/followup/background/pupils/import', file())).statusCode).toBe(403);
    }
  });
});

describe('national reference figures', () => {
  const figures = { name: 'Egna jämförelsetal', updated: '2026-10-01', figures: [
    { measure: 'merit_value', gradeYear: 9, schoolYear: '2024/2025', value: 230.1, source: 'Skolverket, slutbetyg 2025' }] };

  it('every role of the follow-up reads the shipped file until the analyst uploads one', async () => {
    const larare = await as('larare', 'teacher', 'Björkskolan');
    const res = await larare.get('/api/followup/reference');
    expect(res.json()).toMatchObject({ origin: 'shipped', uploaded: null, file: { name: shippedReference().name } });
  });

  it('the analyst uploads a file (JSON body or a multipart file): in force at once, with when and by whom; audited', async () => {
    const analyst = await as('analytiker');
    const put = await analyst.request('PUT', '/api/followup/reference', figures);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ origin: 'uploaded', uploaded: { by: 'Erik Åberg' }, file: { name: 'Egna jämförelsetal' } });
    const asFile = await upload(analyst, '/api/followup/reference', JSON.stringify({ ...figures, name: 'Fil' }), 'jamforelse.json', 'PUT');
    expect(asFile.json().file.name).toBe('Fil');
    expect((await (await as('rektor')).get('/api/followup/reference')).json().file.name).toBe('Fil');
    expect(await one(db(), sql`select 1 from audit_event where action = 'followup.reference.uploaded'`)).toBeDefined();
  });

  it('a file that does not hold is refused (422) with readable issues, and nothing changes', async () => {
    const analyst = await as('analytiker');
    const bad = { ...figures, figures: [{ measure: 'share_higher_than_test', gradeYear: 7, schoolYear: '2024/2026', value: 1.4, source: 'S' }] };
    const res = await analyst.request('PUT', '/api/followup/reference', bad);
    expect(res.statusCode).toBe(422);
    const paths = res.json().issues.map((i: any) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['figures[1].gradeYear', 'figures[1].schoolYear', 'figures[1].source']));
    expect(res.json().issues.every((i: any) => typeof i.message === 'string' && i.message.length > 0)).toBe(true);
    const notJson = await upload(analyst, '/api/followup/reference', '{ inte json', 'x.json', 'PUT');
    expect(notJson.statusCode).toBe(422);
    expect((await analyst.get('/api/followup/reference')).json().file.name).toBe('Fil');
  });

  it('a teacher and the principal cannot upload (403); the administrator cannot read (403)', async () => {
    for (const c of [await as('larare', 'teacher', 'Björkskolan'), await as('rektor')]) {
      expect((await c.request('PUT', '/api/followup/reference', figures)).statusCode).toBe(403);
    }
    expect((await (await as('admin')).get('/api/followup/reference')).statusCode).toBe(403);
  });
});
