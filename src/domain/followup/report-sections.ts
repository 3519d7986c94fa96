import { subtractAggregate, sumAggregates, type Aggregate } from './report-aggregate.js';
import { deviationFigures, distributionFigures, type DeviationFigures, type DistributionFigures } from './report-figures.js';
import { directionOf, type ReportTest, type TestFamily } from './report-tests.js';
import { independenceTest } from './stats.js';
import { hiddenParts } from './suppression.js';

export type RowKind = 'organiser' | 'unit' | 'group' | 'teacher' | 'pupil_group';
export type Dimension = 'sex' | 'newly_arrived' | 'sva' | 'parents_education' | 'foreign_background' | 'teacher';

export interface RowInput { key: string; label: string; kind: RowKind; drill: string | null; agg: Aggregate; findings?: unknown[] }
/** A part of a breakdown; `shown: false` for a part that is never its own row (sex unknown) but is part of the whole. */
export interface PartInput extends RowInput { shown: boolean }
export interface BreakdownInput {
  dimension: Dimension; source: 'pupil' | 'unit'; parts: PartInput[];
  /** The parts add up to the whole (false for teachers: a group may have two graders). */
  partition: boolean;
}
export interface SubjectInput {
  subject: { code: string; name: string };
  hasTest: boolean;
  total: RowInput;
  /** The rest of the level's parent (for the total's test against the others), null when none is read. */
  parentOthers: Aggregate | null;
  rows: RowInput[];
  /** The total hidden by a partition above it (a group among the unit's groups, for those who see no pupils). */
  totalHidden?: { deviation: boolean; distribution: boolean };
  breakdowns: BreakdownInput[];
  trend: { schoolYear: string; agg: Aggregate }[];
  reference: { measure: string; schoolYear: string; value: number; source: string }[];
}

export interface BuiltRow {
  key: string; label: string; kind: RowKind; drill: string | null;
  deviation: DeviationFigures | null; distribution: DistributionFigures; findings: unknown[];
}
export interface BuiltSection {
  subject: { code: string; name: string }; hasTest: boolean; total: BuiltRow; rows: BuiltRow[];
  breakdowns: { dimension: Dimension; source: 'pupil' | 'unit'; rows: BuiltRow[]; test: ReportTest | null }[];
  trend: { schoolYear: string; deviation: DeviationFigures | null; distribution: DistributionFigures }[];
  reference: SubjectInput['reference'];
}

const collator = new Intl.Collator('sv');

/** Rows of one partition of a whole (units of the organiser, groups of a unit, a breakdown's parts) with the
 *  suppression of the partition: every part under MIN_PUPILS hidden, and a second one so no subtraction from
 *  the shown whole reveals it — separately for the grade-vs-test figures and the distribution. Each row is
 *  tested against the rest of the whole when `test` says so. */
function partitionRows(hasTest: boolean, whole: Aggregate, parts: (RowInput & { shown?: boolean })[], family: TestFamily,
  opts: { testAgainstRest: boolean }): BuiltRow[] {
  const hideDeviation = hiddenParts(parts.map((p) => p.agg.both), true);
  const hideDistribution = hiddenParts(parts.map((p) => p.agg.graded), true);
  const built: BuiltRow[] = [];
  parts.forEach((p, i) => {
    if (p.shown === false) return;
    const rest = opts.testAgainstRest ? subtractAggregate(whole, p.agg) : null;
    built.push({
      key: p.key, label: p.label, kind: p.kind, drill: p.drill, findings: p.findings ?? [],
      deviation: hasTest ? deviationFigures(p.agg, hideDeviation[i], family, rest) : null,
      distribution: distributionFigures(p.agg, hideDistribution[i], family, hasTest ? null : rest),
    });
  });
  return built.sort((a, b) => collator.compare(a.label, b.label));
}

/** The test of a breakdown's two shown parts against each other (lower/same/higher, or the distribution). */
function twoPartTest(hasTest: boolean, parts: PartInput[], family: TestFamily): ReportTest | null {
  const visible = parts.filter((p) => p.shown);
  if (visible.length !== 2) return null;
  const [a, b] = visible.map((p) => p.agg);
  const hidden = hiddenParts(parts.map((p) => (hasTest ? p.agg.both : p.agg.graded)), true);
  if (parts.some((p, i) => p.shown && hidden[i])) return null;
  if (hasTest) {
    if (a.both === 0 || b.both === 0) return null;
    const t = independenceTest([[a.lower, a.same, a.higher], [b.lower, b.same, b.higher]]);
    return family.add(t.p, t.method, directionOf((a.higher - a.lower) / a.both - (b.higher - b.lower) / b.both));
  }
  const order = (x: Aggregate) => [x.counts.F, x.counts.E, x.counts.D, x.counts.C, x.counts.B, x.counts.A];
  const la = a.graded - a.counts.dash; const lb = b.graded - b.counts.dash;
  if (la === 0 || lb === 0) return null;
  const t = independenceTest([order(a), order(b)]);
  return family.add(t.p, t.method, directionOf(a.gradePointsSum / la - b.gradePointsSum / lb));
}

/** One subject's section of a report; its tests join `family` (adjusted by the caller over the whole report). */
export function buildSection(input: SubjectInput, family: TestFamily): BuiltSection {
  const { hasTest } = input;
  const t = input.total;
  const total: BuiltRow = {
    key: t.key, label: t.label, kind: t.kind, drill: t.drill, findings: t.findings ?? [],
    deviation: hasTest ? deviationFigures(t.agg, input.totalHidden?.deviation ?? false, family, input.parentOthers) : null,
    distribution: distributionFigures(t.agg, input.totalHidden?.distribution ?? false, family, hasTest ? null : input.parentOthers),
  };
  const rows = partitionRows(hasTest, t.agg, input.rows, family, { testAgainstRest: true });
  const breakdowns = input.breakdowns.map((b) => {
    const binary = b.parts.filter((p) => p.shown).length === 2 && b.partition;
    const whole = b.partition ? sumAggregates(b.parts.map((p) => p.agg)) : t.agg;
    return {
      dimension: b.dimension, source: b.source,
      rows: partitionRows(hasTest, whole, b.parts, family, { testAgainstRest: !binary && b.source === 'pupil' }),
      test: binary && b.source === 'pupil' ? twoPartTest(hasTest, b.parts, family) : null,
    };
  });
  const trend = [...input.trend].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)).map((p) => ({
    schoolYear: p.schoolYear,
    deviation: hasTest ? deviationFigures(p.agg, false, null, null) : null,
    distribution: distributionFigures(p.agg, false, null, null),
  }));
  return { subject: input.subject, hasTest, total, rows, breakdowns, trend, reference: input.reference };
}
