import { z } from 'zod';

/**
 * The national reference figures the follow-up compares with (reference/followup/national-figures.json,
 * or a newer file the organiser uploaded). Every figure names its source; the follow-up shows a comparison
 * only where the file has a figure for that measure, subject, grade year and school year.
 */
export const REFERENCE_MEASURES = ['share_higher_than_test', 'share_lower_than_test', 'share_same_as_test', 'merit_value',
  'share_passing_all', 'grade_points', 'test_points'] as const;

const SchoolYear = z.string().regex(/^\d{4}\/\d{4}$/, 'a school year such as 2022/2023')
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, 'the second year follows the first');

export const ReferenceFigure = z.object({
  measure: z.enum(REFERENCE_MEASURES),
  subjectCode: z.string().regex(/^[A-Z0-9]{1,8}$/).optional(),
  gradeYear: z.union([z.literal(6), z.literal(9)]),
  schoolYear: SchoolYear,
  value: z.number().finite(),
  girls: z.number().finite().optional(),
  boys: z.number().finite().optional(),
  source: z.string().min(3).max(500),
}).refine((f) => !f.measure.startsWith('share_') || (f.value >= 0 && f.value <= 1), 'a share is 0–1');

export const ReferenceFile = z.object({
  name: z.string().min(1).max(200),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().max(2000).optional(),
  figures: z.array(ReferenceFigure).max(10_000),
});
export type ReferenceFileT = z.infer<typeof ReferenceFile>;
export type ReferenceFigureT = z.infer<typeof ReferenceFigure>;

/** The figures for one subject (or none: whole-school measures) and grade year, oldest school year first. */
export function figuresFor(file: ReferenceFileT, gradeYear: number, subjectCode: string | null): ReferenceFigureT[] {
  return file.figures.filter((f) => f.gradeYear === gradeYear && (f.subjectCode ?? null) === subjectCode)
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear) || a.measure.localeCompare(b.measure));
}
