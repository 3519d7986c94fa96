import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../app/api';
import type { SessionBody } from '../../session/types';
import type { DocumentKind, DocumentList, GradeDocument } from './types';

const KEY = ['grade-documents'] as const;

export function useDocuments(kind: DocumentKind, current: SessionBody['current']) {
  return useQuery({
    queryKey: [...KEY, kind, current.role, current.unitId],
    queryFn: () => apiGet<DocumentList>(`/api/grading/documents?kind=${kind}`),
    retry: (count, err) => count < 2 && !(err instanceof Error && 'status' in err && (err as { status: number }).status < 500),
  });
}

export function useRefreshDocuments() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useSignDocument() {
  return useMutation({
    mutationFn: (id: string) => apiPost<GradeDocument>(`/api/grading/documents/${encodeURIComponent(id)}/sign`),
  });
}

export function useHandOut() {
  const refresh = useRefreshDocuments();
  return useMutation({
    mutationFn: (documentIds: string[]) => apiPost<{ handedOut: string[] }>('/api/grading/documents/hand-out', { documentIds }),
    onSuccess: refresh,
  });
}
