import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api';
import type { SessionBody } from '../session/types';
import type { PupilRecord, PupilSummary } from './types';

/** Keyed by the session context too: after a role or unit switch the answer may be a 404. */
export function usePupil(pupilId: string, current: SessionBody['current']) {
  return useQuery({
    queryKey: ['pupil', pupilId, current.role, current.unitId],
    queryFn: () => apiGet<PupilSummary>(`/api/pupils/${encodeURIComponent(pupilId)}`),
  });
}

/** The staff's pupil page (teacher, administrator, principal). */
export function usePupilRecord(pupilId: string, current: SessionBody['current']) {
  return useQuery({
    queryKey: ['pupil-record', pupilId, current.role, current.unitId],
    queryFn: () => apiGet<PupilRecord>(`/api/pupils/${encodeURIComponent(pupilId)}/record`),
  });
}
