import { describe, expect, it } from 'vitest';
import { GRADE_POINTS } from '../grading/scale.js';
import { aggregateOf, subtractAggregate, sumAggregates, type GradeLetter } from './report-aggregate.js';
import { buildSection, type SubjectInput } from './report-sections.js';
import { TestFamily } from './report-tests.js';

type P = [GradeLetter | '-', GradeLetter | null];
const agg = (pupils: P[]) => aggregateOf(pupils.map(([grade, test]) => ({ grade, test })), GRADE_POINTS);
/** A 12-pupil group: 3 higher (B/C, C/D, D/E), 2 lower (C/B, F/E), 7 the same. */
const twelve = agg([['A', 'A'], ['B', 'C'], ['C', 'C'], ['C', 'D'], ['D', 'D'], ['E', 'E'], ['C', 'B'], ['E', 'E'], ['B', 'B'], ['D', 'E'], ['F', 'E'], ['E', 'E']]);
/** An 8-pupil group: one higher. */
const eight = agg([['C', 'C'], ['C', 'C'], ['C', 'C'], ['C', 'C'], ['D', 'D'], ['D', 'D'], ['B', 'C'], ['E', 'E']]);
const input = (over: Partial<SubjectInput> = {}): SubjectInput => ({
  subject: { code: 'MA', name: 'Matematik' }, hasTest: true,
  total: { key: 'u', label: 'Enheten', kind: 'unit', drill: null, agg: sumAggregates([twelve, eight]) }, parentOthers: null,
  rows: [{ key: 'a', label: '9A', kind: 'group', drill: null, agg: twelve }, { key: 'b', label: '9B', kind: 'group', drill: null, agg: eight }],
  breakdowns: [], trend: [], reference: [], ...over,
});

describe('the report of a subject', () => {
  it('shares, means and steps of a 12-pupil group are the hand-computed ones', () => {
    const s = buildSection(input({ total: { key: 'a', label: '9A', kind: 'group', drill: null, agg: twelve }, rows: [] }), new TestFamily());
    const d = s.total.deviation!;
    expect(d.pupils).toBe(12);
    expect(d.higher).toBeCloseTo(3 / 12); expect(d.lower).toBeCloseTo(2 / 12); expect(d.same).toBeCloseTo(7 / 12);
    expect(d.gradePoints).toBeCloseTo(155 / 12); expect(d.testPoints).toBeCloseTo(160 / 12); expect(d.meanDifference).toBeCloseTo(-5 / 12);
    expect(d.steps.find((x) => x.steps === 1)!.share).toBeCloseTo(3 / 12);
    expect(d.steps.find((x) => x.steps === -1)!.share).toBeCloseTo(2 / 12);
    expect(d.steps.find((x) => x.steps === 0)!.share).toBeCloseTo(7 / 12);
    expect(s.total.distribution.passing).toBeCloseTo(11 / 12);
  });

  it('the sign test of 3 higher against 2 lower has p = 1 (n = 5: 2 · P(X ≥ 3) = 2 · 16/32)', () => {
    const s = buildSection(input({ total: { key: 'a', label: '9A', kind: 'group', drill: null, agg: twelve }, rows: [] }), new TestFamily());
    expect(s.total.deviation!.signTest!.p).toBeCloseTo(1);
    expect(s.total.deviation!.signTest!.method).toBe('exact sign test');
  });

  it('the 8-pupil part is hidden, and its complement too: the whole minus the shown part would reveal it', () => {
    const s = buildSection(input(), new TestFamily());
    expect(s.total.deviation!.pupils).toBe(20);
    for (const row of s.rows) {
      expect(row.deviation!.pupils).toBe('..');
      expect(row.deviation!.higher).toBe('..');
      expect(row.deviation!.signTest).toBeNull();
      expect(row.distribution.shares.C).toBe('..');
    }
  });

  it('with a third part of 12 the 8-pupil part and one other are hidden, the third shown (whole − shown = two hidden parts)', () => {
    const s = buildSection(input({ total: { key: 'u', label: 'Enheten', kind: 'unit', drill: null, agg: sumAggregates([twelve, eight, twelve]) },
      rows: [...input().rows, { key: 'c', label: '9C', kind: 'group', drill: null, agg: twelve }] }), new TestFamily());
    expect(s.rows.map((r) => r.deviation!.pupils).filter((n) => n === '..')).toHaveLength(2);
    expect(s.rows.map((r) => r.deviation!.pupils)).toContain(12);
    expect(s.rows[1].deviation!.pupils).toBe('..');
  });

  it('a group against the rest of its parent is tested on lower/same/higher (parent − group)', () => {
    const family = new TestFamily();
    const s = buildSection(input({ total: { key: 'a', label: '9A', kind: 'group', drill: null, agg: twelve }, rows: [], parentOthers: eight }), family);
    expect(s.total.deviation!.versusOthers).not.toBeNull();
    expect(subtractAggregate(sumAggregates([twelve, eight]), twelve)).toEqual(eight);
  });

  it('Benjamini–Hochberg runs over every test of the report: q is the adjusted p, and clear only below 0.05', () => {
    const family = new TestFamily();
    const strong = agg(Array.from({ length: 30 }, (_, i): P => (i < 25 ? ['B', 'C'] : ['C', 'C'])));
    const a = buildSection(input({ total: { key: 's', label: 'Stark', kind: 'group', drill: null, agg: strong }, rows: [] }), family);
    const b = buildSection(input({ total: { key: 'a', label: '9A', kind: 'group', drill: null, agg: twelve }, rows: [] }), family);
    family.adjust();
    expect(family.count).toBe(2);
    const [pa, pb] = [a.total.deviation!.signTest!, b.total.deviation!.signTest!];
    // two tests: the smaller p is doubled (2 · p / 1), the larger keeps p (2 · p / 2)
    expect(pa.q).toBeCloseTo(Math.min(1, pa.p * 2));
    expect(pb.q).toBeCloseTo(1);
    expect(pa).toMatchObject({ clear: true, direction: 'higher' });
    expect(pb).toMatchObject({ clear: false, direction: null });
  });

  it('a subject without a national test has no deviation, only the distribution (and its test against the others)', () => {
    const family = new TestFamily();
    const s = buildSection(input({ hasTest: false, total: { key: 'a', label: '9A', kind: 'group', drill: null, agg: twelve }, rows: [], parentOthers: eight }), family);
    expect(s.total.deviation).toBeNull();
    expect(s.total.distribution.shares.E).toBeCloseTo(3 / 12);
    expect(s.total.distribution.versusOthers).not.toBeNull();
  });
});
