import { nationalTestOf } from '../../domain/national-tests/catalogue.js';
import { sumAggregates, type Aggregate } from '../../domain/followup/report-aggregate.js';
import { buildSection, type BreakdownInput, type Dimension, type PartInput, type RowInput, type SubjectInput } from '../../domain/followup/report-sections.js';
import type { PatternEntity } from '../../domain/followup/report-patterns.js';
import { aggregateOfRow, type AggregateRow } from './report-store.js';
import type { TestFamily } from '../../domain/followup/report-tests.js';

/**
 * From the level's aggregate rows to the report's sections: indexes the rows by school year, subject,
 * dimension and key, labels them, and hands each subject to the pure builder. Shared by the three levels.
 */
export type Subjects = Map<string, { name: string; sortOrder: number }>;

export class AggregateIndex {
  /** schoolYear → subject → dim → key → aggregate */
  private readonly map = new Map<string, Map<string, Map<string, Map<string, Aggregate>>>>();
  constructor(rows: AggregateRow[]) {
    for (const r of rows) {
      if (r.dim !== 'total' && r.key === null) continue; // the group level's rest of the unit has no breakdowns
      const y = this.map.get(r.school_year) ?? new Map();
      this.map.set(r.school_year, y);
      const s = y.get(r.subject) ?? new Map();
      y.set(r.subject, s);
      const d = s.get(r.dim) ?? new Map();
      s.set(r.dim, d);
      d.set(r.key ?? 'total', aggregateOfRow(r));
    }
  }
  /** A copy of one school year with the totals replaced (the group level: the group is the whole). */
  withTotals(schoolYear: string, totalOf: (subject: string) => Aggregate | undefined): AggregateIndex {
    const copy = new AggregateIndex([]);
    const year = new Map<string, Map<string, Map<string, Aggregate>>>();
    for (const [subject, dims] of this.map.get(schoolYear) ?? []) {
      const total = totalOf(subject);
      if (!total) continue;
      const own = new Map(dims);
      own.set('total', new Map([['total', total]]));
      own.delete('row');
      year.set(subject, own);
    }
    copy.map.set(schoolYear, year);
    return copy;
  }
  schoolYears(): string[] { return [...this.map.keys()].sort().reverse(); }
  subjects(schoolYear: string): string[] { return [...(this.map.get(schoolYear)?.keys() ?? [])]; }
  dim(schoolYear: string, subject: string, dim: string): Map<string, Aggregate> { return this.map.get(schoolYear)?.get(subject)?.get(dim) ?? new Map(); }
  total(schoolYear: string, subject: string): Aggregate | undefined { return this.dim(schoolYear, subject, 'total').get('total'); }
  /** subject → schoolYear → the level's total (the parents of the patterns, the trend). */
  totalsBySubject(): Map<string, Map<string, Aggregate>> {
    const out = new Map<string, Map<string, Aggregate>>();
    for (const [year, subjects] of this.map) for (const [subject, dims] of subjects) {
      const t = dims.get('total')?.get('total');
      if (!t) continue;
      const m = out.get(subject) ?? new Map();
      out.set(subject, m);
      m.set(year, t);
    }
    return out;
  }
}

const PART_LABELS: Record<Exclude<Dimension, 'teacher'>, Record<string, string | null>> = {
  sex: { F: 'Flickor', M: 'Pojkar', U: null },
  newly_arrived: { true: 'Nyanlända', false: 'Ej nyanlända' },
  sva: { true: 'Svenska som andraspråk', false: 'Ej svenska som andraspråk' },
  parents_education: { true: 'Förälder med eftergymnasial utbildning', false: 'Ingen förälder med eftergymnasial utbildning', U: null },
  foreign_background: { true: 'Utländsk bakgrund', false: 'Svensk bakgrund', U: null },
};
export const PUPIL_DIMENSIONS = Object.keys(PART_LABELS) as Exclude<Dimension, 'teacher'>[];
const REGISTER_DIMENSIONS = new Set<Dimension>(['parents_education', 'foreign_background']);

