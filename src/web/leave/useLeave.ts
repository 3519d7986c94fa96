// Server state of leave: a child's applications, applying and withdrawing, the decider's queue and decisions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../app/api';
import type { Role } from '../session/types';
import type { LeaveApplication, LeaveList, LeaveQueue } from './types';

const KEY = ['leave'] as const;

export function useLeaveList(pupilId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'list', pupilId],
    queryFn: () => apiGet<LeaveList>(`/api/leave-applications?pupilId=${encodeURIComponent(pupilId!)}`),
    enabled: !!pupilId,
  });
}

/** The current unit's pending applications; `mayDecide` false for staff who do not decide on leave. */
export function useLeaveQueue(context: { role: Role; unitId: string | null }, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'queue', context.role, context.unitId],
    queryFn: () => apiGet<LeaveQueue>('/api/leave-applications/pending'),
    enabled,
    staleTime: 30_000,
  });
}

function useLeaveMutation<T>(fn: (input: T) => Promise<LeaveApplication>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useApplyForLeave = () => useLeaveMutation((body: { pupilId: string; fromDate: string; toDate: string; reason: string }) =>
  apiPost<LeaveApplication>('/api/leave-applications', body));

export const useWithdrawLeave = () => useLeaveMutation((id: string) =>
  apiPost<LeaveApplication>(`/api/leave-applications/${encodeURIComponent(id)}/withdraw`));

export const useDecideLeave = () => useLeaveMutation((d: { id: string; decision: 'granted' | 'refused'; reason: string | null; version: number }) =>
  apiPost<LeaveApplication>(`/api/leave-applications/${encodeURIComponent(d.id)}/decision`, { decision: d.decision, reason: d.reason, version: d.version }));
