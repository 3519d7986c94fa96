import { describe, expect, it } from 'vitest';
import { PUBLISHED_MERIT_MODEL } from '../../../domain/followup/expected-value.js';
import { type FinalGrade, meritValue } from '../../../domain/grading/merit.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { assignDeviations, deviationQuota, GENEROUS_MIX, LETTERS, type Letter, parentsEducationLevel, shifted, USUAL_MIX } from './history-model.js';
import { historyGroupName, PLANTED, PUPIL_BACKGROUND_UNIT } from './history.js';
import { vtEnd } from './history-units.js';
import { hashSeed, Rng, stableUuid } from './random.js';
import { buildDemoData } from './seed.js';
import { namedPersonId } from './staff.js';

const TODAY = '2026-11-22';
const CUR = 2026;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const demo = buildDemoData({ preset: 'demo', seed: 1, today: TODAY });
const { rows } = demo.history;
const label = (y: number) => `${y}/${y + 1}`;

/** Every history grade with its group, unit, school year and the pupil's test grade in the subject that year. */
interface Row { pupil: string; subject: string; value: string; group: string; unit: number; gradeYear: number; schoolYear: string; test: Letter | null | undefined; sex: string }
const sexOf = new Map<string, string>();
for (const ds of [demo.ds, rows.ds]) ds.person.columns.id.forEach((id, i) => sexOf.set(id as string, ds.person.columns.sex[i] as string));
const groups = new Map(rows.ds.group.columns.id.map((id, i) => [id as string, {
  name: rows.ds.group.columns.name[i] as string, unit: demo.units.find((u) => u.id === rows.ds.group.columns.schoolUnitId[i])!.index,
  gradeYear: rows.ds.group.columns.schoolYear[i] as number, start: Number((rows.ds.group.columns.startDate[i] as string).slice(0, 4)),
}]));
const tests = new Map<string, Letter | null>();
rows.test.columns.id.forEach((_, i) => {
  const c = rows.test.columns;
  tests.set(`${c.pupilId[i]}:${c.subjectCode[i]}:${c.gradeYear[i]}:${c.schoolYear[i]}`, c.testGrade[i] as Letter | null);
});
const all: Row[] = rows.grade.columns.id.map((_, i) => {
  const c = rows.grade.columns;
  const g = groups.get(c.groupId[i] as string)!;
  const schoolYear = label(g.start);
  return {
    pupil: c.pupilId[i] as string, subject: c.subjectCode[i] as string, value: c.value[i] as string, group: g.name, unit: g.unit,
    gradeYear: g.gradeYear, schoolYear, test: tests.get(`${c.pupilId[i]}:${c.subjectCode[i]}:${g.gradeYear}:${schoolYear}`), sex: sexOf.get(c.pupilId[i] as string)!,
  };
});

/** Shares higher / lower than the test among the rows with both a grade (not '-') and a test grade. */
function shares(list: Row[]) {
  const both = list.filter((r) => r.test && r.value !== '-');
  const dev = both.map((r) => LETTERS.indexOf(r.value as Letter) - LETTERS.indexOf(r.test!));
  return { n: both.length, higher: dev.filter((d) => d > 0).length / both.length, lower: dev.filter((d) => d < 0).length / both.length,
    up: dev.filter((d) => d > 0).length, down: dev.filter((d) => d < 0).length };
}

describe('the rules of the history', () => {
  it('a quota gives each deviation its share of the group, rounded so that the counts add up', () => {
    const q = deviationQuota(25, USUAL_MIX);
    expect(q).toHaveLength(25);
    expect(q.filter((d) => d === 1)).toHaveLength(5); // 0.19 · 25 = 4.75
    expect(q.filter((d) => d === 0).length).toBeGreaterThanOrEqual(17);
  });

  it('a grade never leaves the scale: an A is not made higher, an F not lower', () => {
    const rng = new Rng(3);
    const tests: Letter[] = Array.from({ length: 40 }, (_, i) => (i < 20 ? 'A' : 'C'));
    const devs = assignDeviations(rng, tests, GENEROUS_MIX);
    devs.forEach((d, i) => expect(shifted(tests[i], d)).not.toBeNull());
    // 54 % of 40 = 22 higher wanted; only the 20 C pupils can take them.
    expect(devs.filter((d, i) => d > 0 && tests[i] === 'C').length).toBe(20);
  });

  it('parents\' education levels keep the unit\'s mean', () => {
    const rng = new Rng(5);
    for (const mean of [1.8, 2.3, 2.8]) {
      const draws = Array.from({ length: 20_000 }, () => parentsEducationLevel(rng, mean));
      expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(mean, 1);
    }
  });
});

