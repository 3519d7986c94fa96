// GET /api/pupils/:pupilId/grades: only what has been handed out.
export interface HandedOutGrade {
  subject: { code: string; name: string };
  value: string;
  carriedOver: boolean;
}

export interface PupilGrades {
  pupil: { id: string; name: string };
  terms: { termId: string; label: string; grades: HandedOutGrade[] }[];
  final: { grades: HandedOutGrade[]; meritValue: number } | null;
  documents: { id: string; kind: 'term' | 'final'; termLabel: string; handedOutAt: string }[];
}

export const pupilGradesPath = (pupilId: string) => `/elever/${encodeURIComponent(pupilId)}/betyg`;
