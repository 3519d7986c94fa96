// Server state of the register page: the register itself, the remembered columns, history,
// written assessments, confirming and removing a confirmation.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../../app/api';
import { COLUMNS } from '../../../domain/grading/columns';
import type { SessionBody } from '../../session/types';
import type { Column, ConfirmResult, HistoryEntry, Register, WrittenAssessment } from './types';

export const registerKey = (groupId: string) => ['grading', 'register', groupId] as const;
const groupPath = (groupId: string) => `/api/grading/groups/${encodeURIComponent(groupId)}`;

/** Keyed by the session context too: after a role or unit switch the answer may be a 404. */
export const registerQueryKey = (groupId: string, current: SessionBody['current']) =>
  [...registerKey(groupId), current.role, current.unitId] as const;

export function useRegister(groupId: string, current: SessionBody['current']) {
  return useQuery({
    queryKey: registerQueryKey(groupId, current),
    queryFn: () => apiGet<Register>(groupPath(groupId)),
  });
}

const PREF_KEY = ['me', 'preferences', 'grading.columns'] as const;
const PREF_PATH = '/api/me/preferences/grading.columns';

const isColumn = (v: unknown): v is Column => typeof v === 'string' && (COLUMNS as readonly string[]).includes(v);

/** Which grade columns the user shows (all of them until chosen); remembered per user on the server. */
export function useColumnChoice() {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: PREF_KEY,
    queryFn: () => apiGet<{ key: string; value: unknown }>(PREF_PATH),
    staleTime: 5 * 60_000,
  });
  // the choice made on this page, held in React state so that the ticked box changes in the same event:
  // the query cache tells its observers a tick later, and a controlled checkbox would flip back meanwhile
  const [chosen, setChosen] = useState<Column[] | null>(null);
  const value = query.data?.value;
  const stored: Column[] = Array.isArray(value) ? COLUMNS.filter((c) => value.some((v) => isColumn(v) && v === c)) : [...COLUMNS];
  const save = useMutation({
    mutationFn: (columns: Column[]) => apiPut<{ key: string; value: unknown }>(PREF_PATH, { value: columns }),
    onMutate: async (columns) => {
      await qc.cancelQueries({ queryKey: PREF_KEY });
      qc.setQueryData(PREF_KEY, { key: 'grading.columns', value: columns });
    },
  });
  const setShown = (columns: Column[]) => {
    setChosen(columns);
    save.mutate(columns);
  };
  return { shown: chosen ?? stored, ready: !query.isPending, setShown };
}

export function useHistory(gradeId: string | null) {
  return useQuery({
    queryKey: ['grading', 'history', gradeId],
    queryFn: () => apiGet<HistoryEntry[]>(`/api/grading/grades/${encodeURIComponent(gradeId!)}/history`),
    enabled: gradeId !== null,
    staleTime: 0,
  });
}

const assessmentPath = (groupId: string, pupilId: string) =>
  `${groupPath(groupId)}/pupils/${encodeURIComponent(pupilId)}/written-assessment`;

export function useWrittenAssessment(groupId: string, pupilId: string | null) {
  return useQuery({
    queryKey: ['grading', 'assessment', groupId, pupilId],
    queryFn: () => apiGet<WrittenAssessment>(assessmentPath(groupId, pupilId!)),
    enabled: pupilId !== null,
    staleTime: 0,
    gcTime: 0, // every opening shows the text as it is now
  });
}

export function useSaveWrittenAssessment(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { pupilId: string; knowledgeDevelopment: string; supportMeasures: string; version: number | null }) =>
      apiPut<WrittenAssessment>(assessmentPath(groupId, v.pupilId), {
        knowledgeDevelopment: v.knowledgeDevelopment,
        supportMeasures: v.supportMeasures,
        version: v.version,
      }),
    onSuccess: (saved, v) => {
      qc.setQueryData(['grading', 'assessment', groupId, v.pupilId], saved);
      void qc.invalidateQueries({ queryKey: registerKey(groupId) });
    },
  });
}

export function useConfirm(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { column: Column; pupilIds: string[] }) => apiPost<ConfirmResult>(`${groupPath(groupId)}/confirm`, v),
    onSettled: () => qc.invalidateQueries({ queryKey: registerKey(groupId) }),
  });
}

export function useUnconfirm(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { gradeId: string; reason: string }) =>
      apiPost<{ gradeId: string; state: string }>(`/api/grading/grades/${encodeURIComponent(v.gradeId)}/unconfirm`, { reason: v.reason }),
    onSettled: () => qc.invalidateQueries({ queryKey: registerKey(groupId) }),
  });
}
