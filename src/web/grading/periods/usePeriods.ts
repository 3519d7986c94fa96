import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPut } from '../../app/api';
import type { SessionBody } from '../../session/types';
import type { TermPeriod } from './types';

const key = (current: SessionBody['current']) => ['grading', 'periods', current.role, current.unitId];

export function usePeriods(current: SessionBody['current'], enabled: boolean) {
  return useQuery({
    queryKey: key(current),
    queryFn: () => apiGet<TermPeriod[]>('/api/grading/periods'),
    enabled,
  });
}

export function useSetPeriod(current: SessionBody['current']) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ termId, ...body }: { termId: string; from: string; to: string; version: number | null }) =>
      apiPut<TermPeriod | null>(`/api/grading/periods/${encodeURIComponent(termId)}`, body),
    onSuccess: (saved) => {
      if (saved) {
        qc.setQueryData<TermPeriod[]>(key(current), (old) => old?.map((i) => (i.term.id === saved.term.id ? saved : i)));
      }
      // teachers' overviews in this browser (another role of the same person) follow the new period
      void qc.invalidateQueries({ queryKey: ['grading', 'groups'] });
    },
    onError: () => void qc.invalidateQueries({ queryKey: key(current) }),
  });
}
