// Server state of the action programme pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost, apiPut, isApiError } from '../app/api';
import type { ProgrammeCase, ProgrammeSummary, PupilProgrammes, SupportDeadline } from './types';

export const programmePath = (id: string) => `/atgardsprogram/${encodeURIComponent(id)}`;
export const pupilProgrammesPath = (pupilId: string) => `/elever/${encodeURIComponent(pupilId)}/atgardsprogram`;
export const decisionPdfUrl = (id: string) => `/api/action-programmes/${encodeURIComponent(id)}/decision.pdf`;

export function usePupilProgrammes(pupilId: string, enabled = true) {
  return useQuery({ enabled, queryKey: ['action-programmes', 'pupil', pupilId],
    queryFn: () => apiGet<PupilProgrammes>(`/api/pupils/${encodeURIComponent(pupilId)}/action-programmes`) });
}

export function useUnitProgrammes() {
  return useQuery({ queryKey: ['action-programmes', 'unit'], queryFn: () => apiGet<{ today: string; programmes: ProgrammeSummary[] }>('/api/action-programmes') });
}

export function useProgramme(id: string) {
  return useQuery({ queryKey: ['action-programmes', 'case', id], queryFn: () => apiGet<ProgrammeCase>(`/api/action-programmes/${encodeURIComponent(id)}`) });
}

export function useSupportDeadlines(enabled = true) {
  return useQuery({ enabled, queryKey: ['action-programmes', 'deadlines'], queryFn: () => apiGet<{ today: string; deadlines: SupportDeadline[] }>('/api/me/support-deadlines') });
}

export interface DraftBody {
  investigationFindings: string; needs: string; evaluateBy: string | null;
  measures: { measure: string; responsibleId: string; followUpOn: string }[]; version: number;
}

/** Every change answers with the case as it now stands; a stale version answers 409 with the current case. */
export function useProgrammeMutations(id: string) {
  const qc = useQueryClient();
  const key = ['action-programmes', 'case', id];
  const done = (c: ProgrammeCase) => {
    qc.setQueryData(['action-programmes', 'case', c.id], c);
    void qc.invalidateQueries({ queryKey: ['action-programmes'], predicate: (q) => q.queryKey[2] !== c.id });
  };
  const onError = (e: Error) => {
    const current = isApiError(e, 409) ? (e.body as { current?: ProgrammeCase } | null)?.current : undefined;
    if (current) qc.setQueryData(key, current);
  };
  const path = `/api/action-programmes/${encodeURIComponent(id)}`;
  const m = <B,>(fn: (b: B) => Promise<ProgrammeCase>) => ({ mutationFn: fn, onSuccess: done, onError });
  return {
    saveDraft: useMutation(m((b: DraftBody) => apiPut<ProgrammeCase>(path, b))),
    decide: useMutation(m((b: { decision: string; reason: string; version: number }) => apiPost<ProgrammeCase>(`${path}/decision`, b))),
    informed: useMutation(m((b: { informedOn: string; version: number }) => apiPost<ProgrammeCase>(`${path}/guardians-informed`, b))),
    share: useMutation(m((b: { version: number }) => apiPost<ProgrammeCase>(`${path}/share`, b))),
    followUp: useMutation(m((b: { measureId: string; note: string; followedUpOn: string; nextFollowUpOn: string | null }) =>
      apiPost<ProgrammeCase>(`${path}/measures/${encodeURIComponent(b.measureId)}/follow-up`, { note: b.note, followedUpOn: b.followedUpOn, nextFollowUpOn: b.nextFollowUpOn }))),
    evaluate: useMutation(m((b: { evaluation: string; evaluatedOn: string; version: number }) => apiPost<ProgrammeCase>(`${path}/evaluation`, b))),
  };
}

export function useStartInvestigation(pupilId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { reason: string; startedOn: string }) => apiPost<ProgrammeCase>('/api/action-programmes', { pupilId, ...b }),
    onSuccess: (c) => { qc.setQueryData(['action-programmes', 'case', c.id], c); void qc.invalidateQueries({ queryKey: ['action-programmes', 'pupil', pupilId] }); },
  });
}

/** The message of a refused change, in the page's words. */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const key = `actionProgrammes.problems.${isApiError(error) ? error.code : ''}`;
    return i18n.exists(key) ? t(key) : t('app.unexpectedError');
  };
}
