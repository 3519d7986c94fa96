// Server state of the assessment pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../app/api';
import type { HistoryEvent, KnowledgeMatrix, Matrix, PupilAssessments, Scale } from './types';

export const matrixKey = (planningId: string) => ['assessment', 'matrix', planningId] as const;

export const useMatrix = (planningId: string) =>
  useQuery({ queryKey: matrixKey(planningId), queryFn: () => apiGet<Matrix>(`/api/plannings/${encodeURIComponent(planningId)}/matrix`) });

export const useCellHistory = (planningId: string, pupilId: string | null, requirementId: string | null) => useQuery({
  enabled: !!pupilId && !!requirementId,
  queryKey: ['assessment', 'history', planningId, pupilId, requirementId],
  queryFn: () => apiGet<{ events: HistoryEvent[] }>(`/api/plannings/${encodeURIComponent(planningId)}/assessments/history?pupilId=${pupilId}&requirementId=${requirementId}`),
});

export function useShareAssessments(planningId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) => apiPost<{ assessmentsShared: boolean }>(`/api/plannings/${encodeURIComponent(planningId)}/share-assessments`, { shared }),
    onSuccess: (r) => qc.setQueryData<Matrix>(matrixKey(planningId), (old) => old && { ...old, planning: { ...old.planning, assessmentsShared: r.assessmentsShared } }),
  });
}

export const useKnowledgeMatrix = (pupilId: string, subject: string | null, enabled = true) => useQuery({
  enabled,
  queryKey: ['assessment', 'knowledge', pupilId, subject],
  queryFn: () => apiGet<KnowledgeMatrix>(`/api/pupils/${encodeURIComponent(pupilId)}/knowledge-matrix${subject ? `?subject=${encodeURIComponent(subject)}` : ''}`),
});

export const usePupilAssessments = (pupilId: string) => useQuery({
  queryKey: ['assessment', 'pupil', pupilId],
  queryFn: () => apiGet<PupilAssessments>(`/api/pupils/${encodeURIComponent(pupilId)}/assessments`),
});

export const useScale = (unitKey: string | null, enabled: boolean) =>
  useQuery({ enabled, queryKey: ['assessment', 'scale', unitKey], queryFn: () => apiGet<Scale>('/api/assessment-scale') });

export function useSaveScale(unitKey: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { steps: string[]; previous: string[] }) => apiPut<Scale>('/api/assessment-scale', body),
    onSuccess: (s) => qc.setQueryData(['assessment', 'scale', unitKey], s),
  });
}
