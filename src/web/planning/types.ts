// Plannings as the server sends them (/api/plannings…).
export type PlanningStatus = 'draft' | 'published';
export interface Named { id: string; name: string }
export interface PlanningGroup { id: string; name: string; type: string; schoolYear: number | null }
export interface PlanningItem {
  id: string; title: string; subject: { code: string; name: string }; periodStart: string; periodEnd: string;
  status: PlanningStatus; publishedAt: string | null; owned: boolean; groups: PlanningGroup[]; owners: Named[];
}
export interface Planning extends Omit<PlanningItem, 'owned'> {
  curriculum: { id: string; label: string }; syllabusId: string | null; updatedAt: string; assessmentsShared: boolean; copiedFrom: string | null;
  version: number; learningHtml: string; teachingHtml: string; assessmentHtml: string; groupYears: number[];
  content: { id: string; heading: string; text: string; stageName: string }[];
  requirements: { id: string; paragraph: number; text: string; choices: Record<string, string>; stageName: string }[];
  mayEdit: boolean; staff: boolean;
}
export interface PlanningOptions {
  curriculum: { id: string; label: string } | null; subjects: { code: string; name: string }[];
  groups: { id: string; name: string; type: string; subjectCode: string | null; schoolYear: number | null }[]; teachers: Named[];
}
export interface PlanningEdit {
  title: string; periodStart: string; periodEnd: string; groupIds: string[]; learningHtml: string; teachingHtml: string; assessmentHtml: string;
  contentIds: string[]; requirementIds: string[]; version: number;
}

export const planningPath = (id: string) => `/planering/${encodeURIComponent(id)}`;
export const editPlanningPath = (id: string) => `${planningPath(id)}/redigera`;
export const assessmentPath = (id: string) => `${planningPath(id)}/bedomning`;
