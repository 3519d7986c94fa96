// The findings API's shapes (src/server/followup/findings-routes.ts).
export type Assessment = 'justified' | 'unjustified' | 'investigating';
export type TargetKind = 'unit' | 'group' | 'teacher' | 'pupil_group';
export type MeasureKind = 'co_assessment' | 'competence_development' | 'regulations' | 'test_consultation' | 'organisation' | 'resources' | 'teaching_development' | 'other';
export const MEASURE_KINDS: readonly MeasureKind[] = ['co_assessment', 'competence_development', 'regulations', 'test_consultation',
  'organisation', 'resources', 'teaching_development', 'other'];
export const ASSESSMENTS: readonly Assessment[] = ['unjustified', 'justified', 'investigating'];

export interface Measure {
  id: string; kind: MeasureKind; description: string; responsible: string; followUpDate: string; followedUpOn: string | null; outcome: string;
  version: number; state: 'followed_up' | 'due' | 'planned';
}
export interface Finding {
  id: string; schoolUnitId: string; unitName: string; schoolYear: string; subjectCode: string | null; subjectName: string | null; gradeYear: number | null;
  targetKind: TargetKind; targetRef: string | null; targetLabel: string; assessment: Assessment; cause: string; recordedBy: string; recordedAt: string;
  version: number; needsMeasure: boolean; measures: Measure[];
}
export interface FindingList { today: string; mayRecord: boolean; findings: Finding[] }
export interface FindingTarget { kind: TargetKind; ref: string | null; label: string }
export interface NewFinding { schoolYear: string; subjectCode: string | null; gradeYear: number | null; targetKind: TargetKind; targetRef: string | null;
  targetLabel: string; assessment: Assessment; cause: string }
