// Server state of "Anmäl frånvaro": the children, a child's reports, reporting and withdrawing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../app/api';
import type { AbsenceReport, NewReport, ReportablePupil, ReportCreated, ReportList } from './types';

const KEY = ['absenceReports'] as const;

/** The children a guardian reports for (a pupil: themself). Shared with the leave page. */
export function useReportablePupils() {
  return useQuery({ queryKey: [...KEY, 'pupils'], queryFn: () => apiGet<ReportablePupil[]>('/api/absence-reports/pupils'), staleTime: 60_000 });
}

export function useReports(pupilId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'list', pupilId],
    queryFn: () => apiGet<ReportList>(`/api/absence-reports?pupilId=${encodeURIComponent(pupilId!)}`),
    enabled: !!pupilId,
  });
}

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReport) => apiPost<ReportCreated>('/api/absence-reports', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'list'] }),
  });
}

export function useWithdrawReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<{ report: AbsenceReport; lessonsMadeInvalid: number }>(`/api/absence-reports/${encodeURIComponent(id)}/withdraw`),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'list'] }),
  });
}
