import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../app/api';
import type { SessionBody } from '../../session/types';
import type { GradingOverview } from './types';

/** Keyed by the session context so that a role or unit switch never shows another context's groups. */
export function useGradingOverview(current: SessionBody['current'], enabled = true) {
  return useQuery({
    queryKey: ['grading', 'groups', current.role, current.unitId],
    queryFn: () => apiGet<GradingOverview>('/api/grading/groups'),
    enabled,
  });
}
