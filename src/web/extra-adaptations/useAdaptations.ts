// Server state of the extra-adaptation pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../app/api';
import type { Adaptation, AdaptationFields, AdaptationList } from './types';

const key = (pupilId: string) => ['extra-adaptations', pupilId];

export const useAdaptations = (pupilId: string) => useQuery({ queryKey: key(pupilId),
  queryFn: () => apiGet<AdaptationList>(`/api/pupils/${encodeURIComponent(pupilId)}/extra-adaptations`) });

/** Create, change, note, evaluate, share: each refreshes the pupil's list (a stale change too, so the page shows what is saved). */
export function useAdaptationMutations(pupilId: string) {
  const qc = useQueryClient();
  const refresh = { onSettled: () => qc.invalidateQueries({ queryKey: key(pupilId) }) };
  const path = (id: string) => `/api/extra-adaptations/${encodeURIComponent(id)}`;
  return {
    create: useMutation({ mutationFn: (b: AdaptationFields) => apiPost<Adaptation>(`/api/pupils/${encodeURIComponent(pupilId)}/extra-adaptations`, b), ...refresh }),
    update: useMutation({ mutationFn: ({ id, ...b }: AdaptationFields & { id: string; version: number }) => apiPut<Adaptation>(path(id), b), ...refresh }),
    note: useMutation({ mutationFn: ({ id, ...b }: { id: string; notedOn: string; note: string; nextFollowUpOn: string | null }) => apiPost<Adaptation>(`${path(id)}/notes`, b), ...refresh }),
    evaluate: useMutation({ mutationFn: ({ id, ...b }: { id: string; evaluation: string; evaluatedOn: string; version: number }) => apiPost<Adaptation>(`${path(id)}/evaluate`, b), ...refresh }),
    share: useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => apiPost<Adaptation>(`${path(id)}/share`, { version }), ...refresh }),
  };
}