/** Whether the register holds a per-pupil value of the dimension for any analysed pupil of the level. */
export function holdsPerPupil(index: AggregateIndex, dim: Dimension): boolean {
  if (!REGISTER_DIMENSIONS.has(dim)) return true;
  return index.schoolYears().some((y) => index.subjects(y).some((s) => [...index.dim(y, s, dim)].some(([k, a]) => k !== 'U' && a.graded > 0)));
}

/** The label of a pupil group, null for a part never shown on its own (unknown). */
export const partLabel = (dim: Exclude<Dimension, 'teacher'>, key: string): string | null => PART_LABELS[dim][key] ?? null;

/** The parts of a per-pupil breakdown (sex unknown and the like: a hidden part of the whole). */
export function pupilParts(index: AggregateIndex, schoolYear: string, subject: string, dim: Exclude<Dimension, 'teacher'>): PartInput[] {
  return [...index.dim(schoolYear, subject, dim)].map(([key, agg]) => {
    const label = PART_LABELS[dim][key] ?? null;
    return { key: `${dim}:${key}`, label: label ?? 'Uppgift saknas', kind: 'pupil_group' as const, drill: null, agg, shown: label !== null };
  });
}

export interface SectionContext {
  index: AggregateIndex; schoolYear: string; gradeYear: 6 | 9; subjects: Subjects;
  total: (subject: string) => Omit<RowInput, 'agg'>;
  rows: (subject: string) => RowInput[];
  breakdowns: (subject: string) => BreakdownInput[];
  totalHidden?: (subject: string) => { deviation: boolean; distribution: boolean } | undefined;
  /** The rest of the parent for the total's test, null when not read. */
  parentOthers: (subject: string, total: Aggregate) => Aggregate | null;
  reference: (subject: string) => SubjectInput['reference'];
}

/** The report's sections of the chosen school year, by the subjects' order. */
export function sectionsOf(ctx: SectionContext, family: TestFamily) {
  const totals = ctx.index.totalsBySubject();
  const order = (code: string) => ctx.subjects.get(code)?.sortOrder ?? 999;
  return ctx.index.subjects(ctx.schoolYear).sort((a, b) => order(a) - order(b) || a.localeCompare(b)).map((code) => {
    const total = ctx.index.total(ctx.schoolYear, code)!;
    return buildSection({
      subject: { code, name: ctx.subjects.get(code)?.name ?? code },
      hasTest: !!nationalTestOf(ctx.gradeYear, code),
      total: { ...ctx.total(code), agg: total },
      parentOthers: ctx.parentOthers(code, total),
      rows: ctx.rows(code),
      totalHidden: ctx.totalHidden?.(code),
      breakdowns: ctx.breakdowns(code),
      trend: [...(totals.get(code) ?? new Map<string, Aggregate>())].map(([schoolYear, agg]) => ({ schoolYear, agg })),
      reference: ctx.reference(code),
    }, family);
  });
}

/** Pattern entities of one dimension ('row', 'teacher', a pupil dimension) of the level, in subjects with a
 *  test; `entityOf` names the entity of a key (null: not an entity, e.g. an unknown part), entities with the
 *  same key in a year are added (groups of the same name). */
export function patternEntities(index: AggregateIndex, gradeYear: 6 | 9, subjects: Subjects, dim: string,
  entityOf: (key: string) => { key: string; label: string; kind: PatternEntity['kind'] } | null): PatternEntity[] {
  const out = new Map<string, PatternEntity>();
  for (const year of index.schoolYears()) for (const code of index.subjects(year)) {
    if (!nationalTestOf(gradeYear, code)) continue;
    for (const [key, agg] of index.dim(year, code, dim)) {
      const e = entityOf(key);
      if (!e) continue;
      const id = `${code}|${e.kind}|${e.key}`;
      const entity = out.get(id) ?? { key: id, kind: e.kind, label: e.label, subject: { code, name: subjects.get(code)?.name ?? code }, years: new Map() };
      out.set(id, entity);
      const before = entity.years.get(year);
      entity.years.set(year, before ? sumAggregates([before, agg]) : agg);
    }
  }
  return [...out.values()];
}

