export const matrixPath = (planningId: string) => `/planering/${encodeURIComponent(planningId)}/bedomning`;
export const planningPath = (planningId: string) => `/planering/${encodeURIComponent(planningId)}`;
export const knowledgeMatrixPath = (pupilId: string, subject?: string | null) =>
  `/elever/${encodeURIComponent(pupilId)}/kunskapsmatris${subject ? `?amne=${encodeURIComponent(subject)}` : ''}`;