describe('planted patterns', () => {
  it('the generous unit\'s year-9 mathematics grades are above the test for ≥ 40 % every year, the others\' ≤ 30 %', () => {
    for (const y of YEARS) {
      for (const unit of [0, 1, 2]) {
        const s = shares(all.filter((r) => r.unit === unit && r.gradeYear === 9 && r.subject === 'MA' && r.schoolYear === label(y)));
        if (unit === PLANTED.generousUnit.unitIndex) expect(s.higher, `${unit} ${y}`).toBeGreaterThanOrEqual(0.4);
        else expect(s.higher, `${unit} ${y}`).toBeLessThanOrEqual(0.3);
        expect(s.n).toBeGreaterThan(35);
      }
    }
  });

  it('the generous unit\'s merit value is well above what its background predicts; the others\' near it', () => {
    const m = PUBLISHED_MERIT_MODEL;
    const finals = new Map<string, { unit: number; sy: string; grades: FinalGrade[] }>();
    for (const r of all.filter((x) => x.gradeYear === 9)) {
      const f = finals.get(r.pupil) ?? { unit: r.unit, sy: r.schoolYear, grades: [] };
      f.grades.push({ subjectCode: r.subject, value: r.value as FinalGrade['value'] });
      finals.set(r.pupil, f);
    }
    const bg = rows.unitBackground.columns;
    for (const unit of demo.units) {
      const merits = [...finals.values()].filter((f) => f.unit === unit.index).map((f) => meritValue(f.grades));
      const mean = merits.reduce((a, b) => a + b, 0) / merits.length;
      const education = bg.parentsEducation.filter((_, i) => bg.schoolUnitId[i] === unit.id) as number[];
      const predicted = m.intercept + m.parentsEducation * (education.reduce((a, b) => a + b, 0) / education.length) + m.boysShare * 0.5 + m.newlyArrivedShare * 0.07;
      if (unit.index === PLANTED.generousUnit.unitIndex) expect(mean - predicted).toBeGreaterThan(20);
      else expect(Math.abs(mean - predicted)).toBeLessThan(12);
    }
  });

  it('in the sex group girls\' grades are above the test far more often than boys\'', () => {
    const p = PLANTED.sexGroup;
    const name = historyGroupName(`${p.className} ${p.subjectCode}`, CUR - p.yearsBack);
    const group = all.filter((r) => r.group === name && r.unit === p.unitIndex);
    const girls = shares(group.filter((r) => r.sex === 'F'));
    const boys = shares(group.filter((r) => r.sex === 'M'));
    expect(girls.n + boys.n).toBeGreaterThan(18);
    expect(girls.higher).toBeGreaterThanOrEqual(0.45);
    expect(boys.higher).toBeLessThanOrEqual(0.1);
  });

  it('the clean group has as many higher as lower, alike for girls and boys, and not more higher than its unit', () => {
    const p = PLANTED.cleanGroup;
    const name = historyGroupName(`${p.className} ${p.subjectCode}`, CUR - p.yearsBack);
    const group = all.filter((r) => r.group === name && r.unit === p.unitIndex);
    const s = shares(group);
    expect(s.n).toBeGreaterThan(18);
    expect(Math.abs(s.up - s.down)).toBeLessThanOrEqual(1);
    const girls = shares(group.filter((r) => r.sex === 'F'));
    const boys = shares(group.filter((r) => r.sex === 'M'));
    expect(Math.abs(girls.higher - boys.higher)).toBeLessThan(0.15);
    const unit = shares(all.filter((r) => r.unit === p.unitIndex && r.gradeYear === 9 && r.subject === 'SV' && r.schoolYear === label(CUR - p.yearsBack) && r.group !== name));
    expect(s.higher).toBeLessThanOrEqual(unit.higher);
  });

  it('the generous teacher grades the year-6 mathematics group of 6A every year, above the test', () => {
    const p = PLANTED.generousTeacher;
    const graders = new Set<string>();
    for (const y of YEARS) {
      const name = historyGroupName(`${p.className} ${p.subjectCode}`, y);
      const [id] = [...groups].find(([, g]) => g.name === name && g.unit === p.unitIndex)!;
      graders.add(rows.ds.groupStaff.columns.personId[rows.ds.groupStaff.columns.groupId.indexOf(id)] as string);
      expect(shares(all.filter((r) => r.group === name && r.unit === p.unitIndex)).higher).toBeGreaterThanOrEqual(0.4);
    }
    expect(graders.size).toBe(1);
  });
});

