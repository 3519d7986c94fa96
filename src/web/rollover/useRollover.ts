import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../app/api';
import type { SessionBody } from '../session/types';
import type { RolloverChoices, RolloverPreview, RolloverStatus } from './types';

const key = (current: SessionBody['current']) => ['admin', 'school-year', current.role, current.unitId];

export function useRolloverStatus(current: SessionBody['current'], enabled: boolean) {
  return useQuery({ queryKey: key(current), queryFn: () => apiGet<RolloverStatus>('/api/admin/school-year'), enabled });
}

export function usePreview() {
  return useMutation({ mutationFn: (choices: RolloverChoices) => apiPost<RolloverPreview>('/api/admin/school-year/preview', choices) });
}

export function useApply(current: SessionBody['current']) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RolloverChoices & { previewDigest: string }) => apiPost<RolloverPreview & { id: string }>('/api/admin/school-year/rollovers', body),
    onSettled: () => void qc.invalidateQueries({ queryKey: key(current) }),
  });
}

export function useUndo(current: SessionBody['current']) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<unknown>(`/api/admin/school-year/rollovers/${encodeURIComponent(id)}/undo`),
    onSettled: () => void qc.invalidateQueries({ queryKey: key(current) }),
  });
}
