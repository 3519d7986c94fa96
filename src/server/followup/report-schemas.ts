import { z } from 'zod';

/**
 * The follow-up report as the API gives it (and the web renders and the exports print). CONTRACT between
 * the analysis service and the pages: add fields only.
 *
 * Levels: organiser (rows = units) → unit (rows = teaching groups; teachers and pupil groups as breakdowns)
 * → group (rows = pupils, only for those allowed to see them). Every share is 0–1; every figure obeys the
 * suppression rule (".." fewer than 10 pupils or would reveal such a group; "." no data).
 */
export const Figure = z.union([z.number(), z.literal('..'), z.literal('.')]);
export type FigureT = z.infer<typeof Figure>;

/** A test of a deviation or difference, adjusted with the other tests of the same report (BH). */
export const Test = z.object({
  p: z.number(), q: z.number(), method: z.string(),
  /** q < 0.05: the UI may call it a clear difference; otherwise "ingen tydlig skillnad". */
  clear: z.boolean(),
  /** For a clear difference: which way the row differs ('higher' = grades above tests / above the others). */
  direction: z.enum(['higher', 'lower']).nullable(),
});
export const Interval = z.tuple([z.number(), z.number()]);

/** Subject grade against test grade (subjects with a national test in the grade year). */
export const Deviation = z.object({
  /** Pupils with both a grade (A–F) and a test grade (A–F). */
  pupils: Figure,
  lower: Figure, same: Figure, higher: Figure,
  lowerCi: Interval.nullable(), higherCi: Interval.nullable(),
  /** Mean grade points (A=20 … F=0) of the pupils with both: the subject grade, the test grade. */
  gradePoints: Figure, testPoints: Figure,
  /** Mean of (grade points − test points), with its 95 % t-interval. */
  meanDifference: Figure, meanDifferenceCi: Interval.nullable(),
  /** Share of pupils by grade steps of grade minus test grade (−5 … +5; F→E is one step). */
  steps: z.array(z.object({ steps: z.number(), share: Figure })),
  /** Higher vs lower within the row (exact sign test). */
  signTest: Test.nullable(),
  /** The row against the rest of its parent (other groups of the unit, other units …): lower/same/higher. */
  versusOthers: Test.nullable(),
  /** Pupils with a grade who "did not take part" in the test (pupils with a test result but no grade are not counted). */
  notTakenTest: Figure,
});

/** Grade distribution (all subjects; the only analysis in subjects without a national test). */
export const Distribution = z.object({
  /** Pupils with a grade A–F or "–". */
  pupils: Figure,
  shares: z.object({ A: Figure, B: Figure, C: Figure, D: Figure, E: Figure, F: Figure, dash: Figure }),
  gradePoints: Figure,
  /** Share with A–E. */
  passing: Figure,
  versusOthers: Test.nullable(),
});

export const MeasureSummary = z.object({
  findingId: z.string(), schoolYear: z.string(), targetLabel: z.string(),
  assessment: z.enum(['justified', 'unjustified', 'investigating']), cause: z.string(),
  measures: z.array(z.object({ id: z.string(), kind: z.string(), description: z.string(), followUpDate: z.string(), followedUpOn: z.string().nullable(), outcome: z.string() })),
});

export const Row = z.object({
  /** unit id, group id, teacher person id, pupil-group key ('sex:F') or 'total'. */
  key: z.string(),
  label: z.string(),
  kind: z.enum(['organiser', 'unit', 'group', 'teacher', 'pupil_group']),
  /** Where the next level is, for this actor (e.g. '/api/followup/units/…'); null when not allowed. */
  drill: z.string().nullable(),
  deviation: Deviation.nullable(),
  distribution: Distribution,
  /** Findings and measures recorded on this row (this school year and the one before). */
  findings: z.array(MeasureSummary),
});

