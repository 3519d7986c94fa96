// Shapes of the assessment API's answers (src/server/assessment/routes.ts).
export interface Step { key: string; label: string }
export interface Requirement { id: string; paragraph: number; text: string; choices: Record<string, string>; stageName: string }
export interface MatrixCell {
  pupilId: string; requirementId: string; level: string | null; label: string | null; comment: string | null;
  pupilYear: number; assessedOn: string | null; assessedByName: string | null; version: number | null;
}
export interface MatrixPupil { id: string; givenName: string; familyName: string; year: number | null; steps: Step[] }
export interface Matrix {
  planning: { id: string; title: string; subjectCode: string; subjectName: string; status: 'draft' | 'published'; assessmentsShared: boolean;
    periodStart: string; periodEnd: string; groups: { id: string; name: string }[] };
  mayAssess: boolean; mayShare: boolean; today: string; scale: string[];
  requirements: Requirement[];
  pupils: MatrixPupil[];
  cells: MatrixCell[];
}
export interface HistoryEvent { level: string | null; comment: string | null; assessedOn: string; assessedByName: string; recordedAt: string }
export interface ShownAssessment { planningId: string; level: string; label: string; comment: string | null; assessedOn: string; assessedByName: string }
export interface KnowledgeMatrix {
  pupil: { id: string; givenName: string; familyName: string; year: number | null };
  subjects: { code: string; name: string }[];
  subject: string | null;
  plannings: { id: string; title: string; periodStart: string; periodEnd: string }[];
  requirements: (Requirement & { yearFrom: number; yearTo: number; cells: ShownAssessment[]; latest: ShownAssessment | null })[];
}
export interface PupilAssessments {
  pupil: { id: string; givenName: string; familyName: string; year: number | null };
  plannings: { id: string; title: string; subjectCode: string; subjectName: string; periodStart: string; periodEnd: string;
    assessments: { requirementId: string; text: string; choices: Record<string, string>; level: string; label: string; comment: string | null; assessedOn: string }[] }[];
}
export interface Scale { steps: string[]; isDefault: boolean; defaultSteps: string[] }

export const cellKey = (pupilId: string, requirementId: string) => `${pupilId}|${requirementId}`;
