import { GRADE_LETTERS, STEP_VALUES, type Aggregate } from './report-aggregate.js';
import { directionOf, type ReportTest, type TestFamily } from './report-tests.js';
import { clopperPearson, independenceTest, meanInterval, signTest } from './stats.js';
import { figure, type Figure } from './suppression.js';

/** The figures of one row, as the report's Deviation and Distribution (report-schemas.ts). */
export interface DeviationFigures {
  pupils: Figure; lower: Figure; same: Figure; higher: Figure;
  lowerCi: [number, number] | null; higherCi: [number, number] | null;
  gradePoints: Figure; testPoints: Figure; meanDifference: Figure; meanDifferenceCi: [number, number] | null;
  steps: { steps: number; share: Figure }[];
  signTest: ReportTest | null; versusOthers: ReportTest | null; notTakenTest: Figure;
}
export interface DistributionFigures {
  pupils: Figure;
  shares: { A: Figure; B: Figure; C: Figure; D: Figure; E: Figure; F: Figure; dash: Figure };
  gradePoints: Figure; passing: Figure; versusOthers: ReportTest | null;
}

/** Tests are made only for shown rows with enough pupils (a hidden row's p would say something about it). */
const shown = (n: number, hidden: boolean) => !hidden && figure(1, n, hidden) === 1;
const share = (k: number, n: number, hidden: boolean) => figure(n > 0 ? k / n : null, n, hidden);

/** Grade vs test grade of a row (no tests when `family` is null, e.g. a trend point); `others` = the rest of its parent (parent − row) for the test against them. */
export function deviationFigures(a: Aggregate, hidden: boolean, family: TestFamily | null, others: Aggregate | null): DeviationFigures {
  const n = a.both;
  const ok = shown(n, hidden);
  const mean = ok ? meanInterval(n, a.diffSum, a.diffSquares) : null;
  let versusOthers: ReportTest | null = null;
  if (ok && family && others && others.both >= 1) {
    const t = independenceTest([[a.lower, a.same, a.higher], [others.lower, others.same, others.higher]]);
    const net = (x: Aggregate) => (x.higher - x.lower) / x.both;
    versusOthers = family.add(t.p, t.method, directionOf(net(a) - net(others)));
  }
  return {
    pupils: figure(n, n, hidden),
    lower: share(a.lower, n, hidden), same: share(a.same, n, hidden), higher: share(a.higher, n, hidden),
    lowerCi: ok ? clopperPearson(a.lower, n) : null, higherCi: ok ? clopperPearson(a.higher, n) : null,
    gradePoints: figure(n > 0 ? a.bothGradePoints / n : null, n, hidden),
    testPoints: figure(n > 0 ? a.bothTestPoints / n : null, n, hidden),
    meanDifference: figure(n > 0 ? a.diffSum / n : null, n, hidden),
    meanDifferenceCi: mean ? [mean.low, mean.high] : null,
    steps: STEP_VALUES.map((s, i) => ({ steps: s, share: share(a.steps[i], n, hidden) })),
    signTest: ok && family ? family.add(signTest(a.higher, a.lower), 'exact sign test', directionOf(a.higher - a.lower)) : null,
    versusOthers,
    notTakenTest: figure(a.notTaken, a.graded, hidden),
  };
}

/** Grade distribution F … A (the ordered columns of the test against the others; '–' is not a grade). */
const ordered = (a: Aggregate) => [...GRADE_LETTERS].reverse().map((g) => a.counts[g]);
const letterGraded = (a: Aggregate) => a.graded - a.counts.dash;

/** The grade distribution of a row; `others` given: tested against them (subjects without a national test). */
export function distributionFigures(a: Aggregate, hidden: boolean, family: TestFamily | null, others: Aggregate | null): DistributionFigures {
  const n = a.graded;
  const letters = letterGraded(a);
  let versusOthers: ReportTest | null = null;
  if (shown(n, hidden) && family && others && letterGraded(others) >= 1 && letters >= 1) {
    const t = independenceTest([ordered(a), ordered(others)]);
    const mean = (x: Aggregate) => x.gradePointsSum / letterGraded(x);
    versusOthers = family.add(t.p, t.method, directionOf(mean(a) - mean(others)));
  }
  const passing = a.counts.A + a.counts.B + a.counts.C + a.counts.D + a.counts.E;
  return {
    pupils: figure(n, n, hidden),
    shares: {
      A: share(a.counts.A, n, hidden), B: share(a.counts.B, n, hidden), C: share(a.counts.C, n, hidden), D: share(a.counts.D, n, hidden),
      E: share(a.counts.E, n, hidden), F: share(a.counts.F, n, hidden), dash: share(a.counts.dash, n, hidden),
    },
    gradePoints: letters > 0 ? figure(a.gradePointsSum / letters, n, hidden) : figure(null, n, hidden),
    passing: share(passing, n, hidden),
    versusOthers,
  };
}
