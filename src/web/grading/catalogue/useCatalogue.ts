import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, isApiError } from '../../app/api';
import type { SessionBody } from '../../session/types';
import type { Catalogue, CatalogueColumn, CorrectionBody, DisagreementBody, RegisterIds } from './types';

const base = (groupId: string) => `/api/grading/groups/${encodeURIComponent(groupId)}`;

export function useCatalogue(groupId: string, column: CatalogueColumn, current: SessionBody['current']) {
  return useQuery({
    queryKey: ['catalogue', groupId, column, current.role, current.unitId],
    queryFn: () => apiGet<Catalogue>(`${base(groupId)}/catalogue?column=${column}`),
    // keep showing the previous column while the next one loads
    placeholderData: (previous) => (previous?.group.id === groupId ? previous : undefined),
  });
}

/** The register answer: the catalogue lines carry no grade id, the register cells do. */
export function useRegisterIds(groupId: string, enabled: boolean, current: SessionBody['current']) {
  return useQuery({
    queryKey: ['catalogue-register', groupId, current.role, current.unitId],
    queryFn: () => apiGet<RegisterIds>(base(groupId)),
    enabled,
  });
}

function useRefresh(groupId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['catalogue', groupId] }),
      qc.invalidateQueries({ queryKey: ['catalogue-register', groupId] }),
      qc.invalidateQueries({ queryKey: ['grading', 'register', groupId] }),
    ]);
}

export function useSignCatalogue(groupId: string) {
  const refresh = useRefresh(groupId);
  return useMutation({
    mutationFn: (column: CatalogueColumn) => apiPost<Catalogue>(`${base(groupId)}/catalogue/sign`, { column }),
    onSuccess: refresh,
  });
}

export function useLockGrades(groupId: string) {
  const refresh = useRefresh(groupId);
  return useMutation({
    mutationFn: (column: CatalogueColumn) => apiPost<{ locked: number }>(`${base(groupId)}/lock`, { column }),
    onSuccess: refresh,
  });
}

export function useCorrectGrade(groupId: string) {
  const refresh = useRefresh(groupId);
  return useMutation({
    mutationFn: ({ gradeId, body }: { gradeId: string; body: CorrectionBody }) =>
      apiPost<{ gradeId: string; value: string; state: string }>(`/api/grading/grades/${encodeURIComponent(gradeId)}/correction`, body),
    onSuccess: refresh,
  });
}

/** The licensed teacher qualified in the subject (otherwise the principal) decides a grade the unlicensed and
 *  the licensed teacher disagree on. A refusal because the grade moved on meanwhile refreshes the page too. */
export function useDecideDisagreement(groupId: string) {
  const refresh = useRefresh(groupId);
  return useMutation({
    mutationFn: ({ gradeId, body }: { gradeId: string; body: DisagreementBody }) =>
      apiPost<{ gradeId: string; value: string; decidedBy: 'licensed_teacher' | 'principal' }>(
        `/api/grading/grades/${encodeURIComponent(gradeId)}/disagreement`,
        body,
      ),
    onSuccess: refresh,
    onError: (err) => {
      if (isApiError(err, 409)) void refresh();
    },
  });
}
