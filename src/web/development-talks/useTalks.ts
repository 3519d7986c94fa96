// Server state of the development-talk pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut, isApiError } from '../app/api';
import type { Preparation, Talk, TalkClasses, TalkList } from './types';

export const talksPath = (pupilId: string) => `/elever/${encodeURIComponent(pupilId)}/utvecklingssamtal`;
export const talkPath = (talkId: string) => `/utvecklingssamtal/${encodeURIComponent(talkId)}`;

export const usePupilTalks = (pupilId: string) => useQuery({ queryKey: ['development-talks', 'pupil', pupilId],
  queryFn: () => apiGet<TalkList>(`/api/pupils/${encodeURIComponent(pupilId)}/development-talks`) });
export const useTalk = (talkId: string) => useQuery({ queryKey: ['development-talks', 'talk', talkId],
  queryFn: () => apiGet<Talk>(`/api/development-talks/${encodeURIComponent(talkId)}`) });
export const usePreparation = (enabled = true) => useQuery({ queryKey: ['development-talks', 'preparation'], enabled,
  queryFn: () => apiGet<Preparation>('/api/development-talks/preparation') });

export const useTalkClasses = (enabled = true) => useQuery({ queryKey: ['development-talks', 'classes'], enabled,
  queryFn: () => apiGet<TalkClasses>('/api/development-talks/classes') });

export interface TalkSave {
  heldOn: string; participants: string; summary: string; version: number;
  goals: { id: string | null; goal: string; pupilDoes: string; schoolDoes: string; homeDoes: string }[];
  followUps: { goalId: string; outcome: string | null; note: string }[];
}

/** Plan, save, hold, share and comment: each answers with the talk as it now stands. */
export function useTalkMutations(talkId: string) {
  const qc = useQueryClient();
  const done = (talk: Talk) => {
    qc.setQueryData(['development-talks', 'talk', talk.id], talk);
    void qc.invalidateQueries({ queryKey: ['development-talks', 'pupil'] });
    void qc.invalidateQueries({ queryKey: ['development-talks', 'preparation'] });
  };
  // a stale save answers with the talk as it stands: show that
  const stale = (e: unknown) => { const current = isApiError(e, 409) ? e.body?.current as Talk | undefined : undefined; if (current) done(current); };
  const path = `/api/development-talks/${encodeURIComponent(talkId)}`;
  return {
    save: useMutation({ mutationFn: (b: TalkSave) => apiPut<Talk>(path, b), onSuccess: done, onError: stale }),
    hold: useMutation({ mutationFn: (version: number) => apiPost<Talk>(`${path}/hold`, { version }), onSuccess: done, onError: stale }),
    share: useMutation({ mutationFn: (version: number) => apiPost<Talk>(`${path}/share`, { version }), onSuccess: done, onError: stale }),
    comment: useMutation({ mutationFn: (b: { subjectCode: string; comment: string }) =>
      apiPut<Talk>(`${path}/comments/${encodeURIComponent(b.subjectCode)}`, { comment: b.comment }), onSuccess: done }),
  };
}

export function usePlanTalk(pupilId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { heldOn: string; participants: string }) => apiPost<Talk>(`/api/pupils/${encodeURIComponent(pupilId)}/development-talks`, b),
    onSuccess: (talk) => { qc.setQueryData(['development-talks', 'talk', talk.id], talk); void qc.invalidateQueries({ queryKey: ['development-talks'] }); },
  });
}