export const BREAKDOWNS = ['sex', 'newly_arrived', 'sva', 'parents_education', 'foreign_background', 'teacher'] as const;
export const Breakdown = z.object({
  dimension: z.enum(BREAKDOWNS),
  /** Per pupil where the register holds it; 'unit' where only unit-level aggregates exist. */
  source: z.enum(['pupil', 'unit']),
  rows: z.array(Row),
  /** The parts against each other (independence test of lower/same/higher, or of the distribution). */
  test: Test.nullable(),
});

export const TrendPoint = z.object({ schoolYear: z.string(), deviation: Deviation.nullable(), distribution: Distribution });

export const SubjectSection = z.object({
  subject: z.object({ code: z.string(), name: z.string() }),
  hasTest: z.boolean(),
  /** The level's own figures. */
  total: Row,
  /** The next level down (units / groups), sorted by label (sv). */
  rows: z.array(Row),
  breakdowns: z.array(Breakdown),
  /** The level's total by school year, oldest first. */
  trend: z.array(TrendPoint),
  /** National reference figures for this subject and grade year, where the reference file has them. */
  reference: z.array(z.object({ measure: z.string(), schoolYear: z.string(), value: z.number(), source: z.string() })),
});

export const PatternSchema = z.object({
  kind: z.enum(['unit', 'group', 'teacher', 'pupil_group']),
  label: z.string(), subject: z.object({ code: z.string(), name: z.string() }), gradeYear: z.number(),
  direction: z.enum(['higher', 'lower']),
  years: z.array(z.object({ schoolYear: z.string(), pupils: Figure, higher: Figure, lower: Figure, othersHigher: Figure, othersLower: Figure })),
  p: z.number(), q: z.number(), method: z.string(),
});

export const PupilRow = z.object({
  id: z.string(), name: z.string(), grade: z.string().nullable(), testGrade: z.string().nullable(),
  notParticipated: z.boolean(), steps: z.number().nullable(),
  /** The subject of the grade (a class may carry grades in several subjects). */
  subjectCode: z.string().optional(),
});

export const Report = z.object({
  level: z.enum(['organiser', 'unit', 'group']),
  id: z.string(), title: z.string(),
  gradeYear: z.union([z.literal(6), z.literal(9)]),
  schoolYear: z.string(),
  /** School years with grades at this level, newest first (the choices). */
  schoolYears: z.array(z.string()),
  /** Parent levels for the breadcrumb: label and API path. */
  parents: z.array(z.object({ label: z.string(), path: z.string() })),
  subjects: z.array(SubjectSection),
  patterns: z.array(PatternSchema),
  /** Group level only, for the group's teachers and the principal. */
  pupils: z.array(PupilRow).nullable(),
  /** How many tests the report made (the BH family) and the rule used. */
  tests: z.object({ count: z.number(), method: z.string() }),
});
export type ReportT = z.infer<typeof Report>;

export const ExpectedUnit = z.object({
  id: z.string(), name: z.string(),
  pupils: Figure,
  meritValue: Figure, passingAll: Figure,
  background: z.object({
    parentsEducation: z.number().nullable(), boysShare: z.number().nullable(), newlyArrivedShare: z.number().nullable(),
    foreignBackgroundShare: z.number().nullable(), source: z.string().nullable(),
  }),
  expectedMerit: Figure, residualMerit: Figure, meritCi: Interval.nullable(),
  /** Only with a local model (the published model has no coefficients for it). */
  expectedPassing: Figure, residualPassing: Figure,
  /** Residual beyond the 95 % interval of the unit's mean: the UI may call it clearly above/below. */
  clear: z.enum(['above', 'below']).nullable(),
});
export const ExpectedReport = z.object({
  schoolYear: z.string(), schoolYears: z.array(z.string()),
  model: z.enum(['published', 'local']),
  modelDescription: z.string(),
  local: z.object({ units: z.number(), r2: z.number(), coefficients: z.record(z.string(), z.number()) }).nullable(),
  units: z.array(ExpectedUnit),
  reference: z.array(z.object({ measure: z.string(), schoolYear: z.string(), value: z.number(), source: z.string() })),
});
export type ExpectedReportT = z.infer<typeof ExpectedReport>;
