// Server state of the absence pages.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../app/api';
import type { AbsenceOverview, AbsenceSettings, Investigation, InvestigationList, PupilAbsence } from './types';

export interface PeriodParams { from?: string | null; to?: string | null }

export function periodQuery(p: PeriodParams & { groupId?: string | null }): string {
  const q = new URLSearchParams();
  if (p.groupId) q.set('groupId', p.groupId);
  if (p.from) q.set('from', p.from);
  if (p.to) q.set('to', p.to);
  return q.toString();
}

export const overviewExportUrl = (p: PeriodParams & { groupId?: string | null }) => `/api/absence/overview.xlsx?${periodQuery(p)}`;

export function usePupilAbsence(pupilId: string, period: PeriodParams, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['absence', 'pupil', pupilId, period],
    queryFn: () => apiGet<PupilAbsence>(`/api/pupils/${encodeURIComponent(pupilId)}/absence?${periodQuery(period)}`),
    placeholderData: keepPreviousData,
  });
}

export function useAbsenceOverview(unitKey: string | null, params: PeriodParams & { groupId?: string | null }, enabled: boolean) {
  return useQuery({
    queryKey: ['absence', 'overview', unitKey, params],
    queryFn: () => apiGet<AbsenceOverview>(`/api/absence/overview?${periodQuery(params)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAbsenceSettings(unitKey: string | null, enabled: boolean) {
  return useQuery({ queryKey: ['absence', 'settings', unitKey], queryFn: () => apiGet<AbsenceSettings>('/api/absence/settings'), enabled });
}

export function useSaveAbsenceSettings(unitKey: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: AbsenceSettings) => apiPut<AbsenceSettings>('/api/absence/settings', s),
    onSuccess: (saved) => { qc.setQueryData(['absence', 'settings', unitKey], saved); void qc.invalidateQueries({ queryKey: ['absence', 'overview'] }); },
  });
}

export function useInvestigations(unitKey: string | null, enabled = true) {
  return useQuery({ queryKey: ['absence', 'investigations', unitKey], queryFn: () => apiGet<InvestigationList>('/api/absence/investigations'), enabled });
}

export function useInvestigation(id: string) {
  return useQuery({ queryKey: ['absence', 'investigation', id], queryFn: () => apiGet<Investigation>(`/api/absence/investigations/${encodeURIComponent(id)}`) });
}

/** Open, add an entry, close: each answers with the investigation as it now stands. */
export function useInvestigationMutations(id: string | null) {
  const qc = useQueryClient();
  const done = (inv: Investigation) => {
    qc.setQueryData(['absence', 'investigation', inv.id], inv);
    void qc.invalidateQueries({ queryKey: ['absence', 'investigations'] });
    void qc.invalidateQueries({ queryKey: ['absence', 'overview'] });
  };
  const path = `/api/absence/investigations/${encodeURIComponent(id ?? '')}`;
  return {
    open: useMutation({ mutationFn: (b: { pupilId: string; reason: string; openedOn: string }) => apiPost<Investigation>('/api/absence/investigations', b), onSuccess: done }),
    addEntry: useMutation({ mutationFn: (b: { kind: string; occurredOn: string; followUpOn: string | null; text: string }) => apiPost<Investigation>(`${path}/entries`, b), onSuccess: done }),
    close: useMutation({ mutationFn: (b: { conclusion: string; closedOn: string; version: number }) => apiPost<Investigation>(`${path}/close`, b), onSuccess: done }),
  };
}
