// Server state of the planning pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost, apiPut } from '../app/api';
import type { Planning, PlanningEdit, PlanningItem, PlanningOptions, PlanningStatus } from './types';

export interface ListFilter { status?: PlanningStatus | null; subjectCode?: string | null; groupId?: string | null }

const query = (f: ListFilter) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q.toString();
};

export const usePlannings = (unitKey: string | null, f: ListFilter) => useQuery({
  queryKey: ['plannings', 'list', unitKey, f], queryFn: () => apiGet<{ plannings: PlanningItem[] }>(`/api/plannings?${query(f)}`),
});

export const usePupilPlannings = (pupilId: string) => useQuery({
  queryKey: ['plannings', 'pupil', pupilId], queryFn: () => apiGet<{ plannings: PlanningItem[] }>(`/api/pupils/${encodeURIComponent(pupilId)}/plannings`),
});

export const usePlanningOptions = (unitKey: string | null, enabled = true) => useQuery({
  queryKey: ['plannings', 'options', unitKey], enabled, queryFn: () => apiGet<PlanningOptions>('/api/plannings/options'),
});

export const usePlanning = (id: string) => useQuery({
  queryKey: ['plannings', 'one', id], queryFn: () => apiGet<Planning>(`/api/plannings/${encodeURIComponent(id)}`),
});

/** Every change answers with the planning as it now stands. */
export function usePlanningMutations(id: string) {
  const qc = useQueryClient();
  const path = `/api/plannings/${encodeURIComponent(id)}`;
  const done = (p: Planning) => {
    qc.setQueryData(['plannings', 'one', p.id], p);
    void qc.invalidateQueries({ queryKey: ['plannings', 'list'] });
  };
  return {
    save: useMutation({ mutationFn: (b: PlanningEdit) => apiPut<Planning>(path, b), onSuccess: done }),
    publish: useMutation({ mutationFn: (version: number) => apiPost<Planning>(`${path}/publish`, { version }), onSuccess: done }),
    copy: useMutation({ mutationFn: (b: { groupIds: string[]; years: number; title: string | null }) => apiPost<Planning>(`${path}/copy`, b), onSuccess: done }),
    remove: useMutation({ mutationFn: () => apiDelete<{ deleted: string }>(path), onSuccess: () => void qc.invalidateQueries({ queryKey: ['plannings'] }) }),
    addOwner: useMutation({ mutationFn: (personId: string) => apiPost<Planning>(`${path}/owners`, { personId }), onSuccess: done }),
    removeOwner: useMutation({
      mutationFn: (personId: string) => apiDelete<Planning | { removed: boolean }>(`${path}/owners/${encodeURIComponent(personId)}`),
      onSuccess: (p) => { if ('id' in p) done(p); else void qc.invalidateQueries({ queryKey: ['plannings'] }); },
    }),
  };
}

export function useCreatePlanning() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { title: string; subjectCode: string; groupIds: string[]; periodStart: string; periodEnd: string }) => apiPost<Planning>('/api/plannings', b),
    onSuccess: (p) => { qc.setQueryData(['plannings', 'one', p.id], p); void qc.invalidateQueries({ queryKey: ['plannings', 'list'] }); },
  });
}
