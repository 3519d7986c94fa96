// Server state of the administrator's group pages and of the teacher's group reports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../../app/api';
import type { SessionBody } from '../../session/types';
import type { AdminGroup, GroupDetail, GroupOptions, GroupReport, ReportKind } from './types';

type Current = SessionBody['current'];
const base = (current: Current) => ['admin', 'groups', current.unitId] as const;
const enc = encodeURIComponent;

export const useAdminGroups = (current: Current, status: 'current' | 'ended' | 'all', enabled = true) =>
  useQuery({ queryKey: [...base(current), 'list', status], queryFn: () => apiGet<AdminGroup[]>(`/api/admin/groups?status=${status}`), enabled });

export const useAdminGroup = (current: Current, groupId: string, enabled = true) =>
  useQuery({ queryKey: [...base(current), 'detail', groupId], queryFn: () => apiGet<GroupDetail>(`/api/admin/groups/${enc(groupId)}`), enabled });

export const useGroupOptions = (current: Current, enabled = true) =>
  useQuery({ queryKey: [...base(current), 'options'], queryFn: () => apiGet<GroupOptions>('/api/admin/groups/options'), enabled, staleTime: 60_000 });

export const useGroupReports = (current: Current, status: 'open' | 'handled' | 'all', enabled = true) =>
  useQuery({ queryKey: [...base(current), 'reports', status], queryFn: () => apiGet<GroupReport[]>(`/api/admin/group-reports?status=${status}`), enabled });

/** A mutation of the administrator's groups: afterwards every list and group of the unit is read again. */
export function useGroupMutation<I, O>(current: Current, call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: base(current) });
      void qc.invalidateQueries({ queryKey: ['start'] });
    },
  });
}

export const groupCalls = {
  create: (body: Record<string, unknown>) => apiPost<AdminGroup>('/api/admin/groups', body),
  rename: (groupId: string, body: { name: string; previousName: string }) => apiPut<AdminGroup>(`/api/admin/groups/${enc(groupId)}`, body),
  end: (groupId: string, body: { endDate: string; confirm: boolean }) => apiPost<AdminGroup>(`/api/admin/groups/${enc(groupId)}/end`, body),
  addPupils: (groupId: string, body: { pupilIds: string[]; startDate: string; endDate: string | null }) =>
    apiPost<{ added: number }>(`/api/admin/groups/${enc(groupId)}/members`, body),
  endMembership: (groupId: string, membershipId: string, endDate: string) =>
    apiPost<unknown>(`/api/admin/groups/${enc(groupId)}/members/${enc(membershipId)}/end`, { endDate }),
  addStaff: (groupId: string, body: { personId: string; assignment: 'teacher' | 'mentor'; grader: boolean; startDate: string; endDate: string | null }) =>
    apiPost<unknown>(`/api/admin/groups/${enc(groupId)}/staff`, body),
  endStaff: (groupId: string, staffId: string, endDate: string) => apiPost<unknown>(`/api/admin/groups/${enc(groupId)}/staff/${enc(staffId)}/end`, { endDate }),
  handleReport: (reportId: string, body: { outcome: 'resolved' | 'rejected'; note: string }) =>
    apiPost<GroupReport>(`/api/admin/group-reports/${enc(reportId)}/handle`, body),
};

// ── the teacher's side: reports on a group they teach ──────────────────────────────────────────

const mineKey = (groupId: string, current: Current) => ['groups', 'reports', groupId, current.role, current.unitId] as const;

export const useMyGroupReports = (groupId: string, current: Current, enabled: boolean) =>
  useQuery({ queryKey: mineKey(groupId, current), queryFn: () => apiGet<GroupReport[]>(`/api/groups/${enc(groupId)}/reports`), enabled });

export function useReportGroup(groupId: string, current: Current) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: ReportKind; pupilId: string | null; message: string }) => apiPost<GroupReport>(`/api/groups/${enc(groupId)}/reports`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: mineKey(groupId, current) }),
  });
}
