import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../app/api';
import type { Delegation, NewDelegation, StaffMember } from './types';

/** Staff with a duty at the current unit; keyed by the unit so a switch never shows another unit's staff. */
export function useUnitStaff(unitId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['unit', unitId, 'staff'],
    queryFn: () => apiGet<StaffMember[]>('/api/unit/staff'),
    enabled,
  });
}

export function useCreateDelegation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDelegation) => apiPost<Delegation>('/api/delegations', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['start'] }),
  });
}

export function useEndDelegation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<Delegation>(`/api/delegations/${encodeURIComponent(id)}/end`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['start'] }),
  });
}
