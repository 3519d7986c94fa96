import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api';
import { reportApiPath, type ReportQuery } from './format';
import type { ExpectedReport, FollowupGroup, Report } from './types';

export function useReport(query: ReportQuery, enabled = true) {
  const path = reportApiPath(query);
  return useQuery({ queryKey: ['followup', 'report', path], queryFn: () => apiGet<Report>(path), enabled });
}

export function useExpected(schoolYear: string | null) {
  const path = `/api/followup/expected${schoolYear ? `?${new URLSearchParams({ schoolYear })}` : ''}`;
  return useQuery({ queryKey: ['followup', 'expected', path], queryFn: () => apiGet<ExpectedReport>(path) });
}

/** The teacher's (or principal's) groups with grades to follow up. */
export function useFollowupGroups(enabled: boolean) {
  return useQuery({
    queryKey: ['followup', 'groups'],
    queryFn: () => apiGet<{ groups: FollowupGroup[] }>('/api/followup/groups'),
    select: (data) => data.groups,
    enabled,
  });
}