describe('the pupils of the history', () => {
  const left = new Set(rows.ds.person.columns.id as string[]);

  it('every pupil who has left has an enrolment that ended with year 9 and no class today', () => {
    const e = rows.ds.enrolment.columns;
    expect(e.id.length).toBe(left.size);
    e.endDate.forEach((end, i) => {
      expect(end).not.toBeNull();
      expect(end! < TODAY).toBe(true);
      expect(e.startDate[i]! <= end!).toBe(true);
    });
    const m = rows.ds.membership.columns;
    m.endDate.forEach((end) => expect(end! < TODAY).toBe(true));
  });

  it('year 6 of today\'s years 7–9 is graded for those very pupils, in the class of the same letter', () => {
    const currentClassOf = new Map<string, string>();
    const classNames = new Map(demo.ds.group.columns.id.map((id, i) => [id, demo.ds.group.columns.name[i] as string]));
    demo.ds.membership.columns.personId.forEach((p, i) => {
      const name = classNames.get(demo.ds.membership.columns.groupId[i])!;
      if (/^[0-9][A-Z]$/.test(name)) currentClassOf.set(p as string, name);
    });
    for (const [y, year] of [[2025, 7], [2024, 8], [2023, 9]] as const) {
      const sixes = all.filter((r) => r.gradeYear === 6 && r.schoolYear === label(y));
      expect(sixes.length).toBeGreaterThan(1500);
      for (const r of sixes) {
        expect(left.has(r.pupil)).toBe(false);
        expect(currentClassOf.get(r.pupil)).toBe(`${year}${r.group[1]}`);
      }
    }
    // The older year-6 cohorts are the pupils who left after year 9 three years later.
    for (const y of [2021, 2022]) {
      const nines = new Set(all.filter((r) => r.gradeYear === 9 && r.schoolYear === label(y + 3)).map((r) => r.pupil));
      const sixes = new Set(all.filter((r) => r.gradeYear === 6 && r.schoolYear === label(y)).map((r) => r.pupil));
      expect(sixes.size).toBeGreaterThan(100);
      for (const p of sixes) expect(nines.has(p)).toBe(true);
    }
  });

  it('the named pupils keep their data: no history', () => {
    const named = [namedPersonId('elev'), ...DEMO_ACCOUNTS.flatMap((a) => a.children ?? []).map((c) => stableUuid(`larka-demo:person:${c.key}`))];
    for (const id of named) expect(all.some((r) => r.pupil === id)).toBe(false);
  });

  it('counts per year are plausible: two classes a unit, 16–17 grades and 5 tests per year-9 pupil, ~4 % not taking part', () => {
    for (const y of YEARS) {
      const nines = all.filter((r) => r.gradeYear === 9 && r.schoolYear === label(y));
      const pupils = new Set(nines.map((r) => r.pupil));
      expect(pupils.size).toBeGreaterThanOrEqual(3 * 2 * 23);
      expect(pupils.size).toBeLessThanOrEqual(3 * 2 * 27);
      expect(nines.length / pupils.size).toBeGreaterThan(15.5);
      expect(nines.length / pupils.size).toBeLessThan(17.01);
      const t = rows.test.columns;
      const nineTests = t.id.map((_, i) => i).filter((i) => t.gradeYear[i] === 9 && t.schoolYear[i] === label(y));
      expect(nineTests.length).toBe(pupils.size * 5);
      const absent = nineTests.filter((i) => t.notParticipated[i]).length / nineTests.length;
      expect(absent).toBeGreaterThan(0.015);
      expect(absent).toBeLessThan(0.07);
    }
    const values = all.map((r) => r.value);
    expect(values.filter((v) => v === '-').length).toBeGreaterThan(0);
    expect(values.filter((v) => v === 'F').length / values.length).toBeGreaterThan(0.02);
    const newly = rows.ds.person.columns.newlyArrivedDate.filter(Boolean).length / left.size;
    expect(newly).toBeGreaterThan(0.04);
    expect(newly).toBeLessThan(0.13);
  });

  it('has unit background for every unit and history year, and per-pupil background at one unit only, a few unknown', () => {
    expect(rows.unitBackground.length).toBe(3 * 5);
    for (const v of rows.unitBackground.columns.parentsEducation as number[]) expect(v >= 1.8 && v <= 2.8).toBe(true);
    const unitId = demo.units[PUPIL_BACKGROUND_UNIT].id;
    const pupilsThere = new Set([demo.ds, rows.ds].flatMap((ds) => ds.enrolment.columns.personId.filter((_, i) => ds.enrolment.columns.schoolUnitId[i] === unitId)));
    const pb = rows.pupilBackground.columns;
    expect(pb.pupilId.every((p) => pupilsThere.has(p as string))).toBe(true);
    expect(new Set(pb.pupilId).size).toBe(pb.pupilId.length);
    const unknown = pb.parentsPostSecondary.filter((v) => v === null).length / pb.pupilId.length;
    expect(unknown).toBeGreaterThan(0);
    expect(unknown).toBeLessThan(0.08);
  });

  it('adds only the terms the current data lacks, each VT ending before today', () => {
    expect(rows.ds.term.columns.schoolYear).toEqual(['2021/2022', '2021/2022', '2022/2023', '2022/2023']);
    expect(vtEnd(2025) < TODAY).toBe(true);
  });
});

describe('determinism', () => {
  it('two builds with the same seed and today are equal; another seed differs', () => {
    const again = buildDemoData({ preset: 'demo', seed: 1, today: TODAY }).history.rows;
    expect(again.grade.columns).toEqual(rows.grade.columns);
    expect(again.test.columns).toEqual(rows.test.columns);
    expect(again.ds.person.columns).toEqual(rows.ds.person.columns);
    expect(hashSeed('larka-demo:history:1')).not.toBe(hashSeed('larka-demo:history:2'));
  });
});
