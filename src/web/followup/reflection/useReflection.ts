// Server state of a teacher's reflection on a group.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPut } from '../../app/api';

export interface Reflection { id: string; authorId: string; authorName: string; answers: Record<string, string>; notes: string; updatedAt: string; version: number }
export interface ReflectionView {
  group: { id: string; name: string }; questions: { key: string; text: string }[]; mayWrite: boolean; mine: Reflection | null; reflections: Reflection[];
}

const key = (groupId: string) => ['followup-reflection', groupId];

export const useReflection = (groupId: string) => useQuery({
  queryKey: key(groupId), queryFn: () => apiGet<ReflectionView>(`/api/followup/groups/${encodeURIComponent(groupId)}/reflections`),
});

export function useSaveReflection(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { answers: Record<string, string>; notes: string; version: number | null }) =>
      apiPut<ReflectionView>(`/api/followup/groups/${encodeURIComponent(groupId)}/reflection`, b),
    onSuccess: (v) => qc.setQueryData(key(groupId), v),
  });
}
