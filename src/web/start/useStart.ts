import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api';
import type { SessionBody } from '../session/types';
import type { StartData } from './types';

/** Keyed by the session context so a role or unit switch never shows the previous context's data. */
export function useStart(current: SessionBody['current']) {
  return useQuery({
    queryKey: ['start', current.role, current.unitId],
    queryFn: () => apiGet<StartData>('/api/start'),
  });
}
