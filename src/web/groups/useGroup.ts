import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api';
import type { SessionBody } from '../session/types';
import type { Group } from './types';

/** Keyed by the session context too: after a role or unit switch the answer may be a 404. */
export function useGroup(groupId: string, current: SessionBody['current']) {
  return useQuery({
    queryKey: ['group', groupId, current.role, current.unitId],
    queryFn: () => apiGet<Group>(`/api/groups/${encodeURIComponent(groupId)}`),
  });
}
