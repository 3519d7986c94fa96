// Server state of findings and measures.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPost } from '../../app/api';
import type { Assessment, Finding, FindingList, MeasureKind, NewFinding, TargetKind } from './types';

export interface FindingQuery { schoolYear?: string | null; unitId?: string | null; targetKind?: TargetKind | null; targetRef?: string | null;
  subjectCode?: string | null; gradeYear?: number | null }

const search = (f: FindingQuery) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
};

export const useFindings = (f: FindingQuery) => useQuery({
  queryKey: ['followup-findings', f], queryFn: () => apiGet<FindingList>(`/api/followup/findings?${search(f)}`),
});

/** Every write answers with the finding as it now stands; the lists are read again. */
export function useFindingMutations() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['followup-findings'] });
  return {
    create: useMutation({ mutationFn: (b: NewFinding) => apiPost<Finding>('/api/followup/findings', b), onSuccess: done }),
    update: useMutation({
      mutationFn: ({ id, ...b }: { id: string; assessment: Assessment; cause: string; version: number }) => api<Finding>('PATCH', `/api/followup/findings/${encodeURIComponent(id)}`, b),
      onSuccess: done,
    }),
    addMeasure: useMutation({
      mutationFn: ({ findingId, ...b }: { findingId: string; kind: MeasureKind; description: string; responsible: string; followUpDate: string }) =>
        apiPost<Finding>(`/api/followup/findings/${encodeURIComponent(findingId)}/measures`, b),
      onSuccess: done,
    }),
    updateMeasure: useMutation({
      mutationFn: ({ id, ...b }: { id: string; description: string; responsible: string; followUpDate: string; followedUpOn: string | null; outcome: string; version: number }) =>
        api<Finding>('PATCH', `/api/followup/measures/${encodeURIComponent(id)}`, b),
      onSuccess: done,
    }),
  };
}
