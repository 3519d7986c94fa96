import { subtractAggregate, type Aggregate } from './report-aggregate.js';
import { findRecurringPatterns, type PatternCandidate } from './patterns.js';
import { figure, type Figure } from './suppression.js';

/** One entity's aggregates by school year (a unit, a group name, a teacher, a pupil group) in one subject. */
export interface PatternEntity {
  key: string; kind: 'unit' | 'group' | 'teacher' | 'pupil_group'; label: string;
  subject: { code: string; name: string };
  years: Map<string, Aggregate>;
}

export interface PatternOut {
  kind: PatternEntity['kind']; label: string; subject: { code: string; name: string }; gradeYear: number;
  direction: 'higher' | 'lower';
  years: { schoolYear: string; pupils: Figure; higher: Figure; lower: Figure; othersHigher: Figure; othersLower: Figure }[];
  p: number; q: number; method: string;
}

const lsh = (a: Aggregate) => ({ lower: a.lower, same: a.same, higher: a.higher });
const share = (k: number, n: number) => figure(n > 0 ? k / n : null, n);

/**
 * Recurring patterns of a level: each entity against the rest of its parent (parent − entity) in the same
 * subject and school year, over the school years. `parents` gives the parent's aggregate by subject code and
 * school year. Strongest first (as findRecurringPatterns orders them).
 */
export function recurringPatterns(entities: readonly PatternEntity[], parents: Map<string, Map<string, Aggregate>>, gradeYear: number): PatternOut[] {
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const candidates: PatternCandidate[] = entities.map((e) => ({
    key: e.key,
    years: [...e.years].flatMap(([schoolYear, agg]) => {
      const parent = parents.get(e.subject.code)?.get(schoolYear);
      return parent ? [{ schoolYear, entity: lsh(agg), others: lsh(subtractAggregate(parent, agg)) }] : [];
    }),
  }));
  return findRecurringPatterns(candidates).map((p) => {
    const e = byKey.get(p.key)!;
    return {
      kind: e.kind, label: e.label, subject: e.subject, gradeYear, direction: p.direction,
      years: p.years.map((y) => {
        const n = y.entity.lower + y.entity.same + y.entity.higher;
        const o = y.others.lower + y.others.same + y.others.higher;
        return { schoolYear: y.schoolYear, pupils: figure(n, n), higher: share(y.entity.higher, n), lower: share(y.entity.lower, n),
          othersHigher: share(y.others.higher, o), othersLower: share(y.others.lower, o) };
      }),
      p: p.pooled.p, q: p.q, method: p.pooled.method,
    };
  });
}
