export type AdaptationStatus = 'planned' | 'active' | 'ended' | 'evaluated';
export interface Adaptation {
  id: string; pupilId: string; subjectCode: string | null; subjectName: string | null; description: string; startDate: string; endDate: string | null;
  responsibleId: string; responsible: string; followUpOn: string | null; evaluation: string | null; evaluatedOn: string | null; sharedAt: string | null;
  createdBy: string; version: number; status: AdaptationStatus; notes: { id: string; notedOn: string; note: string; author: string }[];
}
export interface AdaptationList {
  pupil: { id: string; givenName: string; familyName: string; className: string | null }; today: string; mayEdit: boolean;
  adaptations: Adaptation[]; responsibleOptions: { id: string; name: string }[]; subjects: { code: string; name: string }[];
}
export interface AdaptationFields { subjectCode: string | null; description: string; startDate: string; endDate: string | null; responsibleId: string; followUpOn: string | null }
