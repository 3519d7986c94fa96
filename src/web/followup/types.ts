// The follow-up report as the API gives it: the types of the contract (type-only: nothing of the server's
// schema library reaches the browser bundle).
import type { z } from 'zod';
import type {
  Breakdown, Deviation, Distribution, ExpectedReportT, ExpectedUnit, FigureT, MeasureSummary, PatternSchema,
  PupilRow, ReportT, Row, SubjectSection, Test, TrendPoint,
} from '../../server/followup/report-schemas';

export type Report = ReportT;
export type ExpectedReport = ExpectedReportT;
export type Figure = FigureT;
export type ReportTest = z.infer<typeof Test>;
export type ReportDeviation = z.infer<typeof Deviation>;
export type ReportDistribution = z.infer<typeof Distribution>;
export type ReportRow = z.infer<typeof Row>;
export type ReportBreakdown = z.infer<typeof Breakdown>;
export type ReportSubject = z.infer<typeof SubjectSection>;
export type ReportTrendPoint = z.infer<typeof TrendPoint>;
export type ReportPattern = z.infer<typeof PatternSchema>;
export type ReportPupil = z.infer<typeof PupilRow>;
export type ReportMeasure = z.infer<typeof MeasureSummary>;
export type ExpectedUnitRow = z.infer<typeof ExpectedUnit>;
export type Level = Report['level'];
export type GradeYear = Report['gradeYear'];

/** One of the actor's groups (GET /api/followup/groups). */
export interface FollowupGroup {
  id: string; name: string; subject: { code: string; name: string } | null; gradeYear: number; schoolYear: string; pupils: number;
}
