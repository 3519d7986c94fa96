import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, apiGet, apiPost, type ApiErrorBody } from '../../app/api';
import { useCurrentSession } from '../../session/useSession';
import type { Job, Kind, Preview } from './types';

/** Uploads a file for a preview (multipart; the JSON client does not send files). */
export function usePreview() {
  const session = useCurrentSession();
  return useMutation({
    mutationFn: async ({ kind, file }: { kind: Kind; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch(`/api/admin/import/preview?kind=${kind}`, {
        method: 'POST', body: form, credentials: 'include', headers: { 'x-csrf-token': session.csrfToken, accept: 'application/json' },
      });
      const body = (await res.json().catch(() => null)) as Preview | ApiErrorBody | null;
      if (!res.ok) {
        const err = body && 'error' in body ? body : null;
        throw new ApiError(res.status, err?.error.code ?? `http_${res.status}`, err?.error.message ?? `HTTP ${res.status}`, err);
      }
      return body as Preview;
    },
  });
}

export function useApply() {
  return useMutation({ mutationFn: (p: Preview) => apiPost<Job>('/api/admin/import/apply', { previewId: p.previewId, fileHash: p.fileHash }) });
}

/** The apply job, polled twice a second while it runs. */
export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: ['admin', 'import', 'job', jobId],
    queryFn: () => apiGet<Job>(`/api/admin/import/jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? 500 : false),
  });
}
