import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../src/server/platform/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/api.js';
import { FIXTURE_YEAR, seedFollowupFixture } from '../support/followup-fixture.js';
import { testTempDir } from '../support/temp-dir.js';

let t: TestApp;
let ip = 0;
let fx: Awaited<ReturnType<typeof seedFollowupFixture>>;
let otherUnit: string;
let otherUnitGroup: string;
const as = async (username: string) => {
  const c = new Client(t.app, `10.72.0.${++ip}`);
  expect((await c.login(username)).statusCode).toBe(200);
  return c;
};
const year = encodeURIComponent(FIXTURE_YEAR);
const close = (v: unknown, want: number) => expect(v as number).toBeCloseTo(want, 4);

beforeAll(async () => {
  t = await startTestApp();
  fx = await seedFollowupFixture(t.database.db);
  otherUnit = (await one<{ id: string }>(t.database.db, sql`select id from school_unit where name = 'Eksätraskolan'`))!.id;
  otherUnitGroup = (await one<{ id: string }>(t.database.db, sql`select id from student_group where school_unit_id = ${otherUnit} and school_year = 9 limit 1`))!.id;
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('the unit report on the hand-made fixture', () => {
  it('gives the unit\'s figures in mathematics: 20 pupils, 10 % lower, 70 % same, 20 % higher, the means and the distribution', async () => {
    const res = await (await as('rektor')).get(`/api/followup/units/${fx.unit}?gradeYear=9&schoolYear=${year}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.level).toBe('unit');
    const ma = r.subjects.find((s: any) => s.subject.code === 'MA');
    expect(ma.hasTest).toBe(true);
    const d = ma.total.deviation;
    expect(d.pupils).toBe(20);
    close(d.lower, 0.1); close(d.same, 0.7); close(d.higher, 0.2);
    close(d.gradePoints, 267.5 / 20); close(d.testPoints, 270 / 20); close(d.meanDifference, -2.5 / 20);
    expect(d.steps.find((s: any) => s.steps === 1).share).toBeCloseTo(4 / 20);
    expect(d.steps.find((s: any) => s.steps === -1).share).toBeCloseTo(2 / 20);
    const dist = ma.total.distribution;
    expect(dist.pupils).toBe(20);
    close(dist.shares.A, 0.05); close(dist.shares.B, 0.15); close(dist.shares.C, 0.35); close(dist.shares.D, 0.2); close(dist.shares.E, 0.2); close(dist.shares.F, 0.05);
    close(dist.passing, 0.95);
    // higher 4 against lower 2: the exact sign test's p = 2 · P(X ≥ 4 | n = 6, ½) = 2 · 22/64
    close(d.signTest.p, 44 / 64);
    expect(d.signTest.clear).toBe(false);
  });

  it('hides the 8-pupil group and, so that it cannot be recovered from the unit\'s total, the 12-pupil group too', async () => {
    const r = (await (await as('rektor')).get(`/api/followup/units/${fx.unit}?gradeYear=9&schoolYear=${year}`)).json();
    const ma = r.subjects.find((s: any) => s.subject.code === 'MA');
    expect(ma.rows.map((x: any) => x.label)).toEqual(['Ma 9A 2013', 'Ma 9B 2013']);
    for (const row of ma.rows) {
      expect(row.deviation.pupils).toBe('..');
      expect(row.deviation.higher).toBe('..');
      expect(row.deviation.signTest).toBeNull();
      expect(row.drill).toBe(`/api/followup/groups/${row.key}`);
    }
  });

  it('breaks down by sex: girls 10 (20 % higher, none lower), boys 10 (20 % higher, 20 % lower)', async () => {
    const r = (await (await as('rektor')).get(`/api/followup/units/${fx.unit}?gradeYear=9&schoolYear=${year}`)).json();
    const sex = r.subjects.find((s: any) => s.subject.code === 'MA').breakdowns.find((b: any) => b.dimension === 'sex');
    expect(sex.source).toBe('pupil');
    const girls = sex.rows.find((x: any) => x.key === 'sex:F');
    const boys = sex.rows.find((x: any) => x.key === 'sex:M');
    expect(girls.deviation.pupils).toBe(10); close(girls.deviation.higher, 0.2); close(girls.deviation.lower, 0);
    expect(boys.deviation.pupils).toBe(10); close(boys.deviation.higher, 0.2); close(boys.deviation.lower, 0.2);
    expect(sex.test).not.toBeNull();
  });

  it('gives the principal the teacher breakdown, and the analyst none', async () => {
    const principal = (await (await as('rektor')).get(`/api/followup/units/${fx.unit}?gradeYear=9&schoolYear=${year}`)).json();
    const teachers = principal.subjects.find((s: any) => s.subject.code === 'MA').breakdowns.find((b: any) => b.dimension === 'teacher');
    expect(teachers.rows.map((x: any) => x.key).sort()).toEqual([fx.larare, fx.other].sort());
    const analyst = (await (await as('analytiker')).get(`/api/followup/units/${fx.unit}?gradeYear=9&schoolYear=${year}`)).json();
    expect(analyst.subjects.flatMap((s: any) => s.breakdowns).some((b: any) => b.dimension === 'teacher')).toBe(false);
    expect(analyst.parents).toHaveLength(1);
  });

  it('refuses another unit to the principal (404) and the unit to a teacher (403)', async () => {
    const rektor = await as('rektor');
    expect((await rektor.get(`/api/followup/units/${otherUnit}?gradeYear=9`)).statusCode).toBe(404);
    expect((await (await as('larare')).get(`/api/followup/units/${fx.unit}?gradeYear=9`)).statusCode).toBe(403);
  });
});

describe('the group report', () => {
  it('shows the teacher their 12-pupil group: 25 % higher, 2 of 12 lower, the means, the sign test p = 1, and the pupils', async () => {
    const res = await (await as('larare')).get(`/api/followup/groups/${fx.groups.A}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.schoolYear).toBe(FIXTURE_YEAR);
    const d = r.subjects.find((s: any) => s.subject.code === 'MA').total.deviation;
    expect(d.pupils).toBe(12);
    close(d.higher, 3 / 12); close(d.lower, 2 / 12); close(d.same, 7 / 12);
    close(d.gradePoints, 155 / 12); close(d.testPoints, 160 / 12); close(d.meanDifference, -5 / 12);
    close(d.signTest.p, 1);
    expect(d.versusOthers).not.toBeNull();
    expect(r.pupils).toHaveLength(12);
    expect(r.pupils.filter((p: any) => p.steps === 1)).toHaveLength(3);
    expect(r.pupils.filter((p: any) => p.steps === -1)).toHaveLength(2);
  });

  it('refuses the teacher another teacher\'s group and another unit\'s group (404)', async () => {
    const larare = await as('larare');
    expect((await larare.get(`/api/followup/groups/${fx.groups.B}`)).statusCode).toBe(404);
    expect((await larare.get(`/api/followup/groups/${otherUnitGroup}`)).statusCode).toBe(404);
  });

  it('gives the analyst no pupils, and hides the group as the unit report does', async () => {
    const r = (await (await as('analytiker')).get(`/api/followup/groups/${fx.groups.A}`)).json();
    expect(r.pupils).toBeNull();
    expect(r.subjects.find((s: any) => s.subject.code === 'MA').total.deviation.pupils).toBe('..');
  });

  it('lists the teacher\'s own groups with analysed grades', async () => {
    const r = (await (await as('larare')).get(`/api/followup/groups?schoolYear=${year}`)).json();
    expect(r.groups).toEqual([expect.objectContaining({ id: fx.groups.A, gradeYear: 9, schoolYear: FIXTURE_YEAR, pupils: 12 })]);
  });
});

describe('exports', () => {
  it('the unit report as Excel: a sheet per subject with the figures, the patterns and the rules', async () => {
    const res = await (await as('rektor')).get(`/api/followup/export?level=unit&id=${fx.unit}&gradeYear=9&schoolYear=${year}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('Uppföljning – Björkskolan – åk 9 – 2012-2013.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ma = wb.getWorksheet('Matematik (MA)')!;
    const total = ma.getRow(2).values as unknown[];
    expect(total[1]).toBe('Björkskolan');
    expect(total[3]).toBe(20);
    expect(total[6]).toBeCloseTo(0.2);
    expect(ma.getRow(3).values).toContain('..');
    expect(wb.getWorksheet('Mönster')).toBeDefined();
    expect(wb.getWorksheet('Regler')!.getColumn(2).values.join(' ')).toContain('Benjamini–Hochberg');
  });

  it('the unit report as PDF: the figures as text, the chart as vector paths and no raster image', async () => {
    const res = await (await as('rektor')).get(`/api/followup/export?level=unit&id=${fx.unit}&gradeYear=9&schoolYear=${year}&format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = testTempDir('followup-pdf-');
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Björkskolan');
    expect(text).toContain('Matematik (MA)');
    expect(text).toMatch(/Björkskolan\s+20\s+10 %\s+70 %\s+20 %/);
    expect(text).toContain('Benjamini–Hochberg');
    expect(text).toMatch(/Lägre\s+Samma\s+Högre/); // the chart's legend, drawn from the SVG
    const raw = res.rawPayload.toString('latin1');
    expect(raw).not.toContain('/Subtype /Image');
    // the chart's bars are path operators in the content streams (x y w h re … f)
    const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].map((m) => {
      try { return zlib.inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1'); } catch { return ''; }
    }).join('\n');
    expect((streams.match(/ re\b/g) ?? []).length + (streams.match(/ l\b/g) ?? []).length).toBeGreaterThan(20);
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('on the demo history (five school years, planted patterns)', () => {
  const groupNamed = async (unit: string, name: string) => (await one<{ id: string }>(t.database.db, sql`select g.id from student_group g
    join school_unit u on u.id = g.school_unit_id and u.name = ${unit} where g.name = ${name}`))!.id;
  const clearTests = (r: any) => r.subjects.flatMap((s: any) => [s.total, ...s.rows, ...s.breakdowns.flatMap((b: any) => b.rows)]
    .flatMap((row: any) => [row.deviation?.signTest, row.deviation?.versusOthers, row.distribution.versusOthers])
    .concat(s.breakdowns.map((b: any) => b.test))).filter((x: any) => x?.clear);

  it('finds the unit whose mathematics grades lie above the test grades year after year', async () => {
    const r = (await (await as('analytiker')).get('/api/followup/organiser?gradeYear=9')).json();
    expect(r.schoolYears.length).toBeGreaterThanOrEqual(5);
    expect(r.patterns).toContainEqual(expect.objectContaining({ kind: 'unit', label: 'Eksätraskolan', subject: expect.objectContaining({ code: 'MA' }), direction: 'higher' }));
    const ma = r.subjects.find((s: any) => s.subject.code === 'MA');
    const eks = ma.rows.find((x: any) => x.label === 'Eksätraskolan');
    // one year alone: small p, but adjusted over the report's many tests (BH) — the pattern is the finding
    expect(eks.deviation.versusOthers.p).toBeLessThan(0.05);
    expect(eks.deviation.versusOthers.q).toBeGreaterThanOrEqual(eks.deviation.versusOthers.p);
    expect(ma.trend.length).toBeGreaterThanOrEqual(5);
  });

  it('finds the group with a difference by sex, and does not flag the clean group', async () => {
    const rektor = await as('rektor');
    const sexGroup = (await rektor.get(`/api/followup/groups/${await groupNamed('Björkskolan', '9B EN 25/26')}`)).json();
    const sex = sexGroup.subjects.find((s: any) => s.subject.code === 'EN').breakdowns.find((b: any) => b.dimension === 'sex');
    expect(sex.test).toMatchObject({ clear: true });
    const clean = (await rektor.get(`/api/followup/groups/${await groupNamed('Björkskolan', '9A SV 25/26')}`)).json();
    expect(clean.subjects.find((s: any) => s.subject.code === 'SV').total.deviation.pupils).toBeGreaterThanOrEqual(10);
    expect(clearTests(clean)).toEqual([]);
  });

  it('finds the year-6 mathematics group of class 6A whose grades lie above the tests year after year', async () => {
    const unit = (await one<{ id: string }>(t.database.db, sql`select id from school_unit where name = 'Lindängsskolan'`))!.id;
    const r = (await (await as('analytiker')).get(`/api/followup/units/${unit}?gradeYear=6`)).json();
    expect(r.patterns).toContainEqual(expect.objectContaining({ kind: 'group', subject: expect.objectContaining({ code: 'MA' }), direction: 'higher',
      label: expect.stringMatching(/^6A/) }));
  });
});

describe('expected value', () => {
  it('gives each unit its merit value against the published model\'s prediction from its background (fewer than 15 units)', async () => {
    const res = await (await as('analytiker')).get('/api/followup/expected');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.model).toBe('published');
    const unit = r.units.find((u: any) => u.name === 'Björkskolan');
    const b = unit.background;
    expect(b.parentsEducation).not.toBeNull();
    const expected = 93.567 + 69.846 * b.parentsEducation - 35.271 * b.boysShare - 83.641 * b.newlyArrivedShare;
    expect(unit.expectedMerit).toBeCloseTo(expected, 6);
    expect(unit.residualMerit).toBeCloseTo(unit.meritValue - expected, 6);
    expect(unit.meritCi[0]).toBeLessThan(unit.meritValue);
    expect(unit.meritCi[1]).toBeGreaterThan(unit.meritValue);
  });

  it('gives the principal only their own unit\'s row', async () => {
    const r = (await (await as('rektor')).get('/api/followup/expected')).json();
    expect(r.units.map((u: any) => u.name)).toEqual(['Björkskolan']);
  });

  it('refuses a school year that is not one (422)', async () => {
    expect((await (await as('analytiker')).get('/api/followup/expected?schoolYear=2025/2027')).statusCode).toBe(422);
  });
});
